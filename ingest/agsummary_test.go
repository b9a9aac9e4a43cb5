package ingest

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// agSummary is the expression agSummaryMatch matches by hand ("ORG
// experienced a major incident on September 21, 2021 affecting A, B,
// lasting 4h 16m."); the tests hold it as the oracle.
var agSummary = regexp.MustCompile(`^(.+?) (?:experienced|is experiencing|has experienced|had|is having) an? (?:([A-Za-z]+) )?(incident|maintenance|outage|event) on ([A-Z][a-z]+\.? \d{1,2}, \d{4})(?: affecting (.*?))?(?:,? lasting (.*?))?\.(?:\s|$)`)

// agSummaryMatch is agSummaryInto returning the submatches as
// FindStringSubmatch does: nil where there is no match.
func agSummaryMatch(s string) []string {
	var m agSubmatches
	if !agSummaryInto(s, &m) {
		return nil
	}
	return m[:]
}

func TestAgSummaryMatchMatchesRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	check := func(s string) bool {
		t.Helper()
		got := agSummaryMatch(s)
		want := agSummary.FindStringSubmatch(s)
		if !slices.Equal(got, want) {
			t.Fatalf("agSummaryMatch(%q) = %q; want %q", s, got, want)
		}
		return want != nil
	}
	for _, s := range []string{
		"Corkalio experienced a minor incident on September 5, 2025 affecting Email Delivery, lasting 1h 37m. The incident has been resolved.",
		"Acme had an incident on Sep 21, 2021.", "Acme is having a major outage on Jan 2, 2024 affecting API.",
		"Acme had an event on Jan. 2, 2024, lasting 4h.", "Acme had a an incident on Jan 2, 2024.x had a incident on Jan 2, 2024.",
		"A had an incident on Jan 2, 2024 affecting A. B, lasting 3h. C.", "had an incident on Jan 2, 2024.", "Acme had an incident on Jan 2, 20245.",
	} {
		check(s)
	}
	r := rand.New(rand.NewPCG(81, 82))
	pieces := []string{"Acme", "Acme Corp", " ", "experienced", "is experiencing", "has experienced", "had", "is having",
		"hads", " a ", " an ", "a", "an", "major", "Major", "minor ", "incident", "maintenance", "outage", "event", "Incident",
		" on ", "on", "Sep 21, 2021", "Sept. 3, 2024", "September 5, 2025", "Jan 2, 20245", "J 2, 2021", "Sep 123, 2021",
		" affecting ", "API", "A, B", " and ", ", lasting ", " lasting ", "4h 16m", ".", ". ", ".\n", "\n", ".x", "x", "é", "\xff",
		",", "\t"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 10)
		if r.IntN(2) == 0 {
			s = randomPieces(r, pieces[:3], 2) + " " + pieces[3+r.IntN(6)] + pieces[9+r.IntN(2)] + randomPieces(r, pieces[11:16], 1) +
				pieces[16+r.IntN(5)] + " on " + pieces[23+r.IntN(6)] + randomPieces(r, pieces[29:], 5) + []string{"", "."}[r.IntN(2)]
		}
		if check(s) {
			matched++
		}
	}
	if matched < 5000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// FuzzAgSummary checks the hand-written matcher against the expression on
// any line.
func FuzzAgSummary(f *testing.F) {
	f.Add("Corkalio experienced a minor incident on September 5, 2025 affecting Email Delivery, lasting 1h 37m. The incident")
	f.Add("A had an event on Jan. 2, 2024, lasting 4h.\nB had an incident on Jan 2, 2024.")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := agSummaryMatch(s), agSummary.FindStringSubmatch(s); !slices.Equal(got, want) {
			t.Fatalf("agSummaryMatch(%q) = %q; want %q", s, got, want)
		}
	})
}
