package metrics

import (
	"strings"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/ingest"
)

var t0 = time.Date(2024, 3, 5, 13, 0, 0, 0, time.UTC)

func minute(n int) time.Time { return t0.Add(time.Duration(n) * time.Minute) }

func up(s ingest.Status, m int) ingest.Update {
	return ingest.Update{Status: s, At: minute(m), Line: 100 + m}
}

func stated(m int) *ingest.Stated { return &ingest.Stated{At: minute(m), Line: 7} }

func dur(m int) *time.Duration { d := time.Duration(m) * time.Minute; return &d }

func entry(m int, ms ingest.Milestone, zs ingest.ZoneSource) ingest.TimelineEntry {
	at := minute(m)
	return ingest.TimelineEntry{Line: 50 + m, Clock: at.Format("15:04"), At: &at, ZoneSrc: zs, Milestone: ms, Text: "entry"}
}

func eqDur(a, b *time.Duration) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func show(d *time.Duration) string {
	if d == nil {
		return "unknown"
	}
	return d.String()
}

func TestCompute(t *testing.T) {
	basic := []ingest.Update{
		up(ingest.StatusInvestigating, 10), up(ingest.StatusIdentified, 25), up(ingest.StatusMonitoring, 40),
		up(ingest.StatusResolved, 70), up(ingest.StatusPostmortem, 60*24*3),
	}
	tests := []struct {
		name      string
		inc       ingest.Incident
		want      map[Metric]*time.Duration
		startProv Provenance
		warn      string
	}{
		{
			name:      "stated window",
			inc:       ingest.Incident{Updates: basic, ImpactStart: stated(2), ImpactEnd: stated(45)},
			want:      map[Metric]*time.Duration{TTD: dur(8), TTI: dur(23), TTM: dur(38), TTR: dur(68), Impact: dur(43), PostmortemDelay: dur(60*24*3 - 70), FirstUpdateDelay: dur(8), LongestSilence: dur(30)},
			startProv: ProvStated,
		},
		{
			name:      "start from resolved minus stated duration",
			inc:       ingest.Incident{Updates: basic, StatedDuration: &ingest.StatedDuration{Duration: 65 * time.Minute, Text: "lasting 1h 5m"}},
			want:      map[Metric]*time.Duration{TTD: dur(5), TTI: dur(20), TTM: dur(35), TTR: dur(65), Impact: nil},
			startProv: ProvInferredFromDuration,
		},
		{
			name:      "start from stated end minus stated duration",
			inc:       ingest.Incident{Updates: basic, ImpactEnd: stated(45), StatedDuration: &ingest.StatedDuration{Duration: 40 * time.Minute}},
			want:      map[Metric]*time.Duration{TTD: dur(5), TTR: dur(65), Impact: dur(40)},
			startProv: ProvInferredFromDuration,
		},
		{
			name:      "no start: every start-based metric unknown, not zero",
			inc:       ingest.Incident{Updates: basic},
			want:      map[Metric]*time.Duration{TTD: nil, TTI: nil, TTM: nil, TTR: nil, Impact: nil, FirstUpdateDelay: nil, PostmortemDelay: dur(60*24*3 - 70), LongestSilence: dur(30)},
			startProv: ProvUnknown,
		},
		{
			name: "narrative with a stated zone moves detection and identification earlier",
			inc: ingest.Incident{Updates: basic, ImpactStart: stated(0), Timeline: []ingest.TimelineEntry{
				entry(3, ingest.MilestoneDetected, ingest.ZoneStated), entry(20, ingest.MilestoneIdentified, ingest.ZoneStated),
				entry(33, ingest.MilestoneMitigated, ingest.ZoneStated),
			}},
			want:      map[Metric]*time.Duration{TTD: dur(3), TTI: dur(20), TTM: dur(33), FirstUpdateDelay: dur(10)},
			startProv: ProvStated,
		},
		{
			name: "narrative with an inferred zone never moves a milestone",
			inc: ingest.Incident{Updates: basic, ImpactStart: stated(0), Timeline: []ingest.TimelineEntry{
				entry(3, ingest.MilestoneDetected, ingest.ZoneInferred), entry(20, ingest.MilestoneIdentified, ingest.ZoneInferred),
			}},
			want:      map[Metric]*time.Duration{TTD: dur(10), TTI: dur(25)},
			startProv: ProvStated,
		},
		{
			name:      "negative durations are kept and reported",
			inc:       ingest.Incident{Updates: basic, ImpactStart: stated(30)},
			want:      map[Metric]*time.Duration{TTD: dur(-20), TTI: dur(-5), TTM: dur(10)},
			startProv: ProvStated,
			warn:      "ttd is negative",
		},
		{
			name: "resolved is the last resolution; mitigated the first monitoring",
			inc: ingest.Incident{ImpactStart: stated(0), Updates: []ingest.Update{
				up(ingest.StatusIdentified, 5), up(ingest.StatusMonitoring, 10), up(ingest.StatusInvestigating, 20),
				up(ingest.StatusMonitoring, 30), up(ingest.StatusResolved, 40), up(ingest.StatusResolved, 50),
			}},
			want:      map[Metric]*time.Duration{TTD: dur(5), TTI: dur(5), TTM: dur(10), TTR: dur(50), PostmortemDelay: nil},
			startProv: ProvStated,
		},
		{
			name: "a maintenance announced in advance is no detection",
			inc: ingest.Incident{ImpactStart: stated(60), Updates: []ingest.Update{
				up(ingest.StatusScheduled, -6000), up(ingest.StatusInProgress, 60), up(ingest.StatusCompleted, 150),
			}},
			want:      map[Metric]*time.Duration{TTD: dur(0), TTR: dur(90), LongestSilence: dur(90)},
			startProv: ProvStated,
		},
		{
			name:      "a single update has no silence",
			inc:       ingest.Incident{Updates: []ingest.Update{up(ingest.StatusResolved, 5)}},
			want:      map[Metric]*time.Duration{LongestSilence: nil},
			startProv: ProvUnknown,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Compute(tt.inc)
			for m, want := range tt.want {
				if got := r.Durations.Get(m); !eqDur(got, want) {
					t.Errorf("%v = %s; want %s", m, show(got), show(want))
				}
			}
			if r.Milestones.Start.Provenance != tt.startProv {
				t.Errorf("start provenance = %v; want %v", r.Milestones.Start.Provenance, tt.startProv)
			}
			var msgs []string
			for _, w := range r.Warnings {
				msgs = append(msgs, w.Msg)
			}
			all := strings.Join(msgs, "\n")
			if tt.warn != "" && !strings.Contains(all, tt.warn) {
				t.Errorf("warnings %q lack %q", all, tt.warn)
			}
			if tt.warn == "" && all != "" {
				t.Errorf("unexpected warnings: %s", all)
			}
		})
	}
}

func TestTimelineGoingBackWarns(t *testing.T) {
	inc := ingest.Incident{Updates: []ingest.Update{up(ingest.StatusResolved, 50)}, Timeline: []ingest.TimelineEntry{
		entry(20, ingest.MilestoneNone, ingest.ZoneStated), entry(10, ingest.MilestoneNone, ingest.ZoneStated),
	}}
	r := Compute(inc)
	if len(r.Warnings) != 1 || !strings.Contains(r.Warnings[0].Msg, "goes back in time") || r.Warnings[0].Line != 60 {
		t.Errorf("warnings = %+v; want one at line 60 about going back in time", r.Warnings)
	}
}
