package metrics

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// The expressions the section names of heading_names.go replaced, the
// oracle they are checked against.
var (
	headingPositiveRef = regexp.MustCompile(`(?i)\b(what went (well|right)|where we got lucky|went (well|right)|got lucky|were lucky|worked well)\b`)
	headingRemedyRef   = regexp.MustCompile(`(?i)\b(action items?|actions|action plan|solutions?|mitigations?|mitigation steps|resolution|resolution steps|recovery|fix|fixes|next steps?|remediation|follow[- ]?ups?|prevent|preventive|preventative|corrective|improvements?|future|what (we|we're|we are|we will|will we) (do|doing|change|changing)|how we('ll| will)|moving forward|going forward|lessons?( learned)?|learnings|recommendations?|to ?dos?|commitments?|changes we)`)
	headingDetectRef   = regexp.MustCompile(`(?i)^\s*(detection|discovery|how (we|it was) (detected|found|discovered|noticed)|how we found out)\b`)
	headingCauseRef    = regexp.MustCompile(`(?i)\b(what went wrong|what went poorly|what happened and why|root[- ]?causes?|causes?|contribut\w*|went wrong|went poorly|why|triggers?|analysis|technical (details?|summary|explanation)|problems?|what went bad|what failed)\b`)
)

// headingKindRef is headingKind as it read with the expressions.
func headingKindRef(h string) sectionKind {
	switch {
	case headingPositiveRef.MatchString(h):
		return sectionPositive
	case headingDetectRef.MatchString(h):
		return sectionDetection
	case headingRemedyRef.MatchString(h) && !headingCauseRef.MatchString(h):
		return sectionRemedy
	case headingCauseRef.MatchString(h):
		return sectionCause
	}
	return sectionOther
}

// headingAtStartRef is headingAtStart as it read with the expressions.
func headingAtStartRef(t string) bool {
	t = strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	for _, re := range []*regexp.Regexp{headingPositiveRef, headingDetectRef, headingRemedyRef, headingCauseRef} {
		if loc := re.FindStringIndex(t); loc != nil && loc[0] == 0 {
			return true
		}
	}
	return false
}

// checkSectionNames fails t where a set of section names, or headingKind
// or headingAtStart, tells s otherwise than the expressions.
func checkSectionNames(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		names *sectionNames
		re    *regexp.Regexp
	}{{positiveNames, headingPositiveRef}, {remedyNames, headingRemedyRef}, {detectNames, headingDetectRef}, {causeNames, headingCauseRef}} {
		if got, want := c.names.in(s), c.re.MatchString(s); got != want {
			t.Fatalf("%s: in(%q) = %v; want %v", c.re, s, got, want)
		}
		loc := c.re.FindStringIndex(s)
		if got, want := c.names.atStart(s), loc != nil && loc[0] == 0; got != want {
			t.Fatalf("%s: atStart(%q) = %v; want %v", c.re, s, got, want)
		}
	}
	if got, want := headingKind(s), headingKindRef(s); got != want {
		t.Fatalf("headingKind(%q) = %d; want %d", s, got, want)
	}
	if got, want := headingAtStart(s), headingAtStartRef(s); got != want {
		t.Fatalf("headingAtStart(%q) = %v; want %v", s, got, want)
	}
}

// sectionNameCases are headings, labels and near misses: each name in
// another case, cut short, run on into a word, after a word, with "ſ"
// and the Kelvin sign (folded by (?i), but no word characters to \b).
var sectionNameCases = []string{
	"", " ", "Root cause", "ROOT-CAUSES", "Rootcause", "root  cause", "root_cause", "Root Cause Analysis",
	"What went well", "what went right?", "Where we got lucky", "we got luckyx", "xgot lucky", "worked well.",
	"Action items", "Action Items and Root Cause", "actionable", "Actions", "action", "Action plan", "Solutions",
	"ſolutions", "xſolution", "x ſolution", "Fixing", "prefix", "Follow-ups", "follow up", "FollowUp", "follow_up",
	"Next steps", "nextstep", "Lessons learned", "What we're doing", "what will we change", "what we aren't doing",
	"How we'll prevent this", "How we will", "howwe will", "Moving forward", "To do", "TODOs", "to  do",
	"Commitments", "Changes we made", "changes were made", "Remediation", "future", "futures", "Improvements",
	"Detection", " \tdetection", "How we found out", "How it was noticed", "How it was noticed2", "how we foundx",
	"Our detection", "Discovery:", "Causes", "cause", "becausex", "because", "Contributing factors", "Contribut",
	"contribut_", "xcontributing", "Why did this happen?", "whyx", "Triggers", "trigger_", "Analysis",
	"Technical details", "technical detailsx", "Technical summary", "Problem", "Problems?", "What failed",
	"What went bad", "What happened and why", "causeſ", "causeſx", "causeſ ", "cauſe", "cauſeſ", "CAUSE\u212a",
	"\u212aey", "wor\u212aed well", "\u212a", "ſ", "\xc5", "\xc5\xbf", "\xe2\x84", "\xe2\x84\xaa", "why\xff",
	"\xffwhy", "éwhy", "whyé", "why\u00a0not", "1 Root cause", "- Next steps", "**Root cause**", "2why",
	"Summary", "Timeline", "Impact", "The outage was caused by an expired", "Why did this issue occur?",
	"detection\n", "\ndetection", "\vdetection", "how we\ndetected", "what went\twell", "root\u00a0cause",
	"Post-incident fixes", "Preventative measures", "preventive", "prevent", "Recovery", "Recommendations",
	"What we will do", "what we are changing", "What Will We Do", "learnings", "lesson", "commitment", "fixes",
}

func TestSectionNamesMatchExpressions(t *testing.T) {
	for _, s := range sectionNameCases {
		checkSectionNames(t, s)
	}
	// Random strings of pieces of names, fold letters, word bytes, white
	// space and bytes beyond ASCII.
	pieces := []string{"root", "cause", "causes", "contribut", "why", "went", "well", "wrong", "got", "lucky", "action",
		"items", "item", "solution", "follow", "up", "fix", "what", "we", "we're", "will", "do", "how", "it", "was",
		"found", "detection", "technical", "detail", "to", "dos", "lesson", "s", "S", "ſ", "k", "K", "\u212a", " ", " ",
		"-", "'", "_", "x", "1", "\t", "\n", "\v", "é", "\xff", "\xc5", "\xe2\x84", "\u00a0", "?", ":"}
	for s := range randomJoins(pieces, 200000, 7, 21) {
		checkSectionNames(t, s)
	}
	// Every name of the sets, in each case, with what may stand around it.
	for _, sn := range []*sectionNames{positiveNames, remedyNames, detectNames, causeNames} {
		for _, list := range sn.byFirst {
			for _, name := range list {
				name = strings.TrimSuffix(name, "*")
				for _, v := range []string{name, strings.ToUpper(name), strings.ReplaceAll(name, "s", "ſ"), strings.ReplaceAll(name, "k", "\u212a")} {
					for _, around := range [][2]string{{"", ""}, {"x", ""}, {"", "x"}, {" ", " "}, {"ſ", ""}, {"", "ſ"}, {"", "_"}, {"é", "é"}, {"", "s"}} {
						checkSectionNames(t, around[0]+v+around[1])
					}
				}
			}
		}
	}
}

// FuzzSectionNames checks the section names against the expressions on
// arbitrary text.
func FuzzSectionNames(f *testing.F) {
	for _, s := range sectionNameCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkSectionNames(t, s)
	})
}

// BenchmarkHeadingKind tells the role of the headings and near misses of
// sectionNameCases, and asks headingAtStart of each.
func BenchmarkHeadingKind(b *testing.B) {
	for b.Loop() {
		for _, s := range sectionNameCases {
			headingKind(s)
			headingAtStart(s)
		}
	}
}
