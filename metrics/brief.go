package metrics

import (
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/mttx-dev/mttx/ingest"
)

// Brief is one incident reduced to what a review needs once the incident
// has been read and its rows written out: the durations the statistics
// take, the keys it is grouped and filtered by, and where its ID and title
// are kept. A review of a million incidents keeps a million Briefs, not a
// million incidents with their update texts, postmortems, narrative
// timelines and factor evidence: memory grows by the size of a Brief per
// incident (88 bytes; BenchmarkPipeline measures it), not by the size of
// the reports. The ID and title are not in the Brief: they are most of
// what an incident's Brief would otherwise hold, and only the incident
// lists print them, once, in order, so they can wait on disk (see Names).
// Make Briefs with a Briefer.
type Brief struct {
	// Name is where the incident's ID and title are kept, in the Names
	// the Briefs were made with.
	Name   NameKey
	origin *origin // shared by every Brief of one organisation and source
	// lists holds the components and factors, shared by every Brief
	// with the same two lists; nil is none of either.
	lists *briefLists
	// spans holds metric m, when bit m of known is set, packed in 32
	// bits; wide holds them all instead in the rare incident where one
	// does not pack (see packSpan).
	spans [numMetrics]span32
	wide  *[numMetrics]time.Duration
	// when is When in unix nanoseconds, with hasWhen; it is the start
	// when hasStart is set (Analysis.When is the start when known).
	when    int64
	Line    int32 // of the incident in Source
	Updates int32 // status updates, postmortem included
	Impact  ingest.Impact
	Format  ingest.Format
	// StartProvenance says where the start comes from (ProvUnknown when
	// the start is unknown).
	StartProvenance Provenance
	flags           briefFlags
	known           uint8
}

// span32 is a duration packed in 32 bits without loss: whole seconds
// (odd values, up to 34 years either way) or whole milliseconds (even
// values, up to 12 days either way). Reports give times to the minute,
// second or millisecond, so nearly every duration packs, in half the
// bytes of a time.Duration: 32 bytes of every Brief.
type span32 int32

const spanLimit = 1 << 30 // packed magnitudes stay below it

// packSpan packs d, or returns false when it does not pack.
func packSpan(d time.Duration) (span32, bool) {
	if d%time.Second == 0 {
		if s := d / time.Second; s > -spanLimit && s < spanLimit {
			return span32(s<<1 | 1), true
		}
	}
	if d%time.Millisecond == 0 {
		if ms := d / time.Millisecond; ms > -spanLimit && ms < spanLimit {
			return span32(ms << 1), true
		}
	}
	return 0, false
}

// duration unpacks s.
func (s span32) duration() time.Duration {
	if s&1 != 0 {
		return time.Duration(s>>1) * time.Second
	}
	return time.Duration(s>>1) * time.Millisecond
}

// setSpans keeps the known durations of ds.
func (b *Brief) setSpans(ds Durations) {
	for m, d := range ds {
		if d == nil {
			continue
		}
		b.known |= 1 << m
		if p, ok := packSpan(*d); ok && b.wide == nil {
			b.spans[m] = p
			continue
		}
		if b.wide == nil {
			b.wide = new([numMetrics]time.Duration)
			for k := range m {
				b.wide[k] = b.spans[k].duration()
			}
		}
		b.wide[m] = *d
	}
	if b.wide != nil {
		b.spans = [numMetrics]span32{}
	}
}

// briefLists is the components and factors of incidents, kept once.
type briefLists struct {
	components []ingest.Component
	factors    []Factor
}

// origin is the organisation and source file of incidents, kept once.
type origin struct{ org, source string }

// Org is the organisation the incident belongs to ("" when unknown).
func (b *Brief) Org() string {
	if b.origin == nil {
		return ""
	}
	return b.origin.org
}

// Source is the file the incident was read from.
func (b *Brief) Source() string {
	if b.origin == nil {
		return ""
	}
	return b.origin.source
}

type briefFlags uint8

const (
	hasStart briefFlags = 1 << iota
	hasWhen
	maintenance
	resolved       // the resolution is known
	withPostmortem // the incident has a postmortem (text or date)
)

// span returns metric m without allocating; ok is false when unknown.
func (b *Brief) span(m Metric) (time.Duration, bool) {
	if m < 0 || m >= numMetrics || b.known&(1<<m) == 0 {
		return 0, false
	}
	if b.wide != nil {
		return b.wide[m], true
	}
	return b.spans[m].duration(), true
}

// Duration returns metric m of the incident, or nil when unknown.
func (b Brief) Duration(m Metric) *time.Duration {
	if d, ok := b.span(m); ok {
		return &d
	}
	return nil
}

// Durations returns every metric of the incident; nil is unknown.
func (b Brief) Durations() Durations {
	var d Durations
	for m := range numMetrics {
		d[m] = b.Duration(m)
	}
	return d
}

// ImpactTime is how long customers were affected: the impact duration when
// the report states the impact's end, else the time to resolve; nil when
// neither is known.
func (b Brief) ImpactTime() *time.Duration {
	if d, ok := b.impactTime(); ok {
		return &d
	}
	return nil
}

// When is the time the incident is placed at for grouping and filtering
// (see Analysis.When); nil when the report gives none.
func (b Brief) When() *time.Time {
	if t, ok := b.at(); ok {
		return &t
	}
	return nil
}

// at is When without a pointer, for the loops that visit every incident
// of a review: a pointer would be an allocation per incident per loop.
func (b *Brief) at() (time.Time, bool) {
	if b.flags&hasWhen == 0 {
		return time.Time{}, false
	}
	return time.Unix(0, b.when).UTC(), true
}

// impactTime is ImpactTime without a pointer.
func (b *Brief) impactTime() (time.Duration, bool) {
	if d, ok := b.span(Impact); ok {
		return d, true
	}
	return b.span(TTR)
}

// Start is the start of impact, nil when unknown.
func (b Brief) Start() *time.Time {
	if b.flags&hasStart == 0 {
		return nil
	}
	t := time.Unix(0, b.when).UTC() // the start when it is known: see Brief
	return &t
}

// IsMaintenance reports whether the incident is planned maintenance (see
// Analysis.IsMaintenance).
func (b Brief) IsMaintenance() bool { return b.flags&maintenance != 0 }

// Resolved reports whether the incident's resolution is known.
func (b Brief) Resolved() bool { return b.flags&resolved != 0 }

// HasPostmortem reports whether the incident has a postmortem: its text, or
// the date one was posted.
func (b Brief) HasPostmortem() bool { return b.flags&withPostmortem != 0 }

// Components lists the components the incident affected. The slice is
// shared: do not modify it.
func (b Brief) Components() []ingest.Component {
	if b.lists == nil {
		return nil
	}
	return b.lists.components
}

// Factors lists the contributing factors found, in taxonomy order. The
// slice is shared: do not modify it.
func (b Brief) Factors() []Factor {
	if b.lists == nil {
		return nil
	}
	return b.lists.factors
}

// HasFactor reports whether factor f was found.
func (b Brief) HasFactor(f Factor) bool { return slices.Contains(b.Factors(), f) }

// Briefer makes Briefs, sharing what many incidents repeat (organisation
// names, source paths, component and factor lists) so that each is held
// once however many incidents name it. It is not safe for concurrent use.
type Briefer struct {
	strs  map[string]string
	last  *origin // the origin of the last Brief made (see origin)
	pairs map[listsKey]*briefLists
	comps map[string]*[]ingest.Component
	facts map[string]*[]Factor
}

// NewBriefer returns an empty Briefer.
func NewBriefer() *Briefer {
	return &Briefer{strs: map[string]string{}, pairs: map[listsKey]*briefLists{}, comps: map[string]*[]ingest.Component{}, facts: map[string]*[]Factor{}}
}

// Brief reduces a to what a review needs, with its ID and title kept
// under name. The Brief holds no part of a's texts, so the report they
// were read from can be freed.
func (z *Briefer) Brief(a Analysis, name NameKey) Brief {
	inc, res := a.Incident, a.Result
	b := Brief{
		Name: name, origin: z.origin(inc.Organization, inc.Source.Path),
		Line: int32(inc.Source.Line), Updates: int32(res.Updates),
		Impact: inc.Impact, Format: inc.Format,
		lists: z.lists(z.components(inc.Components), z.factors(a.Factors.Names())),
	}
	if t := a.When(); t != nil {
		b.flags |= hasWhen
		b.when = t.UnixNano()
	}
	// When is the start when the start is known, so the Brief keeps it
	// once.
	if s := res.Milestones.Start; s.Known() {
		b.flags |= hasStart
		b.StartProvenance = s.Provenance
	}
	if a.IsMaintenance() {
		b.flags |= maintenance
	}
	if res.Milestones.Resolved.Known() {
		b.flags |= resolved
	}
	if inc.Postmortem != nil || res.Milestones.Postmortem.Known() {
		b.flags |= withPostmortem
	}
	b.setSpans(res.Durations)
	return b
}

func (z *Briefer) intern(s string) string {
	if v, ok := z.strs[s]; ok {
		return v
	}
	s = strings.Clone(s)
	z.strs[s] = s
	return s
}

// origin returns the origin of incidents of org read from source. The
// incidents of one input come one after another and no two inputs share a
// source, so the last origin is the only one worth sharing: a map of them
// all would cost an entry per input, as much again as the origin. source is
// kept as given, not copied: it is the name an input was read under, never
// a part of its text (ingest.Source), so it holds no report in memory.
func (z *Briefer) origin(org, source string) *origin {
	if org == "" && source == "" {
		return nil
	}
	if p := z.last; p != nil && p.org == org && p.source == source {
		return p
	}
	z.last = &origin{z.intern(org), source}
	return z.last
}

// listsKey is a pair of shared lists.
type listsKey struct {
	cs *[]ingest.Component
	fs *[]Factor
}

// lists returns the shared pair of the lists cs and fs, themselves
// shared (compared by pointer).
func (z *Briefer) lists(cs *[]ingest.Component, fs *[]Factor) *briefLists {
	if cs == nil && fs == nil {
		return nil
	}
	key := listsKey{cs, fs}
	if p, ok := z.pairs[key]; ok {
		return p
	}
	p := &briefLists{}
	if cs != nil {
		p.components = *cs
	}
	if fs != nil {
		p.factors = *fs
	}
	z.pairs[key] = p
	return p
}

func (z *Briefer) components(cs []ingest.Component) *[]ingest.Component {
	if len(cs) == 0 {
		return nil
	}
	var key strings.Builder
	for _, c := range cs {
		key.WriteString(c.Name)
		key.WriteByte(0)
		key.WriteString(c.Group)
		key.WriteByte(0)
	}
	if p, ok := z.comps[key.String()]; ok {
		return p
	}
	list := make([]ingest.Component, len(cs))
	for i, c := range cs {
		list[i] = ingest.Component{Name: z.intern(c.Name), Group: z.intern(c.Group)}
	}
	z.comps[key.String()] = &list
	return &list
}

func (z *Briefer) factors(fs []Factor) *[]Factor {
	if len(fs) == 0 {
		return nil
	}
	var key strings.Builder
	for _, f := range fs {
		key.WriteString(string(f))
		key.WriteByte(0)
	}
	if p, ok := z.facts[key.String()]; ok {
		return p
	}
	list := make([]Factor, len(fs))
	for i, f := range fs {
		list[i] = Factor(z.intern(string(f)))
	}
	z.facts[key.String()] = &list
	return &list
}

// Briefs reduces every analysis, in order, with the names of as[i] under
// key i (NamesOf(as) holds them): for tests and small inputs that have
// their analyses at hand.
func Briefs(as []Analysis) *BriefList {
	z := NewBriefer()
	out := &BriefList{}
	for i, a := range as {
		out.Append(z.Brief(a, NameKey(i)))
	}
	return out
}

// NameKey says where the ID and title of a Brief's incident are kept, in
// the Names its Briefs were made with.
type NameKey int64

// Names gives the ID and title of an incident back by the key its Brief
// holds. At a million incidents IDs and titles would be a third of the
// Briefs' memory, and only the incident lists need them, once, at the
// end: a Names may keep them on disk (report.NameFile). Lookups in
// increasing key order are the fast ones.
type Names interface {
	Name(k NameKey) (id, title string, err error)
}

// NameList is Names in memory; its keys are positions.
type NameList struct{ ids, titles []string }

// Add keeps an incident's ID and title and returns their key.
func (l *NameList) Add(id, title string) NameKey {
	l.ids, l.titles = append(l.ids, id), append(l.titles, title)
	return NameKey(len(l.ids) - 1)
}

// Name returns the ID and title kept under k.
func (l *NameList) Name(k NameKey) (id, title string, err error) {
	if k < 0 || int(k) >= len(l.ids) {
		return "", "", fmt.Errorf("no incident name under key %d", k)
	}
	return l.ids[k], l.titles[k], nil
}

// NamesOf keeps the IDs and titles of as under the keys Briefs(as) gives.
func NamesOf(as []Analysis) *NameList {
	l := &NameList{}
	for _, a := range as {
		l.Add(a.Incident.ID, a.Incident.Title)
	}
	return l
}
