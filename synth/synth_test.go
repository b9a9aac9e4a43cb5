package synth

import (
	"bytes"
	"testing"
)

// TestDeterministic: the same config gives the same bytes, file by file,
// and another seed gives other bytes.
func TestDeterministic(t *testing.T) {
	for _, f := range Formats() {
		c := Config{Format: f, N: 60, Seed: 3, PerFile: 10}
		for k := range c.Files() {
			var a, b, other bytes.Buffer
			if err := Write(&a, f, c.File(k)); err != nil {
				t.Fatal(err)
			}
			if err := Write(&b, f, c.File(k)); err != nil {
				t.Fatal(err)
			}
			c2 := c
			c2.Seed = 4
			if err := Write(&other, f, c2.File(k)); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a.Bytes(), b.Bytes()) {
				t.Errorf("%s file %d: two runs differ", f, k)
			}
			if bytes.Equal(a.Bytes(), other.Bytes()) {
				t.Errorf("%s file %d: seeds 3 and 4 give the same bytes", f, k)
			}
		}
	}
}

// TestDistributions: the corpus has what makes it realistic: unknown
// milestones, maintenance, several zones, stated causes, and a long tail of
// time to resolve.
func TestDistributions(t *testing.T) {
	c := Config{Format: StatuspageJSON, N: 4000, Seed: 1, PerFile: 50}
	var noStart, maint, withCause, noTTI int
	zones := map[string]bool{}
	var ttrs []int64
	for i := range c.N {
		inc := c.Draw(i)
		zones[inc.zone.String()] = true
		switch {
		case inc.maintenance:
			maint++
		case inc.TTD == nil:
			noStart++
		}
		if inc.Factor != "" {
			withCause++
		}
		if inc.TTI == nil {
			noTTI++
		}
		if inc.TTR != nil && !inc.maintenance {
			ttrs = append(ttrs, *inc.TTR)
		}
	}
	share := func(n int) float64 { return float64(n) / float64(c.N) }
	for _, x := range []struct {
		what   string
		got    float64
		lo, hi float64
	}{
		{"maintenance", share(maint), 0.05, 0.11},
		{"start unknown", share(noStart), 0.10, 0.20},
		{"cause stated", share(withCause), 0.35, 0.65},
		{"no time to identify", share(noTTI), 0.30, 0.50},
	} {
		if x.got < x.lo || x.got > x.hi {
			t.Errorf("%s: %.3f of incidents; want %.2f to %.2f", x.what, x.got, x.lo, x.hi)
		}
	}
	if len(zones) < 5 {
		t.Errorf("%d zones; want at least 5", len(zones))
	}
	var over6h int
	for _, s := range ttrs {
		if s > 6*3600 {
			over6h++
		}
	}
	if over6h == 0 || over6h > len(ttrs)/10 {
		t.Errorf("%d of %d incidents take over 6h to resolve; want a thin long tail", over6h, len(ttrs))
	}
}
