package metrics

import (
	"cmp"
	"slices"
	"time"
)

// Reliability summarises the incidents of one organisation or component:
// what a quarterly review reads first.
type Reliability struct {
	Key   Key
	Value string
	// Incidents is how many incidents it had; PerQuarter spreads them
	// over every quarter of the data.
	Incidents  int
	PerQuarter []Count
	// ImpactTotal sums ImpactTime over the incidents that have one
	// (ImpactKnown of them); nil when none has.
	ImpactTotal *time.Duration
	ImpactKnown int
	// Worst are its incidents with the longest impact time, longest
	// first.
	Worst []Worst
	// Resolved incidents, and how many of those have a postmortem.
	Resolved, WithPostmortem int
	// PostmortemDelay is the distribution of time from resolution to
	// postmortem.
	PostmortemDelay Distribution
}

// PostmortemRate is the share of resolved incidents with a postmortem;
// false when none is resolved.
func (r Reliability) PostmortemRate() (float64, bool) {
	if r.Resolved == 0 {
		return 0, false
	}
	return float64(r.WithPostmortem) / float64(r.Resolved), true
}

// WorstPerGroup is how many worst incidents a review lists per
// organisation or component.
const WorstPerGroup = 3

// Worst is one of the longest incidents.
type Worst struct {
	Ref
	ImpactTime time.Duration
}

// ReliabilityBy summarises incidents per organisation or per component
// (key KeyOrg or KeyComponent; any key works), keeping the n worst
// incidents of each. Entries come in key order.
func ReliabilityBy(as []Analysis, key Key, n int) []Reliability {
	quarters := quarterSpan(as)
	members := map[string][]int{}
	var values []string
	for i, a := range as {
		for _, v := range key.Values(a) {
			if _, ok := members[v]; !ok {
				values = append(values, v)
			}
			members[v] = append(members[v], i)
		}
	}
	slices.SortFunc(values, func(a, b string) int { return compareValues(key, a, b) })
	out := make([]Reliability, 0, len(values))
	for _, v := range values {
		out = append(out, reliability(as, key, v, members[v], quarters, n))
	}
	return out
}

func reliability(as []Analysis, key Key, value string, members []int, quarters []string, n int) Reliability {
	r := Reliability{Key: key, Value: value, Incidents: len(members)}
	perQ := map[string]int{}
	var total time.Duration
	var delays []time.Duration
	var worst []Worst
	for _, i := range members {
		a := as[i]
		if t := a.When(); t != nil {
			perQ[Quarter(*t)]++
		}
		if d := a.Result.ImpactTime(); d != nil {
			total += *d
			r.ImpactKnown++
			if a.When() != nil {
				worst = append(worst, Worst{Ref: ref(a), ImpactTime: *d})
			}
		}
		if a.Result.Milestones.Resolved.Known() {
			r.Resolved++
			if a.Incident.Postmortem != nil || a.Result.Milestones.Postmortem.Known() {
				r.WithPostmortem++
			}
		}
		if d := a.Result.Durations.Get(PostmortemDelay); d != nil {
			delays = append(delays, *d)
		}
	}
	for _, q := range quarters {
		r.PerQuarter = append(r.PerQuarter, Count{Value: q, Incidents: perQ[q]})
	}
	if r.ImpactKnown > 0 {
		r.ImpactTotal = &total
	}
	slices.SortStableFunc(worst, func(a, b Worst) int {
		if c := cmp.Compare(b.ImpactTime, a.ImpactTime); c != 0 {
			return c
		}
		return a.When.Compare(b.When)
	})
	r.Worst = worst[:min(n, len(worst))]
	r.PostmortemDelay = Describe(PostmortemDelay, len(members), delays)
	return r
}
