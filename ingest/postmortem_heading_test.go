package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkPMHeadingWord compares isPMHeadingWord with the expression.
func checkPMHeadingWord(t *testing.T, s string) bool {
	t.Helper()
	want := pmHeadingWord.MatchString(s)
	if got := isPMHeadingWord(s); got != want {
		t.Fatalf("isPMHeadingWord(%q) = %v; the expression says %v", s, got, want)
	}
	return want
}

// TestPMHeadingWordAsRegexp checks isPMHeadingWord on headings made of its
// words in any case, pieces of them, "ſ" and the Kelvin sign, which (?i)
// folds to "s" and "k", and the fixture lines.
func TestPMHeadingWordAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	pieces := []string{"Timeline", "impact", "Root Cause", "SUMMARY", "resolution", "detection", "lessons", "Action items",
		"contributing factors", "what happened", "background", "follow-up", "follow ups", "followups", "Chronology",
		"postmortem", "post-mortem", "incident report", " ", "-", "_", "x", "1", "é", "ſ", "\u212a", "ummary", "bac", "ground",
		"time", "line", "s", ":", "#", "\xff"}
	r := rand.New(rand.NewPCG(101, 102))
	matched := 0
	for range 200000 {
		if checkPMHeadingWord(t, randomPieces(r, pieces, 5)) {
			matched++
		}
	}
	for _, l := range refTestLines(t) {
		checkPMHeadingWord(t, l)
		checkPMHeadingWord(t, strings.ToUpper(l))
	}
	for _, s := range []string{"ſummary", "xſummary", "bac\u212aground", "Lesſons", "Timelines", "follow-upss", "_impact", "impact_"} {
		checkPMHeadingWord(t, s)
	}
	if matched < 1000 {
		t.Fatalf("only %d random headings match: the test tests little", matched)
	}
}

func FuzzPMHeadingWord(f *testing.F) {
	f.Add("Root Cause Analysis")
	f.Add("ſummary of the \u212aey events")
	f.Fuzz(func(t *testing.T, s string) { checkPMHeadingWord(t, s) })
}
