package synth_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
	"github.com/mttx-dev/mttx/synth"
)

// TestReadBack generates a corpus of every format and checks that mttx
// reads back exactly what was written: organisation, title, impact,
// components, every update (status, time, text), the stated window, the
// stated cause, and the durations docs/metrics.md derives.
func TestReadBack(t *testing.T) {
	tax, err := metrics.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range synth.Formats() {
		t.Run(f.String(), func(t *testing.T) {
			dir := t.TempDir()
			c := synth.Config{Format: f, N: 400, Seed: 7, PerFile: 25}
			var truth bytes.Buffer
			if err := synth.WriteCorpus(context.Background(), dir, c, 2, &truth); err != nil {
				t.Fatal(err)
			}
			want := decodeTruth(t, &truth)
			if len(want) != c.N {
				t.Fatalf("truth holds %d incidents; want %d", len(want), c.N)
			}
			var got []metrics.Analysis
			for k := range c.Files() {
				res := ingest.ReadFile(filepath.Join(dir, c.Path(k)), nil, ingest.Options{})
				if res.Err != nil {
					t.Fatalf("file %d: %v", k, res.Err)
				}
				if res.Detection.Format.String() != f.String() {
					t.Fatalf("file %d read as %s; want %s", k, res.Detection.Format, f)
				}
				// Statuspage JSON lists incidents newest first; the truth
				// is in corpus order.
				for _, inc := range slices.Backward(res.Incidents) {
					got = append(got, metrics.Analyze(inc, tax))
				}
			}
			if len(got) != len(want) {
				t.Fatalf("read %d incidents; want %d", len(got), len(want))
			}
			for i := range want {
				if problems := diff(got[i], want[i]); len(problems) > 0 {
					t.Errorf("incident %d (%s): %v", want[i].Index, want[i].File, problems)
				}
			}
		})
	}
}

func decodeTruth(t *testing.T, r *bytes.Buffer) []synth.Incident {
	var out []synth.Incident
	dec := json.NewDecoder(r)
	for dec.More() {
		var inc synth.Incident
		if err := dec.Decode(&inc); err != nil {
			t.Fatal(err)
		}
		out = append(out, inc)
	}
	return out
}

// diff lists how an analysis differs from the truth.
func diff(a metrics.Analysis, w synth.Incident) []string {
	var out []string
	inc := a.Incident
	check := func(what string, got, want any) {
		if fmt.Sprint(got) != fmt.Sprint(want) {
			out = append(out, fmt.Sprintf("%s = %v; want %v", what, got, want))
		}
	}
	check("org", inc.Organization, w.Org)
	check("title", inc.Title, w.Title)
	check("impact", inc.Impact, w.Impact)
	var comps []string
	for _, c := range inc.Components {
		comps = append(comps, c.Name)
	}
	check("components", comps, w.Components)
	check("updates", len(inc.Updates), len(w.Updates))
	for i := range min(len(inc.Updates), len(w.Updates)) {
		g, u := inc.Updates[i], w.Updates[i]
		check(fmt.Sprintf("update %d status", i), g.Status, u.Status)
		check(fmt.Sprintf("update %d time", i), g.At, u.At)
		check(fmt.Sprintf("update %d text", i), g.Text, u.Text)
	}
	stated := func(s *ingest.Stated) *time.Time {
		if s == nil {
			return nil
		}
		return &s.At
	}
	check("stated start", fmtTime(stated(inc.ImpactStart)), fmtTime(w.StatedStart))
	check("stated end", fmtTime(stated(inc.ImpactEnd)), fmtTime(w.StatedEnd))
	d := a.Result.Durations
	for _, m := range []struct {
		metric metrics.Metric
		want   *int64
	}{{metrics.TTD, w.TTD}, {metrics.TTI, w.TTI}, {metrics.TTM, w.TTM}, {metrics.TTR, w.TTR},
		{metrics.Impact, w.ImpactSeconds}, {metrics.PostmortemDelay, w.PostmortemDelay}} {
		check(m.metric.String(), fmtSeconds(d.Get(m.metric)), fmtInt(m.want))
	}
	var factors []string
	for _, f := range a.Factors.Names() {
		factors = append(factors, string(f))
	}
	if w.Factor != "" && !slices.Contains(factors, w.Factor) {
		out = append(out, fmt.Sprintf("factors = %v; want %s among them", factors, w.Factor))
	}
	return out
}

func fmtTime(t *time.Time) string {
	if t == nil {
		return "unknown"
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func fmtSeconds(d *time.Duration) string {
	if d == nil {
		return "unknown"
	}
	return fmt.Sprint(int64(*d / time.Second))
}

func fmtInt(s *int64) string {
	if s == nil {
		return "unknown"
	}
	return fmt.Sprint(*s)
}
