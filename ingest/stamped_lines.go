package ingest

import "strings"

// The line tests of stamp-separated pages, written out by hand: the reader
// tries them on the lines of every update's body, and each was an
// anchored (?i) regular expression whose run cost more than the test
// (stamped_lines_test.go holds the expressions as oracles). They fold case
// as (?i) does: their words hold no "k", and an "s" also matches "ſ"
// (foldPrefixS; strings.EqualFold folds the same way, for the whole
// line).

// Heading phrases: componentsHead opens a list of affected components or
// features, updatesHeading introduces a list of updates.
var (
	componentsHeads = [...]string{"features affected", "affected components", "components affected", "affected services",
		"services affected", "affected features"}
	updatesHeadings = [...]string{"all updates", "updates", "update history", "history", "update timeline", "incident updates"}
	// pageKinds are the type lines status sites put above a title.
	pageKinds = [...]string{"incident", "outage", "notice", "maintenance", "incident report", "service incident",
		"degraded performance"}
	// timeColumns are the columns after "Time" in an update table's head.
	timeColumns = [...]string{"description", "update", "details", "message"}
	// affectingHeads name the components an incident affects.
	affectingHeads = [...]string{"incident affecting", "affecting", "affected products:", "affected product:"}
)

// isHeadingOf reports whether s is one of the phrases, followed by
// \s*:?$ (a heading with its colon).
//
// The reader asks it of most lines of every update's body, which open
// with the first letter of none or one of the phrases: a phrase is
// compared only when the first byte of s may begin it (mayOpenFold).
func isHeadingOf(s string, phrases []string) bool {
	if s == "" {
		return false // foldPrefixS matches no phrase of ours in it
	}
	for _, p := range phrases {
		if !mayOpenFold(s[0], p) {
			continue
		}
		n, ok := foldPrefixS(s, p)
		if !ok {
			continue
		}
		i := skipRESpace(s, n)
		if i < len(s) && s[i] == ':' {
			i++
		}
		if i == len(s) {
			return true
		}
	}
	return false
}

// mayOpenFold reports whether a text whose first byte is b may begin with
// word as foldPrefixS reads it: b is the word's first byte, or that byte in
// ASCII upper case, or the first byte of an "ſ" where the word opens with
// an "s". It is the test foldPrefixS makes first, without the call. The
// word is not empty.
func mayOpenFold(b byte, word string) bool {
	c := word[0]
	return b == c || b|0x20 == c && 'a' <= c && c <= 'z' || c == 's' && b == "ſ"[0]
}

// isComponentsHead opens a list of affected components or features:
// (?i)^(?:features affected|affected components|...)\s*:?$.
func isComponentsHead(s string) bool { return isHeadingOf(s, componentsHeads[:]) }

// isUpdatesHeading introduces a list of updates:
// (?i)^(?:all updates|updates|...)\s*:?$.
func isUpdatesHeading(s string) bool { return isHeadingOf(s, updatesHeadings[:]) }

// isPageKind is the type line status sites put above a title:
// (?i)^(?:incident|outage|...)$.
func isPageKind(s string) bool {
	for _, k := range pageKinds {
		if strings.EqualFold(s, k) {
			return true
		}
	}
	return false
}

// isColumnHeader is the head of an update table ("Date Time Description"):
// (?i)^(?:date\s+)?time\s+(?:description|update|details|message)$|^date\s+time$.
func isColumnHeader(s string) bool {
	if n, ok := foldPrefixS(s, "date"); ok {
		if j := skipRESpace(s, n); j > n && (isTimeColumns(s[j:]) || strings.EqualFold(s[j:], "time")) {
			return true
		}
	}
	return isTimeColumns(s)
}

// isTimeColumns is time\s+(?:description|update|details|message)$ at the
// start of s.
func isTimeColumns(s string) bool {
	n, ok := foldPrefixS(s, "time")
	if !ok {
		return false
	}
	j := skipRESpace(s, n)
	if j == n {
		return false
	}
	for _, w := range timeColumns {
		if strings.EqualFold(s[j:], w) {
			return true
		}
	}
	return false
}

// titleFieldValue is a page's labelled title ("Title: ..."): the group of
// ^(?i:title)\s*:\s*(.+)$, and whether it matches.
func titleFieldValue(s string) (string, bool) {
	n, ok := foldPrefixS(s, "title")
	if !ok {
		return "", false
	}
	i := skipRESpace(s, n)
	if i >= len(s) || s[i] != ':' {
		return "", false
	}
	return spacedRest(s, i+1, 0)
}

// affectingList is the list of a line naming the components an incident
// affects: the group of ^(?i:incident affecting|affecting|affected
// products?:)\s+(.+)$, and whether it matches.
func affectingList(s string) (string, bool) {
	for _, h := range affectingHeads {
		if n, ok := foldPrefixS(s, h); ok {
			if rest, ok := spacedRest(s, n, 1); ok {
				return rest, true
			}
		}
	}
	return "", false
}

// spacedRest is what \s*(.+)$ (least 0) or \s+(.+)$ (least 1) captures from
// i: the greedy white space leaves the rest, or its own last character
// when nothing follows it; "." takes no line break.
func spacedRest(s string, i, least int) (string, bool) {
	j := skipRESpace(s, i)
	if j-i < least {
		return "", false
	}
	if j < len(s) {
		if strings.IndexByte(s[j:], '\n') >= 0 {
			return "", false
		}
		return s[j:], true
	}
	if j-1 >= i+least && s[j-1] != '\n' {
		return s[j-1:], true
	}
	return "", false
}

// isTitleField reports whether s is a page's labelled title.
func isTitleField(s string) bool {
	_, ok := titleFieldValue(s)
	return ok
}
