package ingest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/mttx-dev/mttx/synth"
)

// refContainsFold is containsFold as it was before it looked for the first
// letter with strings.IndexByte: the oracle of the tests below.
func refContainsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

var containsFoldWords = []string{"report for", "publi", "view vendor source", "r", "@x", " a", "Ab", "\x00"}

func checkContainsFold(t *testing.T, s string) {
	t.Helper()
	for _, w := range containsFoldWords {
		if got, want := containsFold(s, w), refContainsFold(s, w); got != want {
			t.Fatalf("containsFold(%q, %q) = %v; the old one says %v", s, w, got, want)
		}
	}
}

func TestContainsFoldAsBefore(t *testing.T) {
	for _, s := range []string{"", "Incident Report for Acme", "INCIDENT REPORT FOR", "rrreport for", "report fo", "Report\tfor",
		"Published", "pUBLI", "View Vendor Source →", "view vendor ſource", "`x", "@X", "\x00a", " A", "R"} {
		checkContainsFold(t, s)
	}
	r := rand.New(rand.NewPCG(105, 106))
	pieces := []string{"r", "R", "report", "REPORT", " ", "for", "FOR", " for", "publi", "PuBlI", "view", " vendor", " source", "ſ",
		"@", "`", "x", "X", "\x00", "é", " a", " A"}
	for range 200000 {
		checkContainsFold(t, randomPieces(r, pieces, 8))
	}
}

func FuzzContainsFold(f *testing.F) {
	f.Add("Incident Report for Acme")
	f.Add("View Vendor Source")
	f.Fuzz(func(t *testing.T, s string) { checkContainsFold(t, s) })
}

func FuzzIsAgBadge(f *testing.F) {
	f.Add("Minor Resolved View vendor source →")
	f.Add("Major reſolved")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isAgBadge(s), agBadge.MatchString(s); got != want {
			t.Fatalf("isAgBadge(%q) = %v; agBadge says %v", s, got, want)
		}
	})
}

func checkOrgLine(t *testing.T, line, org string) {
	t.Helper()
	for _, kind := range []string{" incident", " maintenance"} {
		if got, want := orgLine(line, org, kind), strings.ToLower(line) == strings.ToLower(org)+kind; got != want {
			t.Fatalf("orgLine(%q, %q, %q) = %v; want %v", line, org, kind, got, want)
		}
	}
}

func TestOrgLine(t *testing.T) {
	for _, c := range [][2]string{{"Acme incident", "Acme"}, {"ACME INCIDENT", "acme"}, {"Acme maintenance", "ACME"}, {"Acme  incident", "Acme"},
		{"Acmé incident", "ACMÉ"}, {"\u212aey incident", "key"}, {"Acme", "Acme"}, {"incident", ""}, {"İx incident", "i̇x"}} {
		checkOrgLine(t, c[0], c[1])
	}
	r := rand.New(rand.NewPCG(107, 108))
	pieces := []string{"a", "A", "b", " ", "é", "É", "\u212a", "k", "İ", "i"}
	for range 100000 {
		org := randomPieces(r, pieces, 4)
		line := org + []string{" incident", " Incident", " MAINTENANCE", " x", ""}[r.IntN(5)]
		if r.IntN(3) == 0 {
			line = strings.ToUpper(line)
		}
		checkOrgLine(t, line, org)
	}
}

// BenchmarkContainsFold runs containsFold as detection does, for "report
// for" on the lines of a synthetic aggregator page.
func BenchmarkContainsFold(b *testing.B) {
	_, docs, _ := synthDocs(b, synth.AggregatorText, 20)
	var ls []line
	for _, d := range docs {
		ls = append(ls, splitLines(d)...)
	}
	b.Run("new", func(b *testing.B) {
		for b.Loop() {
			for _, l := range ls {
				containsFold(l.Text, "report for")
			}
		}
	})
	b.Run("old", func(b *testing.B) {
		for b.Loop() {
			for _, l := range ls {
				refContainsFold(l.Text, "report for")
			}
		}
	})
}

// spReportForHead is the opening of spReportFor, which reportForHead
// reads by hand.
var spReportForHead = regexp.MustCompile(`(?i)^(?:scheduled maintenance|maintenance|incident) report for`)

func checkReportFor(t *testing.T, s string) {
	t.Helper()
	if spReportFor.MatchString(s) && !mayReportFor(s) {
		t.Fatalf("spReportFor matches %q but mayReportFor is false", s)
	}
	if got, want := reportForHead(s), spReportForHead.MatchString(s); got != want {
		t.Fatalf("reportForHead(%q) = %v; the expression says %v", s, got, want)
	}
}

func TestMayReportForGuardsRegexp(t *testing.T) {
	for _, s := range []string{"Incident Report for Acme", "ſcheduled maintenance report for x", "MAINTENANCE REPORT FOR X", "", "x",
		"Incident Report fo", "incident report for", "Scheduled  Maintenance Report for x", "Maintenance report forever", "The incident report for x"} {
		checkReportFor(t, s)
	}
	r := rand.New(rand.NewPCG(111, 112))
	pieces := []string{"incident", "Incident", "scheduled ", "ſcheduled ", "Scheduled ", "maintenance", "MAINTENANCE", " report for",
		" Report For", " ", "\t", "Acme", "x", "é", "ı"}
	matched := 0
	for range 200000 {
		s := randomPieces(r, pieces, 6)
		if spReportFor.MatchString(s) {
			matched++
		}
		checkReportFor(t, s)
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

func FuzzMayReportFor(f *testing.F) {
	f.Add("Incident Report for Acme")
	f.Add("ſcheduled maintenance report for x")
	f.Fuzz(func(t *testing.T, s string) { checkReportFor(t, s) })
}

func checkMayPosted(t *testing.T, s string) {
	t.Helper()
	if _, ok := postedStamp(s); ok && !mayPosted(s) {
		t.Fatalf("postedStamp reads %q but mayPosted is false", s)
	}
	if got, want := isPosted(s), spPostedRE.MatchString(s); got != want {
		t.Fatalf("isPosted(%q) = %v; the expression says %v", s, got, want)
	}
}

func TestMayPostedGuardsPostedStamp(t *testing.T) {
	r := rand.New(rand.NewPCG(113, 114))
	pieces := []string{"posted", "Posted", "POSTED", "poſted", " ", "\t", "\n", "Feb 09, 2019", "1", "x", "é", "p", "P"}
	matched := 0
	for range 200000 {
		s := randomPieces(r, pieces, 5)
		if isPosted(s) {
			matched++
		}
		checkMayPosted(t, s)
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

func FuzzMayPosted(f *testing.F) {
	f.Add("Posted Feb 09, 2019 - 14:37 GMT")
	f.Add("poſted 1")
	f.Fuzz(func(t *testing.T, s string) { checkMayPosted(t, s) })
}
