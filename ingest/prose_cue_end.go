package ingest

import (
	"regexp/syntax"
	"strings"
)

// endSet is a test in front of an expression every match of which ends at
// the end of the text (the cues searched in the words before a time): the
// text, without its trailing white space, must end with one of the words
// the expression's matches can end with (endWords). Most texts a time
// follows end otherwise ("... the errors at "), and are ruled out by a
// few byte compares instead of a search from every word of the text.
type endSet struct {
	words  []string
	byLast [256][]string // the words by their last byte
}

// newEndSet is the endSet of the expression re (simplified), or nil when
// it has none: a match may end elsewhere than at the end of the text, or
// it may be only white space, or what it ends with is not known.
func newEndSet(re *syntax.Regexp) *endSet {
	if !endsAtEnd(re) {
		return nil
	}
	info, ok := endWordsOf(re)
	if !ok || info.blank || len(info.words) == 0 {
		return nil
	}
	e := &endSet{words: info.words}
	for _, w := range info.words {
		e.byLast[w[len(w)-1]] = append(e.byLast[w[len(w)-1]], w)
	}
	return e
}

// cannot reports whether no match can end s: s without its trailing
// white space ends with none of the words.
func (e *endSet) cannot(s string) bool {
	n := len(s)
	for n > 0 && isRESpace(s[n-1]) {
		n--
	}
	if n == 0 {
		return true
	}
	for _, w := range e.byLast[s[n-1]] {
		if strings.HasSuffix(s[:n], w) {
			return false
		}
	}
	return true
}

// endsAtEnd reports whether every match of re ends at the end of the text
// ($ without (?m), or \z).
func endsAtEnd(re *syntax.Regexp) bool {
	switch re.Op {
	case syntax.OpEndText:
		return true
	case syntax.OpCapture:
		return endsAtEnd(re.Sub[0])
	case syntax.OpConcat:
		return len(re.Sub) > 0 && endsAtEnd(re.Sub[len(re.Sub)-1])
	case syntax.OpAlternate:
		for _, s := range re.Sub {
			if !endsAtEnd(s) {
				return false
			}
		}
		return len(re.Sub) > 0
	}
	return false
}

// endInfo is what endWordsOf knows of a part of an expression: blank when
// it can match a string of white space only (the empty string included),
// and words one of which each of its other matches, without its trailing
// white space, ends with.
type endInfo struct {
	words []string
	blank bool
}

// maxEndClass bounds how many bytes of a class are listed as words.
const maxEndClass = 8

// endWordsOf reads an endInfo from re's syntax tree; ok is false for what
// it does not know: case-folded literals, wide classes, any character.
func endWordsOf(re *syntax.Regexp) (endInfo, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch, syntax.OpWordBoundary, syntax.OpNoWordBoundary,
		syntax.OpBeginText, syntax.OpEndText, syntax.OpBeginLine, syntax.OpEndLine:
		return endInfo{blank: true}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return endInfo{}, false
		}
		w := strings.TrimRight(string(re.Rune), " \t\n\f\r")
		if w == "" {
			return endInfo{blank: true}, true
		}
		return endInfo{words: []string{w}}, true
	case syntax.OpCharClass:
		var info endInfo
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				switch {
				case r < 0x80 && isRESpace(byte(r)):
					info.blank = true
				case r >= 0x80 || len(info.words) == maxEndClass:
					return endInfo{}, false
				default:
					info.words = append(info.words, string(r))
				}
			}
		}
		return info, true
	case syntax.OpCapture, syntax.OpPlus:
		return endWordsOf(re.Sub[0])
	case syntax.OpStar, syntax.OpQuest:
		info, ok := endWordsOf(re.Sub[0])
		info.blank = true
		return info, ok
	case syntax.OpRepeat:
		info, ok := endWordsOf(re.Sub[0])
		info.blank = info.blank || re.Min == 0
		return info, ok
	case syntax.OpConcat:
		// A match ends with the last part's match, or, when that is
		// blank, with the part's before, and so on.
		var info endInfo
		for i := len(re.Sub) - 1; i >= 0; i-- {
			sub, ok := endWordsOf(re.Sub[i])
			if !ok {
				return endInfo{}, false
			}
			if !sub.blank {
				info.words = append(info.words, concatEnds(re.Sub[:i+1], sub.words)...)
				return info, true
			}
			info.words = append(info.words, sub.words...)
		}
		info.blank = true
		return info, true
	case syntax.OpAlternate:
		var info endInfo
		for _, s := range re.Sub {
			sub, ok := endWordsOf(s)
			if !ok {
				return endInfo{}, false
			}
			info.words = append(info.words, sub.words...)
			info.blank = info.blank || sub.blank
		}
		return info, true
	}
	return endInfo{}, false
}

// concatEnds is what a concatenation of parts ends with when its last
// part, whose words are words, is not blank: when that part and some
// before it are spelled out (reqOf), the strings they match together
// ("starting at", not "at"), without trailing white space; else words.
func concatEnds(parts []*syntax.Regexp, words []string) []string {
	last := reqOf(parts[len(parts)-1])
	if !last.spelled {
		return words
	}
	run := last.exact
	for j := len(parts) - 2; j >= 0; j-- {
		p := reqOf(parts[j])
		if !p.spelled || len(run)*len(p.exact) > maxSpelled {
			break
		}
		run = cross(p.exact, run)
	}
	out := make([]string, 0, len(run))
	for _, w := range run {
		out = append(out, strings.TrimRight(w, " \t\n\f\r"))
	}
	return out
}
