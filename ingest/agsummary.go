package ingest

import "strings"

// The aggregator summary sentence ("ORG experienced a major incident on
// September 21, 2021 affecting A, B, lasting 4h 16m.") is looked for on
// every line of every input, and its regular expression cost more than the
// rest of detection. agSummaryInto is that expression,
//
//	^(.+?) (?:experienced|is experiencing|has experienced|had|is having) an? (?:([A-Za-z]+) )?(incident|maintenance|outage|event) on ([A-Z][a-z]+\.? \d{1,2}, \d{4})(?: affecting (.*?))?(?:,? lasting (.*?))?\.(?:\s|$)
//
// written out by hand, trying the same alternatives in the same order as
// the expression's leftmost-first semantics do, so that it returns the same
// submatches (agsummary_test.go checks it against the expression).

// agVerbs, agArticles and agKinds are the expression's alternatives, in
// the order it tries them.
var (
	agVerbs    = [...]string{"experienced", "is experiencing", "has experienced", "had", "is having"}
	agArticles = [...]string{" an ", " a "}
	agKinds    = [...]string{"incident", "maintenance", "outage", "event"}
	agLastings = [...]string{", lasting ", " lasting "}
)

// agSubmatches are the expression's submatches, held by value: the doc
// keeps the summary detection finds, and a slice of an array in the doc
// would point the doc at itself, which sends it to the heap.
type agSubmatches [7]string

// agSummaryInto reports whether the expression matches s, writing the
// submatches its FindStringSubmatch(s) returns into m (all "" when it
// does not match). Each function below writes its part of m only once the
// rest of the line has matched, so that what an alternative that failed
// leaves is never seen.
func agSummaryInto(s string, m *agSubmatches) bool {
	*m = agSubmatches{}
	// (.+?): the shortest first group, which holds no line break, after
	// which the rest matches.
	for p := 1; p < len(s); p++ {
		if s[p-1] == '\n' {
			return false
		}
		if s[p] != ' ' {
			continue
		}
		if agAfterOrg(s, p, m) {
			m[1] = s[:p]
			return true
		}
	}
	return false
}

// agAfterOrg matches from the space after the organisation: the verb, the
// article and the optional impact word.
func agAfterOrg(s string, p int, m *agSubmatches) bool {
	for _, v := range agVerbs {
		q := p + 1
		if !strings.HasPrefix(s[q:], v) {
			continue
		}
		q += len(v)
		for _, a := range agArticles {
			if !strings.HasPrefix(s[q:], a) {
				continue
			}
			r := q + len(a)
			// (?:([A-Za-z]+) )? takes the word when what follows matches.
			if w, e := letterRun(s, r); w != "" && byteAt(s, e, ' ') {
				if agFromKind(s, e+1, m) {
					m[2] = w
					return true
				}
			}
			if agFromKind(s, r, m) {
				return true
			}
		}
	}
	return false
}

// agFromKind matches from the kind of event: "incident on Sep 21, 2021"
// and the tail.
func agFromKind(s string, r int, m *agSubmatches) bool {
	for _, k := range agKinds {
		if !strings.HasPrefix(s[r:], k) {
			continue
		}
		on := r + len(k)
		if !strings.HasPrefix(s[on:], " on ") {
			return false // the kinds start with different letters: no other fits
		}
		d := on + len(" on ")
		end, ok := agDate(s, d)
		if !ok || !agTail(s, end, m) {
			return false
		}
		m[3], m[4] = k, s[d:end]
		return true
	}
	return false
}

// agDate matches [A-Z][a-z]+\.? \d{1,2}, \d{4} at i and returns its end.
func agDate(s string, i int) (int, bool) {
	if i >= len(s) || s[i] < 'A' || s[i] > 'Z' {
		return 0, false
	}
	j := i + 1
	for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
		j++
	}
	if j == i+1 {
		return 0, false
	}
	if byteAt(s, j, '.') {
		j++
	}
	if !byteAt(s, j, ' ') {
		return 0, false
	}
	j++
	n := 0
	for n < 3 && j+n < len(s) && isDigit(s[j+n]) {
		n++
	}
	if n < 1 || n > 2 || !strings.HasPrefix(s[j+n:], ", ") || !digitsAt(s, j+n+2, 4) {
		return 0, false
	}
	return j + n + 6, true
}

// agTail matches (?: affecting (.*?))?(?:,? lasting (.*?))?\.(?:\s|$) at
// t, the shortest affected list first.
func agTail(s string, t int, m *agSubmatches) bool {
	if strings.HasPrefix(s[t:], " affecting ") {
		a := t + len(" affecting ")
		for x := a; x < len(s); x++ {
			// agLasting matches only at ", lasting ", " lasting " or ".".
			if c := s[x]; c == ',' || c == ' ' || c == '.' {
				if agLasting(s, x, m) {
					m[5] = s[a:x]
					return true
				}
			} else if c == '\n' {
				break
			}
		}
	}
	return agLasting(s, t, m)
}

// agLasting matches (?:,? lasting (.*?))?\.(?:\s|$) at x, the shortest
// duration first.
func agLasting(s string, x int, m *agSubmatches) bool {
	for _, l := range agLastings {
		if !strings.HasPrefix(s[x:], l) {
			continue
		}
		b := x + len(l)
		for y := b; y <= len(s); y++ {
			if e, ok := agEnd(s, y); ok {
				m[0], m[6] = s[:e], s[b:y]
				return true
			}
			if y < len(s) && s[y] == '\n' {
				break
			}
		}
	}
	if e, ok := agEnd(s, x); ok {
		m[0] = s[:e]
		return true
	}
	return false
}

// agEnd matches \.(?:\s|$) at y and returns the match's end.
func agEnd(s string, y int) (int, bool) {
	if !byteAt(s, y, '.') {
		return 0, false
	}
	if y+1 == len(s) {
		return y + 1, true
	}
	if isRESpace(s[y+1]) {
		return y + 2, true
	}
	return 0, false
}
