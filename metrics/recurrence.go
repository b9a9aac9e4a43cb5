package metrics

import (
	"cmp"
	"slices"
	"strings"
	"time"

	"github.com/mttx-dev/mttx/ingest"
)

// Count is a value and how many incidents have it.
type Count struct {
	Value     string
	Incidents int
}

// FactorStats describes one contributing factor over a set of incidents.
type FactorStats struct {
	Factor    Factor
	Incidents int
	// Share is Incidents over all incidents analysed.
	Share float64
	// PerQuarter counts the factor's incidents in every quarter of the
	// data, quarters without any included (the trend).
	PerQuarter []Count
	// TTR is the distribution of time to resolve of its incidents.
	TTR Distribution
	// ImpactTotal sums ImpactTime over its incidents that have one
	// (ImpactKnown of them); nil when none has.
	ImpactTotal *time.Duration
	ImpactKnown int
	// Orgs and Components are where it recurs: values with two or more of
	// its incidents, the most first.
	Orgs, Components []Count
}

// Pair is two factors found together.
type Pair struct {
	A, B      Factor
	Incidents int
}

// Ref names an incident in a recurrence or reliability finding. Name is
// where its ID and title are kept; ID and Title are filled in from the
// Names when the finding is reported (report.NewReview does it).
type Ref struct {
	Name              NameKey
	ID, Title, Source string
	When              time.Time
}

// Repeat is an incident that repeats an earlier one: same organisation,
// same component and same factor within the repeat window.
type Repeat struct {
	Org, Component string
	Factor         Factor
	First, Then    Ref
	Gap            time.Duration
}

// Recurrence is what recurs across incidents: factors, the quarters they
// fall in, the factors found together, and repeat incidents.
type Recurrence struct {
	Incidents   int // incidents analysed
	WithFactors int // incidents with at least one factor
	Quarters    []string
	// Factors in Pareto order: most incidents first (ties: most impact
	// time, then taxonomy order).
	Factors []FactorStats
	Pairs   []Pair
	// Repeats lists the latest MaxRepeats repeat incidents, oldest first,
	// of RepeatCount found: a review of years of a busy status page can
	// hold more repeats than incidents, too many to read or to keep.
	Repeats     []Repeat
	RepeatCount int
	Window      time.Duration
}

// MaxRepeats is how many repeat incidents a Recurrence lists.
const MaxRepeats = 1000

// Recur finds what recurs in bs. window bounds repeat incidents (90 days
// is a common review horizon); order gives the taxonomy's factor order
// for ties (nil: by name).
func Recur(bs *BriefList, window time.Duration, tax *Taxonomy) Recurrence {
	qs := quarterSpan(bs)
	rec := Recurrence{Incidents: bs.Len(), Window: window, Quarters: qs.labels}
	byFactor := map[Factor][]int32{}
	pairs := map[[2]Factor]int{}
	for i := range bs.Len() {
		names := bs.At(int(i)).Factors()
		if len(names) > 0 {
			rec.WithFactors++
		}
		for j, f := range names {
			byFactor[f] = append(byFactor[f], int32(i))
			for _, g := range names[j+1:] {
				pairs[[2]Factor{f, g}]++
			}
		}
	}
	order := func(f Factor) int {
		if tax != nil {
			return tax.order(f)
		}
		return 0
	}
	var buf []float64
	for f, members := range byFactor {
		rec.Factors = append(rec.Factors, factorStats(bs, f, members, qs, &buf))
	}
	slices.SortFunc(rec.Factors, func(x, y FactorStats) int {
		if c := cmp.Compare(y.Incidents, x.Incidents); c != 0 {
			return c
		}
		if c := cmp.Compare(durOrZero(y.ImpactTotal), durOrZero(x.ImpactTotal)); c != 0 {
			return c
		}
		if c := cmp.Compare(order(x.Factor), order(y.Factor)); c != 0 {
			return c
		}
		return cmp.Compare(x.Factor, y.Factor)
	})
	for k, n := range pairs {
		a, b := k[0], k[1]
		if order(b) < order(a) || (order(a) == order(b) && b < a) {
			a, b = b, a
		}
		rec.Pairs = append(rec.Pairs, Pair{A: a, B: b, Incidents: n})
	}
	slices.SortFunc(rec.Pairs, func(x, y Pair) int {
		if c := cmp.Compare(y.Incidents, x.Incidents); c != 0 {
			return c
		}
		if c := cmp.Compare(order(x.A), order(y.A)); c != 0 {
			return c
		}
		return cmp.Compare(order(x.B), order(y.B))
	})
	rec.Repeats, rec.RepeatCount = repeats(bs, window)
	return rec
}

// ByImpact returns the factors sorted by total impact time, the most
// first: the other Pareto view.
func (r Recurrence) ByImpact() []FactorStats {
	out := slices.Clone(r.Factors)
	slices.SortStableFunc(out, func(x, y FactorStats) int { return cmp.Compare(durOrZero(y.ImpactTotal), durOrZero(x.ImpactTotal)) })
	return out
}

func durOrZero(d *time.Duration) time.Duration {
	if d == nil {
		return 0
	}
	return *d
}

// factorStats describes factor f over its incidents (members of bs),
// with buf for their times to resolve.
func factorStats(bs *BriefList, f Factor, members []int32, qs quarters, buf *[]float64) FactorStats {
	fs := FactorStats{Factor: f, Incidents: len(members)}
	if bs.Len() > 0 {
		fs.Share = float64(len(members)) / float64(bs.Len())
	}
	perQ := make([]int, len(qs.labels))
	orgs, comps := map[string]int{}, map[string]int{}
	ttrs := (*buf)[:0] // seconds, as Describe reads them
	var total time.Duration
	for _, i := range members {
		b := bs.At(int(i))
		if t, ok := b.at(); ok {
			qs.count(perQ, t)
		}
		if d, ok := b.span(TTR); ok {
			ttrs = append(ttrs, d.Seconds())
		}
		if d, ok := b.impactTime(); ok {
			total += d
			fs.ImpactKnown++
		}
		if o := strings.TrimSpace(b.Org()); o != "" {
			orgs[o]++
		}
		cs := b.Components()
		for j, c := range cs {
			if !hasComponent(cs[:j], c.Name) {
				comps[c.Name]++
			}
		}
	}
	*buf = ttrs
	fs.PerQuarter = qs.counts(perQ)
	fs.TTR = describeSeconds(TTR, len(members), ttrs)
	if fs.ImpactKnown > 0 {
		fs.ImpactTotal = &total
	}
	fs.Orgs, fs.Components = recurring(orgs), recurring(comps)
	return fs
}

// hasComponent reports whether cs names a component name: how an
// incident's components are counted once each without a set per incident.
func hasComponent(cs []ingest.Component, name string) bool {
	for _, c := range cs {
		if c.Name == name {
			return true
		}
	}
	return false
}

// recurring lists the values counted twice or more, the most first.
func recurring(counts map[string]int) []Count {
	var out []Count
	for v, n := range counts {
		if n >= 2 {
			out = append(out, Count{Value: v, Incidents: n})
		}
	}
	slices.SortFunc(out, func(a, b Count) int {
		if c := cmp.Compare(b.Incidents, a.Incidents); c != 0 {
			return c
		}
		return cmp.Compare(a.Value, b.Value)
	})
	return out
}

// quarters are the quarters of the data, from the first dated
// incident's to the last's, so that a trend shows the quarters with none;
// first numbers the first (quarterNum), so that an incident's quarter is
// found without formatting its label.
type quarters struct {
	labels []string
	first  int
}

func quarterSpan(bs *BriefList) quarters {
	qs := quarters{labels: Periods(bs, KeyQuarter)}
	if first, _, ok := DateRange(bs); ok {
		qs.first = quarterNum(first)
	}
	return qs
}

// count adds one to the count of t's quarter in perQ (one count per
// quarter).
func (qs quarters) count(perQ []int, t time.Time) {
	if i := quarterNum(t) - qs.first; i >= 0 && i < len(perQ) {
		perQ[i]++
	}
}

// counts pairs the counts of perQ with their quarters.
func (qs quarters) counts(perQ []int) []Count {
	var out []Count
	for i, q := range qs.labels {
		out = append(out, Count{Value: q, Incidents: perQ[i]})
	}
	return out
}

// repeats finds incidents that repeat an earlier one of the same
// organisation, component and factor within window. Incidents that name
// no component repeat on the organisation and factor alone. Repeats are
// found and sorted as indexes (a few bytes each) and the latest
// MaxRepeats written out: a million incidents can hold a million repeats.
// It returns them and how many there are.
func repeats(bs *BriefList, window time.Duration) ([]Repeat, int) {
	type key struct {
		org, comp string
		f         Factor
	}
	index := map[key]int32{}
	var keys []key
	var members [][]int32 // per key, the incidents in input order
	add := func(k key, i int) {
		g, ok := index[k]
		if !ok {
			g = int32(len(keys))
			index[k] = g
			keys = append(keys, k)
			members = append(members, nil)
		}
		members[g] = append(members[g], int32(i))
	}
	for i := range bs.Len() {
		b := bs.At(int(i))
		if b.flags&hasWhen == 0 {
			continue
		}
		org := strings.TrimSpace(b.Org())
		cs := b.Components()
		for _, f := range b.Factors() {
			if f == Unknown {
				continue
			}
			if len(cs) == 0 {
				add(key{org, "", f}, i)
			}
			for j, c := range cs {
				if !hasComponent(cs[:j], c.Name) {
					add(key{org, c.Name, f}, i)
				}
			}
		}
	}
	type found struct{ key, first, then int32 }
	order := func(x, y found) int {
		if c := cmp.Compare(bs.At(int(x.then)).when, bs.At(int(y.then)).when); c != 0 {
			return c
		}
		kx, ky := &keys[x.key], &keys[y.key]
		if c := cmp.Compare(kx.org, ky.org); c != 0 {
			return c
		}
		if c := cmp.Compare(kx.comp, ky.comp); c != 0 {
			return c
		}
		if c := cmp.Compare(kx.f, ky.f); c != 0 {
			return c
		}
		// The same repeat time in one group: input order, so that the
		// same incidents give the same list.
		return cmp.Or(cmp.Compare(x.then, y.then), cmp.Compare(x.first, y.first))
	}
	// The latest MaxRepeats in that order, kept as they are found: a
	// million incidents can hold a million repeats, and only the count
	// of the others is reported.
	latest := topN[found]{n: MaxRepeats, cmp: order}
	for g, ms := range members {
		slices.SortStableFunc(ms, func(x, y int32) int { return cmp.Compare(bs.At(int(x)).when, bs.At(int(y)).when) })
		for j := 1; j < len(ms); j++ {
			if gap(bs.At(int(ms[j-1])), bs.At(int(ms[j]))) <= window {
				latest.add(found{int32(g), ms[j-1], ms[j]})
			}
		}
		members[g] = nil
	}
	if latest.seen == 0 {
		return nil, 0
	}
	fs := latest.sorted()
	out := make([]Repeat, len(fs))
	for j, r := range fs {
		k, first, then := &keys[r.key], bs.At(int(r.first)), bs.At(int(r.then))
		out[j] = Repeat{Org: k.org, Component: k.comp, Factor: k.f, First: ref(first), Then: ref(then), Gap: gap(first, then)}
	}
	return out, latest.seen
}

// topN keeps the n greatest of the values added to it under cmp, a total
// order, in a min-heap, and counts every value added.
type topN[T any] struct {
	n    int
	cmp  func(a, b T) int
	heap []T
	seen int
}

func (t *topN[T]) add(v T) {
	t.seen++
	if len(t.heap) < t.n {
		t.heap = append(t.heap, v)
		for i := len(t.heap) - 1; i > 0; {
			p := (i - 1) / 2
			if t.cmp(t.heap[i], t.heap[p]) >= 0 {
				break
			}
			t.heap[i], t.heap[p] = t.heap[p], t.heap[i]
			i = p
		}
		return
	}
	if t.n == 0 || t.cmp(v, t.heap[0]) <= 0 {
		return
	}
	t.heap[0] = v
	for i := 0; ; {
		l, least := 2*i+1, i
		if l < len(t.heap) && t.cmp(t.heap[l], t.heap[least]) < 0 {
			least = l
		}
		if r := l + 1; r < len(t.heap) && t.cmp(t.heap[r], t.heap[least]) < 0 {
			least = r
		}
		if least == i {
			return
		}
		t.heap[i], t.heap[least] = t.heap[least], t.heap[i]
		i = least
	}
}

// sorted returns the values kept, in increasing order.
func (t *topN[T]) sorted() []T {
	out := slices.Clone(t.heap)
	slices.SortFunc(out, t.cmp)
	return out
}

// gap is the time from a's date to b's; both are dated.
func gap(a, b *Brief) time.Duration {
	ta, _ := a.at()
	tb, _ := b.at()
	return tb.Sub(ta)
}

// ref names a dated incident.
func ref(b *Brief) Ref {
	t, _ := b.at()
	return Ref{Name: b.Name, Source: b.Source(), When: t}
}
