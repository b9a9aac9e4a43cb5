package ingest

import (
	"math/bits"
	"regexp/syntax"
	"strings"
	"unicode"
	"unicode/utf8"
)

// phraseSet is a cue expression spelled out as the phrases it can match,
// in the order Go's regexp prefers them, so that a match anchored at a
// byte is found by comparing bytes instead of by running the backtracker
// (which clears a table sized to the rest of the text at every try and
// walks every alternative). Only expressions whose every phrase can be
// matched without going back are spelled out (phrasesOf says which);
// the others stay with the regexp package.
//
// Why the answers are the expression's: a match of Go's regexp is the
// first way through the expression, in the order of its choices (the
// left alternative first, an optional part taken first unless lazy, a
// repeat taking as much as it can first), that reaches the end. Spelling
// out the alternatives and optional parts, left part before right part,
// lists the phrases in that order. A repeat is kept as a run of a byte
// class that takes all it can; newPhraseSet accepts one only where no
// shorter run could lead to a match (what follows cannot open with a byte
// of the class, or is the end of the text, or is \b after word bytes) or
// where the phrase ends with the run (the longest run, tried first,
// matches), so every run of every phrase ends at the same place whichever
// phrase is tried, and the first phrase that matches is the expression's
// match.
//
// The phrases are kept packed, without pointers but in four slices and a
// string, so that the garbage collector has little to scan.
type phraseSet struct {
	text  string       // the literals of every phrase
	items []packedItem // the items of every phrase, one phrase after the other
	spans []itemSpan   // where the items of each phrase are
	// refs lists, for each byte c, the phrases that can open with it, in
	// order: refs[firstAt[c]:firstAt[c+1]].
	refs    []phraseRef
	firstAt [257]int32
}

// packedItem is a phraseItem whose literal is text[off:off+n] of its
// phraseSet.
type packedItem struct {
	set    asciiSet
	off, n int32
	min    int32
	kind   phraseKind
}

// itemSpan is where the items of a phrase are: items[start:end].
type itemSpan struct{ start, end int32 }

// phraseRef is a phrase of a phraseSet's list: its index and how many
// leading items it has in common with the phrase before it in the list.
type phraseRef struct {
	k      int32
	shared int32
}

// phrase is one way through an expression: what it matches in turn.
type phrase []phraseItem

// phraseKind says what a phraseItem matches.
type phraseKind uint8

const (
	pLiteral    phraseKind = iota // the bytes of lit
	pClass                        // one byte of set
	pRun                          // min or more bytes of set, as many as there are
	pBoundary                     // \b
	pNoBoundary                   // \B
	pEndText                      // $ without (?m), \z
)

// phraseItem is one part of a phrase: lit for a literal, set for a class
// or a run, min for a run.
type phraseItem struct {
	kind phraseKind
	lit  string
	set  asciiSet
	min  int
}

// asciiSet is a set of ASCII bytes.
type asciiSet [2]uint64

// add adds c, when it is ASCII.
func (a *asciiSet) add(c byte) {
	if c < 0x80 {
		a[c>>6] |= 1 << (c & 63)
	}
}

// has reports whether c is in the set.
func (a asciiSet) has(c byte) bool { return c < 0x80 && a[c>>6&1]&(1<<(c&63)) != 0 }

// meets reports whether the sets have a byte in common.
func (a asciiSet) meets(b asciiSet) bool { return a[0]&b[0] != 0 || a[1]&b[1] != 0 }

// maxPhrases bounds how many phrases an expression is spelled out as.
const maxPhrases = 1024

// wordBytes is \w: a table built once, never written after.
var wordBytes = func() (a asciiSet) {
	for c := 0; c < 0x80; c++ {
		if isWordByte(byte(c)) {
			a.add(byte(c))
		}
	}
	return a
}()

// newPhraseSet spells re (simplified) out, or returns nil when it cannot
// be searched as phrases.
func newPhraseSet(re *syntax.Regexp) *phraseSet {
	phrases, ok := phrasesOf(re)
	if !ok || len(phrases) == 0 {
		return nil
	}
	var byFirst [256][]phraseRef
	for k, ph := range phrases {
		if !ph.runsForced() {
			return nil
		}
		first, ok := ph.first()
		if !ok {
			return nil
		}
		for w, bitsOf := range first {
			for ; bitsOf != 0; bitsOf &= bitsOf - 1 {
				c := w<<6 | bits.TrailingZeros64(bitsOf)
				ref := phraseRef{k: int32(k)}
				if list := byFirst[c]; len(list) > 0 {
					ref.shared = int32(sharedItems(phrases[list[len(list)-1].k], ph))
				}
				byFirst[c] = append(byFirst[c], ref)
			}
		}
	}
	return packPhrases(phrases, &byFirst)
}

// packPhrases is the phraseSet of phrases listed by byFirst.
func packPhrases(phrases []phrase, byFirst *[256][]phraseRef) *phraseSet {
	ps := &phraseSet{spans: make([]itemSpan, 0, len(phrases))}
	var text strings.Builder
	for _, ph := range phrases {
		span := itemSpan{start: int32(len(ps.items))}
		for _, it := range ph {
			pi := packedItem{set: it.set, min: int32(it.min), kind: it.kind}
			if it.kind == pLiteral {
				pi.off, pi.n = int32(text.Len()), int32(len(it.lit))
				text.WriteString(it.lit)
			}
			ps.items = append(ps.items, pi)
		}
		span.end = int32(len(ps.items))
		ps.spans = append(ps.spans, span)
	}
	ps.text = text.String()
	for c, list := range byFirst {
		ps.firstAt[c] = int32(len(ps.refs))
		ps.refs = append(ps.refs, list...)
	}
	ps.firstAt[256] = int32(len(ps.refs))
	return ps
}

// phrasesOf spells re out as its phrases in the order the regexp package
// prefers them; ok is false for what it does not spell out: bytes beyond
// ASCII (but for the other cases of a letter), repeats of more than one byte class, lazy repeats,
// anchors other than \b, \B and the end of the text, and more than
// maxPhrases phrases.
func phrasesOf(re *syntax.Regexp) ([]phrase, bool) {
	switch re.Op {
	case syntax.OpEmptyMatch:
		return []phrase{nil}, true
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return foldedPhrases(re.Rune)
		}
		b := make([]byte, 0, len(re.Rune))
		for _, r := range re.Rune {
			if r >= 0x80 {
				return nil, false
			}
			b = append(b, byte(r))
		}
		return []phrase{{{kind: pLiteral, lit: string(b)}}}, true
	case syntax.OpCharClass:
		set, ok := classSet(re)
		if !ok {
			return nil, false
		}
		return []phrase{{{kind: pClass, set: set}}}, true
	case syntax.OpWordBoundary:
		return []phrase{{{kind: pBoundary}}}, true
	case syntax.OpNoWordBoundary:
		return []phrase{{{kind: pNoBoundary}}}, true
	case syntax.OpEndText:
		return []phrase{{{kind: pEndText}}}, true
	case syntax.OpCapture:
		return phrasesOf(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if re.Flags&syntax.NonGreedy != 0 {
			return nil, false
		}
		set, ok := runSet(re.Sub[0])
		if !ok {
			return nil, false
		}
		run := phraseItem{kind: pRun, set: set}
		if re.Op == syntax.OpPlus {
			run.min = 1
		}
		return []phrase{{run}}, true
	case syntax.OpQuest:
		sub, ok := phrasesOf(re.Sub[0])
		if !ok || len(sub) >= maxPhrases {
			return nil, false
		}
		if re.Flags&syntax.NonGreedy != 0 {
			return append([]phrase{nil}, sub...), true
		}
		return append(sub, nil), true
	case syntax.OpAlternate:
		var out []phrase
		for _, s := range re.Sub {
			sub, ok := phrasesOf(s)
			if !ok || len(out)+len(sub) > maxPhrases {
				return nil, false
			}
			out = append(out, sub...)
		}
		return out, true
	case syntax.OpConcat:
		parts := make([][]phrase, 0, len(re.Sub))
		for _, s := range re.Sub {
			sub, ok := phrasesOf(s)
			if !ok {
				return nil, false
			}
			parts = append(parts, sub)
		}
		return product(parts)
	}
	return nil, false
}

// product is every phrase of parts[0] followed by one of parts[1], and so
// on, in order: the phrases of a concatenation, the left part's choice
// first. ok is false beyond maxPhrases.
func product(parts [][]phrase) ([]phrase, bool) {
	n := 1
	for _, p := range parts {
		if n *= len(p); n > maxPhrases {
			return nil, false
		}
	}
	out := make([]phrase, 0, n)
	choice := make([]int, len(parts))
	for n > 0 {
		items := 0
		for i, p := range parts {
			items += len(p[choice[i]])
		}
		ph := make(phrase, 0, items)
		for i, p := range parts {
			ph = ph.then(p[choice[i]])
		}
		out = append(out, ph)
		// The next choices: the last part's first.
		i := len(parts) - 1
		for ; i >= 0; i-- {
			if choice[i]++; choice[i] < len(parts[i]) {
				break
			}
			choice[i] = 0
		}
		if i < 0 {
			break
		}
	}
	return out, true
}

// foldedPhrases spells out a literal of runes matched in any case: each
// rune is any rune of its orbit under unicode.SimpleFold, the ASCII ones
// as a class, the others ("K" for "k", "ſ" for "s") as their UTF-8 bytes
// (which the regexp package decodes as that rune and nothing else). The
// alternatives of a rune open with different bytes, so at most one of them
// matches and their order does not matter.
func foldedPhrases(runes []rune) ([]phrase, bool) {
	parts := make([][]phrase, 0, len(runes))
	for _, r := range runes {
		var alts []phrase
		var set asciiSet
		ascii := 0
		for f := r; ; {
			switch {
			case f < 0x80:
				set.add(byte(f))
				ascii++
			case f == utf8.RuneError:
				return nil, false // the regexp package matches it with a byte that is not UTF-8 too
			default:
				alts = append(alts, phrase{{kind: pLiteral, lit: string(f)}})
			}
			if f = unicode.SimpleFold(f); f == r {
				break
			}
		}
		switch {
		case ascii == 1:
			for c := byte(0); c < 0x80; c++ {
				if set.has(c) {
					alts = append(alts, phrase{{kind: pLiteral, lit: string(rune(c))}})
				}
			}
		case ascii > 1:
			alts = append(alts, phrase{{kind: pClass, set: set}})
		}
		parts = append(parts, alts)
	}
	return product(parts)
}

// classSet is the bytes of a class of ASCII characters.
func classSet(re *syntax.Regexp) (asciiSet, bool) {
	var set asciiSet
	for i := 0; i+1 < len(re.Rune); i += 2 {
		if re.Rune[i+1] >= 0x80 {
			return set, false
		}
		for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
			set.add(byte(r))
		}
	}
	return set, true
}

// runSet is the bytes a repeat of re takes one at a time: a class or a
// one-character literal, of ASCII.
func runSet(re *syntax.Regexp) (asciiSet, bool) {
	switch {
	case re.Op == syntax.OpCharClass:
		return classSet(re)
	case re.Op == syntax.OpLiteral && len(re.Rune) == 1 && re.Rune[0] < 0x80 && re.Flags&syntax.FoldCase == 0:
		var set asciiSet
		set.add(byte(re.Rune[0]))
		return set, true
	}
	return asciiSet{}, false
}

// then appends q to p, adjacent literals joined.
func (p phrase) then(q phrase) phrase {
	out := p
	for _, it := range q {
		if n := len(out); n > 0 && it.kind == pLiteral && out[n-1].kind == pLiteral {
			out[n-1].lit += it.lit
			continue
		}
		out = append(out, it)
	}
	return out
}

// consumes reports whether the item matches at least one byte.
func (it phraseItem) consumes() bool {
	return it.kind == pLiteral && it.lit != "" || it.kind == pClass || it.kind == pRun && it.min > 0
}

// opening is the set of ASCII bytes the item can open with, when it
// consumes: none for a literal that opens with a byte beyond ASCII.
func (it phraseItem) opening() asciiSet {
	if it.kind == pLiteral {
		var set asciiSet
		set.add(it.lit[0])
		return set
	}
	return it.set
}

// first is the set of bytes the phrase can open with; ok is false when
// what comes before the first byte it takes is not known to take none.
func (p phrase) first() (asciiSet, bool) {
	for _, it := range p {
		switch {
		case it.kind == pLiteral && it.lit != "" && it.lit[0] >= 0x80:
			return asciiSet{}, false
		case it.consumes():
			return it.opening(), true
		case it.kind == pBoundary, it.kind == pNoBoundary, it.kind == pLiteral:
			continue
		}
		return asciiSet{}, false
	}
	return asciiSet{}, false
}

// runsForced reports whether no run of the phrase could end short of all
// it can take in a match: what follows it takes a byte the run cannot
// (skipping  and \B), or the text ends there, or it is a run of word
// bytes after a word byte followed by , or it ends the phrase (a
// match is then found with the longest run, before any shorter).
func (p phrase) runsForced() bool {
	for k, it := range p {
		if it.kind != pRun {
			continue
		}
		if !p.forced(k) {
			return false
		}
	}
	return true
}

func (p phrase) forced(k int) bool {
	run := p[k]
	rest := p[k+1:]
	if len(rest) == 0 {
		return true
	}
	//  right after a run of word bytes that follows a word byte: a
	// shorter run leaves a word byte on either side.
	if rest[0].kind == pBoundary && wordBytes[0]&^run.set[0] == 0 && wordBytes[1]&^run.set[1] == 0 {
		// run.set holds only word bytes: checked below.
	}
	if rest[0].kind == pBoundary && subsetOf(run.set, wordBytes) && (run.min > 0 || k > 0 && endsWord(p[k-1])) {
		return true
	}
	for _, it := range rest {
		switch {
		case it.kind == pEndText:
			return true
		case it.consumes():
			return !it.opening().meets(run.set)
		case it.kind == pBoundary, it.kind == pNoBoundary, it.kind == pLiteral:
			continue
		}
		return false
	}
	return false
}

// subsetOf reports whether every byte of a is in b.
func subsetOf(a, b asciiSet) bool { return a[0]&^b[0] == 0 && a[1]&^b[1] == 0 }

// endsWord reports whether every match of the item ends with a word byte.
func endsWord(it phraseItem) bool {
	switch it.kind {
	case pLiteral:
		return it.lit != "" && isWordByte(it.lit[len(it.lit)-1])
	case pClass:
		return subsetOf(it.set, wordBytes)
	case pRun:
		return it.min > 0 && subsetOf(it.set, wordBytes)
	}
	return false
}

// sharedItems is how many leading items p and q have in common.
func sharedItems(p, q phrase) int {
	n := 0
	for n < len(p) && n < len(q) && p[n] == q[n] {
		n++
	}
	return n
}

// matchAt is the end of the first phrase that matches s at p, where s[p]
// opens a word (p is 0 or s[p-1] is not a word byte). A phrase that
// shares with the last one tried the item it failed on, and all items
// before, fails there too (every item before ends where it ended): it is
// not tried.
func (ps *phraseSet) matchAt(s string, p int) (int, bool) {
	failed, shared := -1, 0
	for _, ref := range ps.refs[ps.firstAt[s[p]]:ps.firstAt[int(s[p])+1]] {
		if failed >= 0 {
			shared = min(shared, int(ref.shared))
			if shared > failed {
				continue
			}
		}
		span := ps.spans[ref.k]
		end, at, ok := ps.phraseAt(ps.items[span.start:span.end], s, p)
		if ok {
			return end, true
		}
		failed, shared = at, int(span.end-span.start)
	}
	return 0, false
}

// phraseAt is the end of the phrase of items matched at s[p:], if it
// matches, or the index of the item it fails on.
func (ps *phraseSet) phraseAt(items []packedItem, s string, p int) (end, failed int, ok bool) {
	i := p
	for k, it := range items {
		switch it.kind {
		case pLiteral:
			if !strings.HasPrefix(s[i:], ps.text[it.off:it.off+it.n]) {
				return 0, k, false
			}
			i += int(it.n)
		case pClass:
			if i >= len(s) || !it.set.has(s[i]) {
				return 0, k, false
			}
			i++
		case pRun:
			n := i
			for i < len(s) && it.set.has(s[i]) {
				i++
			}
			if i-n < int(it.min) {
				return 0, k, false
			}
		case pBoundary, pNoBoundary:
			b := (i > 0 && isWordByte(s[i-1])) != (i < len(s) && isWordByte(s[i]))
			if b != (it.kind == pBoundary) {
				return 0, k, false
			}
		case pEndText:
			if i != len(s) {
				return 0, k, false
			}
		}
	}
	return i, 0, true
}
