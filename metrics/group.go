package metrics

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mttx-dev/mttx/ingest"
)

// When is the time an incident is placed at for grouping and filtering:
// its start, else its detection, else its first update, else its
// resolution. Nil when the report gives none of them.
func (a Analysis) When() *time.Time {
	ms := a.Result.Milestones
	for _, m := range []Milestone{ms.Start, ms.Detected} {
		if m.Known() {
			return m.At
		}
	}
	if len(a.Incident.Updates) > 0 {
		t := a.Incident.Updates[0].At
		return &t
	}
	return ms.Resolved.At
}

// IsMaintenance reports whether the incident is planned maintenance: its
// impact says so, or every update has a maintenance status.
func (a Analysis) IsMaintenance() bool {
	if a.Incident.Impact == ingest.ImpactMaintenance {
		return true
	}
	if len(a.Incident.Updates) == 0 {
		return false
	}
	for _, u := range a.Incident.Updates {
		switch u.Status {
		case ingest.StatusScheduled, ingest.StatusInProgress, ingest.StatusVerifying, ingest.StatusCompleted:
		default:
			return false
		}
	}
	return true
}

// ImpactTime is how long customers were affected: the impact duration
// when the report states the impact's end, else the time to resolve. Nil
// when neither is known.
func (r Result) ImpactTime() *time.Duration {
	if d := r.Durations.Get(Impact); d != nil {
		return d
	}
	return r.Durations.Get(TTR)
}

// Key is a dimension incidents are grouped by.
type Key int

// The grouping keys.
const (
	KeyQuarter Key = iota
	KeyMonth
	KeyWeek
	KeyOrg
	KeyImpact
	KeyComponent
	KeyFormat
	KeyFactor
	numKeys
)

var keyNames = [...]string{"quarter", "month", "week", "org", "impact", "component", "format", "factor"}

func (k Key) String() string {
	if k >= 0 && k < numKeys {
		return keyNames[k]
	}
	return "unknown"
}

// ParseKey reads a key name as the command line writes it.
func ParseKey(s string) (Key, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, n := range keyNames {
		if s == n {
			return Key(i), nil
		}
	}
	if s == "organization" || s == "organisation" {
		return KeyOrg, nil
	}
	return 0, fmt.Errorf("unknown grouping key %q (want %s)", s, strings.Join(keyNames[:], ", "))
}

// Labels for incidents a key has no value for.
const (
	Undated     = "(undated)"
	NoValue     = "(unknown)"
	NoComponent = "(no component)"
	NoFactor    = "(no factor)"
)

// Values returns the groups an incident belongs to under key k: one for
// most keys, one per component or factor (an incident with two factors
// counts in both groups).
func (k Key) Values(a Analysis) []string {
	switch k {
	case KeyQuarter, KeyMonth, KeyWeek:
		t := a.When()
		if t == nil {
			return []string{Undated}
		}
		return []string{periodLabel(k, *t)}
	case KeyOrg:
		if o := strings.TrimSpace(a.Incident.Organization); o != "" {
			return []string{o}
		}
		return []string{NoValue}
	case KeyImpact:
		return []string{a.Incident.Impact.String()}
	case KeyComponent:
		var out []string
		for _, c := range a.Incident.Components {
			if !slices.Contains(out, c.Name) {
				out = append(out, c.Name)
			}
		}
		if len(out) == 0 {
			return []string{NoComponent}
		}
		return out
	case KeyFormat:
		return []string{a.Incident.Format.String()}
	case KeyFactor:
		names := a.Factors.Names()
		if len(names) == 0 {
			return []string{NoFactor}
		}
		out := make([]string, len(names))
		for i, n := range names {
			out[i] = string(n)
		}
		return out
	}
	return []string{NoValue}
}

// periodLabel names the quarter ("2024Q1"), month ("2024-03") or ISO week
// ("2024-W09") of t.
func periodLabel(k Key, t time.Time) string {
	t = t.UTC()
	switch k {
	case KeyQuarter:
		return fmt.Sprintf("%dQ%d", t.Year(), (int(t.Month())-1)/3+1)
	case KeyMonth:
		return t.Format("2006-01")
	default:
		y, w := t.ISOWeek()
		return fmt.Sprintf("%d-W%02d", y, w)
	}
}

// DateRange returns the dates (When) of the first and the last dated
// incident; ok is false when none is dated.
func DateRange(as []Analysis) (first, last time.Time, ok bool) {
	for _, a := range as {
		t := a.When()
		if t == nil {
			continue
		}
		if !ok || t.Before(first) {
			first = *t
		}
		if !ok || t.After(last) {
			last = *t
		}
		ok = true
	}
	return first, last, ok
}

// Periods lists every quarter, month or week (k) from the first dated
// incident's to the last's, those without incidents included, so that a
// trend shows its gaps.
func Periods(as []Analysis, k Key) []string {
	first, last, ok := DateRange(as)
	if !ok {
		return nil
	}
	first, last = first.UTC(), last.UTC()
	var t time.Time
	step := func(t time.Time) time.Time { return t.AddDate(0, 0, 7) }
	switch k {
	case KeyQuarter:
		t = time.Date(first.Year(), time.Month((int(first.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(0, 3, 0) }
	case KeyMonth:
		t = time.Date(first.Year(), first.Month(), 1, 0, 0, 0, 0, time.UTC)
		step = func(t time.Time) time.Time { return t.AddDate(0, 1, 0) }
	case KeyWeek:
		day := time.Date(first.Year(), first.Month(), first.Day(), 0, 0, 0, 0, time.UTC)
		t = day.AddDate(0, 0, -((int(day.Weekday()) + 6) % 7)) // the Monday of its ISO week
	default:
		return nil
	}
	var out []string
	for ; !t.After(last); t = step(t) {
		out = append(out, periodLabel(k, t))
	}
	return out
}

// Quarter is the quarter label of t ("2024Q1").
func Quarter(t time.Time) string { return periodLabel(KeyQuarter, t) }

// compareValues orders group values: time labels and names ascending
// (names without regard to case), impacts from the most severe, and the
// placeholder values last.
func compareValues(k Key, a, b string) int {
	pa, pb := strings.HasPrefix(a, "("), strings.HasPrefix(b, "(")
	if pa != pb {
		if pa {
			return 1
		}
		return -1
	}
	if k == KeyImpact {
		ia, _ := ingest.ParseImpact(a)
		ib, _ := ingest.ParseImpact(b)
		return cmp.Compare(impactRank(ia), impactRank(ib))
	}
	if c := cmp.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return cmp.Compare(a, b)
}

// impactRank orders impacts from the most severe.
func impactRank(i ingest.Impact) int {
	switch i {
	case ingest.ImpactCritical:
		return 0
	case ingest.ImpactMajor:
		return 1
	case ingest.ImpactMinor:
		return 2
	case ingest.ImpactNone:
		return 3
	case ingest.ImpactMaintenance:
		return 4
	}
	return 5
}

// Group is the incidents that share values of the grouping keys.
type Group struct {
	// Values holds one value per key, in key order.
	Values        []string
	Incidents     int
	Distributions []Distribution
	members       []int
}

// GroupBy groups incidents by one or more keys and describes every metric
// in every group. Groups come in key order (see compareValues); an
// incident with several components or factors is in each of their groups.
func GroupBy(as []Analysis, keys []Key) []Group {
	byValues := map[string]*Group{}
	var groups []*Group
	for i, a := range as {
		for _, vals := range combinations(keys, a) {
			id := strings.Join(vals, "\x00")
			g := byValues[id]
			if g == nil {
				g = &Group{Values: vals}
				byValues[id] = g
				groups = append(groups, g)
			}
			g.members = append(g.members, i)
		}
	}
	slices.SortFunc(groups, func(x, y *Group) int {
		for i, k := range keys {
			if c := compareValues(k, x.Values[i], y.Values[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	out := make([]Group, len(groups))
	for i, g := range groups {
		results := make([]Result, len(g.members))
		for j, m := range g.members {
			results[j] = as[m].Result
		}
		g.Incidents = len(g.members)
		g.Distributions = Distributions(results)
		out[i] = *g
	}
	return out
}

// combinations lists every tuple of values an incident takes under keys.
func combinations(keys []Key, a Analysis) [][]string {
	out := [][]string{nil}
	for _, k := range keys {
		var next [][]string
		for _, prefix := range out {
			for _, v := range k.Values(a) {
				next = append(next, append(slices.Clone(prefix), v))
			}
		}
		out = next
	}
	return out
}

// Filter selects the incidents a report covers. The zero Filter keeps
// everything but maintenance.
type Filter struct {
	// Since (inclusive) and Until (exclusive) bound When; an undated
	// incident is left out when either is set.
	Since, Until *time.Time
	// Orgs, Components and Impacts keep incidents that match any of the
	// values given (names without regard to case); empty keeps all.
	Orgs       []string
	Components []string
	Impacts    []ingest.Impact
	// IncludeMaintenance keeps planned maintenance, left out by default:
	// planned work is no incident.
	IncludeMaintenance bool
}

// Exclusion says why a filter leaves an incident out.
type Exclusion int

// Exclusions; Included means the filter keeps the incident.
const (
	Included Exclusion = iota
	ExcludedMaintenance
	ExcludedUndated
	ExcludedOutOfRange
	ExcludedNoMatch
)

// Check returns whether f keeps a, and if not, why.
func (f Filter) Check(a Analysis) Exclusion {
	switch {
	case !f.IncludeMaintenance && a.IsMaintenance():
		return ExcludedMaintenance
	case (f.Since != nil || f.Until != nil) && a.When() == nil:
		return ExcludedUndated
	case !f.inRange(a.When()):
		return ExcludedOutOfRange
	case !f.matches(a):
		return ExcludedNoMatch
	}
	return Included
}

// FilterCounts says how many incidents a filter left out and why, so that
// nothing is dropped silently.
type FilterCounts struct {
	Read, Kept                                 int
	Maintenance, Undated, OutOfRange, NotMatch int
}

// Add counts one incident checked by a filter and reports whether it was
// kept.
func (c *FilterCounts) Add(x Exclusion) bool {
	c.Read++
	switch x {
	case Included:
		c.Kept++
		return true
	case ExcludedMaintenance:
		c.Maintenance++
	case ExcludedUndated:
		c.Undated++
	case ExcludedOutOfRange:
		c.OutOfRange++
	default:
		c.NotMatch++
	}
	return false
}

// Apply returns the incidents f keeps, in their order, and the counts.
func (f Filter) Apply(as []Analysis) ([]Analysis, FilterCounts) {
	var c FilterCounts
	var out []Analysis
	for _, a := range as {
		if c.Add(f.Check(a)) {
			out = append(out, a)
		}
	}
	return out, c
}

func (f Filter) inRange(t *time.Time) bool {
	if t == nil {
		return true
	}
	return (f.Since == nil || !t.Before(*f.Since)) && (f.Until == nil || t.Before(*f.Until))
}

func (f Filter) matches(a Analysis) bool {
	if len(f.Orgs) > 0 && !containsFold(f.Orgs, a.Incident.Organization) {
		return false
	}
	if len(f.Impacts) > 0 && !slices.Contains(f.Impacts, a.Incident.Impact) {
		return false
	}
	if len(f.Components) > 0 && !slices.ContainsFunc(a.Incident.Components, func(c ingest.Component) bool {
		return containsFold(f.Components, c.Name) || (c.Group != "" && containsFold(f.Components, c.Group))
	}) {
		return false
	}
	return true
}

func containsFold(list []string, s string) bool {
	s = strings.TrimSpace(s)
	return slices.ContainsFunc(list, func(x string) bool { return strings.EqualFold(strings.TrimSpace(x), s) })
}
