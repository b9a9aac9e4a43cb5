package ingest

import "strings"

// Hand-written matchers for expressions tried on every line of a page,
// where the regexp engine's setup cost more than the match. Each is tested
// against the expression it replaces or guards (prefilter_test.go).

// postedStamp matches a Statuspage "Posted <stamp>" line, as the
// expression (?i)^posted\s+(.*\d.*)$ does, and returns the stamp: the text
// after "posted" (any case) and its white space, which must hold a digit
// and no line break.
func postedStamp(s string) (string, bool) {
	i, ok := foldPrefixS(s, "posted")
	if !ok {
		return "", false
	}
	j := i
	for j < len(s) && isRESpace(s[j]) {
		j++
	}
	rest := s[j:]
	if j == i || strings.IndexByte(rest, '\n') >= 0 || strings.IndexAny(rest, "0123456789") < 0 {
		return "", false
	}
	return rest, true
}

// isPosted reports whether s is a "Posted <stamp>" line.
func isPosted(s string) bool {
	_, ok := postedStamp(s)
	return ok
}

// foldPrefixS reports whether s starts with the lower-case ASCII word in
// any case, as a (?i) expression matches it (an "s" also matches "ſ", the
// one non-ASCII letter folding to a letter without a "k"), and where the
// prefix ends.
func foldPrefixS(s, word string) (int, bool) {
	i := 0
	for k := 0; k < len(word); k++ {
		c := word[k]
		switch {
		case i < len(s) && s[i]|0x20 == c && ('a' <= c && c <= 'z'):
			i++
		case i < len(s) && s[i] == c:
			i++
		case c == 's' && strings.HasPrefix(s[i:], "ſ"):
			i += len("ſ")
		default:
			return 0, false
		}
	}
	return i, true
}

// isRESpace is \s in a Go regular expression: [\t\n\f\r ].
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// containsFold reports whether s holds word, a lower-case ASCII phrase
// without "k" or "s", in any ASCII case: a (?i) expression cannot match
// the phrase without it (only "k" and "s" fold to non-ASCII letters).
func containsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}
