package metrics

import (
	"cmp"
	"math/rand/v2"
	"path/filepath"
	"slices"
	"testing"
	"time"
	"unsafe"

	"github.com/mttx-dev/mttx/ingest"
)

// TestBriefAgrees checks that a Brief answers every question the review
// asks exactly as the analysis it was made from does, on every example
// report and on an incident that knows nothing.
func TestBriefAgrees(t *testing.T) {
	files, _ := filepath.Glob("../testdata/examples/*")
	if len(files) == 0 {
		t.Fatal("no example reports in ../testdata/examples")
	}
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	as := []Analysis{{}}
	for _, f := range files {
		res := ingest.ReadFile(f, nil, ingest.Options{})
		if res.Err != nil {
			t.Fatalf("%s: %v", f, res.Err)
		}
		for _, inc := range res.Incidents {
			as = append(as, Analyze(inc, tax))
		}
	}
	z, names := NewBriefer(), &NameList{}
	for _, a := range as {
		inc, res := a.Incident, a.Result
		b := z.Brief(a, names.Add(inc.ID, inc.Title))
		name := inc.Source.Path
		if id, title, err := names.Name(b.Name); err != nil || id != inc.ID || title != inc.Title {
			t.Errorf("%s: name %q %q (%v); want %q %q", name, id, title, err, inc.ID, inc.Title)
		}
		if b.Org() != inc.Organization || b.Source() != inc.Source.Path ||
			int(b.Line) != inc.Source.Line || int(b.Updates) != res.Updates || b.Impact != inc.Impact || b.Format != inc.Format {
			t.Errorf("%s: brief %+v does not match its incident", name, b)
		}
		if !sameTime(b.When(), a.When()) || !sameTime(b.Start(), res.Milestones.Start.At) || b.StartProvenance != res.Milestones.Start.Provenance {
			t.Errorf("%s: when %v start %v (%v); want %v, %v (%v)", name, b.When(), b.Start(), b.StartProvenance, a.When(), res.Milestones.Start.At, res.Milestones.Start.Provenance)
		}
		if b.IsMaintenance() != a.IsMaintenance() || b.Resolved() != res.Milestones.Resolved.Known() ||
			b.HasPostmortem() != (inc.Postmortem != nil || res.Milestones.Postmortem.Known()) {
			t.Errorf("%s: flags differ: maintenance %v resolved %v postmortem %v", name, b.IsMaintenance(), b.Resolved(), b.HasPostmortem())
		}
		for _, m := range AllMetrics() {
			if !sameDuration(b.Duration(m), res.Durations.Get(m)) {
				t.Errorf("%s: %v = %v; want %v", name, m, b.Duration(m), res.Durations.Get(m))
			}
		}
		if !sameDuration(b.ImpactTime(), res.ImpactTime()) {
			t.Errorf("%s: impact time %v; want %v", name, b.ImpactTime(), res.ImpactTime())
		}
		if at, ok := b.at(); ok != (a.When() != nil) || (ok && !at.Equal(*a.When())) {
			t.Errorf("%s: at() = %v, %v; want %v", name, at, ok, a.When())
		}
		if d, ok := b.impactTime(); ok != (res.ImpactTime() != nil) || (ok && d != *res.ImpactTime()) {
			t.Errorf("%s: impactTime() = %v, %v; want %v", name, d, ok, res.ImpactTime())
		}
		if !slices.Equal(b.Components(), inc.Components) || !slices.Equal(b.Factors(), a.Factors.Names()) {
			t.Errorf("%s: components %v factors %v; want %v %v", name, b.Components(), b.Factors(), inc.Components, a.Factors.Names())
		}
		for _, f := range a.Factors.Names() {
			if !b.HasFactor(f) {
				t.Errorf("%s: HasFactor(%s) = false", name, f)
			}
		}
	}
}

// TestBrieferShares checks that Briefs share the lists and names many
// incidents repeat, which is what keeps a million of them small.
func TestBrieferShares(t *testing.T) {
	z := NewBriefer()
	a := an("Acme", day(2024, 3, 1), 30, []string{"API", "Web"}, "deploy")
	b := an("Acme", day(2024, 4, 1), 60, []string{"API", "Web"}, "deploy")
	x, y := z.Brief(a, 0), z.Brief(b, 1)
	if x.lists != y.lists {
		t.Error("the same component and factor lists are not shared")
	}
	if x.origin != y.origin {
		t.Error("the organisation and source are not shared")
	}
	other := an("Acme", day(2024, 5, 1), 10, nil)
	other.Incident.Source.Path = "elsewhere.json"
	if o := z.Brief(other, 2); o.origin == x.origin || unsafeData(o.Org()) != unsafeData(x.Org()) {
		t.Error("the organisation name is not shared across sources, or two sources share an origin")
	}
	if c := an("Acme", day(2024, 5, 1), 10, []string{"API"}); z.Brief(c, 3).lists == x.lists {
		t.Error("different component lists are shared")
	}
}

func sameTime(a, b *time.Time) bool {
	return (a == nil) == (b == nil) && (a == nil || a.Equal(*b))
}

func sameDuration(a, b *time.Duration) bool {
	return (a == nil) == (b == nil) && (a == nil || *a == *b)
}

// unsafeData is the address of a string's bytes.
func unsafeData(s string) *byte { return unsafe.StringData(s) }

// TestLabelerCaches checks that a period label formatted once and reused
// is the label of every time in the period, across year and ISO week
// boundaries.
func TestLabelerCaches(t *testing.T) {
	l := newLabeler()
	start := time.Date(2019, 12, 20, 0, 0, 0, 0, time.UTC)
	for h := 0; h < 24*800; h += 7 {
		tm := start.Add(time.Duration(h) * time.Hour)
		b := Brief{flags: hasWhen, when: tm.UnixNano()}
		for _, k := range []Key{KeyQuarter, KeyMonth, KeyWeek} {
			if got, want := l.appendValues(nil, k, &b), periodLabel(k, tm); len(got) != 1 || got[0] != want {
				t.Fatalf("%v of %v: %v; want %s", k, tm, got, want)
			}
		}
	}
}

// TestWorstIsStableTopN checks that the worst incidents kept as they come
// are the first n of a stable sort of all of them, ties included.
func TestWorstIsStableTopN(t *testing.T) {
	var bs []Brief
	for i := range 200 {
		b := Brief{Name: NameKey(i), flags: hasWhen, when: int64(i*7919%13) * int64(time.Hour)}
		var ds Durations
		d := time.Duration(i*31%9) * time.Minute
		ds[TTR] = &d
		b.setSpans(ds)
		bs = append(bs, b)
	}
	members := make([]int32, len(bs))
	for i := range members {
		members[i] = int32(i)
	}
	all := slices.Clone(members)
	slices.SortStableFunc(all, func(x, y int32) int {
		dx, _ := bs[x].impactTime()
		dy, _ := bs[y].impactTime()
		return cmp.Or(cmp.Compare(dy, dx), cmp.Compare(bs[x].when, bs[y].when))
	})
	for _, n := range []int{0, 1, 3, 17, 500} {
		var w worst
		list := ListOf(bs)
		for _, i := range members {
			w.add(list, i, n)
		}
		if want := all[:min(n, len(all))]; !slices.Equal(w.top, want) {
			t.Errorf("n=%d: kept %v; want %v", n, w.top, want)
		}
	}
}

// TestSpansRoundTrip checks that every duration a Brief keeps comes back
// exactly: packed (whole seconds, whole milliseconds, at and past the
// limits, negative) or, when one of an incident's does not pack, all of
// them kept wide.
func TestSpansRoundTrip(t *testing.T) {
	lim := time.Duration(spanLimit)
	cases := []time.Duration{0, time.Second, -time.Second, time.Millisecond, -time.Millisecond, 90 * time.Minute,
		(lim - 1) * time.Second, -(lim - 1) * time.Second, lim * time.Second, (lim - 1) * time.Millisecond,
		lim * time.Millisecond, -lim * time.Millisecond, time.Nanosecond, 1500 * time.Microsecond,
		13 * 24 * time.Hour, 13*24*time.Hour + time.Millisecond, 1<<63 - 1, -1 << 63}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 2000 {
		d := time.Duration(rng.Int64N(1<<50) - 1<<49)
		switch rng.IntN(3) {
		case 0:
			d = d.Truncate(time.Second)
		case 1:
			d = d.Truncate(time.Millisecond)
		}
		cases = append(cases, d)
	}
	for i := 0; i+int(numMetrics) <= len(cases); i++ {
		var ds Durations
		for m := range numMetrics {
			if (i+int(m))%5 != 0 { // some unknown
				ds[m] = &cases[i+int(m)]
			}
		}
		var b Brief
		b.setSpans(ds)
		for m := range numMetrics {
			if got := b.Duration(m); !sameDuration(got, ds[m]) {
				t.Fatalf("case %d metric %v: %v; want %v", i, m, got, ds[m])
			}
		}
	}
	var ds Durations
	for m := range numMetrics {
		ds[m] = &cases[1]
	}
	var b Brief
	if b.setSpans(ds); b.wide != nil {
		t.Error("whole seconds were kept wide")
	}
}
