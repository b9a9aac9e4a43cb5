package metrics

import (
	"cmp"
	"slices"
	"strings"
	"time"
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

// Ref names an incident in a recurrence finding.
type Ref struct {
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
	Repeats []Repeat
	Window  time.Duration
}

// Recur finds what recurs in as. window bounds repeat incidents (90 days
// is a common review horizon); order gives the taxonomy's factor order
// for ties (nil: by name).
func Recur(as []Analysis, window time.Duration, tax *Taxonomy) Recurrence {
	rec := Recurrence{Incidents: len(as), Window: window, Quarters: quarterSpan(as)}
	byFactor := map[Factor][]int{}
	pairs := map[[2]Factor]int{}
	for i, a := range as {
		names := a.Factors.Names()
		if len(names) > 0 {
			rec.WithFactors++
		}
		for j, f := range names {
			byFactor[f] = append(byFactor[f], i)
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
	for f, members := range byFactor {
		rec.Factors = append(rec.Factors, factorStats(as, f, members, rec.Quarters))
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
	rec.Repeats = repeats(as, window)
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

func factorStats(as []Analysis, f Factor, members []int, quarters []string) FactorStats {
	fs := FactorStats{Factor: f, Incidents: len(members)}
	if len(as) > 0 {
		fs.Share = float64(len(members)) / float64(len(as))
	}
	perQ := map[string]int{}
	orgs, comps := map[string]int{}, map[string]int{}
	var ttrs []time.Duration
	var total time.Duration
	for _, i := range members {
		a := as[i]
		if t := a.When(); t != nil {
			perQ[Quarter(*t)]++
		}
		if d := a.Result.Durations.Get(TTR); d != nil {
			ttrs = append(ttrs, *d)
		}
		if d := a.Result.ImpactTime(); d != nil {
			total += *d
			fs.ImpactKnown++
		}
		if o := strings.TrimSpace(a.Incident.Organization); o != "" {
			orgs[o]++
		}
		seen := map[string]bool{}
		for _, c := range a.Incident.Components {
			if !seen[c.Name] {
				seen[c.Name] = true
				comps[c.Name]++
			}
		}
	}
	for _, q := range quarters {
		fs.PerQuarter = append(fs.PerQuarter, Count{Value: q, Incidents: perQ[q]})
	}
	fs.TTR = Describe(TTR, len(members), ttrs)
	if fs.ImpactKnown > 0 {
		fs.ImpactTotal = &total
	}
	fs.Orgs, fs.Components = recurring(orgs), recurring(comps)
	return fs
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

// quarterSpan lists every quarter from the first dated incident's to the
// last's, so that a trend shows the quarters with none.
func quarterSpan(as []Analysis) []string { return Periods(as, KeyQuarter) }

// repeats finds incidents that repeat an earlier one of the same
// organisation, component and factor within window. Incidents that name
// no component repeat on the organisation and factor alone.
func repeats(as []Analysis, window time.Duration) []Repeat {
	type key struct {
		org, comp string
		f         Factor
	}
	groups := map[key][]int{}
	for i, a := range as {
		if a.When() == nil {
			continue
		}
		org := strings.TrimSpace(a.Incident.Organization)
		comps := map[string]bool{}
		for _, c := range a.Incident.Components {
			comps[c.Name] = true
		}
		if len(comps) == 0 {
			comps[""] = true
		}
		for _, f := range a.Factors.Names() {
			if f == Unknown {
				continue
			}
			for c := range comps {
				k := key{org, c, f}
				groups[k] = append(groups[k], i)
			}
		}
	}
	var out []Repeat
	for k, members := range groups {
		slices.SortStableFunc(members, func(x, y int) int { return as[x].When().Compare(*as[y].When()) })
		for j := 1; j < len(members); j++ {
			prev, cur := as[members[j-1]], as[members[j]]
			gap := cur.When().Sub(*prev.When())
			if gap <= window {
				out = append(out, Repeat{Org: k.org, Component: k.comp, Factor: k.f, First: ref(prev), Then: ref(cur), Gap: gap})
			}
		}
	}
	slices.SortFunc(out, func(x, y Repeat) int {
		if c := x.Then.When.Compare(y.Then.When); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Org, y.Org); c != 0 {
			return c
		}
		if c := cmp.Compare(x.Component, y.Component); c != 0 {
			return c
		}
		return cmp.Compare(x.Factor, y.Factor)
	})
	return out
}

func ref(a Analysis) Ref {
	return Ref{ID: a.Incident.ID, Title: a.Incident.Title, Source: a.Incident.Source.Path, When: *a.When()}
}
