package ingest

import (
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
	index := map[string][]int{} // identity key -> positions in out
	for _, inc := range incs {
		if len(inc.Sources) == 0 {
			inc.Sources = []Source{inc.Source}
		}
		key, ok := identity(inc)
		if ok {
			merged := false
			for _, i := range index[key] {
				if sameIncident(out[i], inc) {
					merge(&out[i], inc)
					merged = true
					break
				}
			}
			if merged {
				continue
			}
			index[key] = append(index[key], len(out))
		}
		out = append(out, inc)
	}
	return out
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

// sameIncident checks what the key does not: titles agree when both are
// known.
func sameIncident(a, b Incident) bool {
	ta, tb := normName(a.Title), normName(b.Title)
	return ta == "" || tb == "" || ta == tb
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

// merge adds what b knows and a lacks to a.
func merge(a *Incident, b Incident) {
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
