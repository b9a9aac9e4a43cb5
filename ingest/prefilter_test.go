package ingest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// spPostedRE is the expression postedStamp matches by hand; the test holds
// it as the oracle.
var spPostedRE = regexp.MustCompile(`(?i)^posted\s+(.*\d.*)$`)

// randomPieces joins up to n random pieces.
func randomPieces(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range r.IntN(n + 1) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

func TestPostedStampMatchesRegexp(t *testing.T) {
	check := func(s string) bool {
		t.Helper()
		got, ok := postedStamp(s)
		m := spPostedRE.FindStringSubmatch(s)
		if ok != (m != nil) || ok && got != m[1] {
			t.Fatalf("postedStamp(%q) = %q, %v; want %q", s, got, ok, m)
		}
		return ok
	}
	for _, c := range []string{
		"", "Posted", "Posted Apr 11, 2023 - 14:55 EDT", "posted  \t 3 days ago", "POSTED 1", "Posted1", "Posted about",
		"Poſted 5", "PoSTed\n5", "Posted 5\n", "Posted \n 5", "Posted\v5", "Posted \xff5", " Posted 5", "Posted\f\r 5x",
		"Postedx 5", "Pasted 5", "Posted é 5 é",
	} {
		check(c)
	}
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"posted", "Posted", "POSTED", "poſted", "pos", "ted", " ", "\t", "\n", "\v", "\f", "\r", "5", "x",
		"Apr", ",", "é", "\xff", "ſ", "K"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 6)
		if r.IntN(2) == 0 {
			s = pieces[r.IntN(4)] + s // most lines that matter start so
		}
		if check(s) {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// TestContainsFoldGuardsRegexp checks that containsFold holds wherever the
// expression it guards matches.
func TestContainsFoldGuardsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"Incident", "incident", "Scheduled Maintenance", "maintenance", " report for ", " Report For ",
		" REPORT FOR ", " reporT fOr ", " report", " for", "\t", "Acme", "ſ", "K", "é", " "}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 5)
		if spReportFor.MatchString(s) {
			matched++
			if !containsFold(s, "report for") {
				t.Fatalf("spReportFor matches %q but containsFold is false", s)
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}
