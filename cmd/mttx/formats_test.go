package main

import (
	"encoding/csv"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// reviewArgs is the review every format is golden-tested on: the README's
// quarterly review with one threshold that holds and one that breaks.
var reviewArgs = []string{"--compare", "2024Q1,2024Q2", "--group-by", "quarter",
	"--fail-if", "p90(ttr) > 3h", "--fail-if", "count(factor=deploy, quarter=last) > 3", "testdata/examples"}

// TestGoldenFormats writes the review in every format: each matches its
// golden file, is the same bytes with one worker or several, and --out
// writes exactly what standard output gets.
func TestGoldenFormats(t *testing.T) {
	t.Chdir("../..") // paths in the output read as a user types them
	for _, f := range []struct{ format, golden string }{
		{"table", "review.txt"}, {"markdown", "review.md"}, {"csv", "review.csv"}, {"json", "review.json"},
	} {
		t.Run(f.format, func(t *testing.T) {
			args := append([]string{"report", "--format", f.format}, reviewArgs...)
			code, out, stderr := mttx(t, "", args...)
			if code != exitThreshold || !strings.Contains(stderr, "threshold broken: p90(ttr) > 3h (is 3h20m30s)") ||
				strings.Contains(stderr, "count(factor=deploy") {
				t.Fatalf("exit %d; want %d with the p90 threshold broken and the count one not; stderr:\n%s", code, exitThreshold, stderr)
			}
			_, again, _ := mttx(t, "", append([]string{"report", "--jobs", "1", "--format", f.format}, reviewArgs...)...)
			if again != out {
				t.Error("a second run with one worker gave other bytes")
			}
			file := filepath.Join(t.TempDir(), "out")
			mttx(t, "", append([]string{"report", "--format", f.format, "--out", file}, reviewArgs...)...)
			if written, err := os.ReadFile(file); err != nil || string(written) != out {
				t.Errorf("--out wrote other bytes than stdout (%v)", err)
			}
			golden(t, filepath.Join("testdata", "golden", f.golden), out)
		})
	}
}

// TestFormatsAgree checks that CSV and JSON carry the same numbers: every
// summary statistic and every incident duration.
func TestFormatsAgree(t *testing.T) {
	t.Chdir("../..")
	_, js, _ := mttx(t, "", append([]string{"report", "--format", "json"}, reviewArgs...)...)
	_, cs, _ := mttx(t, "", append([]string{"report", "--format", "csv"}, reviewArgs...)...)
	var doc struct {
		Summary   []map[string]any `json:"summary"`
		Incidents []struct {
			ID        string              `json:"id"`
			Durations map[string]*float64 `json:"durations_seconds"`
		} `json:"incidents"`
	}
	if err := json.Unmarshal([]byte(js), &doc); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(strings.NewReader(cs)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	csvValue := map[string]string{}
	for _, r := range rows[1:] {
		csvValue[strings.Join(r[:5], "|")] = r[5]
	}
	checked := 0
	for _, d := range doc.Summary {
		m := d["metric"].(string)
		for _, stat := range []string{"median", "p90", "p95", "mean", "geomean", "min", "max"} {
			want := ""
			if v, ok := d[stat].(float64); ok {
				want = strconv.FormatFloat(v, 'f', -1, 64)
			}
			if got := csvValue["summary|||"+m+"|"+stat]; got != want {
				t.Errorf("summary %s %s: CSV %q, JSON %q", m, stat, got, want)
			}
			checked++
		}
	}
	for _, inc := range doc.Incidents {
		for m, v := range inc.Durations {
			want := ""
			if v != nil {
				want = strconv.FormatFloat(*v, 'f', -1, 64)
			}
			if got := csvValue["incident||"+inc.ID+"|"+m+"|value"]; got != want {
				t.Errorf("incident %s %s: CSV %q, JSON %q", inc.ID, m, got, want)
			}
			checked++
		}
	}
	if checked < 200 {
		t.Errorf("compared only %d values", checked)
	}
}

// TestThresholds checks --fail-if and --baseline: a threshold that holds
// exits 0, a broken one 3 with its value on stderr, a bad expression is a
// usage error that points at the column; a regression against a baseline
// fails only with --fail-on-regression.
func TestThresholds(t *testing.T) {
	examples := "../../testdata/examples"
	dir := t.TempDir()
	q1, q2 := filepath.Join(dir, "q1.json"), filepath.Join(dir, "q2.json")
	for file, period := range map[string]string{q1: "2024Q1", q2: "2024Q2"} {
		if code, _, stderr := mttx(t, "", "report", "--format", "json", "--out", file, "--since", period, "--until", period, examples); code != exitOK {
			t.Fatalf("writing the baseline %s: exit %d\n%s", file, code, stderr)
		}
	}
	notJSON := filepath.Join(dir, "bad.json")
	if err := os.WriteFile(notJSON, []byte("{\n  \"schema\": \"mttx.review\",\n  \"summary\": [1,]\n}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	q1Args := []string{"--since", "2024Q1", "--until", "2024Q1", examples}
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas string
		stderrHas string
	}{
		{"holds", []string{"report", "--fail-if", "p90(ttr) > 8h", "--fail-if", "coverage(ttd) < 80%", examples}, exitOK, "Thresholds: 0 of 2 broken", ""},
		{"broken", []string{"report", "--fail-if", "median(ttr, org=Talvery) >= 3h", examples}, exitThreshold, "BROKEN",
			"threshold broken: median(ttr, org=Talvery) >= 3h (is 3h25m)"},
		{"broken count", []string{"report", "--format", "json", "--fail-if", "count(quarter=last) > 1", examples}, exitThreshold, `"broken": true`, "(is 2)"},
		{"unknown breaks nothing", []string{"report", "--fail-if", "p90(ttr, org=Nobody) > 1h", examples}, exitOK, "unknown: no incident has the metric", ""},
		{"bad expression", []string{"report", "--fail-if", "p90(ttr) > 4 hours", examples}, exitUsage, "", `--fail-if "p90(ttr) > 4 hours": column 12: want a duration`},
		{"bad metric", []string{"report", "--fail-if", "p90(mttr) > 4h", examples}, exitUsage, "", `column 5: unknown metric "mttr"`},
		{"regression without baseline", []string{"report", "--fail-on-regression", examples}, exitUsage, "", "needs --baseline"},
		{"missing baseline", []string{"report", "--baseline", filepath.Join(dir, "none.json"), examples}, exitUsage, "", "--baseline:"},
		{"bad baseline", []string{"report", "--baseline", notJSON, examples}, exitUsage, "", notJSON + ":3:17: invalid character"},
		{"baseline shown", append([]string{"report", "--baseline", q2}, q1Args...), exitOK, "Against the baseline", ""},
		{"regression", append([]string{"report", "--baseline", q2, "--fail-on-regression"}, q1Args...), exitThreshold, "1 of 8 metrics slower",
			"postmortem_delay median slower than the baseline beyond its 95% interval"},
		{"improvement", append([]string{"report", "--baseline", q1, "--fail-on-regression", "--since", "2024Q2", "--until", "2024Q2"}, examples), exitOK, "0 of 8 metrics slower", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectRun(t, "", tt.args, tt.code, tt.stdoutHas, tt.stderrHas)
		})
	}
}

// TestOutputs writes every format in one run: each --out file holds what
// its format alone writes, nothing goes to stdout, and the threshold still
// decides the exit code.
func TestOutputs(t *testing.T) {
	t.Chdir("../..")
	dir := t.TempDir()
	args := []string{"report"}
	files := map[string]string{"review.md": "markdown", "review.json": "json", "review.csv": "csv", "review.txt": "table", "review.data": "json"}
	for name := range files {
		args = append(args, "--out", filepath.Join(dir, name))
	}
	args = append(args, "--format", "json", "--out", filepath.Join(dir, "review.html"))
	code, out, stderr := mttx(t, "", append(args, reviewArgs...)...)
	if code != exitThreshold || out != "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, out, stderr)
	}
	for name, format := range files {
		_, want, _ := mttx(t, "", append([]string{"report", "--format", format}, reviewArgs...)...)
		got, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || string(got) != want {
			t.Errorf("%s: not what --format %s writes (%v)", name, format, err)
		}
	}
	if page, err := os.ReadFile(filepath.Join(dir, "review.html")); err != nil || !strings.Contains(string(page), "<html") {
		t.Errorf("review.html: no HTML page (%v)", err)
	}
}
