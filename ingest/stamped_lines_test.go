package ingest

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// The expressions the line tests of stamped.go stand for: the oracles.
var (
	columnHeader   = regexp.MustCompile(`(?i)^(?:date\s+)?time\s+(?:description|update|details|message)$|^date\s+time$`)
	pageKind       = regexp.MustCompile(`(?i)^(?:incident|outage|notice|maintenance|incident report|service incident|degraded performance)$`)
	titleField     = regexp.MustCompile(`^(?i:title)\s*:\s*(.+)$`)
	affectingLine  = regexp.MustCompile(`^(?i:incident affecting|affecting|affected products?:)\s+(.+)$`)
	componentsHead = regexp.MustCompile(`(?i)^(?:features affected|affected components|components affected|affected services|services affected|affected features)\s*:?$`)
	updatesHeading = regexp.MustCompile(`(?i)^(?:all updates|updates|update history|history|update timeline|incident updates)\s*:?$`)
)

// checkStampedLine checks every line test of stamped.go against its
// expression on s.
func checkStampedLine(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name string
		got  bool
		re   *regexp.Regexp
	}{
		{"isColumnHeader", isColumnHeader(s), columnHeader},
		{"isPageKind", isPageKind(s), pageKind},
		{"isComponentsHead", isComponentsHead(s), componentsHead},
		{"isUpdatesHeading", isUpdatesHeading(s), updatesHeading},
		{"isTitleField", isTitleField(s), titleField},
	} {
		if want := c.re.MatchString(s); c.got != want {
			t.Fatalf("%s(%q) = %v; the expression says %v", c.name, s, c.got, want)
		}
	}
	for _, c := range []struct {
		name string
		f    func(string) (string, bool)
		re   *regexp.Regexp
	}{
		{"titleFieldValue", titleFieldValue, titleField},
		{"affectingList", affectingList, affectingLine},
	} {
		got, ok := c.f(s)
		m := c.re.FindStringSubmatch(s)
		if ok != (m != nil) || ok && got != m[1] {
			t.Fatalf("%s(%q) = %q, %v; the expression finds %q", c.name, s, got, ok, m)
		}
	}
}

func TestStampedLinesMatchRegexps(t *testing.T) {
	skipOracleUnderRace(t)
	for _, s := range []string{
		"", "Date Time Description", "date time", "DATE\tTIME", "Time  Update", "time update ", "datetime update", "date  time message",
		"Date Time", "date", "time", "Incident", "incident report", "INCIDENT REPORT ", "Degraded Performance", "ſervice incident",
		"notice", "Title: Outage", "title:", "Title:  ", "Title: \n", "Title:\n ", "TITLE :x", "Title: a\nb", "Titles: x",
		"Incident affecting Cloud Queues, Cloud Functions", "affecting  ", "affecting ", "Affected products: A", "affected product:\tB",
		"affected products: ", "Affecting\nA", "Features affected", "Affected components:", "affected components :", "affected components: ",
		"ſervices affected", "affected ſervices", "Updates", "updates:", "Update history", "history :", "Update Timeline", "all updates",
		"incident updates", "update", "updates\n", "Incident updates::", "Date \u212aime", "Title: é", "Title:\xff",
	} {
		checkStampedLine(t, s)
	}
	r := rand.New(rand.NewPCG(91, 92))
	pieces := []string{"date", "Date", "time", "TIME", "description", "update", "updates", "details", "message", "incident",
		"outage", "notice", "maintenance", "report", "service", "degraded", "performance", "title", "Title", "affecting",
		"affected", "products", "product", "features", "components", "services", "all", "history", "timeline", " ", "  ", "\t",
		"\n", ":", " :", "x", "é", "ſ", "\u212a", "\xff", "A, B"}
	matched := 0
	for range 200000 {
		s := randomPieces(r, pieces, 5)
		checkStampedLine(t, s)
		for _, re := range []*regexp.Regexp{columnHeader, pageKind, titleField, affectingLine, componentsHead, updatesHeading} {
			if re.MatchString(s) {
				matched++
				break
			}
		}
	}
	if matched < 2000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// FuzzStampedLines checks the line tests of stamped.go against their
// expressions on any line.
func FuzzStampedLines(f *testing.F) {
	for _, s := range []string{"Date Time Description", "Title:\n ", "Incident affecting A, B", "Affected ſervices:", "Update history"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkStampedLine(t, s)
	})
}
