package report

import (
	"bytes"
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

func TestDuration(t *testing.T) {
	tests := []struct {
		d    time.Duration
		want string
	}{
		{0, "0s"},
		{400 * time.Millisecond, "0s"},
		{7*time.Minute + 12*time.Second, "7m12s"},
		{4*time.Hour + 16*time.Minute, "4h16m"},
		{3*24*time.Hour + time.Hour + 15*time.Minute, "3d1h15m"},
		{2*24*time.Hour + 20*time.Hour + 35*time.Minute, "2d20h35m"},
		{time.Hour + 5*time.Second, "1h5s"},
		{36 * time.Minute, "36m"},
		{-(7*time.Minute + 12*time.Second), "-7m12s"},
		{59*time.Second + 600*time.Millisecond, "1m"},
	}
	for _, tt := range tests {
		if got := Duration(tt.d); got != tt.want {
			t.Errorf("Duration(%v) = %q; want %q", tt.d, got, tt.want)
		}
	}
}

func sample() Entry {
	at := time.Date(2024, 1, 2, 10, 0, 0, 0, time.UTC)
	inc := ingest.Incident{
		ID: "abc", Source: ingest.Source{Path: "x.txt", Line: 1}, Format: ingest.FormatStatuspageText,
		Organization: "Acme | Co", Title: "Checkout\terrors",
		Updates:     []ingest.Update{{Status: ingest.StatusResolved, Word: "Resolved", At: at, Text: "done", Line: 4}},
		ImpactStart: &ingest.Stated{At: at.Add(-30 * time.Minute), Line: 2},
	}
	return NewEntry(inc, ingest.Detection{Format: ingest.FormatStatuspageText, Reason: "test"}, nil)
}

func TestJSONRecord(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONLWriter(&buf)
	if err := w.Write(sample()); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(buf.Bytes(), &got); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, buf.String())
	}
	for _, k := range []string{"impact", "impact_end", "stated_duration_seconds", "postmortem"} {
		if v, ok := got[k]; !ok || v != nil {
			t.Errorf("%s = %v (present %v); want null", k, v, ok)
		}
	}
	d := got["durations_seconds"].(map[string]any)
	if d["ttr"] != float64(1800) || d["ttd"] != float64(1800) || d["tti"] != nil {
		t.Errorf("durations_seconds = %v; want ttr and ttd 1800, tti null", d)
	}
	if got["metrics_version"] != "metrics v1" || got["factors"] == nil {
		t.Errorf("metrics_version %v factors %v", got["metrics_version"], got["factors"])
	}
}

func TestJSONArray(t *testing.T) {
	var buf bytes.Buffer
	w := NewJSONWriter(&buf)
	if err := w.Close(); err != nil || buf.String() != "[]\n" {
		t.Errorf("empty array = %q, %v; want \"[]\\n\"", buf.String(), err)
	}
	buf.Reset()
	w = NewJSONWriter(&buf)
	w.Write(sample())
	w.Write(sample())
	w.Close()
	var arr []map[string]any
	if err := json.Unmarshal(buf.Bytes(), &arr); err != nil || len(arr) != 2 {
		t.Errorf("array of two: %v, %d elements\n%s", err, len(arr), buf.String())
	}
}

func TestTablesKeepCellsOnOneLine(t *testing.T) {
	var buf bytes.Buffer
	names := &metrics.NameList{}
	if err := WriteIncidents(&buf, briefsOf(names, []Entry{sample()}), names); err != nil {
		t.Fatal(err)
	}
	out := buf.String()
	if !strings.Contains(out, "Checkout errors") || strings.Contains(out, "\t") {
		t.Errorf("tab not flattened:\n%s", out)
	}
	// Unknown durations are blank cells, never 0s.
	if strings.Contains(out, " 0s ") {
		t.Errorf("unknown shown as zero:\n%s", out)
	}
	var again bytes.Buffer
	WriteIncidents(&again, briefsOf(names, []Entry{sample()}), names)
	if again.String() != out {
		t.Error("two renders differ")
	}
}

// TestGitHubAnnotation checks that a problem's text cannot end the
// workflow command or start another.
func TestGitHubAnnotation(t *testing.T) {
	var b strings.Builder
	err := WriteProblems(&b, []FileProblem{
		{Path: "pm/a,b:c.md", Line: 3, Msg: "bad 100%\n::error::injected"},
		{Path: "pm/x.md", Msg: "warned", Warning: true},
	}, ProblemsGitHub)
	want := "::error file=pm/a%2Cb%3Ac.md,line=3::bad 100%25%0A::error::injected\n::warning file=pm/x.md::warned\n"
	if err != nil || b.String() != want {
		t.Errorf("got %q, %v; want %q", b.String(), err, want)
	}
}

// TestReviewSchemaDocumented keeps docs/report-json.md true: every key the
// JSON review can write is named there.
func TestReviewSchemaDocumented(t *testing.T) {
	doc, err := os.ReadFile("../docs/report-json.md")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type)
	walk = func(rt reflect.Type) {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Map {
			rt = rt.Elem()
		}
		if rt.Kind() != reflect.Struct || seen[rt] {
			return
		}
		seen[rt] = true
		for i := range rt.NumField() {
			f := rt.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name != "" && name != "-" && !bytes.Contains(doc, []byte("`"+name+"`")) {
				t.Errorf("docs/report-json.md does not name the key %q (%s.%s)", name, rt.Name(), f.Name)
			}
			walk(f.Type)
		}
	}
	walk(reflect.TypeOf(reviewJSON{}))
	if len(seen) < 15 {
		t.Errorf("walked only %d types", len(seen))
	}
}

// briefsOf reduces entries to the Briefs a review computes from, their
// IDs and titles added to names.
func briefsOf(names *metrics.NameList, entries []Entry) *metrics.BriefList {
	z := metrics.NewBriefer()
	out := &metrics.BriefList{}
	for _, e := range entries {
		out.Append(z.Brief(e.Analysis, names.Add(e.Incident.ID, e.Incident.Title)))
	}
	return out
}

// TestWriteJSONManyIncidents checks that the JSON review written chunk by
// chunk on every core is the bytes of encoding the whole document at
// once, with enough incidents for several rounds of chunks.
func TestWriteJSONManyIncidents(t *testing.T) {
	entries := exampleEntries(t)
	bs := &metrics.BriefList{}
	z, names := metrics.NewBriefer(), NewNameFile(t.TempDir())
	names.memLimit = 4096 // most names are read from the file
	defer names.Close()
	added := map[metrics.NameKey]*ingest.Incident{}
	for bs.Len() < 9000 {
		for _, e := range entries {
			k, err := names.Add(e.Incident.ID, e.Incident.Title)
			if err != nil {
				t.Fatal(err)
			}
			added[k] = &e.Incident
			bs.Append(z.Brief(e.Analysis, k))
		}
	}
	r, err := NewReview(bs, names, nil, ReviewPlan{RepeatWindow: 90 * 24 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	var got bytes.Buffer
	if err := WriteJSON(&got, r); err != nil {
		t.Fatal(err)
	}
	doc := reviewDoc(r)
	for i := range r.Incidents.Len() {
		b := *r.Incidents.At(i)
		inc := added[b.Name]
		doc.Incidents = append(doc.Incidents, reviewIncident(b, inc.ID, inc.Title))
	}
	want, err := encode(doc, "  ")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		t.Errorf("the review written in chunks (%d bytes) differs from the whole document (%d bytes)", got.Len(), len(want))
	}
}
