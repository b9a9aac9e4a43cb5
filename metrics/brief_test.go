package metrics

import (
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
	z := NewBriefer()
	for _, a := range as {
		b := z.Brief(a)
		inc, res := a.Incident, a.Result
		name := inc.Source.Path
		if b.ID != inc.ID || b.Title != inc.Title || b.Org != inc.Organization || b.Source != inc.Source.Path ||
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
	x, y := z.Brief(a), z.Brief(b)
	if x.components != y.components || x.factors != y.factors {
		t.Error("the same component and factor lists are not shared")
	}
	if unsafeData(x.Org) != unsafeData(y.Org) {
		t.Error("the organisation name is not shared")
	}
	if c := an("Acme", day(2024, 5, 1), 10, []string{"API"}); z.Brief(c).components == x.components {
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
