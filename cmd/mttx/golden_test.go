package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/ with what the code produces now")

// mttx runs the CLI in-process and returns its exit code, stdout and stderr.
func mttx(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), args, strings.NewReader(stdin), &out, &errb)
	return code, out.String(), errb.String()
}

// golden compares got with the golden file, or rewrites it under -update.
func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/mttx -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test ./cmd/mttx -update and review the diff):\n%s", path, firstDiff(got, string(want)))
	}
}

// firstDiff shows the first differing line of two texts.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\ngot  " + gl + "\nwant " + wl
		}
	}
	return "(same lines, different bytes)"
}

// fixtureFiles lists the report fixtures of dir: every file but the golden
// files.
func fixtureFiles(t *testing.T, dir string) []string {
	t.Helper()
	all, _ := filepath.Glob(filepath.Join(dir, "*"))
	var out []string
	for _, f := range all {
		if ext := filepath.Ext(f); ext != ".golden" && ext != ".err" {
			out = append(out, f)
		}
	}
	if len(out) == 0 {
		t.Fatalf("no fixtures in %s", dir)
	}
	return out
}

// TestGoldenParse reads every fixture in testdata/parse and compares the
// JSON with its golden file; a second run must give the same bytes.
func TestGoldenParse(t *testing.T) {
	files := fixtureFiles(t, "../../testdata/parse")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, out, stderr := mttx(t, "", "parse", "--format", "json", f)
			if code != exitOK || stderr != "" {
				t.Fatalf("parse %s: exit %d, stderr:\n%s", f, code, stderr)
			}
			_, again, _ := mttx(t, "", "parse", "--format", "json", f)
			if again != out {
				t.Fatalf("parse %s twice gave different output", f)
			}
			golden(t, strings.TrimSuffix(f, filepath.Ext(f))+".golden", out)
		})
	}
}

// TestGoldenBroken reads every broken fixture: exit 1, nothing on stdout, a
// located error on stderr matching its golden file.
func TestGoldenBroken(t *testing.T) {
	files := fixtureFiles(t, "../../testdata/broken")
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, out, stderr := mttx(t, "", "parse", "--format", "jsonl", f)
			if code != exitPartial {
				t.Errorf("exit %d; want %d", code, exitPartial)
			}
			if out != "" {
				t.Errorf("stdout not empty:\n%s", out)
			}
			if !strings.HasPrefix(stderr, f+":") {
				t.Errorf("stderr does not start with the file name %q:\n%s", f, stderr)
			}
			golden(t, strings.TrimSuffix(f, filepath.Ext(f))+".err", stderr)
		})
	}
}

// TestGoldenReport renders the report on the example data of the README.
func TestGoldenReport(t *testing.T) {
	code, out, stderr := mttx(t, "", "report", "../../testdata/examples")
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	_, again, _ := mttx(t, "", "report", "--jobs", "1", "../../testdata/examples")
	if again != out {
		t.Fatal("report with one worker differs from report with several")
	}
	golden(t, "../../testdata/golden/report-examples.txt", out)
}

// TestGoldenReview renders the quarterly review of the README: the
// comparison of 2024Q1 with 2024Q2 and the metrics by quarter, the same
// bytes with one worker or several.
func TestGoldenReview(t *testing.T) {
	args := []string{"report", "--compare", "2024Q1,2024Q2", "--group-by", "quarter", "../../testdata/examples"}
	code, out, stderr := mttx(t, "", args...)
	if code != exitOK || stderr != "" {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	_, again, _ := mttx(t, "", append([]string{args[0], "--jobs", "1"}, args[1:]...)...)
	if again != out {
		t.Fatal("review with one worker differs from review with several")
	}
	golden(t, "../../testdata/golden/review-2024Q1-2024Q2.txt", out)
	// The README quotes the comparison: every line it shows must be in
	// the output, so the README stays true.
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	_, after, ok := strings.Cut(string(readme), "$ mttx report --compare 2024Q1,2024Q2 testdata/examples\n")
	if !ok {
		t.Fatal("README.md lacks the quarterly review example")
	}
	block, _, _ := strings.Cut(after, "```")
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if line != "..." && !strings.Contains(out, line) {
			t.Errorf("README.md shows a line the review does not print:\n%s", line)
		}
	}
}
