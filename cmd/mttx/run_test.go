package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestExitCodes(t *testing.T) {
	good := "../../testdata/parse/sp-est-winter.txt"
	bad := "../../testdata/broken/unknown-format.txt"
	tests := []struct {
		name       string
		args       []string
		stdin      string
		code       int
		stdoutHas  string
		stderrHas  string
		stderrNone bool
	}{
		{"no args", nil, "", exitUsage, "", "Usage:", false},
		{"unknown command", []string{"frobnicate"}, "", exitUsage, "", `unknown command "frobnicate"`, false},
		{"help", []string{"help"}, "", exitOK, "mttx parse", "", true},
		{"help parse", []string{"help", "parse"}, "", exitOK, "", "Examples:", false},
		{"parse --help", []string{"parse", "--help"}, "", exitOK, "", "--input-format", false},
		{"report --help", []string{"report", "--help"}, "", exitOK, "", "Examples:", false},
		{"unknown flag", []string{"parse", "--bogus", good}, "", exitUsage, "", "unknown flag: --bogus", false},
		{"bad output format", []string{"parse", "--format", "xml", good}, "", exitUsage, "", `unknown --format "xml"`, false},
		{"bad input format", []string{"parse", "--input-format", "pdf", good}, "", exitUsage, "", `unknown input format "pdf"`, false},
		{"bad jobs", []string{"parse", "--jobs", "0", good}, "", exitUsage, "", "--jobs must be at least 1", false},
		{"no paths", []string{"report"}, "", exitUsage, "", "no input", false},
		{"all good", []string{"parse", "--format", "jsonl", good}, "", exitOK, `"organization":"Pinegrove Mail"`, "", true},
		{"one bad", []string{"parse", "--format", "jsonl", good, bad}, "", exitPartial, `"Pinegrove Mail"`, bad + ":1: no known incident format", false},
		{"missing file", []string{"report", good, "nope.txt"}, "", exitPartial, "Pinegrove Mail", "nope.txt: cannot read: no such file or directory", false},
		{"glob matching nothing", []string{"parse", "../../testdata/parse/*.nothing"}, "", exitPartial, "", "the pattern matches no file", false},
		{"glob", []string{"parse", "--format", "jsonl", "../../testdata/parse/sp-e*.txt"}, "", exitOK, "Harbor Ledger", "", true},
		{"stdin", []string{"parse", "--format", "jsonl", "-"}, "Outage\nIncident Report for Acme\nResolved\nFixed.\nPosted Jan 02, 2024 - 10:00 UTC\n", exitOK, `"source":"-"`, "", true},
		{"forced format mismatch", []string{"parse", "--input-format", "aggregator-text", good}, "", exitPartial, "", "no status update could be read", false},
		{"explain", []string{"parse", "--explain", "--format", "jsonl", good}, "", exitOK, "", "read as statuspage-text: line 2 reads", false},
		{"warnings", []string{"parse", "--warnings", "--format", "jsonl", "../../testdata/parse/sp-pst-in-july.txt"}, "", exitOK, "", "sp-pst-in-july.txt:6: warning: PST written on a daylight-saving date", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			errOut := expectRun(t, tt.stdin, tt.args, tt.code, tt.stdoutHas, tt.stderrHas)
			if tt.stderrNone && errOut != "" {
				t.Errorf("stderr not empty:\n%s", errOut)
			}
		})
	}
}

// TestDirectory reads a directory recursively, in a stable order, and
// lists every unreadable file while reporting the rest.
func TestDirectory(t *testing.T) {
	dir := t.TempDir()
	for name, src := range map[string]string{
		"a/one.txt":     "../../testdata/parse/sp-est-winter.txt",
		"b/two.txt":     "../../testdata/parse/ag-full-midnight.txt",
		"b/bad.md":      "../../testdata/broken/unknown-format.txt",
		".hidden/x.txt": "../../testdata/broken/unknown-format.txt",
		"skip.png":      "../../testdata/broken/unknown-format.txt",
	} {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	code, out, errOut := mttx(t, "", "parse", "--format", "jsonl", dir)
	if code != exitPartial {
		t.Errorf("exit %d; want %d", code, exitPartial)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], "one.txt") || !strings.Contains(lines[1], "two.txt") {
		t.Errorf("want one.txt then two.txt, got:\n%s", out)
	}
	if !strings.Contains(errOut, "bad.md:1: no known incident format") || strings.Contains(errOut, "x.txt") || strings.Contains(errOut, "skip.png") {
		t.Errorf("stderr:\n%s", errOut)
	}
	if !strings.Contains(errOut, "1 of 3 inputs could not be read") {
		t.Errorf("stderr lacks the count of failures:\n%s", errOut)
	}
}

// TestSameIncidentTwoSources reads one incident from its API JSON and its
// saved page: kept once, both sources listed, the postmortem the JSON lacks
// taken from the page.
func TestSameIncidentTwoSources(t *testing.T) {
	code, out, errOut := mttx(t, "", "parse", "--format", "jsonl", "../../testdata/dedup")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 1 {
		t.Fatalf("%d incidents; want 1:\n%s", len(lines), out)
	}
	for _, want := range []string{`"sources":["../../testdata/dedup/ferrow-api-page.txt","../../testdata/dedup/ferrow-api.json"]`, `"status":"postmortem"`, `"impact_start":"2024-09-03T13:55:00Z"`} {
		if !strings.Contains(lines[0], want) {
			t.Errorf("record lacks %s:\n%s", want, lines[0])
		}
	}
}

// TestLivePage fetches a status page's API from a local server, saves the
// raw JSON, and reads the saved copy offline to the same records.
func TestLivePage(t *testing.T) {
	body, err := os.ReadFile("../../testdata/parse/spj-incidents.json")
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/api/v2/incidents.json" {
			http.NotFound(w, r)
			return
		}
		if !strings.HasPrefix(r.Header.Get("User-Agent"), "mttx/") {
			t.Errorf("User-Agent %q", r.Header.Get("User-Agent"))
		}
		w.Header().Set("Content-Type", "application/json")
		w.Write(body)
	}))
	defer srv.Close()
	dir := t.TempDir()
	code, live, errOut := mttx(t, "", "parse", "--format", "jsonl", "--save", dir, "--statuspage", srv.URL)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	if n := strings.Count(live, "\n"); n != 2 {
		t.Fatalf("%d incidents from the live page; want 2:\n%s", n, live)
	}
	code, offline, errOut := mttx(t, "", "parse", "--format", "jsonl", dir)
	if code != exitOK {
		t.Fatalf("offline: exit %d: %s", code, errOut)
	}
	idOf := func(s string) string { return s[strings.Index(s, `"id":`):][:26] }
	if idOf(live) != idOf(offline) {
		t.Errorf("offline copy reads as %s; live as %s", idOf(offline), idOf(live))
	}
	// A site that is no status page is a clear error, exit 1.
	code, _, errOut = mttx(t, "", "parse", srv.URL+"/nothing/here.json")
	if code != exitPartial || !strings.Contains(errOut, "not a Statuspage page") {
		t.Errorf("exit %d, stderr %q; want 1 and a clear error", code, errOut)
	}
}

// TestReportFlags checks the review flags: bad values are usage errors
// that say what was expected; good ones add their sections.
func TestReportFlags(t *testing.T) {
	examples := "../../testdata/examples"
	dir := t.TempDir()
	badTax := filepath.Join(dir, "bad.yaml")
	if err := os.WriteFile(badTax, []byte("factors:\n  - name: deploy\n    phrases:\n      - (roll out\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	newTax := filepath.Join(dir, "ours.yaml")
	if err := os.WriteFile(newTax, []byte("factors:\n  - name: feature-flag\n    description: a flag flipped\n    phrases:\n      - feature flag|flags|toggle\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas string
		stderrHas string
	}{
		{"unknown key", []string{"report", "--group-by", "service", examples}, exitUsage, "", `unknown grouping key "service"`},
		{"three keys", []string{"report", "--group-by", "quarter,org,impact", examples}, exitUsage, "", "one or two keys"},
		{"one period", []string{"report", "--compare", "2024Q1", examples}, exitUsage, "", "want two periods"},
		{"overlapping periods", []string{"report", "--compare", "2024,2024Q2", examples}, exitUsage, "", "overlap"},
		{"bad since", []string{"report", "--since", "yesterday", examples}, exitUsage, "", "--since: \"yesterday\": want a date"},
		{"since after until", []string{"report", "--since", "2024Q3", "--until", "2024Q1", examples}, exitUsage, "", "is not before --until"},
		{"bad window", []string{"report", "--repeat-window", "0d", examples}, exitUsage, "", "--repeat-window"},
		{"bad impact", []string{"report", "--impact", "severe", examples}, exitUsage, "", `--impact "severe"`},
		{"bad factors file", []string{"report", "--factors", badTax, examples}, exitUsage, "", badTax + ":4:9: factor \"deploy\""},
		{"missing factors file", []string{"report", "--factors", filepath.Join(dir, "none.yaml"), examples}, exitUsage, "", "--factors:"},
		{"compare", []string{"report", "--compare", "2023Q3,2024Q3", examples}, exitOK, "Comparison: 2024Q3 against 2023Q3", ""},
		{"last quarter", []string{"report", "--compare", "last-quarter", examples}, exitOK, "Comparison: 2024Q3 against 2024Q2", ""},
		{"group by factor", []string{"report", "--group-by", "factor", examples}, exitOK, "By factor", ""},
		{"reliability by component", []string{"report", "--reliability-by", "component", examples}, exitOK, "Reliability by component", ""},
		{"bad timeline", []string{"report", "--html", "x.html", "--timeline", "0", examples}, exitUsage, "", "--timeline 0: want at least 1"},
		{"bad format", []string{"report", "--format", "xml", examples}, exitUsage, "", `unknown --format "xml" (want table, markdown, csv or json)`},
		{"bad reliability key", []string{"report", "--reliability-by", "quarter", examples}, exitUsage, "", "want org or component"},
		{"filters", []string{"report", "--org", "lumora", "--since", "2024-01-01", examples}, exitOK, "in this report; left out:", ""},
		{"maintenance kept", []string{"report", "--include-maintenance", "--org", "Orrisfield", examples}, exitOK, "Orrisfield", ""},
		{"own factor", []string{"parse", "--format", "jsonl", "--factors", newTax, "-"}, exitOK, `"feature-flag"]`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			stdin := "Checkout errors\nIncident Report for Acme\nResolved\nA feature flag flipped for everyone caused the errors.\nPosted Jan 02, 2024 - 10:00 UTC\n"
			expectRun(t, stdin, tt.args, tt.code, tt.stdoutHas, tt.stderrHas)
		})
	}
}

// expectRun runs mttx and checks its exit code and that stdout and stderr
// hold the given strings; it returns stderr.
func expectRun(t *testing.T, stdin string, args []string, code int, stdoutHas, stderrHas string) string {
	t.Helper()
	got, out, errOut := mttx(t, stdin, args...)
	if got != code {
		t.Errorf("exit %d; want %d\nstderr: %s", got, code, errOut)
	}
	if !strings.Contains(out, stdoutHas) {
		t.Errorf("stdout lacks %q:\n%s", stdoutHas, out)
	}
	if !strings.Contains(errOut, stderrHas) {
		t.Errorf("stderr lacks %q:\n%s", stderrHas, errOut)
	}
	return errOut
}
