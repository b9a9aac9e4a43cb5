package ingest

import (
	"fmt"
	"math/rand/v2"
	"reflect"
	"slices"
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

// dedupReference is Dedup as it was before the Deduper: every incident
// kept in full, each new one compared with the merged incidents of its
// identity. TestDeduperAgrees checks the Deduper against it.
func dedupReference(incs []Incident) []Incident {
	out := make([]Incident, 0, len(incs))
	index := map[string][]int{}
	for _, inc := range incs {
		if len(inc.Sources) == 0 {
			inc.Sources = []Source{inc.Source}
		}
		key, ok := identity(inc)
		if ok {
			merged := false
			for _, i := range index[key] {
				ta, tb := normName(out[i].Title), normName(inc.Title)
				if ta == "" || tb == "" || ta == tb {
					Merge(&out[i], inc)
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

// TestDeduperAgrees runs Dedup and the reference on random incidents drawn
// from few organisations, minutes and titles (empty ones and ones without
// a letter among them), so that most of them collide.
func TestDeduperAgrees(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	titles := []string{"", "API down", "api DOWN.", "Login errors", "!!", "Slow pages"}
	base := time.Date(2024, 5, 1, 10, 0, 0, 0, time.UTC)
	for round := range 300 {
		var incs []Incident
		for i := range 2 + rng.IntN(30) {
			inc := Incident{
				Organization: []string{"", "Acme", "acme", "Globex"}[rng.IntN(4)],
				Title:        titles[rng.IntN(len(titles))],
				Source:       Source{Path: fmt.Sprintf("in%d.txt", i), Line: 1 + rng.IntN(3)},
			}
			at := base.Add(time.Duration(rng.IntN(3)) * time.Minute)
			if rng.IntN(4) > 0 {
				inc.Updates = []Update{{Status: StatusInvestigating, At: at, Line: i}}
			} else if rng.IntN(2) == 0 {
				inc.ImpactStart = &Stated{At: at}
			}
			incs = append(incs, inc)
		}
		got, want := Dedup(slices.Clone(incs)), dedupReference(slices.Clone(incs))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: Dedup kept %d incidents, the reference %d:\n%+v\n%+v", round, len(got), len(want), got, want)
		}
	}
}
