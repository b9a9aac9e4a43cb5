package ingest

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
)

// approxWords are what may sit between a heading's date and time ("ca."):
// the expression dropApprox and approxWord replaced, kept as their oracle.
var approxWords = regexp.MustCompile(`(?i)\b(?:ca|approx|circa|about|around)\b\.?|~`)

// refTimeHeading is timeHeading as it was written with the expressions:
// the oracle for headingTitle and approxHints.
func refTimeHeading(text string, order dateOrder) (mention, bool) {
	m := mdHeading.FindStringSubmatch(text)
	if m == nil {
		return mention{}, false
	}
	h := strings.TrimSpace(approxWords.ReplaceAllString(m[2], " "))
	h = strings.Join(strings.Fields(h), " ")
	ms := scanMentions(h, order)
	if len(ms) != 1 || ms[0].Clock == nil || ms[0].Start != 0 || ms[0].End != len(h) {
		return mention{}, false
	}
	return ms[0], true
}

// checkHeading compares headingTitle and timeHeading with the
// expressions on s.
func checkHeading(t *testing.T, s string) {
	t.Helper()
	title, ok := headingTitle(s)
	m := mdHeading.FindStringSubmatch(s)
	if ok != (m != nil) || ok && title != m[2] {
		t.Fatalf("headingTitle(%q) = %q, %v; mdHeading finds %q", s, title, ok, m)
	}
	if got, want := dropApprox(s), approxWords.ReplaceAllString(s, " "); got != want {
		t.Fatalf("dropApprox(%q) = %q; approxWords.ReplaceAllString = %q", s, got, want)
	}
	if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Fatalf("collapseSpace(%q) = %q; want %q", s, got, want)
	}
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		got, gotOK := timeHeading(s, order)
		want, wantOK := refTimeHeading(s, order)
		if gotOK != wantOK || !reflect.DeepEqual(got, want) {
			t.Fatalf("timeHeading(%q) = %s, %v; the expressions read %s, %v", s, showMentions([]mention{got}), gotOK, showMentions([]mention{want}), wantOK)
		}
	}
}

// headingPieces are what random headings are made of.
var headingPieces = []string{"#", "##", "###", "#######", " ", "  ", "\t", "\n", "\r", "\f", "\v", "\u00a0", "\u0085",
	"14:16", "09:05 UTC", "2018-07-30", "March 3", "ca.", "CA", "Ca", "circa", "approx", "Approx.", "about", "ABOUT", "around",
	"~", "~~", "ca.", "ca..", "a b", " a", "a ", "ca", "cab", "xabout", "_ca", "ca_", "CIRCA", "ArOuNd", "aroun", "approxx", "k", "s", ".", "x", "é", "ſ", "K", "\xff", "Timeline", "PST", "am", "pm"}

// TestHeadingTitle checks headingTitle and timeHeading against the
// expressions on a table and on random headings.
func TestHeadingTitle(t *testing.T) {
	skipOracleUnderRace(t)
	for _, s := range []string{"", "#", "# ", "#  ", "# x", "#x", "###### x", "####### x", "# x #", "# x ##  ", "# x # y",
		"#\tx", "#\nx", "# x\ny", "# x\n", "# x \n #", "## 14:16", "### 2018-07-30 ca. 11:20", "# ~ 10:00 UTC ~", "# about 9:40 PST #",
		"#  ##  ", "# ###", "# \v14:16", "# 14:16\u00a0", "# 14:16 #\n"} {
		checkHeading(t, s)
	}
	for _, l := range refTestLines(t) {
		checkHeading(t, l)
	}
	r := rand.New(rand.NewPCG(59, 60))
	for range 100000 {
		checkHeading(t, randomHeading(r))
	}
}

// randomHeading is random pieces, half of the time after the opening of a
// heading and before a closing, so that most are headings and many hold a
// time.
func randomHeading(r *rand.Rand) string {
	var b strings.Builder
	heading := r.IntN(2) == 0
	if heading {
		b.WriteString([]string{"#", "##", "###", "######", "#######"}[r.IntN(5)])
		b.WriteString([]string{" ", "  ", "\t", "\n", ""}[r.IntN(5)])
		b.WriteString([]string{"", "", "ca. ", "~", "About ", "2018-07-30 ", "2018-07-30 approx. "}[r.IntN(7)])
		b.WriteString([]string{"14:16", "9:05 UTC", "10:00 pm", "x"}[r.IntN(4)])
	}
	for range r.IntN(5) {
		b.WriteString(headingPieces[r.IntN(len(headingPieces))])
	}
	if heading {
		b.WriteString([]string{"", "", " #", " ##  ", "\n", " "}[r.IntN(6)])
	}
	return b.String()
}

// FuzzHeadingTitle compares headingTitle and timeHeading with the
// expressions on arbitrary text.
func FuzzHeadingTitle(f *testing.F) {
	r := rand.New(rand.NewPCG(61, 62))
	for range 50 {
		f.Add(randomHeading(r))
	}
	f.Fuzz(func(t *testing.T, s string) { checkHeading(t, s) })
}
