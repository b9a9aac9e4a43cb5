package metrics

import (
	"cmp"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/ingest"
)

// an builds an analysis: an incident of org on components, starting at
// start, resolved ttr minutes later, with the given factors.
func an(org string, start time.Time, ttrMin int, comps []string, factors ...Factor) Analysis {
	inc := ingest.Incident{ID: org + start.Format(time.RFC3339), Organization: org, Title: org + " incident", Impact: ingest.ImpactMajor,
		ImpactStart: &ingest.Stated{At: start}, Source: ingest.Source{Path: org + ".txt", Line: 1}}
	for _, c := range comps {
		inc.Components = append(inc.Components, ingest.Component{Name: c})
	}
	if ttrMin >= 0 {
		inc.Updates = []ingest.Update{
			{Status: ingest.StatusInvestigating, At: start.Add(5 * time.Minute)},
			{Status: ingest.StatusResolved, At: start.Add(time.Duration(ttrMin) * time.Minute)},
		}
	}
	a := Analysis{Incident: inc, Result: Compute(inc)}
	for _, f := range factors {
		a.Factors.Found = append(a.Factors.Found, FactorFinding{Factor: f, Strength: Stated})
	}
	return a
}

// brief reduces one analysis.
func brief(a Analysis) Brief { return NewBriefer().Brief(a, 0) }

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.UTC) }

func TestKeysAndPeriods(t *testing.T) {
	a := an("Acme", day(2024, 3, 31), 30, []string{"API", "Web", "API"}, "deploy", "dns")
	tests := []struct {
		key  Key
		want []string
	}{
		{KeyQuarter, []string{"2024Q1"}}, {KeyMonth, []string{"2024-03"}}, {KeyWeek, []string{"2024-W13"}},
		{KeyOrg, []string{"Acme"}}, {KeyImpact, []string{"major"}}, {KeyComponent, []string{"API", "Web"}},
		{KeyFactor, []string{"deploy", "dns"}},
	}
	for _, tt := range tests {
		if got := tt.key.Values(brief(a)); !slices.Equal(got, tt.want) {
			t.Errorf("%v values = %v; want %v", tt.key, got, tt.want)
		}
	}
	none := Analysis{}
	for k, want := range map[Key]string{KeyQuarter: Undated, KeyOrg: NoValue, KeyComponent: NoComponent, KeyFactor: NoFactor} {
		if got := k.Values(brief(none)); len(got) != 1 || got[0] != want {
			t.Errorf("%v of an empty incident = %v; want [%s]", k, got, want)
		}
	}
	for _, s := range []string{"quarter", "ORG", "organisation", "factor"} {
		if _, err := ParseKey(s); err != nil {
			t.Errorf("ParseKey(%q): %v", s, err)
		}
	}
	if _, err := ParseKey("service"); err == nil {
		t.Error("ParseKey(service): want an error naming the keys")
	}
	periods := map[string][2]time.Time{
		"2024Q1":  {day(2024, 1, 1).Add(-12 * time.Hour), day(2024, 4, 1).Add(-12 * time.Hour)},
		"2024-q4": {day(2024, 10, 1).Add(-12 * time.Hour), day(2025, 1, 1).Add(-12 * time.Hour)},
		"2024-02": {day(2024, 2, 1).Add(-12 * time.Hour), day(2024, 3, 1).Add(-12 * time.Hour)},
		"2023":    {day(2023, 1, 1).Add(-12 * time.Hour), day(2024, 1, 1).Add(-12 * time.Hour)},
	}
	for s, want := range periods {
		p, err := ParsePeriod(s)
		if err != nil || !p.From.Equal(want[0]) || !p.To.Equal(want[1]) {
			t.Errorf("ParsePeriod(%q) = %v..%v, %v; want %v..%v", s, p.From, p.To, err, want[0], want[1])
		}
	}
	for _, bad := range []string{"2024Q5", "2024-13", "Q1", "last"} {
		if _, err := ParsePeriod(bad); err == nil {
			t.Errorf("ParsePeriod(%q): want an error", bad)
		}
	}
}

func TestGroupByTwoKeysAndMultiValued(t *testing.T) {
	as := []Analysis{
		an("Beta", day(2024, 2, 1), 60, []string{"API"}, "deploy"),
		an("Acme", day(2024, 5, 1), 30, []string{"API", "Web"}, "deploy", "capacity"),
		an("acme", day(2024, 1, 10), 90, nil),
		{Incident: ingest.Incident{Organization: "Zed"}}, // undated
	}
	groups := GroupBy(Briefs(as), []Key{KeyQuarter, KeyOrg})
	var got [][]string
	for _, g := range groups {
		got = append(got, append(slices.Clone(g.Values), strconv.Itoa(g.Incidents)))
	}
	want := [][]string{{"2024Q1", "acme", "1"}, {"2024Q1", "Beta", "1"}, {"2024Q2", "Acme", "1"}, {Undated, "Zed", "1"}}
	if !slices.EqualFunc(got, want, slices.Equal) {
		t.Errorf("groups = %v; want %v (time order, names without case, undated last)", got, want)
	}
	byFactor := GroupBy(Briefs(as), []Key{KeyFactor})
	counts := map[string]int{}
	for _, g := range byFactor {
		counts[g.Values[0]] = g.Incidents
	}
	if counts["deploy"] != 2 || counts["capacity"] != 1 || counts[NoFactor] != 2 {
		t.Errorf("factor groups %v; want deploy 2 (one incident in two groups), capacity 1, no factor 2", counts)
	}
	if d := groups[0].Distributions[TTR]; d.Known != 1 || *d.Median != 90*time.Minute {
		t.Errorf("2024Q1/acme TTR %+v; want one value of 1h30m", d)
	}
}

func TestFilter(t *testing.T) {
	maint := an("Acme", day(2024, 2, 2), 30, nil)
	maint.Incident.Impact = ingest.ImpactMaintenance
	minor := an("Beta", day(2024, 2, 3), 30, []string{"Search"})
	minor.Incident.Impact = ingest.ImpactMinor
	grouped := an("Acme", day(2024, 3, 3), 30, nil)
	grouped.Incident.Components = []ingest.Component{{Name: "Dashboard", Group: "Supporting Services"}}
	as := []Analysis{
		an("Acme", day(2023, 12, 31), 30, nil), maint, minor, grouped, {Incident: ingest.Incident{Organization: "Acme"}},
	}
	since, until := day(2024, 1, 1).Add(-12*time.Hour), day(2024, 4, 1).Add(-12*time.Hour)
	tests := []struct {
		name string
		f    Filter
		kept int
		c    FilterCounts
	}{
		{"default leaves maintenance out", Filter{}, 4, FilterCounts{Read: 5, Kept: 4, Maintenance: 1}},
		{"include maintenance", Filter{IncludeMaintenance: true}, 5, FilterCounts{Read: 5, Kept: 5}},
		{"since/until, undated counted", Filter{Since: &since, Until: &until}, 2, FilterCounts{Read: 5, Kept: 2, Maintenance: 1, OutOfRange: 1, Undated: 1}},
		{"org without case", Filter{Orgs: []string{"beta"}}, 1, FilterCounts{Read: 5, Kept: 1, Maintenance: 1, NotMatch: 3}},
		{"component group matches", Filter{Components: []string{"supporting services"}}, 1, FilterCounts{Read: 5, Kept: 1, Maintenance: 1, NotMatch: 3}},
		{"impact", Filter{Impacts: []ingest.Impact{ingest.ImpactMinor}}, 1, FilterCounts{Read: 5, Kept: 1, Maintenance: 1, NotMatch: 3}},
	}
	for _, tt := range tests {
		kept, c := tt.f.Apply(Briefs(as))
		if kept.Len() != tt.kept || c != tt.c {
			t.Errorf("%s: kept %d, counts %+v; want %d, %+v", tt.name, kept.Len(), c, tt.kept, tt.c)
		}
	}
}

// series returns n incidents in the month of start, one a day, with the
// given TTR minutes (cycled).
func series(org string, start time.Time, n int, ttrs ...int) []Analysis {
	var out []Analysis
	for i := range n {
		out = append(out, an(org, start.AddDate(0, 0, i), ttrs[i%len(ttrs)], nil))
	}
	return out
}

func TestCompareVerdicts(t *testing.T) {
	q1, _ := ParsePeriod("2024Q1")
	q2, _ := ParsePeriod("2024Q2")
	tests := []struct {
		name string
		as   []Analysis
		want Verdict
	}{
		{"too few", append(series("A", day(2024, 1, 5), 3, 60), series("A", day(2024, 4, 5), 9, 30)...), VerdictTooFew},
		{"overlapping intervals: no detectable change",
			append(series("A", day(2024, 1, 5), 8, 40, 90, 60, 120, 45, 70, 100, 55), series("A", day(2024, 4, 5), 8, 50, 80, 35, 110, 65, 90, 45, 60)...), VerdictNoChange},
		{"clearly faster", append(series("A", day(2024, 1, 5), 10, 120, 130, 140, 125, 135), series("A", day(2024, 4, 5), 10, 20, 25, 30, 22, 28)...), VerdictBetter},
		{"clearly slower", append(series("A", day(2024, 1, 5), 10, 20, 25, 30, 22, 28), series("A", day(2024, 4, 5), 10, 120, 130, 140, 125, 135)...), VerdictWorse},
	}
	for _, tt := range tests {
		c := Compare(Briefs(tt.as), q1, q2)
		if got := c.Metrics[TTR].Verdict; got != tt.want {
			t.Errorf("%s: TTR verdict %v; want %v (A %+v, B %+v)", tt.name, got, tt.want, c.Metrics[TTR].A.MedianCI, c.Metrics[TTR].B.MedianCI)
		}
	}
	c := Compare(Briefs(append(series("A", day(2024, 1, 5), 10, 120), series("A", day(2024, 4, 5), 10, 60)...)), q1, q2)
	m := c.Metrics[TTR]
	if *m.Change != -60*time.Minute || math.Abs(*m.ChangePct+50) > 1e-9 {
		t.Errorf("change %v (%v%%); want -1h (-50%%)", *m.Change, *m.ChangePct)
	}
}

func TestCompareCounts(t *testing.T) {
	q1, _ := ParsePeriod("2024Q1")
	q2, _ := ParsePeriod("2024Q2")
	// 10 against 11 incidents in quarters of 91 days each: no change.
	same := compareCounts(10, 11, q1, q2)
	if same.Verdict != VerdictNoChange || same.P < 0.5 {
		t.Errorf("10 vs 11: %+v; want no detectable change", same)
	}
	// 30 against 5: fewer incidents beyond chance.
	fewer := compareCounts(30, 5, q1, q2)
	if fewer.Verdict != VerdictBetter || fewer.P > 0.001 {
		t.Errorf("30 vs 5: %+v; want fewer incidents, p < 0.001", fewer)
	}
	// Hand-worked: k=0 of n=5 with p=1/2 gives 2*(1/32) = 0.0625.
	if p := binomialTwoSided(0, 5, 0.5); math.Abs(p-0.0625) > 1e-9 {
		t.Errorf("binomialTwoSided(0, 5, 0.5) = %v; want 0.0625", p)
	}
	// k=2 of n=4, p=1/2 is the most likely outcome: p-value 1.
	if p := binomialTwoSided(2, 4, 0.5); math.Abs(p-1) > 1e-9 {
		t.Errorf("binomialTwoSided(2, 4, 0.5) = %v; want 1", p)
	}
}

func TestLastPeriods(t *testing.T) {
	as := []Analysis{an("A", day(2024, 2, 1), 10, nil), an("A", day(2024, 8, 1), 10, nil), {}}
	prev, last, ok := LastPeriods(Briefs(as), false)
	if !ok || prev.Label != "2024Q2" || last.Label != "2024Q3" {
		t.Errorf("last quarter: %s, %s, %v; want 2024Q2, 2024Q3 (the data's latest quarter and the one before)", prev.Label, last.Label, ok)
	}
	prev, last, _ = LastPeriods(Briefs(as), true)
	if prev.Label != "2024-07" || last.Label != "2024-08" {
		t.Errorf("last month: %s, %s; want 2024-07, 2024-08", prev.Label, last.Label)
	}
	if _, _, ok := LastPeriods(Briefs([]Analysis{{}}), false); ok {
		t.Error("no dated incident: want ok=false")
	}
}

func TestRecurrence(t *testing.T) {
	as := []Analysis{
		an("Acme", day(2024, 1, 10), 60, []string{"API"}, "deploy", "software-bug"),
		an("Acme", day(2024, 2, 20), 30, []string{"API"}, "deploy", "software-bug"), // 41 days later: a repeat
		an("Acme", day(2024, 9, 1), 45, []string{"API"}, "deploy"),                  // 194 days: not one
		an("Beta", day(2024, 4, 2), 240, nil, "third-party"),
		an("Beta", day(2024, 4, 20), 20, nil, "third-party", "deploy"), // no component: org + factor
		an("Gamma", day(2024, 5, 1), 10, nil),
	}
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	rec := Recur(Briefs(as), 90*24*time.Hour, tax)
	if rec.Incidents != 6 || rec.WithFactors != 5 {
		t.Errorf("incidents %d with factors %d; want 6, 5", rec.Incidents, rec.WithFactors)
	}
	if want := []string{"2024Q1", "2024Q2", "2024Q3"}; !slices.Equal(rec.Quarters, want) {
		t.Errorf("quarters %v; want %v", rec.Quarters, want)
	}
	var order []Factor
	for _, f := range rec.Factors {
		order = append(order, f.Factor)
	}
	if want := []Factor{"deploy", "third-party", "software-bug"}; !slices.Equal(order, want) {
		t.Errorf("Pareto order %v; want %v (most incidents, then most impact time)", order, want)
	}
	deploy := rec.Factors[0]
	if deploy.Incidents != 4 || math.Abs(deploy.Share-4.0/6) > 1e-12 || *deploy.ImpactTotal != (60+30+45+20)*time.Minute {
		t.Errorf("deploy stats %+v", deploy)
	}
	if got := trendOf(deploy.PerQuarter); !slices.Equal(got, []int{2, 1, 1}) {
		t.Errorf("deploy per quarter %v; want [2 1 1]", got)
	}
	if len(deploy.Orgs) != 1 || deploy.Orgs[0] != (Count{"Acme", 3}) || len(deploy.Components) != 1 || deploy.Components[0] != (Count{"API", 3}) {
		t.Errorf("deploy recurs in %v / %v; want Acme (3) / API (3)", deploy.Orgs, deploy.Components)
	}
	if *deploy.TTR.Median != 37*time.Minute+30*time.Second {
		t.Errorf("deploy TTR median %v; want 37m30s (20, 30, 45, 60)", *deploy.TTR.Median)
	}
	if byImpact := rec.ByImpact(); byImpact[0].Factor != "third-party" {
		t.Errorf("by impact first %v; want third-party (4h20m)", byImpact[0].Factor)
	}
	if len(rec.Pairs) == 0 || rec.Pairs[0] != (Pair{"deploy", "software-bug", 2}) {
		t.Errorf("pairs %v; want deploy+software-bug (2) first", rec.Pairs)
	}
	var reps []string
	for _, r := range rec.Repeats {
		reps = append(reps, r.Org+"/"+r.Component+"/"+string(r.Factor))
	}
	want := []string{"Acme/API/deploy", "Acme/API/software-bug", "Beta//third-party"}
	if !slices.Equal(reps, want) {
		t.Errorf("repeats %v; want %v", reps, want)
	}
	if rec.Repeats[0].Gap != 41*24*time.Hour {
		t.Errorf("gap %v; want 41 days", rec.Repeats[0].Gap)
	}
}

func trendOf(cs []Count) []int {
	out := make([]int, len(cs))
	for i, c := range cs {
		out[i] = c.Incidents
	}
	return out
}

func TestReliability(t *testing.T) {
	withPM := an("Acme", day(2024, 1, 10), 60, nil)
	withPM.Incident.Updates = append(withPM.Incident.Updates, ingest.Update{Status: ingest.StatusPostmortem, At: day(2024, 1, 12)})
	withPM.Result = Compute(withPM.Incident)
	unresolved := an("Acme", day(2024, 4, 1), -1, nil)
	as := []Analysis{withPM, an("Acme", day(2024, 2, 1), 150, nil), unresolved, an("Beta", day(2024, 5, 1), 20, nil)}
	rs := ReliabilityBy(Briefs(as), KeyOrg, 2)
	if len(rs) != 2 || rs[0].Value != "Acme" || rs[1].Value != "Beta" {
		t.Fatalf("reliability %v; want Acme then Beta", rs)
	}
	acme := rs[0]
	if acme.Incidents != 3 || acme.Resolved != 2 || acme.WithPostmortem != 1 {
		t.Errorf("Acme incidents %d resolved %d with postmortem %d; want 3, 2, 1", acme.Incidents, acme.Resolved, acme.WithPostmortem)
	}
	if rate, ok := acme.PostmortemRate(); !ok || rate != 0.5 {
		t.Errorf("postmortem rate %v %v; want 0.5", rate, ok)
	}
	if *acme.ImpactTotal != 210*time.Minute || acme.ImpactKnown != 2 {
		t.Errorf("impact total %v over %d; want 3h30m over 2 (the unresolved one is unknown, not 0)", *acme.ImpactTotal, acme.ImpactKnown)
	}
	if len(acme.Worst) != 2 || acme.Worst[0].ImpactTime != 150*time.Minute {
		t.Errorf("worst %v; want 2h30m first", acme.Worst)
	}
	if got := trendOf(acme.PerQuarter); !slices.Equal(got, []int{2, 1}) {
		t.Errorf("per quarter %v; want [2 1]", got)
	}
	// Resolved 2024-01-10 13:00, postmortem 2024-01-12 12:00: 1d23h.
	if d := acme.PostmortemDelay; d.Known != 1 || *d.Median != 47*time.Hour {
		t.Errorf("postmortem delay %v over %d; want 1d23h over 1", show(d.Median), d.Known)
	}
	if _, ok := rs[1].PostmortemRate(); !ok {
		t.Error("Beta resolved one incident: want a rate (0%)")
	}
}

// TestPeriods checks the spans trends are drawn over: every period from
// the first dated incident to the last, the empty ones included.
func TestPeriods(t *testing.T) {
	as := []Analysis{an("A", day(2024, 2, 28), 30, nil), an("B", day(2023, 12, 31), 30, nil), {}}
	want := map[Key][]string{
		KeyQuarter: {"2023Q4", "2024Q1"},
		KeyMonth:   {"2023-12", "2024-01", "2024-02"},
	}
	for k, w := range want {
		if got := Periods(Briefs(as), k); !slices.Equal(got, w) {
			t.Errorf("Periods(%v) = %v; want %v", k, got, w)
		}
	}
	weeks := Periods(Briefs(as), KeyWeek)
	if len(weeks) != 10 || weeks[0] != "2023-W52" || weeks[len(weeks)-1] != "2024-W09" {
		t.Errorf("Periods(week) = %v; want 2023-W52 … 2024-W09 (10 weeks)", weeks)
	}
	if got := Periods(Briefs([]Analysis{{}}), KeyMonth); got != nil {
		t.Errorf("no dated incident: %v; want nil", got)
	}
}

// TestRepeatsCapped checks that a Recurrence lists the latest MaxRepeats
// repeat incidents, oldest first, and counts them all.
func TestRepeatsCapped(t *testing.T) {
	var as []Analysis
	n := MaxRepeats + 3
	for i := range n {
		as = append(as, an("Acme", day(2020, 1, 1).AddDate(0, 0, i), 30, []string{"API"}, "deploy"))
	}
	rec := Recur(Briefs(as), 90*24*time.Hour, nil)
	if rec.RepeatCount != n-1 || len(rec.Repeats) != MaxRepeats {
		t.Fatalf("%d repeats listed of %d; want %d of %d", len(rec.Repeats), rec.RepeatCount, MaxRepeats, n-1)
	}
	first, last := rec.Repeats[0], rec.Repeats[len(rec.Repeats)-1]
	if want := day(2020, 1, 1).AddDate(0, 0, n-MaxRepeats); !first.Then.When.Equal(want) {
		t.Errorf("the first repeat listed is of %v; want %v", first.Then.When, want)
	}
	if want := day(2020, 1, 1).AddDate(0, 0, n-1); !last.Then.When.Equal(want) {
		t.Errorf("the last repeat listed is of %v; want %v", last.Then.When, want)
	}
}

// TestTopNIsTheSortedTail checks that topN keeps what sorting everything
// and taking the last n gives, ties broken by the order, for every n.
func TestTopNIsTheSortedTail(t *testing.T) {
	type v struct{ a, b int }
	order := func(x, y v) int { return cmp.Or(cmp.Compare(x.a, y.a), cmp.Compare(x.b, y.b)) }
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{0, 1, 2, 7, 100, 1000} {
		var all []v
		top := topN[v]{n: n, cmp: order}
		for i := range 500 {
			x := v{rng.IntN(40), i}
			all = append(all, x)
			top.add(x)
		}
		slices.SortFunc(all, order)
		if got, want := top.sorted(), all[max(0, len(all)-n):]; !slices.Equal(got, want) || top.seen != len(all) {
			t.Errorf("n=%d: kept %v (seen %d); want %v", n, got, top.seen, want)
		}
	}
}

// TestKeepAcrossChunks checks that filtering in place keeps what Apply
// keeps, in order, over several chunks of a BriefList, and lets go of the
// chunks and Briefs past the ones kept.
func TestKeepAcrossChunks(t *testing.T) {
	var bs []Brief
	for i := range 3*briefChunk + 77 {
		b := Brief{Name: NameKey(i), flags: hasWhen, when: int64(i) * int64(time.Hour)}
		if i%3 == 0 || (i > briefChunk && i < 2*briefChunk+5) {
			b.flags |= maintenance
		}
		bs = append(bs, b)
	}
	list := ListOf(bs)
	want, wc := Filter{}.Apply(list)
	if list.Len() != len(bs) {
		t.Fatal("Apply changed its list")
	}
	c := Filter{}.Keep(list)
	if c != wc || !slices.Equal(list.Slice(), want.Slice()) {
		t.Fatalf("Keep kept %d (%+v); Apply %d (%+v)", list.Len(), c, want.Len(), wc)
	}
	if n := (list.Len() + briefChunk - 1) / briefChunk; len(list.chunks) != n {
		t.Errorf("%d chunks kept for %d Briefs; want %d", len(list.chunks), list.Len(), n)
	}
	last := list.chunks[len(list.chunks)-1]
	last = last[:cap(last)]
	for i := list.Len() % briefChunk; i > 0 && i < briefChunk; i++ {
		if last[i] != (Brief{}) {
			t.Fatalf("the Brief at %d past the kept ones is not cleared", i)
		}
	}
}

// TestEmptyLists checks that the review's functions take an empty or nil
// list without failing.
func TestEmptyLists(t *testing.T) {
	for _, l := range []*BriefList{nil, {}} {
		if l.Len() != 0 || len(Distributions(l)) != int(numMetrics) || len(GroupBy(l, []Key{KeyQuarter})) != 0 {
			t.Errorf("%v: not empty", l)
		}
		if r := Recur(l, time.Hour, nil); r.Incidents != 0 || len(r.Repeats) != 0 {
			t.Errorf("%v: recurrence %+v", l, r)
		}
	}
	var l BriefList
	if c := (Filter{}).Keep(&l); c.Read != 0 || l.Len() != 0 {
		t.Errorf("Keep of nothing: %+v", c)
	}
}
