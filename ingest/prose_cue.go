package ingest

import (
	"fmt"
	"iter"
	"regexp"
	"regexp/syntax"
	"strings"
	"unicode"
)

// wordCue is a regular expression whose every match opens with \b and a
// word character ("\b(?:resolved|fixed)\b"), searched faster than the
// regexp package does: Go's backtracker tries every alternative at every
// byte of the text, which made the cue expressions most of the time spent
// on prose. A match can only open at a word's first byte that some
// alternative opens with, so only those bytes are tried, with the
// expression anchored there. The results are those of the expression
// searched as written (tested against it in prose_cue_test.go).
type wordCue struct {
	re    *regexp.Regexp // the expression as written
	at    *regexp.Regexp // the same anchored at the start of the text
	first [256]bool      // the bytes a match can open with
	// opens, when set, holds words one of which every match opens with
	// ("incident", "impact", "user"): a finer test than first.
	opens *hintSet
	// needs, when set, holds words one of which every match holds
	// (requiredWords): a text without any is not searched at all. It is
	// left unset when it is opens again.
	needs *hintSet
	// phrases, when set, is the expression spelled out, tried instead of
	// at (see phraseSet).
	phrases *phraseSet
	// ends, when set, holds words one of which the text must end with
	// (endSet), for an expression anchored at the end.
	ends *endSet
}

// newWordCue compiles expr; like regexp.MustCompile it panics when the
// expression is wrong, or when a match could open other than with \b
// and a word byte.
func newWordCue(expr string) *wordCue {
	c := &wordCue{re: regexp.MustCompile(expr), at: regexp.MustCompile(`^(?:` + expr + `)`)}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	re = re.Simplify()
	if !opensWithBoundary(re) {
		panic(fmt.Sprintf("wordCue %q: a match may open without \\b", expr))
	}
	nullable, ok := firstBytes(re, &c.first)
	if nullable || !ok {
		panic(fmt.Sprintf("wordCue %q: cannot tell which bytes a match opens with", expr))
	}
	c.phrases = newPhraseSet(re)
	c.ends = newEndSet(re)
	if words, ok := literalPrefixes(re); ok && len(words) > 0 {
		c.opens = newHintSet(words...)
	}
	if need := requiredWords(re); len(need) > 0 && (c.opens == nil || !sameWords(need, c.opens.words)) {
		c.needs = newHintSet(need...)
	}
	for b, ok := range c.first {
		if ok && !isWordByte(byte(b)) {
			panic(fmt.Sprintf("wordCue %q: a match may open with %q, not a word byte", expr, rune(b)))
		}
	}
	return c
}

// opensWithBoundary reports whether every match of re opens with \b.
func opensWithBoundary(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpWordBoundary:
		return true
	case syntax.OpCapture:
		return opensWithBoundary(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && opensWithBoundary(re.Sub[0])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !opensWithBoundary(s) {
				return false
			}
		}
		return true
	}
	return false
}

// firstBytes adds to set the bytes a match of re can open with, and
// reports whether re can match the empty string; ok is false for what it
// does not know.
func firstBytes(re *syntax.Regexp, set *[256]bool) (nullable, ok bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return true, true
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return true, true
		}
		addRune(set, re.Rune[0], re.Flags&syntax.FoldCase != 0)
		return false, true
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if r >= 0x80 {
					for b := 0x80; b < 0x100; b++ {
						set[b] = true
					}
					break
				}
				set[r] = true
			}
		}
		return false, true
	case syntax.OpCapture:
		return firstBytes(re.Sub[0], set)
	case syntax.OpStar, syntax.OpQuest:
		_, ok := firstBytes(re.Sub[0], set)
		return true, ok
	case syntax.OpPlus:
		return firstBytes(re.Sub[0], set)
	case syntax.OpRepeat:
		n, ok := firstBytes(re.Sub[0], set)
		return n || re.Min == 0, ok
	case syntax.OpConcat:
		for _, s := range re.Sub {
			n, ok := firstBytes(s, set)
			if !ok {
				return false, false
			}
			if !n {
				return false, true
			}
		}
		return true, true
	case syntax.OpAlternate:
		nullable := false
		for _, s := range re.Sub {
			n, ok := firstBytes(s, set)
			if !ok {
				return false, false
			}
			nullable = nullable || n
		}
		return nullable, true
	}
	return false, false
}

// literalPrefixes returns words one of which every match of re opens
// with, when it can tell: literals (not case-folded), alternations of
// them, and what follows a leading \b.
func literalPrefixes(re *syntax.Regexp) ([]string, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 || re.Flags&syntax.FoldCase != 0 {
			return nil, false
		}
		return []string{string(re.Rune)}, true
	case syntax.OpCapture, syntax.OpPlus:
		return literalPrefixes(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min < 1 {
			return nil, false
		}
		return literalPrefixes(re.Sub[0])
	case syntax.OpAlternate:
		var out []string
		for _, sub := range re.Sub {
			words, ok := literalPrefixes(sub)
			if !ok {
				return nil, false
			}
			out = append(out, words...)
		}
		return out, true
	case syntax.OpConcat:
		for i, sub := range re.Sub {
			if sub.Op == syntax.OpWordBoundary && i+1 < len(re.Sub) {
				continue
			}
			// An optional part: a match opens with it or with what
			// follows ("fully operational", "operational").
			if (sub.Op == syntax.OpQuest || sub.Op == syntax.OpStar) && i+1 < len(re.Sub) {
				opt, ok1 := literalPrefixes(sub.Sub[0])
				rest, ok2 := literalPrefixes(&syntax.Regexp{Op: syntax.OpConcat, Sub: re.Sub[i+1:]})
				if !ok1 || !ok2 {
					return nil, false
				}
				return append(opt, rest...), true
			}
			words, ok := literalPrefixes(sub)
			// A literal is the whole of its part: the words of the next
			// part follow it ("d" then "egrad" or "isrupt").
			if ok && sub.Op == syntax.OpLiteral && i+1 < len(re.Sub) {
				if next, ok := literalPrefixes(re.Sub[i+1]); ok && len(next) <= 32 {
					var out []string
					for _, n := range next {
						out = append(out, words[0]+n)
					}
					return out, true
				}
			}
			return words, ok
		}
	}
	return nil, false
}

// addRune adds the first byte of r (and of its other cases) to set.
func addRune(set *[256]bool, r rune, fold bool) {
	add := func(r rune) {
		if r < 0x80 {
			set[r] = true
			return
		}
		var buf [4]byte
		n := copy(buf[:], string(r))
		if n > 0 {
			set[buf[0]] = true
		}
	}
	add(r)
	if fold {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			add(f)
		}
	}
}

// next is the first match at or after byte from, as [start, end].
func (c *wordCue) next(s string, from int) (int, int, bool) {
	for p := from; p < len(s); p++ {
		if !c.first[s[p]] || p > 0 && isWordByte(s[p-1]) || c.opens != nil && !c.opens.at(s, p) {
			continue
		}
		if c.phrases != nil {
			if end, ok := c.phrases.matchAt(s, p); ok {
				return p, end, true
			}
			continue
		}
		if loc := c.at.FindStringIndex(s[p:]); loc != nil {
			return p, p + loc[1], true
		}
	}
	return 0, 0, false
}

// cannot reports whether no match can be in s: s holds none of the words
// every match needs, or ends with none of the words a match ends with.
// The end is looked at first: a few compares, not a pass over s.
func (c *wordCue) cannot(s string) bool {
	return c.ends != nil && c.ends.cannot(s) || c.needs != nil && !c.needs.in(s)
}

// sameWords reports whether a and b hold the same words.
func sameWords(a, b []string) bool {
	in := func(w string, set []string) bool {
		for _, v := range set {
			if v == w {
				return true
			}
		}
		return false
	}
	for _, w := range a {
		if !in(w, b) {
			return false
		}
	}
	for _, w := range b {
		if !in(w, a) {
			return false
		}
	}
	return true
}

// MatchString is regexp.MatchString.
func (c *wordCue) MatchString(s string) bool {
	if c.cannot(s) {
		return false
	}
	_, _, ok := c.next(s, 0)
	return ok
}

// FindStringIndex is regexp.FindStringIndex.
func (c *wordCue) FindStringIndex(s string) []int {
	if c.cannot(s) {
		return nil
	}
	if a, b, ok := c.next(s, 0); ok {
		return []int{a, b}
	}
	return nil
}

// FindAllStringIndex is regexp.FindAllStringIndex.
func (c *wordCue) FindAllStringIndex(s string, n int) [][]int {
	var out [][]int
	for a, b := range c.All(s) {
		if n >= 0 && len(out) >= n {
			break
		}
		out = append(out, []int{a, b})
	}
	return out
}

// All yields the start and end of each match FindAllStringIndex(s, -1)
// returns, in turn, without making the list.
func (c *wordCue) All(s string) iter.Seq2[int, int] {
	return func(yield func(int, int) bool) {
		if c.cannot(s) {
			return
		}
		for from := 0; ; {
			a, b, ok := c.next(s, from)
			if !ok || !yield(a, b) {
				return
			}
			from = b // a match is never empty: it opens with a word byte
		}
	}
}

// FindStringSubmatchIndex is regexp.FindStringSubmatchIndex.
func (c *wordCue) FindStringSubmatchIndex(s string) []int {
	if c.cannot(s) {
		return nil
	}
	a, _, ok := c.next(s, 0)
	if !ok {
		return nil
	}
	m := c.at.FindStringSubmatchIndex(s[a:])
	for i := range m {
		if m[i] >= 0 {
			m[i] += a
		}
	}
	return m
}

// String is the expression as written.
func (c *wordCue) String() string { return c.re.String() }

// hintSet is a set of words one of which an expression cannot match
// without: a cheap test in front of it. It is searched in one pass over
// the text, trying only the words that open with each byte, instead of
// once per word.
type hintSet struct {
	words   []string
	byFirst [256][]string
	// second holds, for each first byte of a word in either case, the
	// bytes that may follow it (each as bit b&63, in either case); all
	// bits for a one-byte word. It is 0 for a byte no word opens with: a
	// test that rules out most bytes of a text before a word is compared.
	second [256]uint64
}

func newHintSet(words ...string) *hintSet {
	h := &hintSet{words: words}
	for _, w := range words {
		if w == "" {
			panic("newHintSet: an empty word")
		}
		h.byFirst[w[0]] = append(h.byFirst[w[0]], w)
		bits := secondBits(w)
		h.second[w[0]] |= bits
		h.second[otherCase(w[0])] |= bits
	}
	return h
}

// secondBits is the mark a word w, not empty, leaves in a second table:
// the bits (mod 64) of its second byte in either case, or every bit when
// it has one byte, whatever follows it.
func secondBits(w string) uint64 {
	if len(w) < 2 {
		return ^uint64(0)
	}
	return 1<<(w[1]&63) | 1<<(otherCase(w[1])&63)
}

// otherCase is ASCII letter c in the other case, other bytes as they are.
func otherCase(c byte) byte {
	switch {
	case 'a' <= c && c <= 'z':
		return c - 'a' + 'A'
	case 'A' <= c && c <= 'Z':
		return c - 'A' + 'a'
	}
	return c
}

// may reports whether a word may begin at s[p:], in either case, from its
// first two bytes.
func (h *hintSet) may(s string, p int) bool {
	m := h.second[s[p]]
	return m != 0 && (p+1 == len(s) || m&(1<<(s[p+1]&63)) != 0)
}

// at reports whether one of the words begins at s[p:].
func (h *hintSet) at(s string, p int) bool {
	if !h.may(s, p) {
		return false
	}
	for _, w := range h.byFirst[s[p]] {
		if len(s)-p >= len(w) && s[p:p+len(w)] == w {
			return true
		}
	}
	return false
}

// in reports whether s holds one of the words. It is at at every byte,
// written out so that the loop keeps the text and the table in registers
// and goes on at the first test that fails: most bytes open no word.
func (h *hintSet) in(s string) bool {
	second := &h.second
	for i := 0; i < len(s); i++ {
		m := second[s[i]]
		if m == 0 || i+1 < len(s) && m&(1<<(s[i+1]&63)) == 0 {
			continue
		}
		for _, w := range h.byFirst[s[i]] {
			if len(s)-i >= len(w) && s[i:i+len(w)] == w {
				return true
			}
		}
	}
	return false
}

// inFold is in of ASCII s lower-cased, without the lower-case copy: atFold
// at every byte, written out as in is.
func (h *hintSet) inFold(s string) bool {
	second := &h.second
	for i := 0; i < len(s); i++ {
		m := second[s[i]]
		if m == 0 || i+1 < len(s) && m&(1<<(s[i+1]&63)) == 0 {
			continue
		}
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		for _, w := range h.byFirst[c] {
			if hasPrefixFold(s[i:], w) {
				return true
			}
		}
	}
	return false
}

// atFold is at of ASCII s lower-cased, without the lower-case copy.
func (h *hintSet) atFold(s string, p int) bool {
	if !h.may(s, p) {
		return false
	}
	c := s[p]
	if 'A' <= c && c <= 'Z' {
		c += 'a' - 'A'
	}
	for _, w := range h.byFirst[c] {
		if hasPrefixFold(s[p:], w) {
			return true
		}
	}
	return false
}

// maxSpelled bounds how many strings a part of an expression is spelled
// out as by requiredWords.
const maxSpelled = 32

// reqInfo is what requiredWords knows of a part of an expression: every
// string it matches (exact, when spelled is set), and words one of which
// each of its matches holds (need, when set; nil when none is known).
type reqInfo struct {
	exact   []string
	spelled bool
	need    []string
}

// spelledOut is the reqInfo of a part that matches exactly the strings of
// set.
func spelledOut(set []string) reqInfo {
	return reqInfo{exact: set, spelled: true, need: needOf(set)}
}

// needOf is a set of words one of which every string of set holds: set
// itself without the words that hold another, or nil when set holds the
// empty string.
func needOf(set []string) []string {
	var out []string
	for i, w := range set {
		if w == "" {
			return nil
		}
		redundant := false
		for j, v := range set {
			if j != i && strings.Contains(w, v) && (len(v) < len(w) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, w)
		}
	}
	return out
}

// betterNeed is the more selective of two needs: the one whose shortest
// word is longer, then the one with fewer words; nil is the worst.
func betterNeed(a, b []string) []string {
	if a == nil {
		return b
	}
	if b == nil {
		return a
	}
	minLen := func(ws []string) int {
		n := len(ws[0])
		for _, w := range ws {
			n = min(n, len(w))
		}
		return n
	}
	if la, lb := minLen(a), minLen(b); la != lb {
		if la > lb {
			return a
		}
		return b
	}
	if len(b) < len(a) {
		return b
	}
	return a
}

// requiredWords returns words one of which every match of re holds, read
// from its syntax tree, or nil when it cannot tell: a cheap test that
// rules out a text before any match is tried in it. Case-folded literals
// and wide character classes are not spelled out.
func requiredWords(re *syntax.Regexp) []string {
	return reqOf(re).need
}

func reqOf(re *syntax.Regexp) reqInfo {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return spelledOut([]string{""})
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return reqInfo{}
		}
		return spelledOut([]string{string(re.Rune)})
	case syntax.OpCharClass:
		var set []string
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(set) == 4 {
					return reqInfo{}
				}
				set = append(set, string(r))
			}
		}
		return spelledOut(set)
	case syntax.OpCapture:
		return reqOf(re.Sub[0])
	case syntax.OpQuest:
		if sub := reqOf(re.Sub[0]); sub.spelled && len(sub.exact) < maxSpelled {
			return spelledOut(append(append([]string{}, sub.exact...), ""))
		}
		return reqInfo{}
	case syntax.OpPlus:
		// Every match holds a match of the part.
		return reqInfo{need: reqOf(re.Sub[0]).need}
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return reqInfo{need: reqOf(re.Sub[0]).need}
		}
		return reqInfo{}
	case syntax.OpConcat:
		// Runs of parts spelled out are spelled out together while they
		// stay few; the best need of a run or of a part is kept.
		var best []string
		run, whole := []string{""}, true
		for _, sub := range re.Sub {
			s := reqOf(sub)
			if s.spelled && len(run)*len(s.exact) <= maxSpelled {
				run = cross(run, s.exact)
				continue
			}
			whole = false
			best = betterNeed(best, needOf(run))
			if s.spelled {
				run = s.exact
				continue
			}
			best = betterNeed(best, s.need)
			run = []string{""}
		}
		if whole {
			return spelledOut(run)
		}
		return reqInfo{need: betterNeed(best, needOf(run))}
	case syntax.OpAlternate:
		var exact, need []string
		spelled, needs := true, true
		for _, sub := range re.Sub {
			s := reqOf(sub)
			spelled = spelled && s.spelled && len(exact)+len(s.exact) <= maxSpelled
			if spelled {
				exact = append(exact, s.exact...)
			}
			needs = needs && s.need != nil
			if needs {
				need = append(need, s.need...)
			}
		}
		switch {
		case spelled:
			return spelledOut(exact)
		case needs:
			return reqInfo{need: needOf(need)}
		}
		return reqInfo{}
	}
	return reqInfo{}
}

// cross is every string of a followed by one of b.
func cross(a, b []string) []string {
	out := make([]string, 0, len(a)*len(b))
	for _, x := range a {
		for _, y := range b {
			out = append(out, x+y)
		}
	}
	return out
}

// gatedRE is a regular expression searched only in a text that holds one
// of the words every match needs (requiredWords): the answers are the
// expression's, without running it on most texts.
type gatedRE struct {
	re    *regexp.Regexp
	needs *hintSet // nil when no word is known
	ends  *endSet  // nil unless every match ends at the end of the text
}

// newGatedRE compiles expr like regexp.MustCompile.
func newGatedRE(expr string) *gatedRE {
	g := &gatedRE{re: regexp.MustCompile(expr)}
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		panic(err)
	}
	re = re.Simplify()
	if need := requiredWords(re); len(need) > 0 {
		g.needs = newHintSet(need...)
	}
	g.ends = newEndSet(re)
	return g
}

// cannot reports whether no match can be in s: s holds none of the words
// every match needs, or ends with none of the words a match ends with.
// The end is looked at first: a few compares, not a pass over s.
func (g *gatedRE) cannot(s string) bool {
	return g.ends != nil && g.ends.cannot(s) || g.needs != nil && !g.needs.in(s)
}

// MatchString is regexp.MatchString.
func (g *gatedRE) MatchString(s string) bool { return !g.cannot(s) && g.re.MatchString(s) }

// FindStringSubmatch is regexp.FindStringSubmatch.
func (g *gatedRE) FindStringSubmatch(s string) []string {
	if g.cannot(s) {
		return nil
	}
	return g.re.FindStringSubmatch(s)
}

// String is the expression as written.
func (g *gatedRE) String() string { return g.re.String() }
