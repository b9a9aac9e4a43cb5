package metrics

import (
	"fmt"
	"time"

	"github.com/mttx-dev/mttx/ingest"
)

// Version names the metric definitions of docs/metrics.md. It changes
// whenever a definition changes, so that numbers from two versions are
// never compared unknowingly.
const Version = "metrics v1"

// Provenance says where a milestone's time comes from.
type Provenance uint8

// Provenances, from the most to the least direct.
const (
	ProvUnknown Provenance = iota
	// ProvStated: the report states the time (an impact window, "began at").
	ProvStated
	// ProvInferredFromDuration: the resolve time minus a stated duration.
	ProvInferredFromDuration
	// ProvUpdate: a status update (its status word says so).
	ProvUpdate
	// ProvFirstUpdate: the first public status update.
	ProvFirstUpdate
	// ProvNarrative: a narrative timeline entry whose zone is stated.
	ProvNarrative
)

var provenanceNames = [...]string{
	"unknown", "stated", "inferred from stated duration", "status update", "first public update", "narrative timeline",
}

func (p Provenance) String() string {
	if int(p) >= 0 && int(p) < len(provenanceNames) {
		return provenanceNames[p]
	}
	return "unknown"
}

// Milestone is a point in an incident's life: its time (nil when it cannot
// be derived), where the time comes from and the report line behind it.
type Milestone struct {
	At         *time.Time
	Provenance Provenance
	Line       int
	// Detail says which update or statement gave the time.
	Detail string
}

// Known reports whether the milestone has a time.
func (m Milestone) Known() bool { return m.At != nil }

// Milestones are the points metrics v1 measures between.
type Milestones struct {
	Start, Detected, Identified, Mitigated, Resolved, Postmortem Milestone
	// ImpactEnd is the stated end of impact.
	ImpactEnd Milestone
}

// Result is what metrics v1 derives from one incident.
type Result struct {
	Milestones Milestones
	Durations  Durations
	// Updates is the number of status updates, postmortem included.
	Updates  int
	Warnings []ingest.Warning
}

// Compute derives milestones and durations from an incident. It never
// guesses: what the incident does not support stays unknown.
func Compute(inc ingest.Incident) Result {
	r := Result{Updates: len(inc.Updates)}
	ms := &r.Milestones
	ms.Resolved = lastUpdate(inc.Updates, ingest.StatusResolved, ingest.StatusCompleted)
	if !ms.Resolved.Known() {
		// A written postmortem has no status updates: its timeline's last
		// "resolved" entry, zone stated, stands in.
		ms.Resolved = lastNarrative(inc, ingest.MilestoneResolved)
	}
	ms.Start = start(inc, ms.Resolved)
	if inc.ImpactEnd != nil {
		ms.ImpactEnd = at(inc.ImpactEnd.At, ProvStated, inc.ImpactEnd.Line, "stated impact end")
	}
	ms.Detected = detected(inc)
	ms.Identified = earliest(firstUpdate(inc.Updates, ingest.StatusIdentified), narrative(inc, ingest.MilestoneIdentified))
	ms.Mitigated = earliest(firstUpdate(inc.Updates, ingest.StatusMonitoring), narrative(inc, ingest.MilestoneMitigated))
	ms.Postmortem = firstUpdate(inc.Updates, ingest.StatusPostmortem)
	r.Durations = durations(inc, ms)
	r.Warnings = check(inc, &r)
	return r
}

func at(t time.Time, p Provenance, line int, detail string) Milestone {
	t = t.UTC()
	return Milestone{At: &t, Provenance: p, Line: line, Detail: detail}
}

// start is the stated impact start; else the stated impact end minus a
// stated duration (the duration measures the impact, so it counts back
// from the impact's end when the report states one); else the resolve time
// minus the stated duration.
func start(inc ingest.Incident, resolved Milestone) Milestone {
	if inc.ImpactStart != nil {
		return at(inc.ImpactStart.At, ProvStated, inc.ImpactStart.Line, "stated impact start")
	}
	if inc.StatedDuration == nil {
		return Milestone{}
	}
	d := inc.StatedDuration
	if inc.ImpactEnd != nil {
		return at(inc.ImpactEnd.At.Add(-d.Duration), ProvInferredFromDuration, d.Line,
			fmt.Sprintf("stated impact end minus stated duration %q", clip(d.Text, 60)))
	}
	if resolved.Known() {
		return at(resolved.At.Add(-d.Duration), ProvInferredFromDuration, d.Line,
			fmt.Sprintf("resolved minus stated duration %q", clip(d.Text, 60)))
	}
	return Milestone{}
}

// detected is the first public update, or an earlier narrative entry that
// says the problem was detected, alerted on or reported.
func detected(inc ingest.Incident) Milestone {
	var first Milestone
	if u, ok := firstPublic(inc.Updates); ok {
		first = at(u.At, ProvFirstUpdate, u.Line, "first update ("+u.Status.String()+")")
	}
	return earliest(first, narrative(inc, ingest.MilestoneDetected))
}

// firstPublic is the first update that tells of the incident as it
// happens: not a postmortem, and not a maintenance announced in advance
// ("scheduled"), which precedes the work by design.
func firstPublic(ups []ingest.Update) (ingest.Update, bool) {
	for _, u := range ups {
		if live(u) {
			return u, true
		}
	}
	return ingest.Update{}, false
}

// live reports whether an update was posted while the incident unfolded.
func live(u ingest.Update) bool {
	return u.Status != ingest.StatusPostmortem && u.Status != ingest.StatusScheduled
}

// firstUpdate is the first update with the status.
func firstUpdate(ups []ingest.Update, s ingest.Status) Milestone {
	for _, u := range ups {
		if u.Status == s {
			return at(u.At, ProvUpdate, u.Line, "first "+s.String()+" update")
		}
	}
	return Milestone{}
}

// lastUpdate is the last update with any of the statuses.
func lastUpdate(ups []ingest.Update, ss ...ingest.Status) Milestone {
	for i := len(ups) - 1; i >= 0; i-- {
		for _, s := range ss {
			if ups[i].Status == s {
				return at(ups[i].At, ProvUpdate, ups[i].Line, "last "+s.String()+" update")
			}
		}
	}
	return Milestone{}
}

// narrative is the earliest narrative entry expressing m whose zone the
// report states. Entries with an inferred or unknown zone never count.
func narrative(inc ingest.Incident, m ingest.Milestone) Milestone {
	var best Milestone
	for _, e := range inc.Timeline {
		if e.Milestone != m || !e.ZoneSrc.Known() || e.At == nil {
			continue
		}
		if !best.Known() || e.At.Before(*best.At) {
			best = at(*e.At, ProvNarrative, e.Line, "narrative "+e.Clock+": "+clip(e.Text, 60))
		}
	}
	return best
}

// lastNarrative is the latest narrative entry expressing m whose zone is
// stated or assumed.
func lastNarrative(inc ingest.Incident, m ingest.Milestone) Milestone {
	var best Milestone
	for _, e := range inc.Timeline {
		if e.Milestone != m || !e.ZoneSrc.Known() || e.At == nil {
			continue
		}
		if !best.Known() || !e.At.Before(*best.At) {
			best = at(*e.At, ProvNarrative, e.Line, "narrative "+e.Clock+": "+clip(e.Text, 60))
		}
	}
	return best
}

// earliest returns the earlier known milestone; on a tie the first.
func earliest(a, b Milestone) Milestone {
	switch {
	case !a.Known():
		return b
	case !b.Known():
		return a
	case b.At.Before(*a.At):
		return b
	}
	return a
}

func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}
