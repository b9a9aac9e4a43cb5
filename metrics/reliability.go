package metrics

import (
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
func ReliabilityBy(bs *BriefList, key Key, n int) []Reliability {
	qs := quarterSpan(bs)
	members := map[string][]int32{}
	var values, vals []string
	labels := newLabeler()
	for i := range bs.Len() {
		vals = labels.appendValues(vals[:0], key, bs.At(int(i)))
		for _, v := range vals {
			if _, ok := members[v]; !ok {
				values = append(values, v)
			}
			members[v] = append(members[v], int32(i))
		}
	}
	slices.SortFunc(values, func(a, b string) int { return compareValues(key, a, b) })
	out := make([]Reliability, 0, len(values))
	var buf []float64
	for _, v := range values {
		out = append(out, reliability(bs, key, v, members[v], qs, n, &buf))
	}
	return out
}

// reliability summarises the incidents of one value (members of bs),
// with buf for their postmortem delays.
func reliability(bs *BriefList, key Key, value string, members []int32, qs quarters, n int, buf *[]float64) Reliability {
	r := Reliability{Key: key, Value: value, Incidents: len(members)}
	perQ := make([]int, len(qs.labels))
	var total time.Duration
	delays := (*buf)[:0] // seconds, as Describe reads them
	var top worst
	for _, i := range members {
		b := bs.At(int(i))
		t, dated := b.at()
		if dated {
			qs.count(perQ, t)
		}
		if d, ok := b.impactTime(); ok {
			total += d
			r.ImpactKnown++
			if dated {
				top.add(bs, i, n)
			}
		}
		if b.Resolved() {
			r.Resolved++
			if b.HasPostmortem() {
				r.WithPostmortem++
			}
		}
		if d, ok := b.span(PostmortemDelay); ok {
			delays = append(delays, d.Seconds())
		}
	}
	*buf = delays
	r.PerQuarter = qs.counts(perQ)
	if r.ImpactKnown > 0 {
		r.ImpactTotal = &total
	}
	r.Worst = top.list(bs)
	r.PostmortemDelay = describeSeconds(PostmortemDelay, len(members), delays)
	return r
}

// worst keeps the n dated incidents with the longest impact time, longest
// first (ties: the earliest first, then the first seen), as a stable sort
// of all of them would, without holding all of them.
type worst struct {
	top  []int32
	seen int // incidents offered
}

func (w *worst) add(bs *BriefList, i int32, n int) {
	w.seen++
	p := len(w.top)
	for p > 0 && worse(bs.At(int(i)), bs.At(int(w.top[p-1]))) {
		p--
	}
	if p >= n {
		return
	}
	w.top = slices.Insert(w.top, p, i)
	if len(w.top) > n {
		w.top = w.top[:n]
	}
}

// worse reports whether a ranks strictly before b: a longer impact time,
// or the same and earlier. Both are dated and have an impact time.
func worse(a, b *Brief) bool {
	da, _ := a.impactTime()
	db, _ := b.impactTime()
	if da != db {
		return da > db
	}
	return a.when < b.when
}

// list is the incidents kept, as Worst; nil when none was offered.
func (w *worst) list(bs *BriefList) []Worst {
	if w.seen == 0 {
		return nil
	}
	out := make([]Worst, len(w.top))
	for j, i := range w.top {
		d, _ := bs.At(int(i)).impactTime()
		out[j] = Worst{Ref: ref(bs.At(int(i))), ImpactTime: d}
	}
	return out
}
