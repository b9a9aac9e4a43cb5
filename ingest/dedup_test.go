package ingest

import (
	"testing"
	"time"
)

func TestDedup(t *testing.T) {
	at := func(m int) time.Time { return time.Date(2024, 9, 3, 14, m, 0, 0, time.UTC) }
	inc := func(path, org, title string, ups ...Update) Incident {
		return Incident{Source: Source{Path: path, Line: 1}, Organization: org, Title: title, Updates: ups}
	}
	up := func(s Status, m int) Update { return Update{Status: s, At: at(m)} }
	tests := []struct {
		name  string
		in    []Incident
		kept  int
		first int // sources of the first kept incident
	}{
		{"same org, minute and title", []Incident{
			inc("a.json", "Ferrow", "API latency", up(StatusInvestigating, 2), up(StatusResolved, 58)),
			inc("b.txt", "ferrow", "API Latency.", up(StatusInvestigating, 2), up(StatusResolved, 58), up(StatusPostmortem, 59)),
		}, 1, 2},
		{"one title missing (a compact rendering)", []Incident{
			inc("a.txt", "INKY", "", up(StatusInvestigating, 2)),
			inc("b.txt", "INKY", "Login issue", up(StatusInvestigating, 2)),
		}, 1, 2},
		{"different titles are different incidents", []Incident{
			inc("a.txt", "Ferrow", "API latency", up(StatusInvestigating, 2)),
			inc("b.txt", "Ferrow", "Dashboard down", up(StatusInvestigating, 2)),
		}, 2, 1},
		{"different minutes", []Incident{
			inc("a.txt", "Ferrow", "API latency", up(StatusInvestigating, 2)),
			inc("b.txt", "Ferrow", "API latency", up(StatusInvestigating, 3)),
		}, 2, 1},
		{"no organisation is never merged", []Incident{
			inc("a.md", "", "Outage", up(StatusInvestigating, 2)),
			inc("b.md", "", "Outage", up(StatusInvestigating, 2)),
		}, 2, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := Dedup(tt.in)
			if len(out) != tt.kept || len(out[0].Sources) != tt.first {
				t.Fatalf("kept %d (first has %d sources); want %d (%d)", len(out), len(out[0].Sources), tt.kept, tt.first)
			}
			if out[0].Source.Path != tt.in[0].Source.Path {
				t.Errorf("first source %s; want %s", out[0].Source.Path, tt.in[0].Source.Path)
			}
		})
	}
	merged := Dedup(tests[0].in)[0]
	if len(merged.Updates) != 3 || merged.Updates[2].Status != StatusPostmortem {
		t.Errorf("merged updates %+v; want the postmortem added", merged.Updates)
	}
}
