package ingest

import "strings"

// durBoundLead and durHedgeLead are the first bytes of the words of
// durBound and durHedge, each a match's first byte: both expressions are
// anchored at the start and begin with one of their words, whose first
// byte is fixed (the text is lower-cased). durations tries them where a
// duration may start, most often at its number ("for 2 hours"), which
// neither matches: the byte skips the expression, whose set-up for each
// call cost more than the answer.
const (
	durBoundLead = "amoulswte"
	durHedgeLead = "arcs~nj"
)

// durBoundAt reports whether s begins with a bound ("at least", "over"):
// durBound.MatchString(s), the expression run only when s's first byte
// is one its words begin with.
func durBoundAt(s string) bool {
	return s != "" && strings.IndexByte(durBoundLead, s[0]) >= 0 && durBound.MatchString(s)
}

// durHedgeOf is the hedge words s begins with ("about ", "approx. "):
// durHedge.FindString(s), the expression run only when s's first byte is
// one its words begin with.
func durHedgeOf(s string) string {
	if s == "" || strings.IndexByte(durHedgeLead, s[0]) < 0 {
		return ""
	}
	return durHedge.FindString(s)
}

// joinLead holds the bytes windowJoin, dashJoin and toJoin may find
// first after their leading white space (and windowJoin's comma): the
// first of each joining word ("to", "and", "ended", "-", "&"), 0xe2 that
// of "–", "—" and "→". Text between two times is most often a sentence's
// words, and the expressions are not run on it.
const joinLead = "tua-&efr\xe2"

// mayJoin reports whether between, the text between two times, may match
// windowJoin, dashJoin or toJoin: after the white space (\s, as the
// expressions have it) and a comma they begin with, it holds a byte of
// joinLead.
func mayJoin(between string) bool {
	i := skipRESpace(between, 0)
	if i < len(between) && between[i] == ',' {
		i = skipRESpace(between, i+1)
	}
	return i < len(between) && strings.IndexByte(joinLead, between[i]) >= 0
}
