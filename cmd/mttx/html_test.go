package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mttx-dev/mttx/report"
)

// TestReportHTML runs mttx report --html: the terminal review still goes
// to stdout, the page is written, linked to its sources relative to its
// own directory, and a binary without the generated ECharts says on
// stderr that its page needs the network.
func TestReportHTML(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "out", "review.html")
	if err := os.Mkdir(filepath.Dir(page), 0o755); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), []string{"report", "--html", page, "../../testdata/hostile"}, nil, &stdout, &stderr)
	if code != exitOK {
		t.Fatalf("exit %d; stderr:\n%s", code, stderr.String())
	}
	if !strings.Contains(stdout.String(), "Incidents (2)") {
		t.Errorf("stdout lacks the terminal review:\n%s", stdout.String())
	}
	data, err := os.ReadFile(page)
	if err != nil {
		t.Fatal(err)
	}
	abs, _ := filepath.Abs("../../testdata/hostile/script-title.txt")
	rel, _ := filepath.Rel(filepath.Dir(page), abs)
	if want := `<a href="` + filepath.ToSlash(rel) + `">`; !bytes.Contains(data, []byte(want)) {
		t.Errorf("page lacks the source link %s", want)
	}
	notice := strings.Contains(stderr.String(), "loads ECharts "+report.EchartsVersion+" from "+report.EchartsCDN)
	if notice == report.EchartsInlined() {
		t.Errorf("inlined %v, CDN notice on stderr %v:\n%s", report.EchartsInlined(), notice, stderr.String())
	}
}

func TestSourceHref(t *testing.T) {
	href := sourceHref("/srv/pages/review.html")
	for _, tt := range []struct{ src, want string }{
		{"/srv/reports/a b.txt", "../reports/a%20b.txt"},
		{"/srv/pages/x:y.md", "./x:y.md"},
		{"https://status.example.com/incidents/1", "https://status.example.com/incidents/1"},
		{"-", ""},
	} {
		if got := href(tt.src); got != tt.want {
			t.Errorf("sourceHref(%q) = %q; want %q", tt.src, got, tt.want)
		}
	}
}
