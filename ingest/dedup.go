package ingest

import (
	"hash/fnv"
	"slices"
	"strings"
	"time"
	"unicode"
)

// Dedup keeps once each incident read from several sources (a status page's
// JSON and a saved text page of the same incident, two renderings of one
// aggregator page): the first one read stays, with every source listed in
// Sources, and takes what it lacks from the others (updates it does not
// have, a postmortem, a stated window or duration, components). Order is
// kept. Two incidents are the same when their organisations match, their
// first live updates fall in the same minute, and their titles match or
// one has none; incidents without updates match on organisation, title and
// stated start.
func Dedup(incs []Incident) []Incident {
	out := make([]Incident, 0, len(incs))
	d := NewDeduper()
	for _, inc := range incs {
		if len(inc.Sources) == 0 {
			inc.Sources = []Source{inc.Source}
		}
		if i, ok := d.Add(inc, len(out)); ok {
			Merge(&out[i], inc)
			continue
		}
		out = append(out, inc)
	}
	return out
}

// Deduper finds, as incidents stream in, the ones Dedup would merge into
// an earlier incident, keeping one map entry per incident (a hash of its
// identity, its position and a hash of its title, about 30 bytes) rather
// than the incident: what lets a million incidents be read without
// holding them. Two different identities share a 64-bit hash with a
// chance of about one in 10^19; two titles of one identity (one
// organisation, one minute) a 31-bit hash with one in two billion.
type Deduper struct {
	first map[uint64]seenIncident   // identity hash -> the first incident with it
	more  map[uint64][]seenIncident // the next ones, rare: same identity, another title
}

// seenIncident is an incident a Deduper has seen: its position, and the
// hash of its normalised title (0: none) with untitledBit set when its
// title is empty, in which case it takes the title of the first incident
// merged into it. Both fit in the 8 bytes a map entry keeps for an int32
// position anyway.
type seenIncident struct {
	pos   int32
	title uint32
}

const untitledBit = 1 << 31

// NewDeduper returns a Deduper that has seen nothing.
func NewDeduper() *Deduper {
	return &Deduper{first: map[uint64]seenIncident{}, more: map[uint64][]seenIncident{}}
}

// Add looks inc up among the incidents added before. When one of them is
// the same incident, Add returns its position and true: merge inc into it
// (Merge), in the order Add reports them. Otherwise it records inc at
// position pos, which must be the number of incidents recorded so far,
// and returns false.
func (d *Deduper) Add(inc Incident, pos int) (int, bool) {
	key, ok := identity(inc)
	if !ok {
		return 0, false // never looked up
	}
	title := titleHash(normName(inc.Title))
	me := seenIncident{pos: int32(pos), title: title}
	if inc.Title == "" {
		me.title |= untitledBit
	}
	id := hashString(key)
	first, seen := d.first[id]
	if !seen {
		d.first[id] = me
		return 0, false
	}
	if match(&first, inc, title) {
		d.first[id] = first
		return int(first.pos), true
	}
	more := d.more[id]
	for i := range more {
		if match(&more[i], inc, title) {
			return int(more[i].pos), true
		}
	}
	d.more[id] = append(more, me)
	return 0, false
}

// match reports whether inc, whose title hashes to title, is the same as
// the incident s (their identities agree): titles agree when both are
// known. It gives an untitled s the title of inc, as Merge will.
func match(s *seenIncident, inc Incident, title uint32) bool {
	if known := s.title &^ untitledBit; known != 0 && title != 0 && known != title {
		return false
	}
	if s.title&untitledBit != 0 {
		s.title = title
		if inc.Title == "" {
			s.title |= untitledBit
		}
	}
	return true
}

// titleHash is a 31-bit hash of a normalised title, 0 for "" (and never
// 0 otherwise).
func titleHash(s string) uint32 {
	if s == "" {
		return 0
	}
	h := uint32(hashString(s)) &^ untitledBit
	return max(h, 1)
}

// hashString is the 64-bit FNV-1a hash of s, 0 for "".
func hashString(s string) uint64 {
	if s == "" {
		return 0
	}
	h := fnv.New64a()
	h.Write([]byte(s))
	return h.Sum64()
}

// identity is the coarse key incidents must share to be compared: the
// organisation and the minute of the first live update (or the stated
// start for postmortems without updates).
func identity(inc Incident) (string, bool) {
	org := normName(inc.Organization)
	if org == "" {
		return "", false
	}
	for _, u := range inc.Updates {
		if u.Status != StatusPostmortem && u.Status != StatusScheduled {
			return org + "|u|" + u.At.Truncate(time.Minute).Format(time.RFC3339), true
		}
	}
	if inc.ImpactStart != nil && inc.Title != "" {
		return org + "|s|" + inc.ImpactStart.At.Truncate(time.Minute).Format(time.RFC3339) + "|" + normName(inc.Title), true
	}
	return "", false
}

// normName lower-cases a name and keeps only letters and digits, so
// "WorkOS" and "workos", "Platform Outage" and "Platform outage." agree.
func normName(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Merge adds what b, the same incident read from another input, knows and
// a lacks to a (see Dedup).
func Merge(a *Incident, b Incident) {
	a.Sources = append(a.Sources, b.Sources...)
	if a.Title == "" {
		a.Title = b.Title
	}
	if a.Impact == ImpactUnknown {
		a.Impact = b.Impact
	}
	if len(a.Components) == 0 {
		a.Components, a.Groups = b.Components, b.Groups
	}
	if a.Postmortem == nil {
		a.Postmortem = b.Postmortem
	}
	if a.ImpactStart == nil {
		a.ImpactStart = b.ImpactStart
	}
	if a.ImpactEnd == nil {
		a.ImpactEnd = b.ImpactEnd
	}
	if a.StatedDuration == nil {
		a.StatedDuration = b.StatedDuration
	}
	if len(a.Timeline) == 0 {
		a.Timeline = b.Timeline
	}
	have := map[string]bool{}
	for _, u := range a.Updates {
		have[updateKey(u)] = true
	}
	added := false
	for _, u := range b.Updates {
		if !have[updateKey(u)] {
			a.Updates = append(a.Updates, u)
			added = true
		}
	}
	if added {
		sortUpdatesStable(a.Updates)
	}
	a.warnf(a.Source.Line, "the same incident was also read from %s:%d and merged", b.Source.Path, b.Source.Line)
	for _, w := range b.Warnings {
		a.warnf(a.Source.Line, "%s:%d: %s", b.Source.Path, w.Line, w.Msg)
	}
	slices.SortStableFunc(a.Warnings, func(x, y Warning) int { return x.Line - y.Line })
}

// updateKey identifies an update across sources: its status and minute.
func updateKey(u Update) string {
	return u.Status.String() + "|" + u.At.Truncate(time.Minute).Format(time.RFC3339)
}
