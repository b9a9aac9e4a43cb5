package ingest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// The expressions undone, onlyBegun and negationEnds replaced: the
// oracles they are tested against.
var (
	undoneRE    = regexp.MustCompile(`^\W*(?:\w+\W+){0,3}?(?:not possible|impossible|failed|fails|unsuccessful|did not work|didn't work|had no effect|was not|wasn't|ineffective|aborted|abandoned|blocked|not an option)\b`)
	onlyBegunRE = regexp.MustCompile(`^\W*(?:\w+\W+){0,2}?(?:started|starts|begins|began|beginning|in progress|underway|initiated|kicked off)\b`)
	negation    = regexp.MustCompile(`(?:\bnot|n't|\bno|\bunable to|\bwithout|\bbefore)\s+(?:yet\s+|been\s+|fully\s+|be\s+)*$`)
)

// milestoneWordChecks pairs each hand-written check with its expression.
var milestoneWordChecks = []struct {
	name string
	got  func(string) bool
	want *regexp.Regexp
}{
	{"undone", undone, undoneRE},
	{"onlyBegun", onlyBegun, onlyBegunRE},
	{"negationEnds", negationEnds, negation},
}

// milestoneWordTexts is random text made of the words of the three
// expressions, their pieces, other words, marks, white space (\v is not
// \s) and bytes beyond ASCII.
func milestoneWordTexts(n int, seed uint64) []string {
	var pieces []string
	for _, w := range append(append([]string{"not", "n't", "no", "unable to", "without", "before", "yet", "been", "fully", "be"}, undoneWords...), begunWords...) {
		pieces = append(pieces, w, w[:len(w)/2], w[len(w)/2:], "x"+w, w+"s")
	}
	pieces = append(pieces, " ", " ", "  ", "\t", "\n", "\v", "\f", "\r", ".", ",", "'", "-", "_", "7", "é", "\xe2\x80", "\xff", "the", "rollback", "a", "x")
	r := rand.New(rand.NewPCG(seed, seed+1))
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestMilestoneWordsAsRegexp checks undone, onlyBegun and negationEnds
// against their expressions on a table, fixture lines and random text.
func TestMilestoneWordsAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	table := []string{
		"", " ", "failed", " failed", "not failed", "x failed", "a b c failed", "a b c d failed", "a b c failedx",
		"... it did not work", "it didn't work", "didn't workers", "é failed", "-- in progress", "in progressing",
		"a b started", "a b c started", "started_", "not ", "cannot ", "can't ", "no  ", "nope ", "not yet ", "not yet\v",
		"maybe ", "not maybe ", "not be ", "not yet been fully be ", "unable to\t", "unable  to ", "x-before\n", "beforeyet ",
		"without yet", "been ", "no\fbeen\r",
	}
	texts := append(table, milestoneWordTexts(50000, 71)...)
	for _, l := range refTestLines(t) {
		texts = append(texts, strings.ToLower(l))
	}
	for _, c := range milestoneWordChecks {
		matched := 0
		for _, s := range texts {
			got, want := c.got(s), c.want.MatchString(s)
			if got != want {
				t.Fatalf("%s(%q) = %v; the expression says %v", c.name, s, got, want)
			}
			if want {
				matched++
			}
		}
		if matched < 1000 {
			t.Errorf("%s held for only %d texts", c.name, matched)
		}
	}
}

// FuzzMilestoneWords compares undone, onlyBegun and negationEnds with
// their expressions on arbitrary text.
func FuzzMilestoneWords(f *testing.F) {
	for _, s := range milestoneWordTexts(200, 73) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, c := range milestoneWordChecks {
			if got, want := c.got(s), c.want.MatchString(s); got != want {
				t.Fatalf("%s(%q) = %v; the expression says %v", c.name, s, got, want)
			}
		}
	})
}

// classifyMilestoneRef is classifyMilestone with every expression
// searched by the regexp package (the cues as written, and the
// expressions undone, onlyBegun and negationEnds replaced): the oracle of
// the whole.
func classifyMilestoneRef(text string) Milestone {
	low := strings.ToLower(text)
	begun := func(m Milestone) bool { return m == MilestoneMitigated || m == MilestoneResolved }
	for _, c := range milestoneCues {
		for _, loc := range c.re.re.FindAllStringIndex(low, -1) {
			start, end := loc[0], loc[1]
			if negation.MatchString(low[max(0, start-24):start]) {
				continue
			}
			if begun(c.m) && (onlyBegunRE.MatchString(low[end:min(len(low), end+30)]) || undoneRE.MatchString(low[end:min(len(low), end+40)])) {
				continue
			}
			return c.m
		}
	}
	return MilestoneNone
}

// milestoneTexts is random text for classifyMilestone: the cues' words,
// in either case, with negations, words saying a step only began or did
// not happen, marks, white space and runes beyond ASCII.
func milestoneTexts(n int, seed uint64) []string {
	words := append(cueWords(), "not ", "no ", "n't ", "unable to ", "without ", "before ", "yet ", "been ", "Not yet ", "NOT ")
	words = append(append(words, undoneWords...), begunWords...)
	words = append(words, "Rollback", "RESTORED", "Incident", "started failing", "İ", "ſ", "K")
	r := rand.New(rand.NewPCG(seed, seed+1))
	out := make([]string, 0, n)
	for range n {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		out = append(out, b.String())
	}
	return out
}

// TestClassifyMilestoneAsRegexp checks classifyMilestone against
// classifyMilestoneRef on a table, fixture lines and random text, and that
// the texts reach every milestone.
func TestClassifyMilestoneAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	// Matches that overlap the one before, which are not searched ("back
	// up" in "rolled back up"), negated keywords and steps only begun or
	// undone.
	table := []string{"Not rolled back up", "not rolled back up", "rolled back up", "no fix is deployed yet", "Rollback started",
		"Service restored", "service not yet restored", "Restore failed, then restored", "Incident over", "failover completed",
		"users started reporting errors", "NOT RESOLVED; root cause identified", "İncident resolved", "errors began"}
	texts := append(append(table, refTestLines(t)...), milestoneTexts(40000, 77)...)
	seen := map[Milestone]int{}
	for _, s := range texts {
		got, want := classifyMilestone(s), classifyMilestoneRef(s)
		if got != want {
			t.Fatalf("classifyMilestone(%q) = %v; with the expressions it is %v", s, got, want)
		}
		seen[want]++
	}
	for _, c := range milestoneCues {
		if seen[c.m] < 200 {
			t.Errorf("only %d texts read as %v", seen[c.m], c.m)
		}
	}
}

// endsImpactRef is endsImpact with narrativeEndCue and negation searched
// by the regexp package: its oracle.
func endsImpactRef(text string) bool {
	low := strings.ToLower(text)
	for _, loc := range narrativeEndCue.re.FindAllStringIndex(low, -1) {
		if !negation.MatchString(low[max(0, loc[0]-24):loc[0]]) {
			return true
		}
	}
	return false
}

// TestEndsImpactAsRegexp checks endsImpact against endsImpactRef on the
// texts of TestClassifyMilestoneAsRegexp.
func TestEndsImpactAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	texts := append(append([]string{"Not restored", "not yet back to normal", "Errors stopped", "İ restored", "no more errors"},
		refTestLines(t)...), milestoneTexts(40000, 81)...)
	ends := 0
	for _, s := range texts {
		got, want := endsImpact(s), endsImpactRef(s)
		if got != want {
			t.Fatalf("endsImpact(%q) = %v; with the expressions it is %v", s, got, want)
		}
		if want {
			ends++
		}
	}
	if ends < 1000 {
		t.Errorf("only %d texts end the impact", ends)
	}
}

// FuzzClassifyMilestone compares classifyMilestone and endsImpact with
// classifyMilestoneRef and endsImpactRef on arbitrary text.
func FuzzClassifyMilestone(f *testing.F) {
	for _, s := range milestoneTexts(200, 79) {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := classifyMilestone(s), classifyMilestoneRef(s); got != want {
			t.Fatalf("classifyMilestone(%q) = %v; with the expressions it is %v", s, got, want)
		}
		if got, want := endsImpact(s), endsImpactRef(s); got != want {
			t.Fatalf("endsImpact(%q) = %v; with the expressions it is %v", s, got, want)
		}
	})
}
