package metrics

import (
	"fmt"
	"time"

	"github.com/mttx-dev/mttx/ingest"
)

// Metric is one duration metrics v1 measures.
type Metric int

// The duration metrics, in the order reports show them.
const (
	TTD              Metric = iota // time to detect: detected - start
	TTI                            // time to identify: identified - start
	TTM                            // time to mitigate: mitigated - start
	TTR                            // time to resolve: resolved - start
	Impact                         // impact duration: stated end - start
	PostmortemDelay                // postmortem - resolved
	FirstUpdateDelay               // first public update - start
	LongestSilence                 // longest gap between consecutive updates before the postmortem
	numMetrics
)

var metricNames = [...]string{"ttd", "tti", "ttm", "ttr", "impact", "postmortem_delay", "first_update_delay", "longest_silence"}

// String returns the metric's key as used in JSON and on the command line.
func (m Metric) String() string {
	if m >= 0 && m < numMetrics {
		return metricNames[m]
	}
	return "unknown"
}

// AllMetrics lists every metric in report order.
func AllMetrics() []Metric {
	out := make([]Metric, numMetrics)
	for i := range out {
		out[i] = Metric(i)
	}
	return out
}

// Durations holds each metric of one incident; nil means unknown, never 0.
type Durations [numMetrics]*time.Duration

// Get returns metric m, or nil when unknown.
func (d Durations) Get(m Metric) *time.Duration {
	if m < 0 || m >= numMetrics {
		return nil
	}
	return d[m]
}

func between(from, to Milestone) *time.Duration {
	if !from.Known() || !to.Known() {
		return nil
	}
	d := to.At.Sub(*from.At)
	return &d
}

func durations(inc ingest.Incident, ms *Milestones) Durations {
	var d Durations
	d[TTD] = between(ms.Start, ms.Detected)
	d[TTI] = between(ms.Start, ms.Identified)
	d[TTM] = between(ms.Start, ms.Mitigated)
	d[TTR] = between(ms.Start, ms.Resolved)
	d[Impact] = between(ms.Start, ms.ImpactEnd)
	d[PostmortemDelay] = between(ms.Resolved, ms.Postmortem)
	if u, ok := firstPublic(inc.Updates); ok {
		d[FirstUpdateDelay] = between(ms.Start, at(u.At, ProvFirstUpdate, u.Line, ""))
	}
	d[LongestSilence] = longestSilence(inc.Updates)
	return d
}

// longestSilence is the longest time between consecutive live updates
// (neither postmortem nor advance maintenance notice); it needs two.
func longestSilence(ups []ingest.Update) *time.Duration {
	var prev *time.Time
	var longest *time.Duration
	for i := range ups {
		if !live(ups[i]) {
			continue
		}
		if prev != nil {
			gap := ups[i].At.Sub(*prev)
			if longest == nil || gap > *longest {
				longest = &gap
			}
		}
		prev = &ups[i].At
	}
	return longest
}

// check reports negative durations and a narrative timeline that runs
// backwards; both are kept, not dropped.
func check(inc ingest.Incident, r *Result) []ingest.Warning {
	var ws []ingest.Warning
	ms := r.Milestones
	named := []struct {
		m    Metric
		name string
		ms   Milestone
	}{{TTD, "detected", ms.Detected}, {TTI, "identified", ms.Identified}, {TTM, "mitigated", ms.Mitigated}, {TTR, "resolved", ms.Resolved}, {Impact, "impact end", ms.ImpactEnd}}
	for _, n := range named {
		if d := r.Durations[n.m]; d != nil && *d < 0 {
			ws = append(ws, ingest.Warning{Line: n.ms.Line, Msg: fmt.Sprintf("%s is negative: %s (%s) is before the start (%s, %s)",
				n.m, n.name, n.ms.At.Format(time.RFC3339), ms.Start.At.Format(time.RFC3339), ms.Start.Provenance)})
		}
	}
	if d := r.Durations[PostmortemDelay]; d != nil && *d < 0 {
		ws = append(ws, ingest.Warning{Line: ms.Postmortem.Line, Msg: "postmortem_delay is negative: the postmortem was posted before the last resolution"})
	}
	var prev *ingest.TimelineEntry
	for i, e := range inc.Timeline {
		if e.At == nil {
			continue
		}
		if prev != nil && e.At.Before(*prev.At) {
			ws = append(ws, ingest.Warning{Line: e.Line, Msg: fmt.Sprintf("narrative timeline goes back in time: %s comes after %s", e.Clock, prev.Clock)})
		}
		prev = &inc.Timeline[i]
	}
	return ws
}
