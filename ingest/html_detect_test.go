package ingest

import (
	"strings"
	"testing"
)

// checkDetectHTML compares detectHTML with the oracle html_test.go holds.
func checkDetectHTML(t *testing.T, s string) {
	t.Helper()
	got, gotWhy := detectHTML(&doc{data: []byte(s)})
	want, wantWhy := detectHTMLOracle([]byte(s))
	if got != want || gotWhy != wantWhy {
		t.Fatalf("detectHTML(%q) = %d %q; want %d %q", s, got, gotWhy, want, wantWhy)
	}
}

func TestDetectHTMLTable(t *testing.T) {
	for _, s := range []string{"", "<", "x<body", "x<BoDy>", "x<bod", "x<<body", "x< body", "x<bodİ", "\ufeff \n<body",
		"\ufeffx<body", "\xef\xbbx<body", "x</div>", "<p></div>", " \t<html>", "x<html>", "é<body", "x<\u212abody", "x<b\u00f6dy",
		strings.Repeat("a", 2043) + "<body", strings.Repeat("a", 2044) + "<body", "see <https://example.com/body>"} {
		checkDetectHTML(t, s)
	}
}

func FuzzDetectHTML(f *testing.F) {
	f.Add("Title\n<body>")
	f.Add("\ufeff <!DOCTYPE html>")
	f.Fuzz(checkDetectHTML)
}
