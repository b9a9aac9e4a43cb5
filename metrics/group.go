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
func (k Key) Values(b Brief) []string {
	var l *labeler
	return l.appendValues(nil, k, &b)
}

// labeler gives the values of incidents under keys, formatting the label
// of each period once: a million incidents over eight quarters make eight
// labels, not a million. A nil labeler formats every time.
type labeler struct {
	labels map[periodNum]string
}

// periodNum numbers a quarter, month or week of key k.
type periodNum struct {
	k Key
	n int
}

func newLabeler() *labeler { return &labeler{labels: map[periodNum]string{}} }

// appendValues appends the values of b under k to dst (Key.Values).
func (l *labeler) appendValues(dst []string, k Key, b *Brief) []string {
	switch k {
	case KeyQuarter, KeyMonth, KeyWeek:
		t, ok := b.at()
		if !ok {
			return append(dst, Undated)
		}
		return append(dst, l.period(k, t))
	case KeyOrg:
		if o := strings.TrimSpace(b.Org()); o != "" {
			return append(dst, o)
		}
		return append(dst, NoValue)
	case KeyImpact:
		return append(dst, b.Impact.String())
	case KeyComponent:
		start := len(dst)
		for _, c := range b.Components() {
			if !slices.Contains(dst[start:], c.Name) {
				dst = append(dst, c.Name)
			}
		}
		if len(dst) == start {
			return append(dst, NoComponent)
		}
		return dst
	case KeyFormat:
		return append(dst, b.Format.String())
	case KeyFactor:
		fs := b.Factors()
		if len(fs) == 0 {
			return append(dst, NoFactor)
		}
		for _, f := range fs {
			dst = append(dst, string(f))
		}
		return dst
	}
	return append(dst, NoValue)
}

// period is periodLabel(k, t), formatted once per period.
func (l *labeler) period(k Key, t time.Time) string {
	if l == nil {
		return periodLabel(k, t)
	}
	t = t.UTC()
	var n int
	switch k {
	case KeyQuarter:
		n = quarterNum(t)
	case KeyMonth:
		y, m, _ := t.Date()
		n = y*12 + int(m) - 1
	default:
		y, w := t.ISOWeek()
		n = y*54 + w
	}
	p := periodNum{k, n}
	s, ok := l.labels[p]
	if !ok {
		s = periodLabel(k, t)
		l.labels[p] = s
	}
	return s
}

// quarterNum numbers quarters one after the other: quarterNum of the
// quarter after t's is quarterNum(t)+1.
func quarterNum(t time.Time) int {
	y, m, _ := t.UTC().Date()
	return y*4 + (int(m)-1)/3
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
func DateRange(bs *BriefList) (first, last time.Time, ok bool) {
	var lo, hi int64
	for i := range bs.Len() {
		b := bs.At(int(i))
		if b.flags&hasWhen == 0 {
			continue
		}
		if !ok || b.when < lo {
			lo = b.when
		}
		if !ok || b.when > hi {
			hi = b.when
		}
		ok = true
	}
	if !ok {
		return time.Time{}, time.Time{}, false
	}
	return time.Unix(0, lo).UTC(), time.Unix(0, hi).UTC(), true
}

// Periods lists every quarter, month or week (k) from the first dated
// incident's to the last's, those without incidents included, so that a
// trend shows its gaps.
func Periods(bs *BriefList, k Key) []string {
	first, last, ok := DateRange(bs)
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
}

// GroupBy groups incidents by one or more keys and describes every metric
// in every group. Groups come in key order (see compareValues); an
// incident with several components or factors is in each of their groups.
// It keeps an index per incident and group, and formats each period's
// label once: nothing is allocated per incident but the index.
func GroupBy(bs *BriefList, keys []Key) []Group {
	gr := newGrouper(keys)
	for i := range bs.Len() {
		gr.add(int32(i), bs.At(int(i)))
	}
	slices.SortFunc(gr.groups, func(x, y *grouped) int {
		for i, k := range keys {
			if c := compareValues(k, x.values[i], y.values[i]); c != 0 {
				return c
			}
		}
		return 0
	})
	out := make([]Group, len(gr.groups))
	var buf []float64
	for i, g := range gr.groups {
		out[i] = Group{Values: g.values, Incidents: len(g.members), Distributions: distributionsOf(bs, g.members, &buf)}
	}
	return out
}

// grouper puts incidents in the groups of every combination of values
// they take under its keys.
type grouper struct {
	keys   []Key
	labels *labeler
	index  map[string]*grouped // by the values joined with NUL
	groups []*grouped          // in order of appearance
	vals   [][]string          // the values of the incident being added, per key
	tuple  []string            // one combination of them
	id     []byte
}

type grouped struct {
	values  []string
	members []int32
}

func newGrouper(keys []Key) *grouper {
	return &grouper{keys: keys, labels: newLabeler(), index: map[string]*grouped{},
		vals: make([][]string, len(keys)), tuple: make([]string, len(keys))}
}

// add puts incident i in every group it belongs to.
func (gr *grouper) add(i int32, b *Brief) {
	for k, key := range gr.keys {
		gr.vals[k] = gr.labels.appendValues(gr.vals[k][:0], key, b)
	}
	gr.combine(i, 0)
}

// combine sets the values of keys k onwards in every combination, the
// first key's values varying slowest, and adds i to each group.
func (gr *grouper) combine(i int32, k int) {
	if k < len(gr.keys) {
		for _, v := range gr.vals[k] {
			gr.tuple[k] = v
			gr.combine(i, k+1)
		}
		return
	}
	gr.id = gr.id[:0]
	for j, v := range gr.tuple {
		if j > 0 {
			gr.id = append(gr.id, 0)
		}
		gr.id = append(gr.id, v...)
	}
	g := gr.index[string(gr.id)] // no allocation for the lookup
	if g == nil {
		g = &grouped{}
		if len(gr.tuple) > 0 {
			g.values = slices.Clone(gr.tuple)
		}
		gr.index[string(gr.id)] = g
		gr.groups = append(gr.groups, g)
	}
	g.members = append(g.members, i)
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

// Check returns whether f keeps b, and if not, why.
func (f Filter) Check(b Brief) Exclusion {
	t, dated := b.at()
	switch {
	case !f.IncludeMaintenance && b.IsMaintenance():
		return ExcludedMaintenance
	case (f.Since != nil || f.Until != nil) && !dated:
		return ExcludedUndated
	case dated && !f.inRange(t):
		return ExcludedOutOfRange
	case !f.matches(&b):
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
// bs is not modified.
func (f Filter) Apply(bs *BriefList) (*BriefList, FilterCounts) {
	out := &BriefList{}
	var c FilterCounts
	for i := range bs.Len() {
		if b := bs.At(i); c.Add(f.Check(*b)) {
			out.Append(*b)
		}
	}
	return out, c
}

// Keep is Apply in place: it moves the incidents f keeps to the front of
// bs, in their order, and drops the others, letting go of what they
// point to: a million Briefs are not copied to filter them.
func (f Filter) Keep(bs *BriefList) FilterCounts {
	var c FilterCounts
	kept := 0
	for i := range bs.Len() {
		if b := bs.At(i); c.Add(f.Check(*b)) {
			*bs.At(kept) = *b
			kept++
		}
	}
	bs.truncate(kept)
	return c
}

func (f Filter) inRange(t time.Time) bool {
	return (f.Since == nil || !t.Before(*f.Since)) && (f.Until == nil || t.Before(*f.Until))
}

func (f Filter) matches(b *Brief) bool {
	if len(f.Orgs) > 0 && !containsFold(f.Orgs, b.Org()) {
		return false
	}
	if len(f.Impacts) > 0 && !slices.Contains(f.Impacts, b.Impact) {
		return false
	}
	if len(f.Components) > 0 && !slices.ContainsFunc(b.Components(), func(c ingest.Component) bool {
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
