package metrics

import (
	"fmt"
	"path/filepath"
	"runtime"
	"testing"
	"time"
	"unsafe"

	"github.com/mttx-dev/mttx/ingest"
)

// BenchmarkReviewMillion computes the numbers of a review (the summary,
// groups by quarter, recurrence, reliability per organisation) over a
// million Briefs: ns/incident and allocated B/incident per function, and
// the size of a Brief. Issue 9 asks for a million incidents in under
// 300 MB.
func BenchmarkReviewMillion(b *testing.B) {
	tax, err := DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	bs := manyBriefs(b, 1_000_000, tax)
	b.Logf("a Brief is %d bytes: %d MB for %d", unsafe.Sizeof(Brief{}), int(unsafe.Sizeof(Brief{}))*bs.Len()>>20, bs.Len())
	steps := []struct {
		name string
		run  func()
	}{
		{"distributions", func() { Distributions(bs) }},
		{"groupby-quarter", func() { GroupBy(bs, []Key{KeyQuarter}) }},
		{"recur", func() { Recur(bs, 90*24*time.Hour, tax) }},
		{"reliability-org", func() { ReliabilityBy(bs, KeyOrg, WorstPerGroup) }},
	}
	for _, s := range steps {
		b.Run(s.name, func(b *testing.B) { perIncident(b, bs.Len(), s.run) })
	}
	b.Run("all", func(b *testing.B) {
		perIncident(b, bs.Len(), func() {
			for _, s := range steps {
				s.run()
			}
		})
	})
}

// perIncident runs f b.N times and reports its time and allocated bytes
// per incident of n.
func perIncident(b *testing.B, n int, f func()) {
	b.ReportAllocs()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for b.Loop() {
		f()
	}
	runtime.ReadMemStats(&after)
	runs := float64(b.N) * float64(n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/runs, "ns/incident")
	b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/runs, "B/incident")
}

// manyBriefs makes n Briefs from a few hundred analyses (the examples and
// incidents of 60 organisations, 12 components and a few factors),
// repeated over three years with their durations scaled: cheap to build,
// and as varied as the keys a review groups by.
func manyBriefs(tb testing.TB, n int, tax *Taxonomy) *BriefList {
	tb.Helper()
	files, _ := filepath.Glob("../testdata/examples/*")
	var as []Analysis
	for _, f := range files {
		res := ingest.ReadFile(f, nil, ingest.Options{})
		if res.Err != nil {
			tb.Fatalf("%s: %v", f, res.Err)
		}
		for _, inc := range res.Incidents {
			as = append(as, Analyze(inc, tax))
		}
	}
	factors := tax.Factors()
	comps := []string{"API", "Web", "Search", "Billing", "Auth", "CDN", "DNS", "Database", "Queue", "Storage", "Email", "Mobile"}
	for i := range 300 {
		var fs []Factor
		for j := range i % 3 {
			fs = append(fs, factors[(i*7+j*5)%len(factors)])
		}
		c := []string{comps[i%len(comps)]}
		if i%4 == 0 {
			c = append(c, comps[(i+5)%len(comps)])
		}
		as = append(as, an(fmt.Sprintf("Org %02d", i%60), day(2024, 1, 1), 5+(i*37)%600, c, fs...))
	}
	base := Briefs(as)
	t0 := day(2023, 1, 1).UnixNano()
	step := int64(3*365*24*time.Hour) / int64(n)
	out := &BriefList{}
	for i := range n {
		out.Append(base.At(i%base.Len()).placed(t0+int64(i)*step, 0.25+float64((i*7919)%1000)/250))
	}
	return out
}

// placed is b moved to when (its start and other milestones with it)
// with every duration scaled by f: for making many Briefs out of few.
func (b Brief) placed(when int64, f float64) Brief {
	if b.flags&hasWhen == 0 {
		return b
	}
	b.when = when
	var ds Durations
	for m := range numMetrics {
		if d, ok := b.span(m); ok {
			d = time.Duration(float64(d) * f).Round(time.Second)
			ds[m] = &d
		}
	}
	b.known, b.wide = 0, nil
	b.setSpans(ds)
	return b
}

// TestReviewAllocatesPerGroupNotPerIncident checks that the review's
// functions allocate about as many times for 60,000 incidents as for
// 20,000: per group and per doubling of a slice, not per incident (fewer
// than one allocation per ten incidents more), which is what keeps a
// million of them affordable.
func TestReviewAllocatesPerGroupNotPerIncident(t *testing.T) {
	if testing.Short() {
		t.Skip("builds 80,000 Briefs")
	}
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	th, err := ParseThreshold("p90(ttr, quarter=last, factor=deploy) > 4h")
	if err != nil {
		t.Fatal(err)
	}
	q1, q2 := mustPeriod(t, "2024Q1"), mustPeriod(t, "2024Q2")
	small, large := manyBriefs(t, 20_000, tax), manyBriefs(t, 60_000, tax)
	for name, f := range map[string]func(*BriefList){
		"Distributions":      func(bs *BriefList) { Distributions(bs) },
		"GroupBy":            func(bs *BriefList) { GroupBy(bs, []Key{KeyQuarter}) },
		"Compare":            func(bs *BriefList) { Compare(bs, q1, q2) },
		"Recur":              func(bs *BriefList) { Recur(bs, 90*24*time.Hour, tax) },
		"ReliabilityBy":      func(bs *BriefList) { ReliabilityBy(bs, KeyOrg, WorstPerGroup) },
		"Threshold.Evaluate": func(bs *BriefList) { th.Evaluate(bs) },
	} {
		a := testing.AllocsPerRun(1, func() { f(small) })
		b := testing.AllocsPerRun(1, func() { f(large) })
		if b-a > float64(large.Len()-small.Len())/10 {
			t.Errorf("%s: %.0f allocations for %d incidents, %.0f for %d", name, a, small.Len(), b, large.Len())
		}
	}
}

func mustPeriod(t *testing.T, s string) Period {
	p, err := ParsePeriod(s)
	if err != nil {
		t.Fatal(err)
	}
	return p
}
