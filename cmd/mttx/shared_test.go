package main

// Tests against the project's shared material in ../shared (seeds and the
// labelled corpus). They skip with a message when it is not there.

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
	"github.com/mttx-dev/mttx/report"
)

const sharedDir = "../../../shared"

func needShared(t *testing.T, sub string) string {
	t.Helper()
	dir := filepath.Join(sharedDir, sub)
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("%s not found: the shared seeds and corpus live beside the repository (../shared); skipping", dir)
	}
	return dir
}

func readOne(t *testing.T, path string) (ingest.Incident, metrics.Result) {
	t.Helper()
	res := ingest.ReadFile(path, nil, ingest.Options{})
	if res.Err != nil {
		t.Fatalf("read %s: %v", path, res.Err)
	}
	if len(res.Incidents) != 1 {
		t.Fatalf("read %s: %d incidents; want 1", path, len(res.Incidents))
	}
	return res.Incidents[0], metrics.Compute(res.Incidents[0])
}

// TestSeeds asserts every value the foundation issue expects of the two
// founding reports.
func TestSeeds(t *testing.T) {
	dir := needShared(t, "seeds")
	tests := []struct {
		file      string
		startProv metrics.Provenance
		want      map[metrics.Metric]string
		unknown   []metrics.Metric
	}{
		{
			file:      "workos-2023-04-11-platform-outage.txt",
			startProv: metrics.ProvStated,
			want: map[metrics.Metric]string{
				metrics.TTD: "7m12s", metrics.TTI: "17m12s", metrics.TTM: "23m12s", metrics.TTR: "40m12s",
				metrics.Impact: "18m32s", metrics.PostmortemDelay: "3d1h15m",
			},
		},
		{
			file:      "wedo-2021-09-21-login-failure.txt",
			startProv: metrics.ProvInferredFromDuration,
			want: map[metrics.Metric]string{
				metrics.TTD: "36m", metrics.TTI: "36m", metrics.TTM: "38m", metrics.TTR: "4h16m",
				metrics.PostmortemDelay: "2d20h35m",
			},
			unknown: []metrics.Metric{metrics.Impact},
		},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			path := filepath.Join(dir, tt.file)
			inc, r := readOne(t, path)
			if r.Milestones.Start.Provenance != tt.startProv {
				t.Errorf("start provenance = %v; want %v", r.Milestones.Start.Provenance, tt.startProv)
			}
			for m, want := range tt.want {
				d := r.Durations.Get(m)
				if d == nil {
					t.Errorf("%v unknown; want %s", m, want)
					continue
				}
				if got := report.Duration(*d); got != want {
					t.Errorf("%v = %s (%v); want %s", m, got, *d, want)
				}
			}
			for _, m := range tt.unknown {
				if d := r.Durations.Get(m); d != nil {
					t.Errorf("%v = %v; want unknown", m, *d)
				}
			}
			tr := checkTruth(t, strings.TrimSuffix(path, ".txt")+".truth.json", inc)
			tax, err := metrics.DefaultTaxonomy()
			if err != nil {
				t.Fatal(err)
			}
			found := tax.Classify(inc)
			var got []string
			for _, f := range found.Found {
				got = append(got, string(f.Factor))
				if len(f.Evidence) == 0 || f.Evidence[0].Text == "" || f.Evidence[0].Line < 1 {
					t.Errorf("factor %s has no evidence with a line", f.Factor)
				}
			}
			if !sameSet(got, tr.Factors) {
				t.Errorf("factors %v; want %v", got, tr.Factors)
			}
		})
	}
	// Narrative times without a stated zone are shown with an inferred zone
	// but never move a milestone.
	inc, r := readOne(t, filepath.Join(dir, "wedo-2021-09-21-login-failure.txt"))
	if len(inc.Timeline) != 6 {
		t.Fatalf("WEDO timeline has %d entries; want 6", len(inc.Timeline))
	}
	for _, e := range inc.Timeline {
		if e.ZoneSrc != ingest.ZoneInferred || e.Zone != "UTC+2" {
			t.Errorf("entry %s: zone %q (%v); want UTC+2 inferred", e.Clock, e.Zone, e.ZoneSrc)
		}
	}
	if r.Milestones.Identified.Provenance != metrics.ProvUpdate {
		t.Errorf("WEDO identified comes from %v; want the identified update", r.Milestones.Identified.Provenance)
	}
}

// truth is the part of a *.truth.json label the tests compare.
type truth struct {
	Format  string `json:"format"`
	Updates []struct {
		Status string `json:"status"`
		At     string `json:"at"`
	} `json:"updates"`
	ImpactStart    *string  `json:"impact_start"`
	ImpactEnd      *string  `json:"impact_end"`
	StatedDuration *float64 `json:"stated_duration_minutes"`
	Factors        []string `json:"factors"`
}

func loadTruth(t *testing.T, path string) truth {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var tr truth
	if err := json.Unmarshal(b, &tr); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return tr
}

// updateKey is how score.py compares updates: status and minute.
func updateKey(status string, at time.Time) string {
	return status + "@" + at.UTC().Truncate(time.Minute).Format(time.RFC3339)
}

// matchUpdates counts the labelled updates found in inc.
func matchUpdates(t *testing.T, tr truth, inc ingest.Incident) (ok, total int) {
	have := map[string]bool{}
	for _, u := range inc.Updates {
		status := u.Status.String()
		if u.Word != "" { // the page's own word, as the JSON record and the labels give it
			status = strings.Join(strings.Fields(strings.NewReplacer("_", " ", "-", " ").Replace(strings.ToLower(u.Word))), " ")
		}
		have[updateKey(status, u.At)] = true
	}
	for _, u := range tr.Updates {
		at, err := time.Parse(time.RFC3339, u.At)
		if err != nil {
			t.Fatalf("bad label time %q", u.At)
		}
		total++
		if have[updateKey(u.Status, at)] {
			ok++
		}
	}
	return ok, total
}

func checkTruth(t *testing.T, path string, inc ingest.Incident) truth {
	t.Helper()
	tr := loadTruth(t, path)
	if ok, total := matchUpdates(t, tr, inc); ok != total || len(inc.Updates) != total {
		t.Errorf("updates: %d of %d labelled updates read, %d read in all", ok, total, len(inc.Updates))
	}
	checkTime(t, "impact_start", tr.ImpactStart, inc.ImpactStart)
	checkTime(t, "impact_end", tr.ImpactEnd, inc.ImpactEnd)
	switch {
	case tr.StatedDuration == nil && inc.StatedDuration != nil:
		t.Errorf("stated duration %v; want none", inc.StatedDuration.Duration)
	case tr.StatedDuration != nil && (inc.StatedDuration == nil || absf(inc.StatedDuration.Duration.Minutes()-*tr.StatedDuration) >= 1):
		t.Errorf("stated duration %v; want %v min", inc.StatedDuration, *tr.StatedDuration)
	}
	return tr
}

// sameSet reports whether a and b hold the same strings.
func sameSet(a, b []string) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}

func checkTime(t *testing.T, name string, want *string, got *ingest.Stated) {
	t.Helper()
	switch {
	case want == nil && got != nil:
		t.Errorf("%s = %v; want none", name, got.At)
	case want != nil && got == nil:
		t.Errorf("%s unknown; want %s", name, *want)
	case want != nil:
		w, _ := time.Parse(time.RFC3339, *want)
		if d := got.At.Sub(w); d < -time.Minute || d > time.Minute {
			t.Errorf("%s = %v; want %s", name, got.At, *want)
		}
	}
}

func absf(f float64) float64 {
	if f < 0 {
		return -f
	}
	return f
}

// Floors measured on ../shared/corpus, for the Statuspage and aggregator
// text pages (the foundation's formats) and for every format. A change
// that reads fewer of them right fails here; raise the floors when the
// readers improve.
var floors = map[string]struct{ updates, durations, windows float64 }{
	"text pages":  {1.00, 1.00, 1.00},
	"all formats": {1.00, 1.00, 0.95},
}

// Factor floors on the whole corpus (measured: precision 0.85, recall
// 0.89; the issue asks for 0.8 each).
const factorPrecisionFloor, factorRecallFloor = 0.82, 0.85

// TestCorpus reads every labelled report in ../shared/corpus: every file
// must parse, and the share of labelled updates, stated durations and impact
// starts/ends read right must stay above the floors.
func TestCorpus(t *testing.T) {
	dir := needShared(t, "corpus")
	labels, _ := filepath.Glob(filepath.Join(dir, "*.truth.json"))
	if len(labels) == 0 {
		t.Skipf("no labels in %s", dir)
	}
	type tally struct{ updOK, updN, durOK, durN, winOK, winN int }
	got := map[string]*tally{"text pages": {}, "all formats": {}}
	tax, err := metrics.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	var factorTP, factorFP, factorFN int
	for _, lp := range labels {
		stem := strings.TrimSuffix(lp, ".truth.json")
		var report string
		for _, ext := range []string{".txt", ".json", ".md", ".html", ".htm"} {
			if _, err := os.Stat(stem + ext); err == nil {
				report = stem + ext
			}
		}
		if report == "" {
			continue
		}
		tr := loadTruth(t, lp)
		groups := []*tally{got["all formats"]}
		if tr.Format == "statuspage-text" || tr.Format == "aggregator-text" {
			groups = append(groups, got["text pages"])
		}
		res := ingest.ReadFile(report, nil, ingest.Options{})
		if res.Err != nil {
			var pe *ingest.ParseError
			if !errors.As(res.Err, &pe) || pe.File != report || pe.Line < 1 {
				t.Errorf("%s: error without file and line: %v", report, res.Err)
			}
			t.Errorf("%s: %v", report, res.Err)
			for _, g := range groups {
				g.updN += len(tr.Updates)
			}
			continue
		}
		inc := res.Incidents[0]
		ok, n := matchUpdates(t, tr, inc)
		for _, f := range tax.Classify(inc).Found {
			if slices.Contains(tr.Factors, string(f.Factor)) {
				factorTP++
			} else {
				factorFP++
			}
			if len(f.Evidence) == 0 || strings.TrimSpace(f.Evidence[0].Text) == "" {
				t.Errorf("%s: factor %s reported without evidence", report, f.Factor)
			}
		}
		for _, want := range tr.Factors {
			if !tax.Classify(inc).Has(metrics.Factor(want)) {
				factorFN++
			}
		}
		durN, durOK := 0, 0
		if tr.StatedDuration != nil {
			durN = 1
			if inc.StatedDuration != nil && absf(inc.StatedDuration.Duration.Minutes()-*tr.StatedDuration) < 1 {
				durOK = 1
			}
		}
		winN, winOK := 0, 0
		for _, p := range []struct {
			want *string
			got  *ingest.Stated
		}{{tr.ImpactStart, inc.ImpactStart}, {tr.ImpactEnd, inc.ImpactEnd}} {
			if p.want == nil {
				continue
			}
			winN++
			w, _ := time.Parse(time.RFC3339, *p.want)
			if p.got != nil && p.got.At.Sub(w).Abs() <= time.Minute {
				winOK++
			}
		}
		for _, g := range groups {
			g.updOK, g.updN = g.updOK+ok, g.updN+n
			g.durOK, g.durN = g.durOK+durOK, g.durN+durN
			g.winOK, g.winN = g.winOK+winOK, g.winN+winN
		}
	}
	share := func(ok, n int) float64 {
		if n == 0 {
			return 1
		}
		return float64(ok) / float64(n)
	}
	prec, rec := share(factorTP, factorTP+factorFP), share(factorTP, factorTP+factorFN)
	t.Logf("factors: precision %.2f recall %.2f (tp %d fp %d fn %d)", prec, rec, factorTP, factorFP, factorFN)
	if prec < factorPrecisionFloor || rec < factorRecallFloor {
		t.Errorf("factors: precision %.3f recall %.3f; floors %.2f / %.2f", prec, rec, factorPrecisionFloor, factorRecallFloor)
	}
	for _, name := range []string{"text pages", "all formats"} {
		g, f := got[name], floors[name]
		t.Logf("%s: updates %d/%d, stated durations %d/%d, impact starts/ends %d/%d", name, g.updOK, g.updN, g.durOK, g.durN, g.winOK, g.winN)
		if s := share(g.updOK, g.updN); s < f.updates {
			t.Errorf("%s: updates read right %.3f (%d/%d); floor %.2f", name, s, g.updOK, g.updN, f.updates)
		}
		if s := share(g.durOK, g.durN); s < f.durations {
			t.Errorf("%s: stated durations read right %.3f (%d/%d); floor %.2f", name, s, g.durOK, g.durN, f.durations)
		}
		if s := share(g.winOK, g.winN); s < f.windows {
			t.Errorf("%s: impact windows read right %.3f (%d/%d); floor %.2f", name, s, g.winOK, g.winN, f.windows)
		}
	}
}
