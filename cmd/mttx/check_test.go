package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheck validates the check fixtures and the broken inputs: problems
// are golden-tested in both formats, a clean report exits 0, problems
// exit 1 and bad flags 2.
func TestCheck(t *testing.T) {
	t.Chdir("../..")
	for _, f := range []struct{ format, golden string }{{"plain", "check.txt"}, {"github", "check-github.txt"}} {
		code, out, stderr := mttx(t, "", "check", "--format", f.format, "testdata/check", "testdata/broken")
		if code != exitPartial || stderr != "mttx check: 17 problems in 11 of 12 inputs\n" {
			t.Errorf("%s: exit %d, stderr %q; want 1 and the count of problems", f.format, code, stderr)
		}
		_, again, _ := mttx(t, "", "check", "--jobs", "1", "--format", f.format, "testdata/check", "testdata/broken")
		if again != out {
			t.Errorf("%s: a second run with one worker gave other output", f.format)
		}
		golden(t, filepath.Join("testdata", "golden", f.golden), out)
	}
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas string
		stderrHas string
	}{
		{"clean", []string{"check", "testdata/check/clean.md"}, exitOK, "", ""},
		{"more fields", []string{"check", "--ignore-warnings", "--require", "title,org,components", "testdata/check/out-of-order.md"}, exitPartial,
			"testdata/check/out-of-order.md:1: missing components: want the components affected\n", "1 problem in 1 of 1 inputs"},
		{"warnings ignored", []string{"check", "--ignore-warnings", "--require", "title", "testdata/check/out-of-order.md"}, exitOK, "", ""},
		{"bad field", []string{"check", "--require", "title,owner", "testdata/check"}, exitUsage, "", `unknown field "owner"`},
		{"bad format", []string{"check", "--format", "sarif", "testdata/check"}, exitUsage, "", `unknown --format "sarif"`},
		{"missing file", []string{"check", "testdata/check/none.md"}, exitPartial, "testdata/check/none.md: cannot read", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectRun(t, "", tt.args, tt.code, tt.stdoutHas, tt.stderrHas)
		})
	}
}

// TestCIDoc keeps docs/ci.md true: it shows docs/ci-example.sh as it is,
// and the check output it quotes is what mttx check prints.
func TestCIDoc(t *testing.T) {
	t.Chdir("../..")
	doc, err := os.ReadFile("docs/ci.md")
	if err != nil {
		t.Fatal(err)
	}
	script, err := os.ReadFile("docs/ci-example.sh")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), "```bash\n"+string(script)+"```\n") {
		t.Error("docs/ci.md does not show docs/ci-example.sh as it is: copy the script into its bash block")
	}
	_, out, stderr := mttx(t, "", "check", "testdata/check")
	_, after, ok := strings.Cut(string(doc), "$ mttx check testdata/check\n")
	if !ok {
		t.Fatal("docs/ci.md lacks the mttx check example")
	}
	block, _, _ := strings.Cut(after, "```")
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if line != "..." && !strings.Contains(out+stderr, line+"\n") {
			t.Errorf("docs/ci.md shows a line mttx check does not print:\n%s", line)
		}
	}
}
