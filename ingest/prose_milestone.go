package ingest

import "strings"

// The words read after and before a milestone keyword, hand-written: they
// were regular expressions (kept as the oracles of
// prose_milestone_ref_test.go), which Go's backtracker ran on every
// keyword found, most of classifyMilestone's time.

// undoneWords say the step named before them did not happen ("rollback
// not possible", "restart failed"); begunWords that it only began
// ("rollback started"). Each opens and ends with a word byte.
var (
	undoneWords = []string{"not possible", "impossible", "failed", "fails", "unsuccessful", "did not work", "didn't work",
		"had no effect", "was not", "wasn't", "ineffective", "aborted", "abandoned", "blocked", "not an option"}
	begunWords = []string{"started", "starts", "begins", "began", "beginning", "in progress", "underway", "initiated", "kicked off"}
)

// undone reports whether s, the text after a milestone keyword, says the
// step did not happen: one of undoneWords, as a whole word, opens one of
// its first four words.
func undone(s string) bool { return phraseInFirstWords(s, 4, undoneWords) }

// onlyBegun reports whether s, the text after a milestone keyword, says
// the work only began: one of begunWords opens one of its first three
// words.
func onlyBegun(s string) bool { return phraseInFirstWords(s, 3, begunWords) }

// phraseInFirstWords reports whether one of phrases opens one of the
// first n words of s (runs of word bytes, as \w+) and is followed by a
// byte that is not a word byte, or by the end of s. That is
// `^\W*(?:\w+\W+){0,n-1}?(?:phrases)\b` for phrases that open and end
// with a word byte: \W* and \W+ take whole runs of other bytes (every
// byte of a rune beyond ASCII is one), \w+ whole words, as the word or
// phrase after each opens with a word byte.
func phraseInFirstWords(s string, n int, phrases []string) bool {
	i := 0
	for range n {
		for i < len(s) && !isWordByte(s[i]) {
			i++
		}
		if i == len(s) {
			return false
		}
		for _, p := range phrases {
			if p[0] == s[i] && strings.HasPrefix(s[i:], p) && (i+len(p) == len(s) || !isWordByte(s[i+len(p)])) {
				return true
			}
		}
		for i < len(s) && isWordByte(s[i]) {
			i++
		}
	}
	return false
}

// negationEnds reports whether s, the words before a keyword, ends in a
// negation: "not", "n't", "no", "unable to", "without" or "before" (all
// but "n't" opening a word), then white space, then any of "yet", "been",
// "fully" and "be" each followed by white space; white space is \s. That
// is `(?:\bnot|n't|\bno|\bunable to|\bwithout|\bbefore)\s+(?:yet\s+|been\s+|fully\s+|be\s+)*$`,
// read from the end: each run of white space is taken whole, as every
// word ends with a letter, and no word ends another.
func negationEnds(s string) bool {
	for i := len(s); ; {
		j := i
		for j > 0 && isRESpace(s[j-1]) {
			j--
		}
		if j == i {
			return false
		}
		t := s[:j]
		if strings.HasSuffix(t, "n't") {
			return true
		}
		for _, w := range [...]string{"not", "no", "unable to", "without", "before"} {
			if strings.HasSuffix(t, w) && (len(t) == len(w) || !isWordByte(t[len(t)-len(w)-1])) {
				return true
			}
		}
		i = -1
		for _, w := range [...]string{"yet", "been", "fully", "be"} {
			if strings.HasSuffix(t, w) {
				i = len(t) - len(w)
				break
			}
		}
		if i < 0 {
			return false
		}
	}
}
