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
// an earlier incident, keeping about 40 bytes per incident (a hash of its
// identity and of its title) rather than the incident: what lets a
// million incidents be read without holding them. Two different
// identities or titles share a 64-bit hash with a chance of about one in
// 10^19.
type Deduper struct {
	first map[uint64]int32   // identity hash -> the first incident with it
	more  map[uint64][]int32 // the next ones, rare: same identity, another title
	// title holds, by position, the hash of each incident's normalised
	// title (0: none); untitled has bit pos set when its title is empty,
	// in which case it takes the title of the first incident merged into
	// it. Positions without an identity are never looked up.
	title    []uint64
	untitled []uint64
}

// NewDeduper returns a Deduper that has seen nothing.
func NewDeduper() *Deduper {
	return &Deduper{first: map[uint64]int32{}, more: map[uint64][]int32{}}
}

// Add looks inc up among the incidents added before. When one of them is
// the same incident, Add returns its position and true: merge inc into it
// (Merge), in the order Add reports them. Otherwise it records inc at
// position pos, which must be the number of incidents recorded so far,
// and returns false.
func (d *Deduper) Add(inc Incident, pos int) (int, bool) {
	key, ok := identity(inc)
	title := uint64(0)
	if ok {
		title = hashString(normName(inc.Title))
		id := hashString(key)
		if first, seen := d.first[id]; !seen {
			d.first[id] = int32(pos)
		} else if d.match(int(first), inc, title) {
			return int(first), true
		} else {
			for _, p := range d.more[id] {
				if d.match(int(p), inc, title) {
					return int(p), true
				}
			}
			d.more[id] = append(d.more[id], int32(pos))
		}
	}
	d.title = append(d.title, title)
	if len(d.untitled) <= pos/64 {
		d.untitled = append(d.untitled, 0)
	}
	if inc.Title == "" {
		d.untitled[pos/64] |= 1 << (pos % 64)
	}
	return 0, false
}

// match reports whether inc, whose title hashes to title, is the same as
// the incident at p (their identities agree): titles agree when both are
// known. It gives an untitled incident at p the title of inc, as Merge
// will.
func (d *Deduper) match(p int, inc Incident, title uint64) bool {
	if d.title[p] != 0 && title != 0 && d.title[p] != title {
		return false
	}
	if bit := uint64(1) << (p % 64); d.untitled[p/64]&bit != 0 {
		d.title[p] = title
		if inc.Title != "" {
			d.untitled[p/64] &^= bit
		}
	}
	return true
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
