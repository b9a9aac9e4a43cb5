package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// The gates are checked against the expressions alone, which they only
// skip: on every first byte, the words of each expression, and random
// texts of the bytes around them.
var durLeadPieces = []string{
	"", " ", "\t", "\n", "\v", "\f", "\r", ",", ", ", "-", "->", "–", "—", "→", "&", "~", ".", "a", "x", "2",
	"to", "until", "till", "through", "thru", "and", "ended", "ending", "ends", "finished", "recovered", "at",
	"at least", "more than", "over", "up to", "less than", "under", "within", "a few", "several", "another",
	"the next", "the past", "the last", "every", "approximately", "approx", "approx.", "about", "around",
	"roughly", "circa", "ca.", "some", "nearly", "almost", "just", "just over", "just under", "hours",
	"utc", "we saw", "É", "ſ", "K", "\xff", "\xe2",
}

func checkDurLead(t *testing.T, s string) {
	t.Helper()
	if got, want := durBoundAt(s), durBound.MatchString(s); got != want {
		t.Errorf("durBoundAt(%q) = %v; durBound says %v", s, got, want)
	}
	if got, want := durHedgeOf(s), durHedge.FindString(s); got != want {
		t.Errorf("durHedgeOf(%q) = %q; durHedge finds %q", s, got, want)
	}
	if !mayJoin(s) && (windowJoin.MatchString(s) || dashJoin.MatchString(s) || toJoin.MatchString(s)) {
		t.Errorf("mayJoin(%q) = false; a join expression matches", s)
	}
}

func TestDurLeadTable(t *testing.T) {
	for _, p := range durLeadPieces {
		for _, q := range durLeadPieces {
			for _, r := range []string{"", " ", " 2 hours", " about ", "\xe2\x80\x93 ", strings.Repeat("x ", 5000)} {
				checkDurLead(t, p+q+r)
				checkDurLead(t, p+" "+q+r)
			}
		}
	}
	for c := 0; c < 256; c++ {
		for _, tail := range []string{"", " ", "t least", "bout 2", "o ", "nd ", "> ", "\x80\x93 "} {
			checkDurLead(t, string([]byte{byte(c)})+tail)
		}
	}
}

func TestDurLeadRandom(t *testing.T) {
	rnd := rand.New(rand.NewPCG(9, 9))
	pieces := append([]string{" ", "\t", ",", "-"}, durLeadPieces...)
	for range 100000 {
		checkDurLead(t, randomPieces(rnd, pieces, 8))
	}
}

func FuzzDurLead(f *testing.F) {
	for _, s := range []string{"about 2 hours", "at least an hour", " , until about ", " – ", "~ 3 minutes", "just over 2 days"} {
		f.Add(s)
	}
	f.Fuzz(checkDurLead)
}
