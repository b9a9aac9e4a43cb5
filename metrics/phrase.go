package metrics

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// A phrase is a pattern over the words of a sentence, written the way a
// reliability engineer would jot it down:
//
//	expired certificate              two words, in this order
//	cert|certificate expir*          alternatives; a trailing * matches any ending
//	(fail over|failover) replica*    alternatives of several words, in brackets
//	@db ... @problem                 a named word list; "..." skips up to 4 words
//	the? load balancer               a trailing ? makes a word (or bracket) optional
//
// Matching ignores case and punctuation: "third-party" and "Third Party"
// are the same two words. Contractions split as in "did n't", so write
// "did not|n't" to catch both "did not" and "didn't".
type phrase struct {
	text  string // as written, for evidence and for disabling
	steps []step
	// req numbers the phrase's required steps in its taxonomy's word
	// index (see wordIndex); nil for a phrase outside a taxonomy.
	req []int
	// id numbers the phrase in its taxonomy (see Taxonomy.anchors): the
	// phrases of one list have consecutive numbers.
	id int
}

// step is one element of a phrase: a choice of word sequences (most of one
// word), or a gap.
type step struct {
	alts     [][]wordPat
	gap      bool // "...": up to maxGap words
	optional bool
	// The alternatives indexed for speed: single words looked up in a
	// set, prefixes and longer sequences tried in turn.
	exact    map[string]bool
	prefixes []string
	multi    [][]wordPat
	// few holds the exact words instead of exact when they are so few
	// that comparing each is quicker than hashing (most steps).
	few []string
	// byFirst holds multi grouped by their first word, in order, when
	// none of them starts with a prefix: a word can start the sequences
	// of one group only, so a match tries those, not all of them ("have
	// since|'ve since|have added|...|are adding|are implementing|...").
	byFirst []multiGroup
	// starts is a quick test of the words that can start a match of the
	// step, made before comparing them or hashing them.
	starts wordShape
}

// wordShape tells the lengths (capped at 63) and the first bytes of a set
// of words: a word of another length or first byte is none of them.
type wordShape struct {
	lens  uint64
	first [4]uint64
}

// add adds w to the shape; prefix for any word that w starts.
func (sh *wordShape) add(w string, prefix bool) {
	n := min(len(w), 63)
	if prefix {
		sh.lens |= ^uint64(0) << n // every length from n on
	} else {
		sh.lens |= 1 << n
	}
	if w == "" {
		sh.first = [4]uint64{^uint64(0), ^uint64(0), ^uint64(0), ^uint64(0)} // any first byte
		return
	}
	sh.first[w[0]>>6] |= 1 << (w[0] & 63)
}

// may reports whether w can be a word of the shape.
func (sh *wordShape) may(w string) bool {
	if sh.lens&(1<<min(len(w), 63)) == 0 {
		return false
	}
	return w == "" || sh.first[w[0]>>6]&(1<<(w[0]&63)) != 0
}

// multiGroup is the sequences of a step that start with word.
type multiGroup struct {
	word string
	seqs [][]wordPat
}

// startingWith returns the sequences of multi that w can start, in order.
func (s *step) startingWith(w string) [][]wordPat {
	if s.byFirst == nil {
		return s.multi
	}
	for _, g := range s.byFirst {
		if g.word == w {
			return g.seqs
		}
	}
	return nil
}

// maxFew is how many exact words a step compares one by one.
const maxFew = 4

// singleMatches reports whether a one-word alternative matches w.
func (s *step) singleMatches(w string) bool {
	if s.exact == nil {
		for _, x := range s.few {
			if x == w {
				return true
			}
		}
	} else if s.exact[w] {
		return true
	}
	for _, p := range s.prefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// index fills the step's lookup fields from its alternatives.
func (s *step) index() {
	s.exact = map[string]bool{}
	for _, seq := range s.alts {
		s.starts.add(seq[0].word, seq[0].prefix)
		switch {
		case len(seq) > 1:
			s.multi = append(s.multi, seq)
		case seq[0].prefix:
			s.prefixes = append(s.prefixes, seq[0].word)
		default:
			s.exact[seq[0].word] = true
		}
	}
	s.byFirst = groupByFirst(s.multi)
	if len(s.exact) <= maxFew {
		for w := range s.exact {
			s.few = append(s.few, w)
		}
		slices.Sort(s.few) // the same order on every run
		s.exact = nil
	}
}

// groupByFirst groups seqs by their first word, each group in the order
// of seqs; nil when a sequence starts with a prefix, which words of
// several groups could start.
func groupByFirst(seqs [][]wordPat) []multiGroup {
	var out []multiGroup
	for _, seq := range seqs {
		if seq[0].prefix {
			return nil
		}
		i := slices.IndexFunc(out, func(g multiGroup) bool { return g.word == seq[0].word })
		if i < 0 {
			i = len(out)
			out = append(out, multiGroup{word: seq[0].word})
		}
		out[i].seqs = append(out[i].seqs, seq)
	}
	return out
}

// matchesWord reports whether the word w starts a match of the step.
func (s *step) matchesWord(w string) bool {
	if !s.starts.may(w) {
		return false
	}
	if s.singleMatches(w) {
		return true
	}
	if s.byFirst != nil {
		return len(s.startingWith(w)) > 0
	}
	for _, seq := range s.multi {
		if seq[0].matches(w) {
			return true
		}
	}
	return false
}

// wordPat matches one word: exactly, or as a prefix.
type wordPat struct {
	word   string
	prefix bool
}

// maxGap is how many words "..." may skip: enough for "the database was
// under heavy load", short enough to stay inside a clause.
const maxGap = 4

// compilePhrase parses a phrase; lists resolves "@name" word lists.
func compilePhrase(text string, lists map[string][]string) (phrase, error) {
	p := phrase{text: text}
	toks, err := phraseTokens(text)
	if err != nil {
		return p, err
	}
	for _, tok := range toks {
		if tok == "..." {
			if len(p.steps) == 0 {
				return p, fmt.Errorf("phrase %q starts with ...: a gap needs a word before it", text)
			}
			p.steps = append(p.steps, step{gap: true})
			continue
		}
		var s step
		if strings.HasSuffix(tok, "?") && len(tok) > 1 {
			s.optional = true
			tok = strings.TrimSuffix(tok, "?")
		}
		alts, err := parseChoice(tok, lists)
		if err != nil {
			return p, fmt.Errorf("phrase %q: %w", text, err)
		}
		s.alts = alts
		s.index()
		p.steps = append(p.steps, s)
	}
	if len(p.steps) == 0 {
		return p, fmt.Errorf("empty phrase")
	}
	if p.steps[len(p.steps)-1].gap {
		return p, fmt.Errorf("phrase %q ends with ...: a gap needs a word after it", text)
	}
	if allOptional(p.steps) {
		return p, fmt.Errorf("phrase %q: every word is optional, so it would match anything", text)
	}
	return p, nil
}

// phraseTokens splits a phrase at spaces outside brackets, so that
// "caused|(led to)" and "(fail over|failover)" are one token each.
func phraseTokens(text string) ([]string, error) {
	var out []string
	depth, start := 0, -1
	for i, r := range text {
		switch {
		case r == '(':
			depth++
		case r == ')':
			depth--
			if depth < 0 {
				return nil, fmt.Errorf("phrase %q: ) without (", text)
			}
		}
		space := r == ' ' || r == '\t'
		if space && depth == 0 {
			if start >= 0 {
				out = append(out, text[start:i])
				start = -1
			}
		} else if start < 0 {
			start = i
		}
	}
	if depth != 0 {
		return nil, fmt.Errorf("phrase %q: ( without )", text)
	}
	if start >= 0 {
		out = append(out, text[start:])
	}
	return out, nil
}

// splitTop splits s at sep outside brackets.
func splitTop(s string, sep rune) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '(':
			depth++
		case ')':
			depth--
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// parseChoice reads the alternatives of one token: "a|b*|(c d|e)|@list".
func parseChoice(tok string, lists map[string][]string) ([][]wordPat, error) {
	var out [][]wordPat
	for _, part := range splitTop(tok, '|') {
		if strings.HasPrefix(part, "(") {
			if !strings.HasSuffix(part, ")") {
				return nil, fmt.Errorf("%q: a bracket must close where its alternative ends", part)
			}
			inner, err := parseChoice(part[1:len(part)-1], lists)
			if err != nil {
				return nil, err
			}
			out = append(out, inner...)
			continue
		}
		if strings.ContainsAny(part, "()") {
			return nil, fmt.Errorf("%q: a bracket must open an alternative", part)
		}
		alts, err := parseAlt(part, lists)
		if err != nil {
			return nil, err
		}
		out = append(out, alts...)
	}
	return out, nil
}

func allOptional(ss []step) bool {
	for _, s := range ss {
		if !s.gap && !s.optional {
			return false
		}
	}
	return true
}

// parseAlt reads one alternative: "@list" (each of its words), or words
// with an optional trailing "*" on each. Words are normalised as sentence
// words are, so "third-party" is the sequence "third party".
func parseAlt(a string, lists map[string][]string) ([][]wordPat, error) {
	a = strings.TrimSpace(a)
	if name, ok := strings.CutPrefix(a, "@"); ok {
		ws, ok := lists[name]
		if !ok {
			return nil, fmt.Errorf("no word list named @%s", name)
		}
		var out [][]wordPat
		for _, w := range ws {
			seq, err := parseSeq(w)
			if err != nil {
				return nil, fmt.Errorf("list @%s: %w", name, err)
			}
			out = append(out, seq)
		}
		return out, nil
	}
	seq, err := parseSeq(a)
	if err != nil {
		return nil, err
	}
	return [][]wordPat{seq}, nil
}

// parseSeq reads words separated by spaces, each with an optional "*".
func parseSeq(a string) ([]wordPat, error) {
	var seq []wordPat
	for _, f := range strings.Fields(a) {
		if c := strings.ReplaceAll(f, "’", "'"); slices.Contains(clitics, c) {
			seq = append(seq, wordPat{word: c}) // a clitic, as words splits it off
			continue
		}
		prefix := strings.HasSuffix(f, "*")
		ws := words(strings.TrimSuffix(f, "*"))
		if len(ws) == 0 {
			return nil, fmt.Errorf("%q has no word in it", f)
		}
		for i, w := range ws {
			seq = append(seq, wordPat{word: w, prefix: prefix && i == len(ws)-1})
		}
	}
	if len(seq) == 0 {
		return nil, fmt.Errorf("an empty alternative")
	}
	return seq, nil
}

func (w wordPat) matches(s string) bool {
	if w.prefix {
		return strings.HasPrefix(s, w.word)
	}
	return s == w.word
}

// span is a match: words [from, to) of a sentence, of which the words at
// hit were matched by the phrase's words (the rest were skipped by "...").
type span struct {
	from, to int
	hit      []int
}

// find returns the first match of p in ws, if any.
func (p *phrase) find(ws []string) (span, bool) {
	if !p.possible(ws) {
		return span{}, false
	}
	for i := range ws {
		if sp, ok := p.at(ws, i); ok {
			return sp, true
		}
	}
	return span{}, false
}

// possible reports whether every word the phrase requires starts some
// word of ws: a quick test that rules out most phrases for most sentences.
func (p *phrase) possible(ws []string) bool {
	for k := range p.steps {
		s := &p.steps[k]
		if s.gap || s.optional {
			continue
		}
		if !slices.ContainsFunc(ws, s.matchesWord) {
			return false
		}
	}
	return true
}

// at returns the match of p that starts at word i, if any.
func (p *phrase) at(ws []string, i int) (span, bool) {
	if s := &p.steps[0]; !s.gap && !s.optional && (i >= len(ws) || !s.matchesWord(ws[i])) {
		return span{}, false // ruled out at the first word, as matchAt would
	}
	var hit []int
	end, ok := p.matchAt(ws, i, 0, &hit)
	if !ok {
		return span{}, false
	}
	slices.Reverse(hit)
	return span{from: i, to: end, hit: hit}, true
}

// endAt returns where the match of p that starts at word i ends, if any:
// at without the words matched, which it does not allocate.
func (p *phrase) endAt(ws []string, i int) (int, bool) {
	if s := &p.steps[0]; !s.gap && !s.optional && (i >= len(ws) || !s.matchesWord(ws[i])) {
		return 0, false
	}
	return p.matchAt(ws, i, 0, nil)
}

// matchAt matches steps[k:] against ws from word i, backtracking over
// alternatives, optional steps and gaps, and returns where the first
// complete match ends. The positions of the matched words are appended to
// hit (unless nil), last first, once the match is complete: a try that
// fails, as most do, allocates nothing.
func (p *phrase) matchAt(ws []string, i, k int, hit *[]int) (int, bool) {
	if k == len(p.steps) {
		return i, true
	}
	s := &p.steps[k]
	if s.gap {
		for skip := 0; skip <= maxGap && i+skip <= len(ws); skip++ {
			if skip > 0 && ws[i+skip-1] == clauseMark {
				break
			}
			if end, ok := p.matchAt(ws, i+skip, k+1, hit); ok {
				return end, true
			}
		}
		return 0, false
	}
	if i < len(ws) && s.starts.may(ws[i]) && s.singleMatches(ws[i]) {
		if end, ok := p.matchAt(ws, i+1, k+1, hit); ok {
			if hit != nil {
				*hit = append(*hit, i)
			}
			return end, true
		}
	}
	var multi [][]wordPat
	if i < len(ws) && s.starts.may(ws[i]) {
		multi = s.startingWith(ws[i]) // none past the end: matchSeq would fail each
	}
	for _, seq := range multi {
		if j, ok := matchSeq(seq, ws, i); ok {
			if end, ok := p.matchAt(ws, j, k+1, hit); ok {
				for x := j - 1; hit != nil && x >= i; x-- {
					*hit = append(*hit, x)
				}
				return end, true
			}
		}
	}
	if s.optional {
		return p.matchAt(ws, i, k+1, hit)
	}
	return 0, false
}

func matchSeq(seq []wordPat, ws []string, i int) (int, bool) {
	if i+len(seq) > len(ws) {
		return 0, false
	}
	for j, w := range seq {
		if !w.matches(ws[i+j]) {
			return 0, false
		}
	}
	return i + len(seq), true
}

// words splits text into lower-case words: runs of letters and digits,
// with an apostrophe inside a word kept ("can't", "let's"). Everything
// else separates words; a semicolon, a colon before a space, a dash
// between spaces or a bracket also ends a clause, marked by the word
// clauseMark, which no phrase word matches and no gap crosses.
func words(text string) []string {
	var b wordBuf
	return b.words(text)
}

// wordBuf splits sentences into words in buffers it keeps from one
// sentence to the next: the classifier splits every sentence of every
// report, and allocating for each was a fifth of its time.
type wordBuf struct {
	buf   []byte
	spans []wordSpan
	out   []string
	split []string
}

// wordSpan is where a word is: bytes [from, to) of the text, or of the
// buffer when inBuf; from -1 is a clause mark.
type wordSpan struct {
	from, to int
	inBuf    bool
}

// words is the words of text, as the function words says; the slice is
// valid until the next call.
func (b *wordBuf) words(text string) []string {
	// A word that stands in text as it is returned (lower-case ASCII
	// letters, digits, ASCII apostrophes, other letters that are their own
	// lower case: most words of any report) is sliced out of text. Any
	// other is lower-cased into one buffer, from which one string is made
	// for all of them. ASCII is read byte by byte; other runes are decoded
	// as []rune would (an invalid byte is U+FFFD).
	r := wordReader{text: text, buf: b.buf[:0], spans: b.spans[:0], start: -1, inBuf: -1}
	apostrophe := false
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			switch asciiClass[c] {
			case byteSame:
				j := i + 1 // the run of such bytes, at once
				for j < len(text) && text[j] < utf8.RuneSelf && asciiClass[text[j]] == byteSame {
					j++
				}
				if r.start < 0 {
					r.start = i
				}
				if r.inBuf >= 0 {
					r.buf = append(r.buf, text[i:j]...)
				}
				i = j
				continue
			case byteUpper:
				if r.start < 0 {
					r.start = i
				}
				r.differ(i)
				r.buf = append(r.buf, c+'a'-'A')
				i++
				continue
			case byteSpace, byteSep:
				r.flush(i) // no clause end
				i++
				continue
			}
		}
		rn, size := rune(c), 1
		if c >= utf8.RuneSelf {
			rn, size = utf8.DecodeRuneInString(text[i:])
		}
		switch {
		case rn >= utf8.RuneSelf && (unicode.IsLetter(rn) || unicode.IsDigit(rn)):
			if r.start < 0 {
				r.start = i
			}
			if lower := unicode.ToLower(rn); lower != rn {
				r.differ(i)
				r.buf = utf8.AppendRune(r.buf, lower)
			} else if r.inBuf >= 0 {
				r.buf = append(r.buf, text[i:i+size]...)
			}
		case (rn == '\'' || rn == '’') && r.start >= 0 && i+size < len(text) && unicode.IsLetter(runeAt(text, i+size)):
			if rn != '\'' {
				r.differ(i)
				r.buf = append(r.buf, '\'')
			} else if r.inBuf >= 0 {
				r.buf = append(r.buf, '\'')
			}
			apostrophe = true
		case clauseEnd(prevRune(text, i, rn), rn, i+size < len(text), runeAt(text, i+size)):
			r.flush(i)
			if n := len(r.spans); n > 0 && r.spans[n-1].from >= 0 {
				r.spans = append(r.spans, wordSpan{from: -1, to: -1})
			}
		default:
			r.flush(i)
		}
		i += size
	}
	r.flush(len(text))
	var all string // the words lower-cased into buf
	if len(r.buf) > 0 {
		all = string(r.buf)
	}
	out := b.out[:0]
	for _, sp := range r.spans {
		switch {
		case sp.from < 0:
			out = append(out, clauseMark)
		case sp.inBuf:
			out = append(out, all[sp.from:sp.to])
		default:
			out = append(out, text[sp.from:sp.to])
		}
	}
	b.buf, b.spans, b.out = r.buf, r.spans, out
	if !apostrophe {
		return out // every clitic starts with an apostrophe
	}
	b.split = appendClitics(b.split[:0], out)
	return b.split
}

// wordReader is the state of wordBuf.words: the word being read starts at
// byte start of text (-1: none), and at inBuf of buf once it differs from
// text (-1: it does not).
type wordReader struct {
	text         string
	buf          []byte
	spans        []wordSpan
	start, inBuf int
}

// flush ends the word being read, if any, at byte i of text.
func (r *wordReader) flush(i int) {
	if r.start < 0 {
		return
	}
	if r.inBuf < 0 {
		r.spans = append(r.spans, wordSpan{from: r.start, to: i})
	} else {
		r.spans = append(r.spans, wordSpan{from: r.inBuf, to: len(r.buf), inBuf: true})
	}
	r.start, r.inBuf = -1, -1
}

// differ moves the word being read, up to byte i of text, into buf, as
// its next rune differs from text.
func (r *wordReader) differ(i int) {
	if r.inBuf < 0 {
		r.inBuf = len(r.buf)
		r.buf = append(r.buf, r.text[r.start:i]...)
	}
}

// prevRune returns the rune before byte i of text, -1 at its start, for
// clauseEnd, which reads it only for r a dash.
func prevRune(text string, i int, r rune) rune {
	if i == 0 || (r != '-' && r != '–') {
		return -1
	}
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	return prev
}

// The classes of ASCII bytes words tells apart: byteSame for a byte
// a word keeps as it is (a lower-case letter, a digit), byteUpper for a
// capital, byteSpace for a space, byteSep for any other byte that ends a
// word and never a clause (not an apostrophe, which a word may hold, nor
// a byte clauseEnd may take); every other byte is byteOther.
const (
	byteOther = iota
	byteSame
	byteUpper
	byteSpace
	byteSep
)

// asciiClass gives the class of each ASCII byte.
var asciiClass = func() (t [utf8.RuneSelf]uint8) {
	for c := range t {
		switch {
		case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
			t[c] = byteSame
		case 'A' <= c && c <= 'Z':
			t[c] = byteUpper
		case c == ' ':
			t[c] = byteSpace
		case c != '\'' && !clauseByte(byte(c)):
			t[c] = byteSep
		}
	}
	return t
}()

// runeAt decodes the rune at byte i of text; -1 past its end.
func runeAt(text string, i int) rune {
	if i >= len(text) {
		return -1
	}
	if c := text[i]; c < utf8.RuneSelf {
		return rune(c)
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return r
}

// clauseMark stands for a clause boundary in a sentence's words.
const clauseMark = "|"

func endsClause(rs []rune, i int) bool {
	prev, next := rune(-1), rune(-1)
	if i > 0 {
		prev = rs[i-1]
	}
	if i+1 < len(rs) {
		next = rs[i+1]
	}
	return clauseEnd(prev, rs[i], i+1 < len(rs), next)
}

// clauseByte reports whether clauseEnd may take the ASCII byte c for a
// clause end.
func clauseByte(c byte) bool {
	return c == ';' || c == '(' || c == ')' || c == ':' || c == '-'
}

// clauseEnd reports whether r ends a clause, given the runes around it
// (prev -1 at the start of the text; next only when more is true).
func clauseEnd(prev, r rune, more bool, next rune) bool {
	switch r {
	case ';', '(', ')', '—':
		return true
	case ':':
		return !more || unicode.IsSpace(next)
	case '–', '-':
		return (!more || unicode.IsSpace(next)) && prev >= 0 && unicode.IsSpace(prev)
	}
	return false
}

// clitics are the contractions words splits off: "didn't" is "did n't",
// "provider's" is "provider 's", "we'll" is "we 'll".
var clitics = []string{"n't", "'s", "'ll", "'re", "'ve", "'d", "'m"}

// splitClitics splits "didn't" into "did n't" and "provider's" into
// "provider 's", so that phrases can name the negation or the noun alone.
func splitClitics(ws []string) []string {
	return appendClitics(nil, ws)
}

// appendClitics appends ws to out with their clitics split off, as
// splitClitics says.
func appendClitics(out, ws []string) []string {
	for _, w := range ws {
		if len(w) > 3 && strings.HasSuffix(w, "n't") {
			out = append(out, strings.TrimSuffix(w, "n't"), "n't")
			continue
		}
		split := false
		for _, c := range clitics[1:] {
			if len(w) > len(c) && strings.HasSuffix(w, c) {
				out = append(out, strings.TrimSuffix(w, c), c)
				split = true
				break
			}
		}
		if !split {
			out = append(out, w)
		}
	}
	return out
}
