package ingest

// This file is the one place where dates, clocks and zones are read. Every
// format goes through scanMentions (find every date/time expression in a
// piece of text) and mention.resolve (turn one into a UTC instant), so a
// fix here fixes every reader.

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// date is a calendar date; Year is 0 when the text does not give one.
type date struct {
	Year  int
	Month time.Month
	Day   int
}

func (d date) String() string {
	if d.Year == 0 {
		return fmt.Sprintf("%s %d", d.Month, d.Day)
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, int(d.Month), d.Day)
}

func (d date) valid() bool {
	if d.Month < time.January || d.Month > time.December || d.Day < 1 {
		return false
	}
	y := d.Year
	if y == 0 {
		y = 2000 // a leap year, so 29 February without a year is allowed
	}
	return d.Day <= daysIn(d.Month, y)
}

// daysIn is the number of days in month m of a year (time.Date's
// proleptic Gregorian calendar), from a table: time.Date was a tenth of
// the time to read a stamp.
func daysIn(m time.Month, year int) int {
	if m < time.January || m > time.December {
		return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
	}
	if m == time.February && year%4 == 0 && (year%100 != 0 || year%400 == 0) {
		return 29
	}
	return monthDays[m-1]
}

var monthDays = [12]int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}

// addDays moves a date with a known year by n days.
func (d date) addDays(n int) date {
	t := time.Date(d.Year, d.Month, d.Day+n, 0, 0, 0, 0, time.UTC)
	return date{t.Year(), t.Month(), t.Day()}
}

// clock is a wall-clock time of day.
type clock struct {
	Hour, Min, Sec int
}

func (c clock) String() string {
	return fmt.Sprintf("%02d:%02d:%02d", c.Hour, c.Min, c.Sec)
}

func (c clock) seconds() int { return c.Hour*3600 + c.Min*60 + c.Sec }

// mention is one date/time expression found in text: any of its date, clock
// and zone may be missing. Start and End are byte offsets into the text.
type mention struct {
	Start, End int
	Date       *date
	Weekday    *time.Weekday
	Clock      *clock
	Zone       *zone
	// Text is the expression as written.
	Text string
	// ClockText is the time of day as written ("13h03", "2:55 PM").
	ClockText string
	// Swapped is the other reading of an all-numeric date that reads
	// both ways (05/03/2024: May 3 or 5 March), for callers that can
	// check which fits the report.
	Swapped *date
}

// dateOrder says how an all-numeric date such as 05/07/2020 is read.
type dateOrder int

const (
	monthFirst dateOrder = iota // US: 05/07/2020 is 7 May
	dayFirst                    // 05/07/2020 is 5 July
)

// detectDateOrder reads the numeric dates of a whole document: if any of
// them only makes sense day-first (31/03/2023) the document is day-first;
// otherwise month-first, the common reading on status pages.
func detectDateOrder(text string) dateOrder {
	for i := 0; i < len(text); {
		j := strings.IndexByte(text[i:], '/')
		if j < 0 {
			break
		}
		// A date's first slash is at most two digits after its start.
		from := max(i, i+j-2)
		a, b, end, ok := numericDateAt(text, from)
		for !ok && from < i+j {
			from++
			a, b, end, ok = numericDateAt(text, from)
		}
		if !ok {
			i += j + 1
			continue
		}
		if a > 12 && a <= 31 && b >= 1 && b <= 12 {
			return dayFirst
		}
		i = end
	}
	return monthFirst
}

// linesDateOrder is detectDateOrder of the lines joined (joinText), read
// line by line without joining them: a numeric date holds no line break,
// and the break around a line bounds a word as the text's ends do.
func linesDateOrder(ls []line) dateOrder {
	for _, l := range ls {
		if detectDateOrder(l.Text) == dayFirst {
			return dayFirst
		}
	}
	return monthFirst
}

// numericDateAt matches a candidate all-numeric date, d{1,2}/d{1,2}/ and
// four or two digits between word boundaries, at byte p of text, as the
// regular expression \b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b would
// (greedy, leftmost-first): the first two numbers and where the match
// ends. A hand-written matcher: the expression over whole documents was
// a third of the time to read Statuspage JSON, whose URLs hold slashes.
func numericDateAt(text string, p int) (a, b, end int, ok bool) {
	if p > 0 && isWordByte(text[p-1]) {
		return 0, 0, 0, false
	}
	for _, la := range [2]int{2, 1} {
		if !digitsAt(text, p, la) || !byteAt(text, p+la, '/') {
			continue
		}
		q := p + la + 1
		for _, lb := range [2]int{2, 1} {
			if !digitsAt(text, q, lb) || !byteAt(text, q+lb, '/') {
				continue
			}
			r := q + lb + 1
			for _, ly := range [2]int{4, 2} {
				if digitsAt(text, r, ly) && (r+ly == len(text) || !isWordByte(text[r+ly])) {
					return atoiDigits(text[p : p+la]), atoiDigits(text[q : q+lb]), r + ly, true
				}
			}
		}
	}
	return 0, 0, 0, false
}

func digitsAt(s string, p, n int) bool {
	if p+n > len(s) {
		return false
	}
	for _, c := range []byte(s[p : p+n]) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

func byteAt(s string, p int, c byte) bool { return p < len(s) && s[p] == c }

func atoiDigits(s string) int {
	n := 0
	for _, c := range []byte(s) {
		n = n*10 + int(c-'0')
	}
	return n
}

// isWordByte is the ASCII word character of \b: a letter, a digit or
// '_', looked up in a table rather than by four comparisons.
func isWordByte(c byte) bool { return wordByteTable[c] }

// wordByteTable are the bytes isWordByte reports.
var wordByteTable = func() (t [256]bool) {
	for c := range 256 {
		t[c] = c == '_' || byteClasses[c]&(bcDigit|bcUpper|bcLower) != 0
	}
	return t
}()

// token kinds of the date lexer.
type tokKind uint8

const (
	tkWord tokKind = iota
	tkNum
	tkPunct
)

// token is a word, a number or a punctuation mark of the scanned text. It
// holds no pointers: its text is src[start:end] of the scanner, so a slice
// of tokens is neither scanned by the garbage collector nor written with
// write barriers, and a short one lives on the stack. It is 16 bytes, its
// offsets 32 bits (inputs are at most MaxInputSize): lexing is mostly
// writing tokens.
type token struct {
	start, end int32 // byte offsets
	// num is a number's value, or a punctuation mark's rune.
	num   int32
	kind  tokKind
	space bool // whitespace precedes the token
	// letters says which letters a word holds (the word... bits).
	letters uint8
}

// Bits of token.letters.
const (
	wordUpper    = 1 << iota // an ASCII capital
	wordLower                // an ASCII small letter
	wordNonASCII             // a letter beyond ASCII
)

// ch is a punctuation mark's rune.
func (t token) ch() rune { return t.num }

// ascii says every letter of a word is ASCII; upper and lower that it
// holds an ASCII capital or small letter.
func (t token) ascii() bool { return t.letters&wordNonASCII == 0 }
func (t token) upper() bool { return t.letters&wordUpper != 0 }
func (t token) lower() bool { return t.letters&wordLower != 0 }

func (t token) isPunct(r byte) bool { return t.kind == tkPunct && t.num == int32(r) }

func (t token) isDash() bool {
	return t.kind == tkPunct && (t.num == '-' || t.num == '–' || t.num == '—')
}

// size is the token's length in bytes.
func (t token) size() int { return int(t.end - t.start) }

// maxLex is the longest text lexed: token offsets are 32 bits. It is far
// above MaxInputSize, the most any reader is given.
const maxLex = 1<<31 - 1

// lex splits text into words, numbers and single punctuation marks.
func lex(s string) []token {
	n := len(s)/3 + 2
	if isASCII(s) {
		n = countASCIITokens(s)
	}
	return lexInto(make([]token, 0, n), s, 0)
}

// Classes of a byte for the lexer (byteClasses).
const (
	bcUpper = wordUpper // an ASCII capital
	bcLower = wordLower // an ASCII small letter
	bcSpace = 8         // ASCII white space
	bcDigit = 16
	bcHigh  = 32 // part of a character beyond ASCII
)

// byteClasses classes every byte value (bc...); ASCII punctuation and
// control characters are 0.
var byteClasses = func() (t [256]uint8) {
	for c := range 256 {
		switch {
		case c == ' ' || '\t' <= c && c <= '\r':
			t[c] = bcSpace
		case '0' <= c && c <= '9':
			t[c] = bcDigit
		case 'A' <= c && c <= 'Z':
			t[c] = bcUpper
		case 'a' <= c && c <= 'z':
			t[c] = bcLower
		case c >= utf8.RuneSelf:
			t[c] = bcHigh
		}
	}
	return t
}()

// lexInto is lex of s[from:] appending to toks, which a caller may keep
// on its stack; from is 0 or follows white space. White space is
// unicode.IsSpace, letters unicode.IsLetter; ASCII bytes are classed by a
// table, without decoding them. Text longer than maxLex is lexed up to
// there.
//
// Each token is written field by field in its place in toks. Built whole and appended, a token was stored to
// the stack a field at a time and read back in one 16-byte load, which
// the processor cannot forward from the smaller stores: a stall of some
// ten cycles for every token.
func lexInto(toks []token, s string, from int) []token {
	if len(s) > maxLex {
		s = s[:maxLex]
	}
	space := true
	for i := from; i < len(s); {
		k := byteClasses[s[i]]
		if k == bcSpace {
			space = true
			i++
			continue
		}
		if len(toks) == cap(toks) {
			toks = growTokens(toks, len(s), from, i)
		}
		toks = toks[:len(toks)+1]
		t := &toks[len(toks)-1]
		switch {
		case k == bcDigit:
			i = lexNumber(t, s, i)
		case k&(bcUpper|bcLower) != 0:
			j, letters := asciiLetters(s, i+1, k)
			if j < len(s) && byteClasses[s[j]] == bcHigh {
				j, letters = lexWord(s, j, letters)
			}
			t.kind, t.num, t.letters = tkWord, 0, letters
			t.start, t.end = int32(i), int32(j)
			i = j
		case k == 0:
			t.kind, t.num, t.letters = tkPunct, int32(s[i]), 0
			t.start, t.end = int32(i), int32(i+1)
			i++
		default:
			next, ok := lexOther(t, s, i)
			i = next
			if !ok { // Unicode white space
				toks = toks[:len(toks)-1]
				space = true
				continue
			}
		}
		t.space = space
		space = false
	}
	return toks
}

// lexNumber writes in t the number that starts at s[i], an ASCII digit,
// all of its fields but space, and returns where it ends.
func lexNumber(t *token, s string, i int) int {
	v := int32(s[i] - '0')
	j := i + 1
	for ; j < len(s); j++ {
		d := s[j] - '0' // a byte below '0' wraps to above 9
		if d > 9 {
			break
		}
		if v < 1e8 {
			v = v*10 + int32(d)
		}
	}
	t.kind, t.num, t.letters = tkNum, v, 0
	t.start, t.end = int32(i), int32(j)
	return j
}

// asciiLetters is lexWord of ASCII letters only: it stops at any other
// byte. It is small enough to be inlined, and most words are ASCII.
func asciiLetters(s string, j int, letters uint8) (int, uint8) {
	for ; j < len(s); j++ {
		c := byteClasses[s[j]]
		if c&(bcUpper|bcLower) == 0 {
			break
		}
		letters |= c
	}
	return j, letters
}

// lexOther writes in t, all of its fields but space, the token that
// starts at s[i], a byte beyond ASCII, and returns where it ends; ok is
// false when it is Unicode white space, no token.
func lexOther(t *token, s string, i int) (next int, ok bool) {
	r, n := utf8.DecodeRuneInString(s[i:])
	switch {
	case unicode.IsSpace(r):
		return i + n, false
	case unicode.IsLetter(r):
		j, letters := lexWord(s, i+n, wordNonASCII)
		t.kind, t.num, t.letters = tkWord, 0, letters
		t.start, t.end = int32(i), int32(j)
		return j, true
	}
	t.kind, t.num, t.letters = tkPunct, r, 0
	t.start, t.end = int32(i), int32(i+n)
	return i + n, true
}

// growTokens makes room in toks, lexed from s[from:i] of a text of n
// bytes, for the tokens of the rest of it at the rate so far and a
// quarter more: one allocation for most texts, without counting their
// tokens first.
func growTokens(toks []token, n, from, i int) []token {
	more := int(float64(len(toks)) * float64(n-i) / float64(max(i-from, 1)))
	return slices.Grow(toks, more+more/4+8)
}

// lexWord reads the rest of a word from s[j:], given the letters bits of
// what was read (bcUpper and bcLower are wordUpper and wordLower): where
// it ends and which letters it holds.
func lexWord(s string, j int, letters uint8) (int, uint8) {
	for j < len(s) {
		k := byteClasses[s[j]]
		if k&(bcUpper|bcLower) != 0 {
			letters |= k
			j++
			continue
		}
		if k != bcHigh {
			break
		}
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			break
		}
		letters |= wordNonASCII
		j += n
	}
	return j, letters
}

var monthWords = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

var weekdayWords = map[string]time.Weekday{
	"sun": 0, "sunday": 0, "mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2,
	"wed": 3, "wednesday": 3, "thu": 4, "thur": 4, "thurs": 4, "thursday": 4,
	"fri": 5, "friday": 5, "sat": 6, "saturday": 6,
}

// monthOf is monthWords[w], by a switch: the scanner asks it of most
// words, and a switch on a short string is cheaper than hashing it.
func monthOf(w string) (time.Month, bool) {
	switch w {
	case "jan", "january":
		return time.January, true
	case "feb", "february":
		return time.February, true
	case "mar", "march":
		return time.March, true
	case "apr", "april":
		return time.April, true
	case "may":
		return time.May, true
	case "jun", "june":
		return time.June, true
	case "jul", "july":
		return time.July, true
	case "aug", "august":
		return time.August, true
	case "sep", "sept", "september":
		return time.September, true
	case "oct", "october":
		return time.October, true
	case "nov", "november":
		return time.November, true
	case "dec", "december":
		return time.December, true
	}
	return 0, false
}

// weekdayOf is weekdayWords[w], by a switch.
func weekdayOf(w string) (time.Weekday, bool) {
	switch w {
	case "sun", "sunday":
		return time.Sunday, true
	case "mon", "monday":
		return time.Monday, true
	case "tue", "tues", "tuesday":
		return time.Tuesday, true
	case "wed", "wednesday":
		return time.Wednesday, true
	case "thu", "thur", "thurs", "thursday":
		return time.Thursday, true
	case "fri", "friday":
		return time.Friday, true
	case "sat", "saturday":
		return time.Saturday, true
	}
	return 0, false
}

// countASCIITokens is how many tokens lex makes of ASCII text: runs of
// digits, runs of letters and single other marks, between white space.
func countASCIITokens(s string) int {
	n := 0
	prev := byte(' ') // class of the byte before: ' ', '0', 'a' or '.'
	for i := 0; i < len(s); i++ {
		c := s[i]
		cls := byte('.')
		switch {
		case c == ' ' || '\t' <= c && c <= '\r': // unicode.IsSpace in ASCII
			cls = ' '
		case '0' <= c && c <= '9':
			cls = '0'
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			cls = 'a'
		}
		if cls == '.' || cls != ' ' && cls != prev {
			n++
		}
		prev = cls
	}
	return n
}

// isASCII reports whether s is all ASCII. It tests eight bytes at a time:
// the readers ask it of most lines and titles.
func isASCII(s string) bool {
	i := 0
	for ; i <= len(s)-8; i += 8 {
		if load8(s, i)&highs != 0 {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// scanner finds mentions in a token stream.
type scanner struct {
	src   string
	toks  []token
	order dateOrder
}

// text is token i as written.
func (sc *scanner) text(i int) string { return sc.src[sc.toks[i].start:sc.toks[i].end] }

// lowWord appends word i in lower case to b (appendLower), as it is when
// the lexer saw no capital in it.
func (sc *scanner) lowWord(b []byte, i int) []byte {
	t := sc.toks[i]
	w := sc.src[t.start:t.end]
	if t.ascii() && !t.upper() {
		return append(b, w...)
	}
	return appendLower(b, w)
}

// maxKey is longer than every key of the word tables (monthWords,
// weekdayWords, ianaAreas, meridiems): an ASCII word longer than that is
// none of them, and is not lower-cased to look.
const maxKey = 12

// lowKey is word i lower-cased in buf for a table lookup, or ok false when
// it is not a word or an ASCII word too long to be a key.
func (sc *scanner) lowKey(buf *[maxKey]byte, i int) ([]byte, bool) {
	if i >= len(sc.toks) || sc.toks[i].kind != tkWord {
		return nil, false
	}
	if t := sc.toks[i]; t.ascii() && t.size() > maxKey {
		return nil, false
	}
	return sc.lowWord(buf[:0], i), true
}

// isWord reports whether token i is one of the words ws (lower case).
func (sc *scanner) isWord(i int, ws ...string) bool {
	t := sc.toks[i]
	if t.kind != tkWord {
		return false
	}
	w := sc.src[t.start:t.end]
	switch {
	case !t.ascii():
		w = strings.ToLower(w)
	case t.upper():
		for _, x := range ws {
			if asciiFoldEqual(w, x) {
				return true
			}
		}
		return false
	}
	for _, x := range ws {
		if w == x {
			return true
		}
	}
	return false
}

// asciiFoldEqual reports whether ASCII s lower-cased is low.
func asciiFoldEqual(s, low string) bool {
	if len(s) != len(low) {
		return false
	}
	for k := 0; k < len(s); k++ {
		c := s[k]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != low[k] {
			return false
		}
	}
	return true
}

// notUpper reports whether word i changes when upper-cased.
func (sc *scanner) notUpper(i int) bool {
	if t := sc.toks[i]; t.ascii() {
		return t.lower()
	}
	w := sc.text(i)
	return w != strings.ToUpper(w)
}

// found is a mention as the scanner reads it, before its parts are given
// the pointers of a mention.
type found struct {
	start, end                        int // token indices
	from, to                          int // byte offsets in the text
	d, sw                             date
	wd                                time.Weekday
	c                                 clock
	ctFrom, ctTo                      int // the clock as written, src[ctFrom:ctTo]
	z                                 zoneHit
	hasDate, hasWd, hasSw, hasC, hasZ bool
}

// zoneHit is a zone the scanner read. Its Name, when it is the text as
// written, is src[from:to] and left out of z: the scanner's methods
// return no string of the text they scan, so that its tokens, which the
// scanner points to, can stay on the caller's stack.
type zoneHit struct {
	z        zone
	from, to int
}

// mentionParts holds the pointed-to parts of one mention, made in one
// allocation with those of the other mentions of a scan.
type mentionParts struct {
	d, sw date
	wd    time.Weekday
	c     clock
	z     zone
}

// scanMentions finds every date/time expression in s, left to right,
// without overlaps.
func scanMentions(s string, order dateOrder) []mention {
	return scanMentionsMax(s, order, -1)
}

// firstMention is the first mention scanMentions finds in s.
func firstMention(s string, order dateOrder) (mention, bool) {
	f, ok := firstFound(s, order)
	if !ok {
		return mention{}, false
	}
	return f.mention(s, new(mentionParts)), true
}

// firstFound is the first mention scanMentions finds in s, as found.
func firstFound(s string, order dateOrder) (found, bool) {
	d := indexDigit(s)
	if d < 0 {
		return found{}, false // before buf, which is 200 bytes to clear
	}
	var buf [1]found
	fs := scanFound(s, d, order, buf[:0], 1)
	if len(fs) == 0 {
		return found{}, false
	}
	return fs[0], true
}

// scanMentionsMax is scanMentions that stops after limit mentions (when
// limit >= 0).
func scanMentionsMax(s string, order dateOrder, limit int) []mention {
	d := indexDigit(s)
	if d < 0 {
		// Most texts hold no digit: they leave before buf, which is
		// 800 bytes to clear.
		return nil
	}
	var buf [4]found
	fs := scanFound(s, d, order, buf[:0], limit)
	if len(fs) == 0 {
		return nil
	}
	if len(fs) == 1 { // most texts: one allocation for the mention and its parts
		one := new(struct {
			m [1]mention
			p mentionParts
		})
		one.m[0] = fs[0].mention(s, &one.p)
		return one.m[:]
	}
	parts := make([]mentionParts, len(fs))
	out := make([]mention, len(fs))
	for k := range fs {
		out[k] = fs[k].mention(s, &parts[k])
	}
	return out
}

// scanMentionsInto is scanMentions with memory its caller owns: it appends
// the mentions of s to dst and their parts to parts, and returns both. A
// reader that scans line after line or sentence after sentence keeps the
// two from call to call, where scanMentions made one or two allocations
// for every text with a mention.
//
// The mentions point into the array parts has on return. Appending to
// parts later never writes that array's elements in use (a full array is
// copied, not written); only a caller that cuts parts back and appends
// again does, and it must hold no mention of an earlier call, nor a
// pointer of one, when it does.
func scanMentionsInto(dst []mention, parts []mentionParts, s string, order dateOrder) ([]mention, []mentionParts) {
	return scanMentionsIntoAt(dst, parts, s, indexDigit(s), order, nil)
}

// scanMentionsIntoAt is scanMentionsInto of s whose first ASCII digit is
// at d (indexDigit(s)), for a caller that looked for it already. When
// toks is not nil, s is lexed into *toks, which is left holding its
// tokens: a reader that keeps *toks from call to call makes no memory for
// the tokens of a long text, where scanFound, whose own are on its stack,
// made room for those beyond the 64th at every call.
func scanMentionsIntoAt(dst []mention, parts []mentionParts, s string, d int, order dateOrder, toks *[]token) ([]mention, []mentionParts) {
	if d < 0 {
		return dst, parts // before buf, which is 800 bytes to clear
	}
	var buf [4]found
	var fs []found
	if toks != nil {
		*toks = lexInto((*toks)[:0], s, lexFrom(s, d))
		fs = scanTokens(s, order, *toks, buf[:0], -1)
	} else {
		fs = scanFound(s, d, order, buf[:0], -1)
	}
	n := len(parts)
	parts = slices.Grow(parts, len(fs))[:n+len(fs)]
	for k := range fs {
		dst = append(dst, fs[k].mention(s, &parts[n+k]))
	}
	return dst, parts
}

// scanFound appends to fs the mentions in s, whose first ASCII digit is
// at d (a text without one has none: every date has a day and every clock
// an hour), at most limit of them when limit >= 0. Its callers find d
// before they make their buffer of found, which is slow to clear.
func scanFound(s string, d int, order dateOrder, fs []found, limit int) []found {
	// The tokens of most lines fit on the stack.
	var tokBuf [64]token
	return scanTokens(s, order, lexInto(tokBuf[:0], s, lexFrom(s, d)), fs, limit)
}

// scanTokens is scanFound of s lexed into toks from where lexFrom says.
func scanTokens(s string, order dateOrder, toks []token, fs []found, limit int) []found {
	sc := scanner{src: s, order: order, toks: toks}
	num := 0 // the first number at or after token i
	for i, n := 0, 0; i < len(sc.toks) && n != limit; {
		// A mention holds a number within its first five tokens
		// ("Thursday, Sept. 6"): the tokens more than four before the
		// next number are passed without trying them.
		num = max(num, i)
		for num < len(sc.toks) && sc.toks[num].kind != tkNum {
			num++
		}
		if num == len(sc.toks) {
			break
		}
		i = max(i, num-4)
		if !sc.mayStart(i) {
			i++
			continue
		}
		// moment reads into the next element of fs, which it is
		// appended as when it finds a mention: a found is some 200
		// bytes, which moment returned and append copied again at every
		// token tried.
		if len(fs) == cap(fs) {
			fs = slices.Grow(fs, 1)
		}
		f := &fs[:len(fs)+1][len(fs)]
		*f = found{}
		if !sc.moment(i, f) {
			i++
			continue
		}
		f.from, f.to = int(sc.toks[i].start), int(sc.toks[f.end-1].end)
		fs = fs[:len(fs)+1]
		n++
		i = f.end
	}
	return fs
}

// mention is f as a mention of s, its parts kept in p.
func (f *found) mention(s string, p *mentionParts) mention {
	m := mention{Start: f.from, End: f.to, Text: s[f.from:f.to]}
	if f.hasDate {
		p.d = f.d
		m.Date = &p.d
	}
	if f.hasWd {
		p.wd = f.wd
		m.Weekday = &p.wd
	}
	if f.hasSw {
		p.sw = f.sw
		m.Swapped = &p.sw
	}
	if f.hasC {
		p.c = f.c
		m.Clock = &p.c
		m.ClockText = s[f.ctFrom:f.ctTo]
	}
	if f.hasZ {
		p.z = f.zone(s)
		m.Zone = &p.z
	}
	return m
}

// zone is the zone of f, a mention of s, when it has one.
func (f *found) zone(s string) zone {
	z := f.z.z
	if f.z.from < f.z.to {
		z.Name = s[f.z.from:f.z.to]
	}
	return z
}

// in is the zone h, read in src, with its name: sc.zoneOf(h) of a
// scanner of src.
func (h zoneHit) in(src string) zone {
	z := h.z
	if h.from < h.to {
		z.Name = src[h.from:h.to]
	}
	return z
}

// indexDigit is the index of the first ASCII digit in s, or -1. It tests
// sixteen bytes at a time, as two words of eight (digitBits): most of the
// text the scanner is given holds no digit, or holds it far in.
func indexDigit(s string) int {
	i := 0
	for ; i <= len(s)-16; i += 16 {
		w := s[i : i+16]
		lo, hi := digitBits(w[:8]), digitBits(w[8:])
		if lo|hi == 0 {
			continue
		}
		if lo != 0 {
			return i + bits.TrailingZeros64(lo)/8
		}
		return i + 8 + bits.TrailingZeros64(hi)/8
	}
	if len(s)-i >= 8 {
		if m := digitBits(s[i : i+8]); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
		i += 8
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return i
		}
	}
	return -1
}

// digitBits has the high bit of byte k set for the first ASCII digit of
// w[:8], byte k; it is zero when w[:8] holds none. Its bytes XOR '0' are
// below 10 exactly for the digits, and a byte y below 10 is the one whose
// y-10 borrows and sets the high bit that y has clear. A borrow runs only
// upwards, from a byte below 10: it may set the high bit of a later byte
// that is no digit, never of an earlier one, so the lowest bit set is
// right.
func digitBits(w string) uint64 {
	// Not load8(w, 0): written here on a slice of constant length, the
	// eight loads compile to one; through load8 the real postmortems cost
	// 3% more instructions (cachegrind), indexDigit being this scanner's
	// hottest function.
	w = w[:8]
	x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
	y := x ^ '0'*ones
	return (y - 10*ones) &^ y & highs
}

// lexFrom is where the scanner may start lexing s, whose first digit is at
// d, and find what it finds lexing all of s: after white space, with at
// least four tokens before d. A mention holds a number within its first
// five tokens, so none starts before there; and a token after white space
// is lexed alike whatever precedes it. Four runs of bytes between ASCII
// white space that hold an ASCII byte hold four tokens or more (a run of
// other bytes may be Unicode white space).
func lexFrom(s string, d int) int {
	p := d
	for p > 0 && byteClasses[s[p-1]] != bcSpace {
		p-- // the start of the digit's run
	}
	for n := 0; n < 4; {
		for p > 0 && byteClasses[s[p-1]] == bcSpace {
			p--
		}
		if p == 0 {
			return 0
		}
		tok := false
		for p > 0 && byteClasses[s[p-1]] != bcSpace {
			p--
			tok = tok || s[p] < utf8.RuneSelf
		}
		if tok {
			n++
		}
	}
	return p
}

// mayStart is a cheap test moment cannot succeed at token i without: a
// mention opens with a number, a weekday or a month.
func (sc *scanner) mayStart(i int) bool {
	switch t := sc.toks[i]; t.kind {
	case tkNum:
		return true
	case tkWord:
		if !t.ascii() {
			return true
		}
		if n := t.size(); n < 3 || n > 9 {
			return false // "may" to "wednesday"
		}
		switch sc.src[t.start] | 0x20 {
		case 'j', 'f', 'm', 'a', 's', 'o', 'n', 'd', 't', 'w':
			return true
		}
	}
	return false
}

// moment reads the longest date/time expression starting at token i into
// f, which is zero, and reports whether it found one; f is of no use when
// it did not.
func (sc *scanner) moment(i int, f *found) bool {
	start := i
	// An optional weekday: "Thursday, November 6", "Tue, May 24, 2022".
	if wd, ok := sc.weekday(i); ok {
		j := i + 1
		if j < len(sc.toks) && sc.toks[j].isPunct(',') {
			j++
		}
		if d, next, ok := sc.date(j); ok {
			f.wd, f.hasWd, f.d, f.hasDate = wd, true, d, true
			i = next
		}
	}
	if !f.hasDate {
		if d, next, ok := sc.date(i); ok {
			f.d, f.hasDate = d, true
			f.sw, f.hasSw = sc.swapped(i, d)
			i = next
		}
	}
	if f.hasDate {
		// Date then time: "Apr 11, 2023 - 14:55 EDT", "Sep 21, 2021, 11:40 AM
		// UTC", "2023-04-11T18:14:48Z", "30-March-2023 1000 UTC".
		j := i
		iso := false
		for j < len(sc.toks) && j-i < 2 && (sc.toks[j].isPunct(',') || sc.toks[j].isDash() ||
			sc.isWord(j, "at", "t") || sc.toks[j].isPunct('@')) {
			iso = iso || (sc.isWord(j, "t") && !sc.toks[j].space)
			j++
		}
		if c, next, ok := sc.clock(j, true); ok {
			f.c, f.ctFrom, f.ctTo, f.hasC = c, int(sc.toks[j].start), int(sc.toks[next-1].end), true
			ct := sc.src[f.ctFrom:f.ctTo]
			i = next
			if z, next, ok := sc.zone(i, iso || c.Sec != 0 || strings.Count(ct, ":") == 2); ok {
				f.z, f.hasZ = z, true
				i = next
			}
		}
	} else if c, next, ok := sc.clock(i, false); ok {
		f.c, f.ctFrom, f.ctTo, f.hasC = c, int(sc.toks[i].start), int(sc.toks[next-1].end), true
		ct := sc.src[f.ctFrom:f.ctTo]
		i = next
		if z, next, ok := sc.zone(i, strings.Count(ct, ":") == 2); ok {
			f.z, f.hasZ = z, true
			i = next
		}
		// Time then date: "20:52 UTC on Thursday, November 6", "00:35 UTC
		// June 2" (a date right after a zone).
		j := i
		glued := f.hasZ && j < len(sc.toks) && sc.toks[j].kind == tkWord && !sc.isWord(j, "on")
		if glued {
			if _, _, ok := sc.month(j); !ok {
				glued = false
			}
		}
		if j < len(sc.toks) && (sc.isWord(j, "on") || sc.toks[j].isPunct(',') || glued) {
			if !glued {
				j++
			}
			if wd, ok := sc.weekday(j); ok {
				k := j + 1
				if k < len(sc.toks) && sc.toks[k].isPunct(',') {
					k++
				}
				if d, next, ok := sc.date(k); ok {
					f.wd, f.hasWd, f.d, f.hasDate = wd, true, d, true
					f.sw, f.hasSw = sc.swapped(k, d)
					i = next
				}
			} else if d, next, ok := sc.date(j); ok {
				f.d, f.hasDate = d, true
				f.sw, f.hasSw = sc.swapped(j, d)
				i = next
			}
		}
	}
	if !f.hasDate && !f.hasC {
		return false
	}
	f.start, f.end = start, i
	return true
}

// ptr returns a pointer to a copy of v. Taking the address of a variable
// declared in an if statement's header ("if d, ok := sc.date(i); ok")
// moved it to the heap at every try, matched or not; a copy is made only
// for what matched.
func ptr[T any](v T) *T { return &v }

// swapped returns the other reading of an all-numeric date at token i
// that reads both ways.
func (sc *scanner) swapped(i int, d date) (date, bool) {
	t := sc.toks
	if i+4 >= len(t) || t[i].kind != tkNum || !t[i+1].isPunct('/') || t[i].size() > 2 {
		return date{}, false
	}
	o := date{d.Year, time.Month(d.Day), int(d.Month)}
	if o == d || !o.valid() || d.Day > 12 {
		return date{}, false
	}
	return o, true
}

func (sc *scanner) weekday(i int) (time.Weekday, bool) {
	var buf [maxKey]byte
	k, ok := sc.lowKey(&buf, i)
	if !ok {
		return 0, false
	}
	return weekdayOf(string(k))
}

func (sc *scanner) month(i int) (time.Month, int, bool) {
	var buf [maxKey]byte
	k, ok := sc.lowKey(&buf, i)
	if !ok {
		return 0, 0, false
	}
	mo, ok := monthOf(string(k))
	if !ok {
		return 0, 0, false
	}
	// "may" and "march" are also English words: as months they are
	// capitalised.
	if low := string(k); low == "may" || low == "march" || low == "mar" {
		if first, _ := utf8.DecodeRuneInString(sc.text(i)); !unicode.IsUpper(first) {
			return 0, 0, false
		}
	}
	next := i + 1
	if next < len(sc.toks) && sc.toks[next].isPunct('.') && !sc.toks[next].space {
		next++ // "Sept."
	}
	return mo, next, true
}

// day reads a day of the month with an optional ordinal suffix ("21",
// "13th").
func (sc *scanner) day(i int) (int, int, bool) {
	if i >= len(sc.toks) || sc.toks[i].kind != tkNum || sc.toks[i].size() > 2 {
		return 0, 0, false
	}
	d := int(sc.toks[i].num)
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	next := i + 1
	if next < len(sc.toks) && !sc.toks[next].space && sc.toks[next].kind == tkWord {
		if !sc.isWord(next, "st", "nd", "rd", "th") {
			return 0, 0, false // "2x", "5m": not a day
		}
		next++
	}
	return d, next, true
}

// year reads a four-digit year.
func (sc *scanner) year(i int) (int, bool) {
	if i >= len(sc.toks) || sc.toks[i].kind != tkNum || sc.toks[i].size() != 4 {
		return 0, false
	}
	y := int(sc.toks[i].num)
	return y, y >= 1970 && y <= 2200
}

// followedByDigitPunct reports whether token i is glued to a following
// number through punctuation, as in "2023-04-11-3" or "1.2.3", which makes
// it part of something other than a date.
func (sc *scanner) followedByDigitPunct(i int) bool {
	return i+1 < len(sc.toks) && !sc.toks[i].space && !sc.toks[i+1].space &&
		(sc.toks[i].isPunct('.') || sc.toks[i].isPunct('/') || sc.toks[i].isPunct('-')) &&
		sc.toks[i+1].kind == tkNum
}

// date reads a calendar date at token i.
func (sc *scanner) date(i int) (date, int, bool) {
	t := sc.toks
	if i >= len(t) {
		return date{}, 0, false
	}
	// ISO 2023-04-11 (or 2023/04/11).
	if y, ok := sc.year(i); ok && i+4 < len(t) &&
		(t[i+1].isPunct('-') || t[i+1].isPunct('/')) && t[i+2].kind == tkNum && t[i+2].size() <= 2 &&
		t[i+3].kind == tkPunct && t[i+3].ch() == t[i+1].ch() && t[i+4].kind == tkNum && t[i+4].size() <= 2 &&
		!t[i+1].space && !t[i+2].space && !t[i+3].space && !t[i+4].space {
		d := date{y, time.Month(int(t[i+2].num)), int(t[i+4].num)}
		if d.valid() && !sc.followedByDigitPunct(i+5) {
			return d, i + 5, true
		}
		return date{}, 0, false
	}
	// Month name first: "Apr 11, 2023", "September 21, 2021", "November 6",
	// "June 10th, 2020".
	if mo, next, ok := sc.month(i); ok {
		if dd, n2, ok := sc.day(next); ok && !(n2 < len(t) && t[n2].isPunct(':')) {
			d := date{Month: mo, Day: dd}
			j := n2
			if j < len(t) && t[j].isPunct(',') {
				j++
			}
			if y, ok := sc.year(j); ok && !(j+1 < len(t) && t[j+1].isPunct(':')) {
				d.Year = y
				n2 = j + 1
			}
			if d.valid() {
				return d, n2, true
			}
		}
		return date{}, 0, false
	}
	if t[i].kind != tkNum {
		return date{}, 0, false
	}
	// Day first with a month name: "13th November 2019", "29th of July
	// 2021", "22 September 2022", "30-March-2023".
	if dd, next, ok := sc.day(i); ok {
		j := next
		dashed := j < len(t) && t[j].isDash() && !t[j].space
		if dashed {
			j++
		}
		if j < len(t) && sc.isWord(j, "of") {
			j++
		}
		if mo, n2, ok := sc.month(j); ok {
			d := date{Month: mo, Day: dd}
			k := n2
			if k < len(t) && (t[k].isPunct(',') || (dashed && t[k].isDash())) {
				k++
			}
			if y, ok := sc.year(k); ok && !(k+1 < len(t) && t[k+1].isPunct(':')) {
				d.Year = y
				n2 = k + 1
			}
			if d.valid() {
				return d, n2, true
			}
			return date{}, 0, false
		}
	}
	// All numeric: 3/23/16, 01/24/2024, 05/07/2020.
	if i+4 < len(t) && t[i+1].isPunct('/') && t[i+3].isPunct('/') && t[i+2].kind == tkNum && t[i+4].kind == tkNum &&
		t[i].size() <= 2 && t[i+2].size() <= 2 && (t[i+4].size() == 2 || t[i+4].size() == 4) &&
		!t[i+1].space && !t[i+2].space && !t[i+3].space && !t[i+4].space {
		a, b, y := int(t[i].num), int(t[i+2].num), int(t[i+4].num)
		if t[i+4].size() == 2 {
			y += 2000
		}
		mo, dd := a, b
		if sc.order == dayFirst {
			mo, dd = b, a
		}
		d := date{y, time.Month(mo), dd}
		if !d.valid() {
			d = date{y, time.Month(dd), mo} // "3/23/16" in a day-first document
		}
		if d.valid() && !sc.followedByDigitPunct(i+5) {
			return d, i + 5, true
		}
	}
	return date{}, 0, false
}

// clock reads a time of day at token i: "14:55", "18:14:48", "2:55 PM",
// "6:45AM", "13h03", "1 AM", "11.50" (only right after a date), and "1000"
// when a zone follows ("1000 UTC"). The time as written is tokens i to
// next-1.
func (sc *scanner) clock(i int, afterDate bool) (clock, int, bool) {
	t := sc.toks
	if i >= len(t) || t[i].kind != tkNum || t[i].size() > 4 {
		return clock{}, 0, false
	}
	// A number glued to a preceding word or number is part of something
	// else ("v1.14:00", "x10:30"), except the "T" of an ISO stamp.
	if i > 0 && !t[i].space && !(afterDate && sc.isWord(i-1, "t")) &&
		(t[i-1].kind == tkWord || t[i-1].kind == tkNum || t[i-1].isPunct('.') || t[i-1].isPunct(':') || t[i-1].isPunct('/')) {
		return clock{}, 0, false
	}
	var c clock
	next := -1
	h := int(t[i].num)
	switch {
	case t[i].size() <= 2 && i+2 < len(t) && t[i+1].isPunct(':') && !t[i+1].space && !t[i+2].space &&
		t[i+2].kind == tkNum && t[i+2].size() == 2:
		c = clock{Hour: h, Min: int(t[i+2].num)}
		next = i + 3
		if next+1 < len(t) && t[next].isPunct(':') && !t[next].space && t[next+1].kind == tkNum && t[next+1].size() == 2 && !t[next+1].space {
			c.Sec = int(t[next+1].num)
			next += 2
			// Fractional seconds: "18:14:48.123".
			if next+1 < len(t) && t[next].isPunct('.') && !t[next].space && t[next+1].kind == tkNum && !t[next+1].space {
				next += 2
			}
		}
	case t[i].size() <= 2 && i+2 < len(t) && !t[i+1].space && sc.isWord(i+1, "h") && !t[i+2].space &&
		t[i+2].kind == tkNum && t[i+2].size() == 2:
		c = clock{Hour: h, Min: int(t[i+2].num)}
		next = i + 3
	case t[i].size() <= 2 && afterDate && i+2 < len(t) && t[i+1].isPunct('.') && !t[i+1].space && !t[i+2].space &&
		t[i+2].kind == tkNum && t[i+2].size() == 2:
		c = clock{Hour: h, Min: int(t[i+2].num)}
		next = i + 3
	case t[i].size() <= 2:
		// "1 AM", "9am": only with a meridiem.
		if _, _, ok := sc.meridiem(i + 1); ok {
			c = clock{Hour: h}
			next = i + 1
		}
	case t[i].size() == 4:
		// "1000 UTC": military time, only when a zone follows.
		if _, _, ok := sc.zone(i+1, false); ok {
			c = clock{Hour: h / 100, Min: h % 100}
			next = i + 1
		}
	}
	if next < 0 {
		return clock{}, 0, false
	}
	if pm, n, ok := sc.meridiem(next); ok {
		if c.Hour < 1 || c.Hour > 23 || (!pm && c.Hour > 12) {
			return clock{}, 0, false
		}
		// "17:22pm": a 24-hour clock with a stray suffix stays as it is.
		if pm && c.Hour < 12 {
			c.Hour += 12
		} else if !pm && c.Hour == 12 {
			c.Hour = 0
		}
		next = n
	}
	if c.Hour > 24 || c.Min > 59 || c.Sec > 60 || (c.Hour == 24 && (c.Min > 0 || c.Sec > 0)) {
		return clock{}, 0, false
	}
	if c.Sec == 60 {
		c.Sec = 59 // a leap second reads as the second before it
	}
	// A clock glued to more digits is something else ("12:30:45:67",
	// "1:23.4", "1.14.2"), and "4h16m" is a duration.
	if next < len(t) && !t[next].space {
		if t[next].kind == tkNum {
			return clock{}, 0, false
		}
		if (t[next].isPunct(':') || t[next].isPunct('.')) && next+1 < len(t) && !t[next+1].space && t[next+1].kind == tkNum {
			return clock{}, 0, false
		}
		if sc.isWord(next, "m", "min", "mins", "s") {
			return clock{}, 0, false
		}
	}
	return c, next, true
}

// meridiem reads "AM", "pm", "a.m.", "P.M." at token i; pm is true for the
// afternoon.
func (sc *scanner) meridiem(i int) (pm bool, next int, ok bool) {
	t := sc.toks
	var buf [maxKey]byte
	k, ok := sc.lowKey(&buf, i)
	if !ok {
		return false, 0, false
	}
	switch low := string(k); low {
	case "am", "pm":
		return low == "pm", i + 1, true
	case "a", "p":
		if i+3 < len(t) && t[i+1].isPunct('.') && sc.isWord(i+2, "m") && t[i+3].isPunct('.') &&
			!t[i+1].space && !t[i+2].space && !t[i+3].space {
			return low == "p", i + 4, true
		}
	}
	return false, 0, false
}

// zone reads a zone at token i: an abbreviation ("EDT", "UTC", "Z" glued to
// the time), a numeric offset ("+02:00", "UTC+2", "GMT-05:00"), a zone
// name in words ("Pacific Time"), any of them in parentheses. A bare
// negative offset right after a clock ("10:00-04:00") is read only when
// minusOK says the clock is an ISO stamp or has seconds: otherwise it is the
// range "10:00-04:00".
func (sc *scanner) zone(i int, minusOK bool) (zoneHit, int, bool) {
	t := sc.toks
	if i >= len(t) {
		return zoneHit{}, 0, false
	}
	if t[i].isPunct('(') && i+1 < len(t) {
		if z, next, ok := sc.zone(i+1, true); ok && next < len(t) && t[next].isPunct(')') {
			return z, next + 1, true
		}
		return zoneHit{}, 0, false
	}
	if t[i].kind == tkPunct && (t[i].ch() == '+' || t[i].ch() == '-' || t[i].ch() == '−') {
		// "-03" or "-0300" cannot be a range end; "-04:00" can, unless
		// the clock is an ISO stamp or has seconds.
		colon := i+2 < len(t) && t[i+2].isPunct(':') && !t[i+2].space
		if t[i].ch() != '+' && colon && !minusOK {
			return zoneHit{}, 0, false
		}
		if off, next, ok := sc.offset(i); ok && t[i+1].size()%2 == 0 && !sc.rangeEnd(next) {
			return zoneHit{fixedZone("", off), int(t[i].start), int(t[next-1].end)}, next, true
		}
		return zoneHit{}, 0, false
	}
	if t[i].kind != tkWord {
		return zoneHit{}, 0, false
	}
	if z, next, ok := sc.ianaZone(i); ok {
		return zoneHit{z: z}, next, true
	}
	if z, next, ok := sc.zoneName(i); ok {
		return zoneHit{z: z}, next, true
	}
	if sc.isWord(i, "z") && t[i].space {
		return zoneHit{}, 0, false // a lone "Z" word is not a zone unless glued to the time
	}
	z, asWritten, ok := zoneAbbrev(sc.text(i))
	if !ok {
		return zoneHit{}, 0, false
	}
	// Words that are also zone abbreviations must be written in capitals
	// ("est" in "est." is not EST); only "utc" and "gmt" are no English words.
	utcGMT := sc.isWord(i, "utc", "gmt")
	if sc.notUpper(i) && !utcGMT {
		return zoneHit{}, 0, false
	}
	next := i + 1
	if z.Fixed && z.Offset == 0 && utcGMT && next < len(t) {
		if off, n2, ok := sc.offset(next); ok && !sc.rangeEnd(n2) {
			return zoneHit{fixedZone("", off), int(t[i].start), int(t[n2-1].end)}, n2, true
		}
	}
	// A glued trailing letter makes it another word ("UTCs").
	if asWritten {
		return zoneHit{z, int(t[i].start), int(t[i].end)}, next, true
	}
	return zoneHit{z: z}, next, true
}

// zoneOf is the zone h with its name.
func (sc *scanner) zoneOf(h zoneHit) zone {
	if h.from < h.to {
		h.z.Name = sc.src[h.from:h.to]
	}
	return h.z
}

// rangeEnd reports whether what follows an apparent offset shows it was
// the end of a range: a zone or AM/PM after "10:00-11" or "10:00 UTC-11:00"
// belongs to the range's second time.
func (sc *scanner) rangeEnd(next int) bool {
	if next >= len(sc.toks) || sc.toks[next].kind != tkWord {
		return false
	}
	if _, _, ok := sc.meridiem(next); ok {
		return true
	}
	_, _, ok := zoneAbbrev(sc.text(next))
	return ok && !sc.notUpper(next)
}

// offset reads "+02:00", "+0200", "+2", "-5", "+05:30" at token i (the sign).
func (sc *scanner) offset(i int) (int, int, bool) {
	t := sc.toks
	if i+1 >= len(t) || t[i].kind != tkPunct || t[i+1].kind != tkNum || t[i+1].space {
		return 0, 0, false
	}
	sign := 1
	switch t[i].ch() {
	case '+':
	case '-', '−':
		sign = -1
	default:
		return 0, 0, false
	}
	n := t[i+1]
	next := i + 2
	var h, m int
	switch n.size() {
	case 1, 2:
		h = int(n.num)
		if next+1 < len(t) && t[next].isPunct(':') && !t[next].space && t[next+1].kind == tkNum && t[next+1].size() == 2 {
			m = int(t[next+1].num)
			next += 2
		}
	case 4:
		h, m = int(n.num)/100, int(n.num)%100
	default:
		return 0, 0, false
	}
	if h > 14 || m > 59 {
		return 0, 0, false
	}
	return sign * (h*3600 + m*60), next, true
}

// ianaAreas are the first parts of IANA zone names.
var ianaAreas = map[string]bool{
	"us": true, "america": true, "europe": true, "asia": true, "africa": true, "australia": true, "pacific": true,
	"atlantic": true, "indian": true, "etc": true, "canada": true, "brazil": true, "mexico": true, "chile": true,
	"antarctica": true, "arctic": true,
}

// ianaZone reads an IANA zone name glued together at token i
// ("US/Pacific", "America/New_York", "Etc/UTC").
func (sc *scanner) ianaZone(i int) (zone, int, bool) {
	t := sc.toks
	if i+2 >= len(t) || t[i].kind != tkWord || !t[i+1].isPunct('/') || t[i+1].space {
		return zone{}, 0, false
	}
	var buf [maxKey]byte
	if k, ok := sc.lowKey(&buf, i); !ok || !ianaAreas[string(k)] {
		return zone{}, 0, false
	}
	j := i + 1
	for j+1 < len(t) && (t[j].isPunct('/') || t[j].isPunct('_') || t[j].isPunct('-')) && !t[j].space && !t[j+1].space &&
		(t[j+1].kind == tkWord || t[j+1].kind == tkNum) {
		j += 2
	}
	// A copy of the name: the scanner returns no string of its text.
	name := strings.Clone(sc.src[t[i].start:t[j-1].end])
	loc, err := loadIANA(name)
	if err != nil {
		return zone{}, 0, false
	}
	return zone{Name: name, Region: name, loc: loc}, j, true
}

// zoneNameFirst reports whether a word is the first word of a key of
// zoneNames.
func zoneNameFirst(low string) bool {
	switch low {
	case "coordinated", "universal", "greenwich", "eastern", "central", "mountain", "pacific",
		"british", "india", "japan", "australian":
		return true
	}
	return false
}

// zoneName reads a zone written in words, the longest match first
// ("Pacific Daylight Time", "Eastern time").
func (sc *scanner) zoneName(i int) (zone, int, bool) {
	t := sc.toks
	// The words joined by spaces, in a buffer the lookup does not keep.
	var buf [64]byte
	if i >= len(t) || t[i].kind != tkWord || t[i].ascii() && t[i].size() > len("coordinated") {
		return zone{}, 0, false
	}
	if !zoneNameFirst(string(sc.lowWord(buf[:0], i))) {
		return zone{}, 0, false // no name opens with this word
	}
	for n := 5; n >= 1; n-- {
		if i+n > len(t) {
			continue
		}
		key := buf[:0]
		ok := true
		for k := i; k < i+n; k++ {
			if t[k].kind != tkWord {
				ok = false
				break
			}
			if k > i {
				key = append(key, ' ')
			}
			key = sc.lowWord(key, k)
		}
		if !ok {
			continue
		}
		abbr, found := zoneNames[string(key)]
		if !found {
			continue
		}
		// A bare region word ("Pacific", "Eastern") counts only when it is
		// capitalised.
		if first, _ := utf8.DecodeRuneInString(sc.text(i)); n == 1 && !unicode.IsUpper(first) {
			continue
		}
		z, _ := lookupZone(abbr)
		return z, i + n, true
	}
	return zone{}, 0, false
}

// inferYear picks the year for a month and day written without one: the
// year that puts the date nearest ref, so "Dec 31" read in a report of
// January 2024 is 2023.
func inferYear(mo time.Month, day int, ref time.Time) int {
	best, bestDist := ref.Year(), time.Duration(1<<62)
	for y := ref.Year() - 1; y <= ref.Year()+1; y++ {
		if day > daysIn(mo, y) {
			continue
		}
		t := time.Date(y, mo, day, 12, 0, 0, 0, time.UTC)
		d := t.Sub(ref)
		if d < 0 {
			d = -d
		}
		if d < bestDist {
			best, bestDist = y, d
		}
	}
	return best
}

// resolved is a mention turned into an instant.
type resolved struct {
	At   time.Time
	Note string // a zone reading to warn about, or ""
}

// stamp turns a mention that has a date, a clock and a zone into a UTC
// instant. A date without a year takes the year nearest ref (when ref is
// set); a weekday that does not fit the date is reported.
func (m mention) stamp(ref time.Time) (resolved, error) {
	if m.Date == nil || m.Clock == nil || m.Zone == nil {
		return resolved{}, fmt.Errorf("%q: want a date, a time and a zone", m.Text)
	}
	return stampParts(m.Text, *m.Date, *m.Clock, *m.Zone, ref)
}

// stampParts is the stamp of a mention written text with date d, clock c
// and zone z.
func stampParts(text string, d date, c clock, z zone, ref time.Time) (resolved, error) {
	if d.Year == 0 {
		if ref.IsZero() {
			return resolved{}, fmt.Errorf("%q: the date has no year and the report gives none", text)
		}
		d.Year = inferYear(d.Month, d.Day, ref)
	}
	if !d.valid() {
		return resolved{}, fmt.Errorf("%q: no such date", text)
	}
	at, note := z.at(d, c)
	return resolved{At: at, Note: note}, nil
}

// weekdayMismatch reports a weekday that does not fit the date ("Thursday,
// November 6" in 2019, a Wednesday).
func weekdayMismatch(wd *time.Weekday, d date) (string, bool) {
	if wd == nil || d.Year == 0 {
		return "", false
	}
	actual := time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC).Weekday()
	if actual == *wd {
		return "", false
	}
	return fmt.Sprintf("the text says %s but %s was a %s", *wd, d, actual), true
}

// readStamp reads text that must hold a full date/time/zone stamp (a
// "Posted" line, an aggregator update line). Extra words after the stamp
// are not allowed; ref supplies a missing year. yearless reports whether
// the text holds a date without a year, for which a reader that could not
// read the stamp looks for a year and reads it again.
//
// The readers once had the stamp's whole mention for this (parseStamp in
// the tests, which describe their failures with it): made for every
// stamp, it was a seventh of the reading.
func readStamp(s string, ref time.Time, order dateOrder) (r resolved, yearless bool, err error) {
	var f found
	r, ok, err := stampFound(s, ref, order, &f)
	return r, ok && f.hasDate && f.d.Year == 0, err
}

// stampFound is readStamp reading what the scanner finds into f; ok
// reports whether it found anything, and f holds it then.
func stampFound(s string, ref time.Time, order dateOrder, f *found) (r resolved, ok bool, err error) {
	ok = quickStamp(s, f)
	if !ok {
		*f, ok = firstFound(s, order)
	}
	if !ok {
		return resolved{}, false, fmt.Errorf("%q: want a date and time such as \"Apr 11, 2023 - 14:55 EDT\"", strings.TrimSpace(s))
	}
	if !f.hasDate || !f.hasC {
		return resolved{}, true, fmt.Errorf("%q: want a date and a time such as \"Apr 11, 2023 - 14:55 EDT\"", strings.TrimSpace(s))
	}
	if !f.hasZ {
		return resolved{}, true, fmt.Errorf("%q: the time has no zone (want one such as UTC, EDT or +02:00)", strings.TrimSpace(s))
	}
	r, err = stampParts(s[f.from:f.to], f.d, f.c, f.zone(s), ref)
	return r, true, err
}

// quickStamp reads the whole of s when it is a stamp of the two shapes
// status pages and aggregators write most, "Feb 09, 2019 - 14:37 GMT" and
// "Jun 18, 2019, 08:53 AM UTC", as the scanner would, without lexing it:
// a capitalised three-letter month, a day, a year, " - " or ", ", hours
// and minutes, an optional AM or PM, and a zone abbreviation in capitals.
// It returns false for anything else, which is left to the scanner, and
// writes f only when it returns true: returning a found, which is some
// 200 bytes, cleared and copied one on every call. f must be a zero found
// (every caller's is new): the fields a stamp of these shapes leaves zero
// are not written again, and the others are written one by one, which
// cost half of what a found written whole did.
func quickStamp(s string, f *found) bool {
	if len(s) < len("Feb 9, 2019, 1:37 Z") || s[3] != ' ' {
		return false
	}
	mo := quickMonth(s[:3])
	if mo == 0 {
		return false
	}
	i := 4
	day, i := quickDigits(s, i, 1, 2)
	if i < 0 || !strings.HasPrefix(s[i:], ", ") {
		return false
	}
	year, i := quickDigits(s, i+2, 4, 4)
	if i < 0 || year < 1970 || year > 2200 {
		return false
	}
	d := date{year, time.Month(mo), day}
	if day < 1 || !d.valid() {
		return false
	}
	switch {
	case strings.HasPrefix(s[i:], " - "):
		i += 3
	case strings.HasPrefix(s[i:], ", "):
		i += 2
	default:
		return false
	}
	ctFrom := i
	hour, i := quickDigits(s, i, 1, 2)
	if i < 0 || i >= len(s) || s[i] != ':' {
		return false
	}
	minute, i := quickDigits(s, i+1, 2, 2)
	if i < 0 || i >= len(s) || s[i] != ' ' {
		return false
	}
	c := clock{Hour: hour, Min: minute}
	if rest := s[i+1:]; len(rest) > 3 && rest[2] == ' ' && (rest[1] == 'M' || rest[1] == 'm') &&
		(rest[0]|0x20 == 'a' || rest[0]|0x20 == 'p') {
		pm := rest[0]|0x20 == 'p'
		if c.Hour < 1 || c.Hour > 23 || (!pm && c.Hour > 12) {
			return false
		}
		if pm && c.Hour < 12 {
			c.Hour += 12
		} else if !pm && c.Hour == 12 {
			c.Hour = 0
		}
		i += 3
	}
	if c.Hour > 24 || c.Min > 59 || (c.Hour == 24 && c.Min > 0) {
		return false
	}
	ctTo := i
	zoneFrom := i + 1
	abbr := s[zoneFrom:]
	if len(abbr) < 2 || len(abbr) > maxAbbrev {
		return false // "Z" alone after a space is no zone
	}
	for k := 0; k < len(abbr); k++ {
		if abbr[k] < 'A' || abbr[k] > 'Z' {
			return false
		}
	}
	z, ok := quickZone(abbr)
	if !ok {
		return false
	}
	f.to, f.d, f.c, f.ctFrom, f.ctTo = len(s), d, c, ctFrom, ctTo
	f.z = zoneHit{z: z, from: zoneFrom, to: len(s)}
	f.hasDate, f.hasC, f.hasZ = true, true, true
	return true
}

// quickZone is zoneAbbrevs[abbr], with the zone of UTC's two common
// abbreviations, in which most stamps are written, known without the map
// lookup, which was a third of quickStamp.
func quickZone(abbr string) (zone, bool) {
	if abbr == "UTC" || abbr == "GMT" {
		return zone{Fixed: true}, true
	}
	z, ok := zoneAbbrevs[abbr]
	return z, ok
}

// quickMonth is the month a capitalised three-letter abbreviation names,
// or 0, by a switch: a loop over the twelve was a fifth of quickStamp.
func quickMonth(w string) int {
	switch w {
	case "Jan":
		return 1
	case "Feb":
		return 2
	case "Mar":
		return 3
	case "Apr":
		return 4
	case "May":
		return 5
	case "Jun":
		return 6
	case "Jul":
		return 7
	case "Aug":
		return 8
	case "Sep":
		return 9
	case "Oct":
		return 10
	case "Nov":
		return 11
	case "Dec":
		return 12
	}
	return 0
}

// quickDigits reads min to max ASCII digits at s[i:] followed by a
// non-digit or the end; next is -1 when there are none such.
//
// It tests a byte once, as its distance from '0' (a byte below '0' wraps
// round to a large one), and bounds the loop once, by the end of s or of
// max digits, whichever comes first; i is at most len(s) at every call, and
// past it the loop does not run and fewer than min digits are read.
func quickDigits(s string, i, min, max int) (v, next int) {
	end := i + max
	if end > len(s) {
		end = len(s)
	}
	j := i
	for ; j < end; j++ {
		c := s[j] - '0'
		if c > 9 {
			break
		}
		v = v*10 + int(c)
	}
	if j-i < min || j < len(s) && s[j]-'0' <= 9 {
		return 0, -1
	}
	return v, j
}
