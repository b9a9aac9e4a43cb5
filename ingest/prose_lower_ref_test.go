package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// lowerCapitalsRef is the byte loop lowerCapitals replaced: its oracle.
func lowerCapitalsRef(b []byte) {
	for k := range b {
		if c := b[k]; 'A' <= c && c <= 'Z' {
			b[k] = c + 'a' - 'A'
		}
	}
}

// checkLowerCapitals fails when lowerCapitals reads s otherwise than its
// oracle, or, on ASCII s, than strings.ToLower; it lower-cases s from
// each of the first eight offsets, so that every byte is tested in each
// place of a word.
func checkLowerCapitals(t *testing.T, s string) {
	t.Helper()
	for off := 0; off < 8 && off <= len(s); off++ {
		got, want := []byte(s[off:]), []byte(s[off:])
		lowerCapitals(got)
		lowerCapitalsRef(want)
		if string(got) != string(want) {
			t.Fatalf("lowerCapitals(%q) = %q; want %q", s[off:], got, want)
		}
		if isASCII(s) && string(got) != strings.ToLower(s[off:]) {
			t.Fatalf("lowerCapitals(%q) = %q; strings.ToLower says %q", s[off:], got, strings.ToLower(s[off:]))
		}
	}
}

func TestLowerCapitals(t *testing.T) {
	var all []byte
	for c := range 256 {
		all = append(all, byte(c))
	}
	for _, s := range []string{
		"", "A", "z", "@AZ[`az{", "The Outage BEGAN at 10:02 UTC.", "ABCDEFGH", "ABCDEFGHI", "\xc1\xda\xc0\xdb\xe1\xfa", "ÉTÉ À Paris",
		"ſ and \u212a", "İ", "\xff\xfeAB", string(all), strings.Repeat("AbC", 5000),
	} {
		checkLowerCapitals(t, s)
	}
}

// TestLowerCapitalsRandom compares lowerCapitals with its oracle on the
// fixture lines and random bytes, the bytes around the capitals
// ('@', '[', '`', '{' and those with the high bit set) most of all.
func TestLowerCapitalsRandom(t *testing.T) {
	skipOracleUnderRace(t)
	for _, l := range refTestLines(t) {
		checkLowerCapitals(t, l)
	}
	near := []byte("@AMZ[`amz{\xc0\xc1\xda\xdb\x80\xff\x00 ")
	r := rand.New(rand.NewPCG(97, 98))
	for range 50000 {
		b := make([]byte, r.IntN(40))
		for k := range b {
			if r.IntN(4) == 0 {
				b[k] = byte(r.IntN(256))
			} else {
				b[k] = near[r.IntN(len(near))]
			}
		}
		checkLowerCapitals(t, string(b))
	}
}

func FuzzLowerCapitals(f *testing.F) {
	for _, s := range []string{"", "The Outage BEGAN", "@AZ[`az{", "\xc1\xda ÉTÉ"} {
		f.Add(s)
	}
	f.Fuzz(checkLowerCapitals)
}
