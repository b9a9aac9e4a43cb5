package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// mayBeSummaryOracle is the test mayBeSummary was before it looked at the
// kind of event before " on " and the capital after it.
func mayBeSummaryOracle(s string) bool {
	return strings.Contains(s, " on ") && (strings.Contains(s, "experienced a") || strings.Contains(s, "had a") ||
		strings.Contains(s, "experiencing a") || strings.Contains(s, "having a"))
}

// checkMayBeSummary checks that mayBeSummary lets through every line the
// summary expression matches, and only lines the old test let through: the
// aggregator reader then tries agSummaryInto on the same lines that match.
func checkMayBeSummary(t *testing.T, s string) {
	t.Helper()
	got := mayBeSummary(s)
	if agSummary.MatchString(s) && !got {
		t.Fatalf("agSummary matches %q but mayBeSummary is false", s)
	}
	if got && !mayBeSummaryOracle(s) {
		t.Fatalf("mayBeSummary(%q) is true but the old test is false", s)
	}
	var m agSubmatches
	if (got && agSummaryInto(s, &m)) != (mayBeSummaryOracle(s) && agSummaryInto(s, &m)) {
		t.Fatalf("mayBeSummary(%q) = %v changes what the aggregator reader finds", s, got)
	}
}

func TestMayBeSummaryTable(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"Acme experienced a major incident on September 21, 2021 affecting A, lasting 4h 16m.", true},
		{"Acme had an event on Jan. 2, 2024.", true},
		{"Acme is having a maintenance on Jan 2, 2024.", true},
		{"Acme is experiencing an outage on Mon", true},
		{"We had a look on Monday at the incident on the API.", false},
		{"Acme had an incident on sep 21, 2021.", false},
		{"Acme had an incident on", false},
		{"incident on S", false},
		{"Acme had an incident  on Sep 21, 2021.", false},
		{"the incident on Monday, after we had a call on Sep 2", true},
		{"", false},
		{" on ", false},
	} {
		if got := mayBeSummary(tc.s); got != tc.want {
			t.Errorf("mayBeSummary(%q) = %v; want %v", tc.s, got, tc.want)
		}
		checkMayBeSummary(t, tc.s)
	}
}

// FuzzMayBeSummary checks mayBeSummary against the summary expression and
// the old test on any line.
func FuzzMayBeSummary(f *testing.F) {
	f.Add("Corkalio experienced a minor incident on September 5, 2025 affecting Email Delivery, lasting 1h 37m.")
	f.Add("We had a look on Monday at the incident on the API.")
	f.Add("Acme had an event on Jan. 2, 2024.\nB had an incident on Jan 2, 2024.")
	f.Fuzz(func(t *testing.T, s string) {
		checkMayBeSummary(t, s)
	})
}

// checkUpdateHasDigit checks what detectAggregator assumes before it
// calls agUpdateLine: a line agUpdateLine reads holds a digit.
func checkUpdateHasDigit(t *testing.T, s string) {
	t.Helper()
	if _, _, ok := agUpdateLine(s); ok && indexDigit(s) < 0 {
		t.Fatalf("agUpdateLine reads %q, which holds no digit", s)
	}
}

func TestUpdateLineHoldsDigit(t *testing.T) {
	r := rand.New(rand.NewPCG(93, 94))
	pieces := []string{"- ", "* ", "• ", "1. ", "12) ", "identified", "in progress", "post-mortem", " ", "\t", "Sep", "Sept.",
		"September", " 21, 2021, 11:40 AM UTC", "2021-09-21 11:40", "2021-9-1", "x", "é", "\n", "_"}
	read := 0
	for range 100000 {
		s := randomPieces(r, pieces, 6)
		if r.IntN(2) == 0 {
			s = pieces[r.IntN(5)] + pieces[5+r.IntN(3)] + " " + pieces[10+r.IntN(6)] + randomPieces(r, pieces, 2)
		}
		if _, _, ok := agUpdateLine(s); ok {
			read++
		}
		checkUpdateHasDigit(t, s)
	}
	if read < 1000 {
		t.Fatalf("only %d random lines are update lines: the test tests little", read)
	}
}

// FuzzUpdateLineHoldsDigit checks on any line that agUpdateLine reads
// only lines holding a digit.
func FuzzUpdateLineHoldsDigit(f *testing.F) {
	f.Add("- identified Sep 21, 2021, 11:40 AM UTC")
	f.Add("1. resolved 2021-09-21 11:40")
	f.Fuzz(func(t *testing.T, s string) {
		checkUpdateHasDigit(t, s)
	})
}
