package ingest

// This file reads postmortem and update prose, whatever format it came in:
// stated impact windows ("from 18:14:48 to 18:33:20 UTC"), stated durations
// ("lasted for about 15 minutes"), and narrative timelines ("13h03: users
// start reporting ..."). Dates and zones come from when.go.

import (
	"cmp"
	"fmt"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
	"unsafe"
)

// proseBlock is a piece of prose a format reader hands over: a postmortem or
// an update body, as numbered lines.
type proseBlock struct {
	Lines      []line
	Postmortem bool
}

// anchor is what the status updates say about when the incident happened;
// it gives times without a date their most plausible date.
type anchor struct {
	First, Last time.Time // first update, last update before any postmortem
	OK          bool
}

// newAnchor builds an anchor from updates ordered oldest first.
func newAnchor(ups []Update) anchor {
	var a anchor
	for _, u := range ups {
		if u.Status == StatusPostmortem {
			continue
		}
		if !a.OK || u.At.Before(a.First) {
			a.First = u.At
		}
		if !a.OK || u.At.After(a.Last) {
			a.Last = u.At
		}
		a.OK = true
	}
	if !a.OK && len(ups) > 0 {
		a = anchor{First: ups[0].At, Last: ups[0].At, OK: true}
	}
	return a
}

// distance scores how far t lies from the updates' span; times before the
// first update count half, since impact usually starts before anyone posts.
func (a anchor) distance(t time.Time) time.Duration {
	switch {
	case t.Before(a.First):
		return a.First.Sub(t) / 2
	case t.After(a.Last):
		return t.Sub(a.Last)
	}
	return 0
}

// dateFor picks the date for a clock reading in zone z that has none: the
// local date around the first update that puts it nearest the updates.
func (a anchor) dateFor(c clock, z zone) (date, bool) {
	if !a.OK {
		return date{}, false
	}
	probe := date{a.First.Year(), a.First.Month(), a.First.Day()}
	off := z.offsetOn(probe, clock{Hour: 12})
	local := a.First.Add(time.Duration(off) * time.Second)
	base := date{local.Year(), local.Month(), local.Day()}
	best, bestDist := base, time.Duration(1<<62)
	for delta := -1; delta <= 1; delta++ {
		d := base.addDays(delta)
		t, _ := z.at(d, c)
		if dist := a.distance(t); dist < bestDist {
			best, bestDist = d, dist
		}
	}
	return best, true
}

// yearRef is the time used to give a year to a date written without one.
func (a anchor) yearRef() time.Time {
	if a.OK {
		return a.First
	}
	return time.Time{}
}

// proseFacts is what the prose says.
type proseFacts struct {
	Start, End *Stated
	Duration   *StatedDuration
	durRank    int
	Timeline   []TimelineEntry
	Warnings   []Warning
}

// proseReader reads a document's prose blocks.
type proseReader struct {
	order   dateOrder
	anchor  anchor
	docDate *date
	assume  *zone
	facts   proseFacts
	// ranks of facts.Start and facts.End (rankNone when unknown)
	startRank, endRank int
	in                 proseInput
	// ownDate says the sentence being read writes a date of its own (not
	// one carried from an earlier sentence); endOwnDate says so of the
	// sentence that gave the impact end.
	ownDate, endOwnDate bool
	// dates the document states or posts on; gathered on first need.
	dates map[date]bool
	// low is the lower-case copy of the paragraph being read, made on
	// first need.
	low lazyLower
	// mem is the memory the reader works in, borrowed from proseMems.
	mem *proseMem
	// blockZ is the zone the block being read states, when it states one
	// (blockZoneInto writes it then, and only then): a field, not a
	// variable of block, which was zeroed for every block.
	blockZ zone
}

// proseMem is the memory a proseReader reuses from block to block, and
// from document to document through proseMems: none of it is part of
// the facts a reader returns, and no fact points into it.
type proseMem struct {
	// paras holds a block's paragraphs, which are not kept past it.
	paras paraBuf
	// rest holds, for one timeline line at a time, the mentions after
	// its list prefix (mentionsAfter).
	rest []mention
	// lineMs and lineParts are the memory of the timeline's scans
	// (scanMentionsInto): lineMs holds one line's mentions at a time;
	// lineParts the parts of all mentions of a block's lines, which its
	// raw entries point to until they are settled, and is cut back at the
	// next block's timeline. sentMs and sentParts are the same for
	// sentences: sentParts is cut back at each paragraph, whose context
	// date (a sentence's) points into it.
	lineMs, sentMs       []mention
	lineParts, sentParts []mentionParts
	// raws, bare and isEntry are the memory of timeline: a block's raw
	// entries are settled, and its entry lines read by paragraphs,
	// before the next block's timeline.
	raws, bare []rawEntry
	isEntry    []int
	// paraLow is where the lower-case copy of the paragraph being read
	// is made (lazyLower.lower): it is read by that paragraph's
	// sentences only, and no fact keeps a string of it.
	paraLow []byte
	// toks holds the tokens of the line or sentence last scanned for
	// mentions (scanMentionsIntoAt): no token is read after its scan.
	toks []token
	// lows holds the lower-case copy of each timeline entry's text when
	// it is ASCII (lowerEntries), one for each entry of facts.Timeline;
	// lowBuf is where the copies are made, those of each block after
	// those of the blocks before it: lows' strings share its bytes, which
	// are not written again until clearDoc cuts it back.
	lows   []string
	lowBuf []byte
	// used is the most elements of each buffer that point into the
	// document (see use): release clears no more than these, where
	// clearing each buffer's whole capacity, kept from larger documents,
	// was a tenth of the reader's time on status pages.
	used memUse
}

// memUse holds the most elements of each buffer of a proseMem the reader
// filled for the document.
type memUse struct {
	paras, rest, lineMs, sentMs, lineParts, sentParts, raws, bare int
}

// use is s, noting in *n how many of its elements are filled: a buffer is
// only ever filled from its start, so those are all it has written.
func use[T any](s []T, n *int) []T {
	*n = max(*n, len(s))
	return s
}

// proseMems lends proseMem to readers: a document's reader made a dozen
// allocations for memory the last document's reader had just let go.
// It is safe to share: a proseMem is lent to one reader at a time, which
// returns it when it is done, cleared of what points into its document,
// and no fact the reader returns points into it.
var proseMems = sync.Pool{New: func() any { return new(proseMem) }}

// maxKeptMem is the most elements a buffer of a proseMem keeps when it is
// given back: memory a huge document needed is left to the collector.
const maxKeptMem = 4096

// release clears m of what points into the document just read (so that
// the document can be collected) and gives it back to proseMems. Buffers
// of numbers and bytes point to nothing and are kept as they are.
func (m *proseMem) release() {
	m.clearDoc()
	proseMems.Put(m)
}

// clearDoc clears m of what points into the document just read.
func (m *proseMem) clearDoc() {
	u := &m.used
	m.paras.out = keptClear(m.paras.out, u.paras)
	m.rest = keptClear(m.rest, u.rest)
	m.lineMs, m.sentMs = keptClear(m.lineMs, u.lineMs), keptClear(m.sentMs, u.sentMs)
	m.lineParts, m.sentParts = keptClear(m.lineParts, u.lineParts), keptClear(m.sentParts, u.sentParts)
	m.raws, m.bare = keptClear(m.raws, u.raws), keptClear(m.bare, u.bare)
	m.lows = keptClear(m.lows, len(m.lows)) // never cut back
	if cap(m.paras.nums) > maxKeptMem {
		m.paras.nums = nil
	}
	if cap(m.isEntry) > maxKeptMem {
		m.isEntry = nil
	}
	m.lowBuf = m.lowBuf[:0] // lows, which shared its bytes, is cleared
	if cap(m.lowBuf) > maxKeptMem*64 {
		m.lowBuf = nil
	}
	if cap(m.paraLow) > maxKeptMem*64 {
		m.paraLow = nil
	}
	if cap(m.toks) > maxKeptMem {
		m.toks = nil
	}
	m.used = memUse{}
}

// keptClear is s emptied with its first used elements zeroed (use counted
// them: the rest were not written for this document), or nil when s is
// too large to keep.
func keptClear[T any](s []T, used int) []T {
	if cap(s) > maxKeptMem {
		return nil
	}
	clear(s[:min(used, cap(s))])
	return s[:0]
}

// proseInput is what the prose reader needs besides the text.
type proseInput struct {
	blocks  []proseBlock // postmortem first: earlier blocks win ties
	order   dateOrder
	updates []Update
	// docDate is the date the document is about (its title, a timeline's
	// "All times in PST, on February 8th 2019", front matter), for times
	// without a date in a document without updates.
	docDate *date
	// assume is the zone given by --assume-zone for times with none.
	assume *zone
}

// readProse reads the blocks in order; earlier blocks win when two state
// the same fact, so callers pass the postmortem first.
func readProse(in proseInput) proseFacts {
	m := proseMems.Get().(*proseMem)
	defer m.release()
	return readProseIn(in, m)
}

// readProseIn is readProse working in m.
func readProseIn(in proseInput, m *proseMem) proseFacts {
	r := &proseReader{order: in.order, anchor: newAnchor(in.updates), docDate: in.docDate, assume: in.assume, in: in, mem: m}
	for _, b := range in.blocks {
		r.block(b)
	}
	r.ownDate = true // narrative entries are dated by their own timeline
	r.narrativeWindow()
	// An end written without a date of its own ("restored at 00:35 UTC")
	// after a start late the evening before has passed midnight.
	if st, en := r.facts.Start, r.facts.End; st != nil && en != nil && en.At.Before(st.At) &&
		!r.endOwnDate && st.At.Sub(en.At) < 24*time.Hour {
		moved := *en
		moved.At = en.At.Add(24 * time.Hour)
		r.facts.End = &moved
		r.warn(en.Line, "the stated end has no date and falls before the start: read as the next day")
	}
	return r.facts
}

// corroborated reports whether the document confirms a date: an update was
// posted that day, or the date is written somewhere. It is asked only when
// a weekday does not fit, so the dates are gathered then.
func (r *proseReader) corroborated(d date) bool {
	if r.dates == nil {
		r.dates = map[date]bool{}
		for _, u := range r.in.updates {
			r.dates[date{u.At.Year(), u.At.Month(), u.At.Day()}] = true
		}
		for _, b := range r.in.blocks {
			for _, l := range b.Lines {
				for _, m := range scanMentions(l.Text, r.order) {
					if m.Date != nil && m.Date.Year != 0 {
						r.dates[*m.Date] = true
					}
				}
			}
		}
	}
	return r.dates[d]
}

// dateFor gives a clock without a date its date: from the updates when
// there are any, else the document's own date.
func (r *proseReader) dateFor(c clock, z zone) (date, bool) {
	if d, ok := r.anchor.dateFor(c, z); ok {
		return d, true
	}
	if r.docDate != nil && r.docDate.Year != 0 {
		return *r.docDate, true
	}
	return date{}, false
}

// yearFor gives a date written without a year its year; ok is false when
// neither updates nor a document date say which.
func (r *proseReader) yearFor(d date) (date, bool) {
	if d.Year != 0 {
		return d, true
	}
	switch {
	case r.anchor.OK:
		d.Year = inferYear(d.Month, d.Day, r.anchor.yearRef())
	case r.docDate != nil && r.docDate.Year != 0:
		d.Year = inferYear(d.Month, d.Day, time.Date(r.docDate.Year, r.docDate.Month, r.docDate.Day, 12, 0, 0, 0, time.UTC))
	default:
		return d, false
	}
	return d, d.valid()
}

// zoneOr is z, or the assumed zone when z is nil; assumed reports the
// latter.
func (r *proseReader) zoneOr(z *zone) (zz *zone, assumed bool) {
	if z == nil && r.assume != nil {
		return r.assume, true
	}
	return z, false
}

func (r *proseReader) warn(line int, msg string) {
	r.facts.Warnings = append(r.facts.Warnings, Warning{Line: line, Msg: msg})
}

// block reads one block: zone statement, timeline entries, then sentences.
func (r *proseReader) block(b proseBlock) {
	// The block's zone is kept in the reader, whose readers it is handed
	// to keep only its name: nothing points to it past this call.
	var z *zone
	if blockZoneInto(b.Lines, r.order, &r.blockZ) {
		z = &r.blockZ
	}
	entryLines := r.timeline(b.Lines, z)
	for _, p := range use(r.mem.paras.paragraphs(b.Lines, entryLines), &r.mem.used.paras) {
		var ctxDate *date
		r.mem.sentParts = r.mem.sentParts[:0] // no date of an earlier paragraph is kept
		// A sentence without a digit has no date or time (scanMentions
		// finds none), and without a unit or relative word it is left as
		// soon as its own date is cleared: a paragraph with none of them
		// is not split into sentences at all.
		ascii, hint := paragraphHints(p.Text)
		// An ASCII paragraph is lower-cased once, for all its sentences,
		// when one of them needs it.
		r.low = lazyLower{text: p.Text, ascii: ascii}
		if ascii && !hint {
			r.ownDate = false // as its sentences would have left it
			continue
		}
		eachSentence(p, func(s sentence) {
			s.ascii = ascii
			r.sentence(s, z, &ctxDate)
		})
	}
}

// zoneCue finds statements that say which zone a document's times are in:
// "All times are in UTC", "Timeline (UTC)", "(all times in PDT)".
var zoneCue = newWordCue(`(?i)\b(all times|times are|times in|times shown|times listed|timestamps|timeline|time line|chronology)\b|\btimes?\s*\(`)

// blockZone returns the zone a block says all its times are in, if any.
func blockZone(ls []line, order dateOrder) *zone {
	var z zone
	if blockZoneInto(ls, order, &z) {
		return &z
	}
	return nil
}

// blockZoneInto is blockZone writing the zone to *z, and reporting whether
// there is one: the prose reader keeps it on its own stack, where
// blockZone's result took an allocation for every block that states a
// zone. *z is written only when there is one (a zone returned as a value
// was copied for every block, most of which state none).
func blockZoneInto(ls []line, order dateOrder, z *zone) bool {
	for _, l := range ls {
		if !mayNameTime(l.Text) {
			continue // no "time", "Timeline", "timestamps", "chronology"
		}
		if !mayCueZone(l.Text) {
			continue
		}
		// The matches of zoneCue.All, looked for as All does: a loop of
		// the function's own, not a range over All, lets the tokens of
		// the text after one stay on the stack (a variable of the body of
		// a range over a function is one of a closure, which moved it to
		// the heap). lexInto gives the tokens lex gives, in memory of its
		// own only when there are more than fit.
		if zoneCue.cannot(l.Text) {
			continue
		}
		for from := 0; ; {
			_, locEnd, ok := zoneCue.next(l.Text, from)
			if !ok {
				break
			}
			from = locEnd // a match is never empty
			rest := l.Text[locEnd:]
			var tokBuf [32]token
			sc := scanner{src: rest, toks: lexInto(tokBuf[:0], rest, 0), order: order}
			for i := 0; i < len(sc.toks) && i < 6; i++ {
				if sc.toks[i].kind == tkNum {
					break
				}
				if h, _, ok := sc.zone(i, true); ok {
					// sc.zoneOf(h), named from rest, not sc.src: a
					// string of sc would take its tokens to the heap.
					*z = h.in(rest)
					return true
				}
			}
		}
	}
	return false
}

// mayNameTime reports whether s holds "ime", "IME" or "hronolog": three
// searches with strings.IndexByte, which compares many bytes at once, run
// twice as fast on prose lines as one pass byte by byte. Each looks for
// the word's rarest letter ("m", "M", "g"), not its first, as
// strings.Contains would: "i" and "h" are three times as common.
func mayNameTime(s string) bool {
	return containsBy(s, "ime", 1) || containsBy(s, "IME", 1) || containsBy(s, "hronolog", 7)
}

// containsBy reports whether s holds word, looking for word[k] first.
func containsBy(s, word string, k int) bool {
	c := word[k]
	for i := k; i < len(s); {
		j := strings.IndexByte(s[i:], c)
		if j < 0 {
			return false
		}
		if p := i + j - k; p+len(word) <= len(s) && s[p:p+len(word)] == word {
			return true
		}
		i += j + 1
	}
	return false
}

// mayCueZone is a cheap test zoneCue cannot match without: "time" in any
// case followed by "s", "l", " line" or "(" after any white space (an "ſ"
// folds to "s"), or "chronology". Both hold an "m" or a "g" in either
// case, two letters in twenty of English: eight bytes at a time are tested
// for one, and only where there is one is a word looked for.
func mayCueZone(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		// Or-ing 0x20 makes "M" "m" and "G" "g", and no other byte
		// either; a byte that is then "m" or "g" is 0 after the xor. The
		// test marks the high bit of every 0 byte, and of some bytes
		// after one: each marked byte is looked at.
		y := x | 0x2020202020202020
		m, g := y^0x6d6d6d6d6d6d6d6d, y^0x6767676767676767
		for hit := ((m-ones)&^m | (g-ones)&^g) & highs; hit != 0; hit &= hit - 1 { // zeroBytes of both, masked once
			if cueWordAt(s, i+bits.TrailingZeros64(hit)/8) {
				return true
			}
		}
	}
	for ; i < len(s); i++ {
		if cueWordAt(s, i) {
			return true
		}
	}
	return false
}

// cueWordAt reports whether s[p], an "m" or "g" in either case, is that
// of a "time" or "chronology" mayCueZone looks for.
func cueWordAt(s string, p int) bool {
	switch s[p] | 0x20 {
	case 'm':
		return p >= 2 && cueTimeAt(s, p-2)
	case 'g':
		return p >= 8 && cueChronologyAt(s, p-8)
	}
	return false
}

// cueTimeAt reports whether mayCueZone's "time" and what follows it is at
// s[i:].
func cueTimeAt(s string, i int) bool {
	if i+4 >= len(s) || s[i]|0x20 != 't' || s[i+1]|0x20 != 'i' || s[i+2]|0x20 != 'm' || s[i+3]|0x20 != 'e' {
		return false
	}
	switch s[i+4] {
	case 's', 'S', 'l', 'L', '(':
		return true
	case ' ', '\t', '\n', '\f', '\r':
		// Only "time line" and "time (" go on after a space.
		if s[i+4] == ' ' && len(s)-i >= len("time line") && strings.EqualFold(s[i+5:i+9], "line") {
			return true
		}
		j := i + 4
		for j < len(s) && strings.IndexByte(" \t\n\f\r", s[j]) >= 0 {
			j++
		}
		return j < len(s) && s[j] == '('
	case 0xc5: // "ſ" is c5 bf
		return i+5 < len(s) && s[i+5] == 0xbf
	}
	return false
}

// cueChronologyAt reports whether "chronology" in any case is at s[i:].
func cueChronologyAt(s string, i int) bool {
	return i+4 < len(s) && len(s)-i >= len("chronology") && strings.EqualFold(s[i:i+len("chronology")], "chronology")
}

// mayOpenEntry is a cheap test a line of a block, whose list prefix
// (entryPrefixLen) is k bytes long and whose first digit is at d, must
// pass for the timeline to read an entry or a date from it, made
// before its mentions are scanned: most lines with a digit are prose, and
// the scan was most of the timeline's time. A line fails it when it is no
// heading, its text after the list prefix cannot open with a mention
// (mayOpenMention), and it cannot hold two entries run together
// (mayHoldInline): the entry, the date line and the bare entry all need a
// mention at the start of that text, and the timeHeading heading opens
// with "#".
func mayOpenEntry(text string, k, d int) bool {
	if k < 0 || k > len(text) || d < 0 || d >= len(text) {
		return true // not a line's prefix and digit: the line is scanned
	}
	return text[0] == '#' || mayOpenMention(text[k:]) || mayHoldInline(text[d:])
}

// mayOpenMention is a cheap test scanMentions(s) cannot find a mention at
// s[0] without. A mention opens with a token the scanner's mayStart lets
// through: a number, a word with a letter beyond ASCII, or an ASCII word
// that opens with one of "jfmasondtw" in either case. s[0] opens none of
// these when it is white space, ASCII punctuation or a control byte, or a
// letter outside those ten whose word is ASCII: the run of bytes up to
// the first ASCII white space holds none beyond ASCII.
func mayOpenMention(s string) bool {
	if s == "" {
		return false
	}
	c := s[0]
	switch {
	case '0' <= c && c <= '9', c >= utf8.RuneSelf:
		return true
	case 'a' <= c|0x20 && c|0x20 <= 'z':
		if strings.IndexByte("jfmasondtw", c|0x20) >= 0 {
			return true
		}
		for i := 1; i < len(s) && byteClasses[s[i]] != bcSpace; i++ {
			if s[i] >= utf8.RuneSelf {
				return true
			}
		}
	}
	return false
}

// mayHoldInline is a cheap test inlineEntries cannot find two entries in
// text without: a digit, then a separator byte, then a digit, then a
// separator byte. Each entry is a mention with a clock, which holds a
// digit, followed by a separator entrySepLen reads, which holds one of
// ":", "-", "|", "]", ")" or the first byte of a long dash; between the
// two are only white space and emphasis marks, where the second mention,
// which opens with a number or a word, cannot start.
//
// Its callers hand it the text from its first digit on.
func mayHoldInline(text string) bool {
	state := 0 // how many of digit, separator, digit, separator were seen
	for i := 0; i < len(text); i++ {
		c := text[i]
		if state&1 == 0 {
			if '0' <= c && c <= '9' {
				state++
			}
			continue
		}
		switch c {
		case ':', '-', '|', ']', ')', 0xe2:
			if state++; state == 4 {
				return true
			}
		}
	}
	return false
}

// mayOpenEntryPrefix is a cheap test entryPrefix cannot match a byte
// without: the text opens with a mark it allows or a digit.
func mayOpenEntryPrefix(s string) bool {
	return s != "" && (strings.IndexByte("-*+>|#[(", s[0]) >= 0 || '0' <= s[0] && s[0] <= '9' || strings.HasPrefix(s, "•"))
}

// entryPrefixLen is the length of entryPrefix's match in s, found
// without the expression, whose every call costs more than a timeline line
// takes to read otherwise: runs of marks, each followed by any white space,
// and list numbers ("12." or "3)") followed by some.
func entryPrefixLen(s string) int {
	i := 0
	for {
		j := i
		for j < len(s) {
			if strings.IndexByte("-*+>|#[(", s[j]) >= 0 {
				j++
			} else if strings.HasPrefix(s[j:], "•") {
				j += len("•")
			} else {
				break
			}
		}
		if j > i { // marks, then white space if any
			i = skipRESpace(s, j)
			continue
		}
		// One to three digits, then "." or ")" and white space: a
		// fourth digit fails, as the expression's \d{1,3} does.
		d := i
		for d < len(s) && d-i < 3 && '0' <= s[d] && s[d] <= '9' {
			d++
		}
		if d == i || d+1 >= len(s) || s[d] != '.' && s[d] != ')' || !isRESpace(s[d+1]) {
			return i
		}
		i = skipRESpace(s, d+1)
	}
}

// entrySepLen is the length of entrySep's match in s, 0 for none (it
// matches no empty text), found without the expression. It reads as the
// expression does: white space, one emphasis mark if one lets a separator
// follow ("**" before "*", "__" before "_"), white space, then ":", "|"
// or a dash, or "]" or ")" with a ":" or dash after it if any, and white
// space after that. The expression's " - " alternative adds nothing: the
// white space before a dash is always taken first.
func entrySepLen(s string) int {
	p := skipRESpace(s, 0)
	for _, mark := range [...]string{"**", "*", "__", "_", ""} {
		if !strings.HasPrefix(s[p:], mark) {
			continue
		}
		q := skipRESpace(s, p+len(mark))
		if n := sepMarkLen(s[q:], true); n > 0 {
			return skipRESpace(s, q+n)
		}
		if q < len(s) && (s[q] == ']' || s[q] == ')') {
			r := skipRESpace(s, q+1)
			return skipRESpace(s, r+sepMarkLen(s[r:], false))
		}
	}
	return 0
}

// sepMarkLen is the length of the ":", dash ("-", "–", "—") or, when bar
// is set, "|" s opens with, or 0.
func sepMarkLen(s string, bar bool) int {
	switch {
	case s == "":
		return 0
	case s[0] == ':' || s[0] == '-' || bar && s[0] == '|':
		return 1
	case strings.HasPrefix(s, "–"), strings.HasPrefix(s, "—"):
		return len("–")
	}
	return 0
}

// rawEntry is a timeline entry before its date and zone are settled.
type rawEntry struct {
	line int
	m    mention
	text string
	// ctx is the date in force where the entry stands, when hasCtx.
	ctx    date
	hasCtx bool
}

// timeline reads narrative timeline entries from the lines of a block and
// returns the numbers of the lines that are entries, in order, each once.
func (r *proseReader) timeline(ls []line, z *zone) []int {
	raws, isEntry := r.mem.raws[:0], r.mem.isEntry[:0]
	bare := r.mem.bare[:0] // entries without a separator, kept if there are several
	var cur date           // the date in force, when hasCur
	hasCur := false
	// push records an entry with the date in force.
	push := func(e rawEntry) {
		e.ctx, e.hasCtx = cur, hasCur
		raws = append(raws, e)
		isEntry = append(isEntry, e.line)
	}
	// add records an entry; a dated entry dates the ones after it.
	add := func(n int, m mention, text string) {
		push(rawEntry{line: n, m: m, text: text})
		if m.Date != nil {
			cur, hasCur = *m.Date, true
		}
	}
	// The raw entries of the last block, which pointed into lineParts,
	// were settled before it ended.
	r.mem.lineParts = r.mem.lineParts[:0]
	for li, l := range ls {
		d := indexDigit(l.Text)
		if d < 0 {
			continue // no mention: each holds a digit
		}
		prefix := ""
		if mayOpenEntryPrefix(l.Text) {
			prefix = l.Text[:entryPrefixLen(l.Text)]
		}
		if !mayOpenEntry(l.Text, len(prefix), d) {
			continue // no mention of the line would make an entry: it is not scanned
		}
		var all []mention
		var parts []mentionParts
		all, parts = scanMentionsIntoAt(r.mem.lineMs[:0], r.mem.lineParts, l.Text, d, r.order, &r.mem.toks)
		r.mem.lineMs, r.mem.lineParts = use(all, &r.mem.used.lineMs), use(parts, &r.mem.used.lineParts)
		if len(all) == 0 {
			continue
		}
		// A heading that is only a time ("### 14:16", "### 2018-07-30 ca.
		// 11:20") heads an entry whose text is the prose below it.
		if m, ok := timeHeadingBy(l.Text, r.lineMentions); ok {
			if text := cleanEntry(sectionText(ls[li+1:])); text != "" {
				add(l.N, m, text)
			}
			continue
		}
		rest := l.Text[len(prefix):]
		ms := all
		if prefix != "" {
			var ok bool
			// mentionsAfter fills at most len(all) elements of rest, also
			// when it cannot answer.
			r.mem.used.rest = max(r.mem.used.rest, len(all))
			if ms, ok = mentionsAfter(r.mem.rest, all, l.Text, len(prefix)); ok {
				r.mem.rest = ms
			} else {
				ms = r.lineMentions(rest)
			}
		}
		if len(ms) > 0 && ms[0].Start == 0 {
			m := ms[0]
			after := rest[m.End:]
			if m.Clock == nil {
				// A date line ("2026-01-29 (all times in UTC)", "March
				// 10:") sets the date of the entries that follow.
				if m.Date != nil && len(strings.TrimSpace(after)) < 40 {
					cur, hasCur = *m.Date, true
				}
			} else if sep := after[:entrySepLen(after)]; sep != "" {
				text := strings.TrimSpace(after[len(sep):])
				// A range "10:02 - 10:47 UTC: text" keeps its first time.
				if len(ms) > 1 && ms[1].Clock != nil && ms[1].Start == m.End+len(sep) {
					if n2 := entrySepLen(rest[ms[1].End:]); n2 > 0 {
						text = strings.TrimSpace(rest[ms[1].End+n2:])
						if m.Zone == nil {
							m.Zone = ms[1].Zone
						}
					}
				}
				if text = cleanEntry(text); text != "" {
					add(l.N, m, text)
					continue
				}
			}
		}
		// "15:47 Rollback started": a time and words with no separator,
		// an entry when the block has two or more such lines.
		if len(ms) > 0 && ms[0].Start == 0 && ms[0].Clock != nil {
			if after := rest[ms[0].End:]; len(after) > 1 && after[0] == ' ' && unicode.IsLetter([]rune(strings.TrimLeft(after, " *_") + " ")[0]) {
				bare = append(bare, rawEntry{line: l.N, m: ms[0], text: cleanEntry(after), ctx: cur, hasCtx: hasCur})
			}
		}
		// A timeline flattened onto one line: "13h03: users ... 13h07: ...".
		if in := inlineEntries(l, all); len(in) >= 2 {
			for _, e := range in {
				push(e)
			}
		}
	}
	if len(bare) >= 2 {
		for _, b := range bare {
			raws = append(raws, b) // with the date in force at its line
			isEntry = append(isEntry, b.line)
		}
		sortRaw(raws)
	}
	r.settleEntries(raws, z)
	if len(isEntry) > 1 {
		slices.Sort(isEntry)
		isEntry = slices.Compact(isEntry)
	}
	r.mem.raws, r.mem.bare = use(raws, &r.mem.used.raws), use(bare, &r.mem.used.bare)
	r.mem.isEntry = isEntry
	return isEntry
}

// lineMentions is scanMentions(s, r.order) in the reader's memory, for
// the timeline's second scans of a line (its text after the list prefix,
// its heading's title): the mentions are kept in rest, their parts in
// lineParts with those of the lines' own scans, which the block's raw
// entries point into until they are settled.
func (r *proseReader) lineMentions(s string) []mention {
	ms, parts := scanMentionsIntoAt(r.mem.rest[:0], r.mem.lineParts, s, indexDigit(s), r.order, &r.mem.toks)
	r.mem.rest, r.mem.lineParts = use(ms, &r.mem.used.rest), use(parts, &r.mem.used.lineParts)
	return ms
}

// approxWord reports whether w, a run of ASCII word bytes, is one of
// approxWords' words in any ASCII case; no other letter folds to theirs.
func approxWord(w string) bool {
	switch len(w) {
	case 2, 5, 6:
		for _, a := range [...]string{"ca", "approx", "circa", "about", "around"} {
			if asciiFoldEqual(w, a) {
				return true
			}
		}
	}
	return false
}

// dropApprox is approxWords.ReplaceAllString(s, " "), by hand: headings
// may be whole documents flattened onto one line, which the expression
// was slow on. A match is a '~', or a whole word (a run of ASCII word
// bytes, as \b sees them) of approxWord and the '.' after it if any.
func dropApprox(s string) string {
	var b []byte // made at the first match: most headings have none
	from := 0    // s[from:i] is still to be copied to b
	for i := 0; i < len(s); {
		if s[i] == '~' {
			b = append(append(b, s[from:i]...), ' ')
			i++
			from = i
			continue
		}
		if !isWordByte(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isWordByte(s[j]) {
			j++
		}
		if approxWord(s[i:j]) {
			b = append(append(b, s[from:i]...), ' ')
			if j < len(s) && s[j] == '.' {
				j++
			}
			from = j
		}
		i = j
	}
	if b == nil {
		return s
	}
	return string(append(b, s[from:]...))
}

// collapseSpace is strings.Join(strings.Fields(s), " "), without the
// copy when s is ASCII and already so (spaceCollapsed).
func collapseSpace(s string) string {
	if spaceCollapsed(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// headingTitle is mdHeading.FindStringSubmatch(s)[2] and whether it
// matches, read by hand: the expression, tried at every byte of a long
// line, was a third of the time spent on headings. The heading opens with
// one to six '#' and white space; its title is what follows that space, up
// to the closing '#'s and the white space before them, and holds no line
// break.
func headingTitle(s string) (string, bool) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n == 0 || n > 6 || n == len(s) || !isRESpace(s[n]) {
		return "", false
	}
	rest := strings.TrimLeft(s[n:], " \t\n\f\r")
	e := len(rest)
	for e > 0 && rest[e-1] == '#' {
		e--
	}
	for e > 0 && isRESpace(rest[e-1]) {
		e--
	}
	if strings.IndexByte(rest[:e], '\n') >= 0 {
		return "", false // '.' stops at a line break, '$' is the text's end
	}
	return rest[:e], true
}

// timeHeading reads a markdown heading that holds nothing but a time (and
// maybe a date).
func timeHeading(text string, order dateOrder) (mention, bool) {
	return timeHeadingBy(text, func(h string) []mention { return scanMentions(h, order) })
}

// timeHeadingBy is timeHeading finding the mentions of the heading's
// title with scan, scanMentions or the timeline's lineMentions.
func timeHeadingBy(text string, scan func(string) []mention) (mention, bool) {
	title, ok := headingTitle(text)
	if !ok {
		return mention{}, false
	}
	h := collapseSpace(dropApprox(title))
	ms := scan(h)
	if len(ms) != 1 || ms[0].Clock == nil || ms[0].Start != 0 || ms[0].End != len(h) {
		return mention{}, false
	}
	return ms[0], true
}

// sectionText is the prose under a heading, up to the next heading, at most
// a few lines.
func sectionText(ls []line) string {
	var parts []string
	for _, l := range ls {
		if _, ok := headingTitle(l.Text); ok || len(parts) >= 6 {
			break
		}
		if l.Text != "" {
			parts = append(parts, strings.TrimLeft(l.Text, "-*• "))
		}
	}
	return strings.Join(parts, " ")
}

// htmlBreak is inline HTML that markdown timelines carry ("<br />").
var htmlBreak = regexp.MustCompile(`(?i)<br\s*/?>|</?(?:em|strong|b|i|code)>`)

// cleanEntry trims an entry's text of emphasis marks, table bars and inline
// HTML.
func cleanEntry(text string) string {
	if strings.IndexByte(text, '<') >= 0 { // htmlBreak needs one
		text = htmlBreak.ReplaceAllString(text, " ")
	}
	if strings.Contains(text, "**") || strings.Contains(text, "__") {
		text = emphasis.Replace(text) // removes nothing else
	}
	return strings.Trim(collapseSpace(text), "*_|\\ ")
}

// sortRaw puts entries back in line order after bare ones ("15:47
// Rollback started" lines) were added; entries of one line keep their
// order.
func sortRaw(raws []rawEntry) {
	slices.SortStableFunc(raws, func(a, b rawEntry) int { return cmp.Compare(a.line, b.line) })
}

// inlineEntries finds timeline entries run together on one line, each a
// time followed by ":" or " - ".
func inlineEntries(l line, ms []mention) []rawEntry {
	type mark struct {
		m        mention
		textFrom int
	}
	var marks []mark
	for _, m := range ms {
		if m.Clock == nil {
			continue
		}
		if m.Start > 0 {
			prev := rune(l.Text[m.Start-1])
			if !unicode.IsSpace(prev) && prev != '*' && prev != '(' {
				continue
			}
		}
		sep := l.Text[m.End : m.End+entrySepLen(l.Text[m.End:])]
		if sep == "" {
			continue
		}
		marks = append(marks, mark{m: m, textFrom: m.End + len(sep)})
	}
	var out []rawEntry
	for i, mk := range marks {
		end := len(l.Text)
		if i+1 < len(marks) {
			end = marks[i+1].m.Start
		}
		if mk.textFrom > end {
			continue
		}
		text := l.Text[mk.textFrom:end]
		// The last entry ends where the next section of a flattened
		// document begins ("**Contributing factors:**", "## Impact").
		if cut := strings.Index(text, "**"); cut > 0 {
			text = text[:cut]
		}
		if cut := strings.Index(text, " #"); cut > 0 {
			text = text[:cut]
		}
		text = strings.TrimSpace(text)
		if text != "" {
			out = append(out, rawEntry{line: l.N, m: mk.m, text: text})
		}
	}
	return out
}

// settleEntries gives raw entries their date and zone and appends them to
// the facts. A time without a date takes the date in force; a clock that
// runs backwards by more than an hour has passed midnight.
func (r *proseReader) settleEntries(raws []rawEntry, blockZ *zone) {
	var prev *TimelineEntry
	// Dates are values with a flag, not pointers: a pointer kept from one
	// entry to the next would put every date on the heap.
	var prevDate date
	hasPrev := false
	r.facts.Timeline = slices.Grow(r.facts.Timeline, len(raws))
	lows := r.lowerEntries(raws)
	// The entries' times, made in one allocation at the first: the
	// entries point into it, and nothing writes through their pointers.
	var ats []time.Time
	for i, raw := range raws {
		e := TimelineEntry{Line: raw.line, Clock: raw.m.ClockText, Text: raw.text, Milestone: entryMilestone(raw.text, lows[i])}
		c := *raw.m.Clock
		z := raw.m.Zone
		if z == nil && blockZ != nil {
			z = blockZ
		}
		z, assumed := r.zoneOr(z)
		var d date
		hasD := false
		explicit := raw.m.Date != nil
		switch {
		case explicit:
			d, hasD = *raw.m.Date, true
		case hasPrev:
			d, hasD = prevDate, true
		case raw.hasCtx:
			d, hasD = raw.ctx, true
		}
		if hasD && d.Year == 0 {
			if dd, ok := r.yearFor(d); ok {
				d = dd
			}
		}
		if !explicit && prev != nil && hasD && c.seconds() < prev.Local.Hour*3600+prev.Local.Min*60+prev.Local.Second-3600 {
			d = d.addDays(1)
		}
		if !hasD && z != nil {
			if dd, ok := r.dateFor(c, *z); ok {
				d, hasD = dd, true
			}
		}
		e.Local = LocalTime{Hour: c.Hour, Min: c.Min, Second: c.Sec}
		if hasD && d.Year != 0 {
			e.Local.Year, e.Local.Month, e.Local.Day, e.Local.HasDate = d.Year, d.Month, d.Day, true
		}
		if z != nil {
			e.Zone = z.Name
			e.ZoneSrc = ZoneStated
			if assumed {
				e.ZoneSrc = ZoneAssumed
			}
			if e.Local.HasDate {
				at, note := z.at(d, c)
				if ats == nil {
					ats = make([]time.Time, 0, len(raws))
				}
				ats = append(ats, at) // never grows: an entry has one time
				e.At = &ats[len(ats)-1]
				if note != "" {
					r.warn(raw.line, note)
				}
			}
		}
		r.facts.Timeline = append(r.facts.Timeline, e)
		prev = &r.facts.Timeline[len(r.facts.Timeline)-1]
		prevDate, hasPrev = d, hasD
	}
}

// lowerEntries appends to the reader's lows, and returns, the lower-case
// copies of the texts of raws: those of ASCII texts are made in the
// reader's lowBuf, kept for the document, where classifyMilestone and
// endsImpact made one each; a text that is not ASCII gets "" (it is lower-cased where it
// is read, by strings.ToLower, whose copy may differ in length). Only an
// empty text, whose copy is "" too, is ASCII and gets "".
func (r *proseReader) lowerEntries(raws []rawEntry) []string {
	buf := r.mem.lowBuf // the copies of the document's earlier blocks stay
	start := len(buf)
	from := len(r.mem.lows)
	for _, raw := range raws {
		// Each text is tested once: an ASCII one is noted by its own
		// text in lows, put in place of its copy below.
		low := ""
		if isASCII(raw.text) {
			low = raw.text
			n := len(buf)
			buf = append(buf, raw.text...)
			lowerCapitals(buf[n:])
		}
		r.mem.lows = append(r.mem.lows, low)
	}
	r.mem.lowBuf = buf
	// The copies share buf's bytes, where string(buf) made them again for
	// every block with entries: no byte of buf[:len(buf)] is written
	// before the document is read (appending writes past it, or copies
	// it), and no fact keeps a copy.
	all := unsafe.String(unsafe.SliceData(buf[start:]), len(buf)-start)
	lows := r.mem.lows[from:]
	for i, low := range lows {
		lows[i], all = all[:len(low)], all[len(low):]
	}
	return lows
}

// entryMilestone is classifyMilestone(text), given low, text lower-cased
// when it is ASCII, "" when it is not (lowerEntries).
func entryMilestone(text, low string) Milestone {
	if low == "" {
		return classifyMilestone(text) // MilestoneNone when text is "" too
	}
	return milestoneOfLow(low)
}

// paragraph is prose joined from consecutive lines, with a map from byte
// offsets back to line numbers.
type paragraph struct {
	Text   string
	starts []int // byte offset where each joined line starts
	lines  []int // its line number
}

func (p paragraph) lineAt(off int) int {
	n := p.lines[0]
	for i, s := range p.starts {
		if s <= off {
			n = p.lines[i]
		}
	}
	return n
}

// emphasis removes markdown bold marks, which split cue phrases
// ("**Time to repair**: 8m").
var emphasis = strings.NewReplacer("**", "", "__", "")

// paraBuf is the memory paragraphs reuses from call to call: what one
// call returns is good until the next.
type paraBuf struct {
	out  []paragraph
	nums []int
}

// paragraphs joins wrapped lines into paragraphs; blank lines, list items,
// headings and timeline entries end them. skip holds the numbers of the
// lines that are timeline entries, sorted.
func (b *paraBuf) paragraphs(ls []line, skip []int) []paragraph {
	// One allocation for the line lists of all paragraphs: a line is in
	// one paragraph at most.
	out := b.out[:0]
	if cap(b.nums) < 2*len(ls) {
		b.nums = make([]int, 2*len(ls))
	}
	nums := b.nums[:2*len(ls)]
	starts, lines := nums[:0:len(ls)], nums[len(ls):len(ls)]
	var cur paragraph
	var stack [512]byte
	text := stack[:0] // cur's text, made a string once, at flush
	verbatim := ""    // cur's only line, when text is that line as written
	prevClockLed := false
	first := 0 // where cur's lines begin in starts and lines
	flush := func() {
		if len(text) > 0 {
			cur.Text = verbatim
			if verbatim == "" {
				cur.Text = string(text)
			}
			cur.starts = starts[first:len(starts):len(starts)]
			cur.lines = lines[first:len(lines):len(lines)]
			out = append(out, cur)
		}
		cur = paragraph{}
		text = text[:0]
		verbatim = ""
		first = len(starts)
	}
	for _, l := range ls {
		if l.Text == "" || len(skip) > 0 && isSkipped(skip, l.N) {
			flush()
			continue
		}
		led := clockLed(l.Text)
		if len(text) > 0 && (listItem(l.Text) || text[len(text)-1] == ':' || (led && prevClockLed)) {
			flush() // lines that open with times are entries of their own
		}
		prevClockLed = led
		if len(text) > 0 {
			text = append(text, ' ')
		}
		isFirst := len(starts) == first
		starts = append(starts, len(text))
		lines = append(lines, l.N)
		verbatim = ""
		if strings.Contains(l.Text, "**") || strings.Contains(l.Text, "__") {
			text = append(text, emphasis.Replace(l.Text)...)
		} else {
			text = append(text, l.Text...)
			if isFirst {
				verbatim = l.Text
			}
		}
		if strings.HasPrefix(l.Text, "#") {
			flush()
		}
	}
	flush()
	b.out = out
	if len(out) == 0 {
		return nil
	}
	return out
}

// isSkipped reports whether sorted skip holds n.
func isSkipped(skip []int, n int) bool {
	_, ok := slices.BinarySearch(skip, n)
	return ok
}

// sentence is a sentence of a paragraph.
type sentence struct {
	Text string
	p    paragraph
	off  int // offset of Text in p.Text
	// ascii says the paragraph is ASCII: the reader's lazyLower of it
	// (proseReader.low) then serves for the sentence. A flag, not a
	// pointer to it: the sentence's text goes into the facts, and escape
	// analysis, which does not tell a struct's fields apart, would move
	// the whole reader to the heap with it.
	ascii bool
}

// lazyLower is a text lower-cased on first need.
type lazyLower struct {
	text, low string
	done      bool
	// ascii says text is ASCII, which lower then lower-cases in place of
	// strings.ToLower.
	ascii bool
}

// lower is l's text lower-cased. ASCII text with a capital is lower-cased
// into *buf, which the string returned shares: strings.ToLower made a
// copy of every paragraph a sentence needed lower-cased, a tenth of the
// reader's allocations on real reports. The string is good until *buf is
// written again: the reader's is, at the next paragraph, whose lazyLower
// replaces l, and no fact keeps a string of a lower-case copy.
func (l *lazyLower) lower(buf *[]byte) string {
	if !l.done {
		l.low, l.done = l.text, true
		switch {
		case !l.ascii:
			l.low = strings.ToLower(l.text)
		case hasASCIIUpper(l.text):
			b := append((*buf)[:0], l.text...)
			lowerCapitals(b)
			*buf = b
			l.low = unsafe.String(unsafe.SliceData(b), len(b))
		}
	}
	return l.low
}

// hasClock reports whether one of ms has a time of day.
func hasClock(ms []mention) bool {
	for _, m := range ms {
		if m.Clock != nil {
			return true
		}
	}
	return false
}

func (s sentence) lineAt(off int) int { return s.p.lineAt(s.off + off) }

var abbrevBeforeDot = map[string]bool{
	"approx": true, "e.g": true, "i.e": true, "etc": true, "vs": true, "a.m": true, "p.m": true,
	"no": true, "inc": true, "ltd": true, "mr": true, "ms": true, "dr": true, "st": true, "est": true,
	"incl": true, "min": true, "mins": true, "hr": true, "hrs": true, "sec": true, "secs": true, "ca": true,
}

// abbrevBefore reports whether abbrevBeforeDot holds w lower-cased; an
// ASCII word is lower-cased on the stack.
func abbrevBefore(w string) bool {
	if !isASCII(w) {
		return abbrevBeforeDot[strings.ToLower(w)]
	}
	var buf [len("approx")]byte
	if len(w) > len(buf) {
		return false // longer than every abbreviation
	}
	return abbrevBeforeDot[string(appendLower(buf[:0], w))]
}

// eachSentence splits a paragraph at ". ", "! " and "? " before a capital
// or a digit, but not after common abbreviations ("approx.", "a.m."), and
// calls f with each sentence in turn.
func eachSentence(p paragraph, f func(sentence)) {
	t := p.Text
	start := 0
	for i := 0; i < len(t); i++ {
		k := indexStop(t[i:])
		if k < 0 {
			break
		}
		i += k
		c := t[i]
		if i+2 >= len(t) || t[i+1] != ' ' {
			continue
		}
		next := rune(t[i+2])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '*' && next != '"' && next != '(' {
			continue
		}
		if c == '.' {
			w := i
			for w > start && (unicode.IsLetter(rune(t[w-1])) || t[w-1] == '.') {
				w--
			}
			if abbrevBefore(t[w:i]) {
				continue
			}
		}
		f(sentence{Text: t[start : i+1], p: p, off: start})
		start = i + 2
	}
	if start < len(t) {
		f(sentence{Text: t[start:], p: p, off: start})
	}
}

// Cue patterns, matched on lower-case text. Those searched in the words
// before a time (anchored at the end with '$') are wordCues: the regexp
// package tries an expression not anchored at the start from every byte of
// the text, which made them a third of the time spent on a report full of
// times; a wordCue tries only the words a match can open with.
var (
	hedgeWords = `(?:(?:approximately|approx\.?|about|around|roughly|circa|ca\.|~|some|nearly|almost|just)\s*)*`
	windowOpen = newWordCue(`(?:\bfrom|\bbetween|\bstarting(?: at)?|\bbeginning(?: at)?|\b(?:began|begins|started|starts) at)\s+` + hedgeWords + `$`)
	windowJoin = regexp.MustCompile(`^\s*(?:,\s*)?(?:to|until|till|through|thru|and|-|–|—|&|->|→|(?:and\s+)?(?:ended|ending|ends|finished|recovered)(?:\s+at)?)\s+` + hedgeWords + `$`)
	toJoin     = regexp.MustCompile(`^\s*(?:to|until|till|through)\s+` + hedgeWords + `$`)
	dashJoin   = regexp.MustCompile(`^\s*(?:-|–|—|->|→)\s*` + hedgeWords + `$`)
	futureCue  = newWordCue(`\b(?:will|shall|going to|upcoming|plan(?:s|ned)? to|scheduled (?:for|to|between|from|on|at))\b`)
	startCue   = newWordCue(`(?:\b(?:began|begun|begin|begins|started|starting|start|beginning|occurred|occurring|commenced|arose)\s+(?:[a-z]+ing\s+)?` + hedgeWords + `(?:at\s+|on\s+|around\s+|from\s+)*|\bfrom\s+)` + hedgeWords + `$`)
	sinceCue   = newWordCue(`\bsince\s+` + hedgeWords + `$`)
	byCue      = newWordCue(`\b(?:by|until|till|as of)\s+` + hedgeWords + `$`)
	// observedCue follows a time: "At 16:25 UTC on September 7 we observed
	// intermittent issues".
	observedCue = newGatedRE(`^[^.;]{0,40}?\b(?:we|our (?:monitoring|team|engineers|systems)|users|customers)\s+(?:first\s+)?(?:observed|noticed|saw|began (?:to see|seeing)|started (?:to see|seeing)|experienced|began experiencing|started experiencing)\b`)
	// resolvedAtCue precedes a time: "fully resolved at 19:11 UTC",
	// "restored at", "recovered by".
	resolvedAtCue = newWordCue(`\b(?:fully |completely )?(?:resolved?|restored?|recovered|mitigated|fixed)(?:\s+(?:the|this)\s+(?:incident|issue|outage|problem))?\s+(?:at|by|as of)\s+` + hedgeWords + `$`)
	// correctionCue: "the time of this incident has been changed from 15:06
	// UTC to 15:04 UTC" moves the start, it is no window.
	correctionCue = newWordCue(`\b(?:changed|corrected|moved|updated|amended|adjusted)\s+from\s+` + hedgeWords + `$`)
	startNounCue  = newWordCue(`\b(?:issues?|outage|incident|problems?|errors?|disruption|degradation|interruption|downtime|failures?)\s+(?:on|at)\s+$`)
	startLabel    = newWordCue(`\b(?:impact start(?:ed)?|incident start(?:ed)?|outage start(?:ed)?|start(?:ed)?|start time|began)(?:\s*\([^)]{1,20}\))?\s*:\s*` + hedgeWords + `$`)
	endLabel      = newWordCue(`\b(?:impact end(?:ed)?|incident end(?:ed)?|outage end(?:ed)?|end(?:ed)?|end time)(?:\s*\([^)]{1,20}\))?\s*:\s*` + hedgeWords + `$`)
	// labelZone is a zone written in a label: "Start time (UTC):".
	labelZone = newGatedRE(`\(([^)]{1,20})\)\s*:\s*` + hedgeWords + `$`)
	endCue    = newWordCue(`\b(?:ended|ending)\s+(?:at\s+|on\s+|around\s+)*` + hedgeWords + `$`)
	// impactCtx says a sentence is about the impact (so "started at" is the
	// impact starting, not a job); recoveryCtx that it is about recovery
	// ("working normally since 8:31").
	impactCtx   = newWordCue(`\b(?:outages?|incidents?|fail\w*|issues?|down|unavailable|degrad\w*|disrupt\w*|interrupt\w*|errors?|erroring|impact\w*|affected|unable|not able|could not|couldn't|cannot|can't|offline|inaccessible|timing out|time ?outs?|slow\w*|latency|delay\w*|broken|stopped|missing|problems?|unreachable|loss|lost|reject\w*|refus\w*)\b`)
	recoveryCtx = newWordCue(`\b(?:normal(?:ly)?|restored|recovered|resolved|operational|stable|fixed|healthy|working (?:again|as expected)|mitigated)\b`)
)

// cueWindow is how far before a time its cue may stand.
const cueWindow = 48

// Ranks of the ways prose states an impact start or end: a window beats a
// labelled time, which beats a time after a cue word, wherever each stands
// in the document; the narrative timeline comes last.
const (
	rankNone = iota
	rankNarrative
	rankWeak
	rankCue
	rankLabel
	rankWindow
	// datedBonus lifts a statement whose date the text itself gives above
	// every statement dated only from the updates or the document: "began
	// at 2022-09-22 04:28" beats "from 04:28 AM - 04:50 AM" on a page whose
	// only update was posted days later.
	datedBonus = rankWindow
)

// ranked is the rank of a statement of a kind, dated by the text or not.
func ranked(kind int, dated bool) int {
	if dated {
		return kind + datedBonus
	}
	return kind
}

// sentence reads one sentence: a stated impact window, a start or end, and
// a stated duration.
func (r *proseReader) sentence(s sentence, blockZ *zone, ctxDate **date) {
	ms, parts := scanMentionsIntoAt(r.mem.sentMs[:0], r.mem.sentParts, s.Text, indexDigit(s.Text), r.order, &r.mem.toks)
	r.mem.sentMs, r.mem.sentParts = use(ms, &r.mem.used.sentMs), use(parts, &r.mem.used.sentParts)
	// A date alone in a sentence is the context for the times after it,
	// and for later sentences of the paragraph ("On 13th November 2019,
	// there was an interruption ... This interruption occurred at 15:50").
	// It points into sentParts, which is kept for the paragraph.
	sentDate := (*date)(nil)
	for _, m := range ms {
		if m.Date != nil {
			sentDate = m.Date
			break
		}
	}
	r.ownDate = sentDate != nil
	if sentDate == nil {
		sentDate = *ctxDate
	} else {
		*ctxDate = sentDate
	}
	// Most sentences state no time, no duration and no relative time:
	// an ASCII one is tested for them before it is lower-cased.
	if s.ascii && !hasClock(ms) && !sentenceHint(s.Text) {
		return
	}
	low := ""
	if s.ascii {
		low = r.low.lower(&r.mem.paraLow)[s.off : s.off+len(s.Text)]
	} else {
		low = strings.ToLower(s.Text)
	}
	hints := sentenceHints.of(low)
	r.windows(s, low, hints, ms, blockZ, sentDate)
	r.durations(s, low, hints)
	if hints&hintRelative == 0 {
		return
	}
	for locStart, locEnd := range relativeTime.All(low) {
		r.warn(s.lineAt(locStart), "relative time \""+s.Text[locStart:locEnd]+"\" is not resolved to a time")
	}
}

// futureHints and relativeHints are words futureCue and relativeTime
// cannot match without: cheap tests that skip most sentences.
var (
	futureHints   = newHintSet("will", "shall", "going to", "upcoming", "plan", "schedul")
	relativeHints = newHintSet("later", "afterward", "the next ", "the following ", "earlier that ")
)

// sentenceHints are the hint sets a sentence's reader asks about, searched
// in one pass over the lower-cased sentence; the bits of each are named.
// digitHints and durUnitHints are together mayHoldDuration's test.
var sentenceHints = newHintMask(futureHints, relativeHints, durStrongNeeds, durUnitHints, digitHints, forHints)

const (
	hintFuture uint8 = 1 << iota
	hintRelative
	hintDurStrong
	hintDurUnit
	hintDigit
	hintFor
)

// forHints is "for ", which durations looks for before it reads weak
// durations: in the sentence's one pass, where strings.Contains was a
// search of its own, restarted at every "f".
var forHints = newHintSet("for ")

// digitHints are the ASCII digits.
var digitHints = newHintSet("0", "1", "2", "3", "4", "5", "6", "7", "8", "9")

// relativeTime is a time given relative to another ("20 minutes later",
// "the next morning"): reported, never guessed.
var relativeTime = newWordCue(`\b(?:(?:\d+|an?|a few|several|some|two|three|four|five|ten|fifteen|twenty|thirty)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+(?:later|afterwards?)|the (?:next|following) (?:morning|day|afternoon|evening|night)|(?:later|earlier) that (?:morning|day|afternoon|evening|night))\b`)

// rankedStated is a statement with its rank.
type rankedStated struct {
	st   *Stated
	rank int
}

// at ranks a statement of a kind by whether the text dated it.
func (r *proseReader) at(kind int, st *Stated, dated bool) rankedStated {
	return rankedStated{st, ranked(kind, dated)}
}

// setStart keeps st as the impact start if it ranks above what is known.
func (r *proseReader) setStart(rs rankedStated) {
	st, rank := rs.st, rs.rank
	if st != nil && rank > r.startRank {
		r.facts.Start, r.startRank = st, rank
	}
}

// setEndLatest keeps st as the impact end if it ranks above what is
// known, or as high and later: of several "resolved at" statements the
// last is the final resolution.
func (r *proseReader) setEndLatest(rs rankedStated) {
	st, rank := rs.st, rs.rank
	if st != nil && (rank > r.endRank || (rank == r.endRank && r.facts.End != nil && st.At.After(r.facts.End.At))) {
		r.facts.End, r.endRank, r.endOwnDate = st, rank, r.ownDate
	}
}

func (r *proseReader) setEnd(rs rankedStated) {
	st, rank := rs.st, rs.rank
	if st != nil && rank > r.endRank {
		r.facts.End, r.endRank, r.endOwnDate = st, rank, r.ownDate
	}
}

// windows looks for stated impact windows and single start/end times.
// hints are sentenceHints.of(low).
func (r *proseReader) windows(s sentence, low string, hints uint8, ms []mention, blockZ *zone, sentDate *date) {
	// Planned work ("we will upgrade ... from 04:00 to 06:00") states no
	// impact, not even on a maintenance page, whose impact is when the work
	// ran: times after a future cue are skipped.
	future := len(low)
	hasClock := false
	for _, m := range ms {
		hasClock = hasClock || m.Clock != nil
	}
	if !hasClock {
		return
	}
	if hints&hintFuture != 0 {
		for locStart := range futureCue.All(low) {
			if !strings.HasPrefix(low[locStart:], "will have") {
				future = locStart
				break
			}
		}
	}
	var leftDate *date // the last date written before the current time
	for k := 0; k < len(ms); k++ {
		a := ms[k]
		if a.Clock == nil {
			if a.Date != nil {
				leftDate = a.Date // in the reader's sentParts, like ms
			}
			continue
		}
		if a.Start > future {
			return
		}
		before := low[max(0, a.Start-cueWindow):a.Start]
		if k+1 < len(ms) && ms[k+1].Clock != nil && correctionCue.MatchString(before) &&
			strings.TrimSpace(low[a.End:ms[k+1].Start]) == "to" {
			r.setStart(r.single(rankLabel, s, ms[k+1], blockZ, sentDate, "impact start"))
			k++
			continue
		}
		if k+1 < len(ms) && ms[k+1].Clock != nil {
			b := ms[k+1]
			between := low[a.End:b.Start]
			label := startLabel.MatchString(before)
			opened := label || windowOpen.MatchString(before)
			joins := mayJoin(between)
			if joins && (opened && windowJoin.MatchString(between) || dashJoin.MatchString(between) || toJoin.MatchString(between)) ||
				(label && endLabel.MatchString(between)) {
				if r.window(s, a, b, blockZ, sentDate, leftDate) {
					k++
					continue
				}
			}
		}
		// "Start time (UTC): Feb 9, 2024 04:44": the label's zone is the
		// time's when it has none.
		lz := blockZ
		if m := labelZone.FindStringSubmatch(before); m != nil && a.Zone == nil {
			if z := blockZone([]line{{Text: "times in " + m[1]}}, r.order); z != nil {
				lz = z
			}
		}
		switch {
		case startLabel.MatchString(before):
			r.setStart(r.single(rankLabel, s, a, lz, sentDate, "impact start"))
		case endLabel.MatchString(before):
			r.setEnd(r.single(rankLabel, s, a, lz, sentDate, "impact end"))
		case endCue.MatchString(before):
			r.setEnd(r.single(rankCue, s, a, blockZ, sentDate, "impact end"))
		case resolvedAtCue.MatchString(before) && !negated(before):
			// "to fully resolve the incident at 19:11 UTC": the last such
			// statement in the report is the final one.
			r.setEndLatest(r.single(rankCue, s, a, blockZ, sentDate, "impact end"))
		case observedCue.MatchString(low[a.End:min(len(low), a.End+80)]) && impactCtx.MatchString(low):
			r.setStart(r.single(rankCue, s, a, blockZ, sentDate, "impact start"))
		case r.startRank < rankCue && weakStart(low, a) && !detectionCtx.MatchString(low):
			// "At 10:02 UTC, a change made downloads return errors": a
			// time followed by the impact, kept only if nothing says more.
			r.setStart(r.single(rankWeak, s, a, blockZ, sentDate, "impact start"))
		case r.endRank < rankCue && weakEnd(low, a):
			r.setEnd(r.single(rankWeak, s, a, blockZ, sentDate, "impact end"))
		case byCue.MatchString(before) && recoveryCtx.MatchString(low) && !negated(low):
			// "by 9:40 UTC traffic had returned to normal levels"
			r.setEnd(r.single(rankCue, s, a, blockZ, sentDate, "impact end"))
		case sinceCue.MatchString(before):
			// "unavailable since 10:00" starts the impact; "working normally
			// since 10:40" ends it.
			if recoveryCtx.MatchString(low[:a.Start]) && !negated(low[:a.Start]) {
				r.setEnd(r.single(rankCue, s, a, blockZ, sentDate, "impact end"))
			} else if impactCtx.MatchString(low) {
				r.setStart(r.single(rankCue, s, a, blockZ, sentDate, "impact start"))
			}
		case (startCue.MatchString(before) || (a.Date != nil && startNounCue.MatchString(before))) && impactCtx.MatchString(low):
			r.setStart(r.single(rankCue, s, a, blockZ, sentDate, "impact start"))
		}
	}
}

// detectionCtx marks a sentence about detection ("we were alerted at"),
// whose time is no impact start.
var detectionCtx = newWordCue(`\b(?:alerted|paged|notified|detected|escalated|reported|declared)\b`)

// weakStart reports whether the clause after time a names the impact:
// "at 10:02 UTC, a change made package downloads return errors". Only the
// first full date-time of a sentence that opens with it counts.
func weakStart(low string, a mention) bool {
	if a.Zone == nil || a.Start > 40 {
		return false
	}
	after := low[a.End:]
	if i := strings.IndexAny(after, ".;"); i >= 0 {
		after = after[:i]
	}
	return impactCtx.MatchString(after) && !recoveryCtx.MatchString(after)
}

// weakEnd reports whether the clause after time a says service came back:
// "At 00:35 UTC on June 2 uploads recovered".
func weakEnd(low string, a mention) bool {
	if a.Zone == nil || a.Start > 40 {
		return false
	}
	after := low[a.End:]
	if i := strings.IndexAny(after, ".;"); i >= 0 {
		after = after[:i]
	}
	return narrativeEndCue.MatchString(after) && !negated(after)
}

// notCue finds a negation ("not", "no longer", "isn't").
var notCue = newGatedRE(`\b(?:not|no longer|n't|never)\b|n't\b`)

// negated reports whether a clause is negated.
func negated(s string) bool { return notCue.MatchString(s) }

// window records the window a..b if its times can be placed; it reports
// whether it did.
// leftDate is the last date written before a in the sentence ("On 18
// September 2024 from 22:47 to 19 September 2024 00:13"): it dates a before
// b's own date does.
func (r *proseReader) window(s sentence, a, b mention, blockZ *zone, sentDate, leftDate *date) bool {
	za, zb := a.Zone, b.Zone
	if za == nil {
		za = zb
	}
	if zb == nil {
		zb = za
	}
	if za == nil && blockZ != nil {
		za, zb = blockZ, blockZ
	}
	if za == nil {
		za, _ = r.zoneOr(nil)
		zb = za
	}
	line := s.lineAt(a.Start)
	if za == nil {
		r.warn(line, "impact window \""+strings.TrimSpace(s.Text[a.Start:b.End])+"\" states no time zone: not used")
		return false
	}
	da, wdA := a.Date, a.Weekday
	if da == nil && leftDate != nil {
		da = leftDate
	}
	if da == nil {
		da, wdA = b.Date, b.Weekday
	}
	if da == nil {
		da = sentDate
	}
	dated := da != nil
	if da == nil {
		d, ok := r.dateFor(*a.Clock, *za)
		if !ok {
			r.warn(line, "impact window \""+strings.TrimSpace(s.Text[a.Start:b.End])+"\" has no date and the report gives none: not used")
			return false
		}
		da = &d
	}
	dA, ok := r.yearFor(*da)
	if !ok {
		return false
	}
	if !r.checkWeekday(line, wdA, dA) {
		return false
	}
	// The end has a date of its own only when both ends are dated; a date
	// written once ("between 23:50 and 00:20 UTC on April 10") is the
	// window's, and an end before the start has passed midnight.
	dB := dA
	ownDate := (a.Date != nil || leftDate != nil) && b.Date != nil
	if ownDate {
		dB = *b.Date
		if dB.Year == 0 {
			dB.Year = dA.Year
		}
	}
	ca := inheritMeridiem(a, b)
	start, n1 := za.at(dA, ca)
	end, n2 := zb.at(dB, *b.Clock)
	if end.Before(start) && !ownDate {
		dB = dB.addDays(1)
		end, n2 = zb.at(dB, *b.Clock)
	}
	// 05/03/2024 read month first may lie months from the report; read
	// day first, it may fit.
	if sw := swappedOf(a, b, leftDate, s); sw != nil && !r.quietPlausible(start) {
		if t2, _ := za.at(*sw, ca); r.quietPlausible(t2) {
			shift := t2.Sub(start)
			start, end = t2, end.Add(shift)
			r.warn(line, fmt.Sprintf("the date %s reads both ways; read day first, which fits the report", sw))
		}
	}
	text := strings.TrimSpace(s.Text)
	if !r.plausible(line, start, end, text) {
		return false
	}
	for _, n := range []string{n1, n2} {
		if n != "" {
			r.warn(line, n)
		}
	}
	if prev := r.facts.Start; prev != nil && r.startRank >= rankWindow && (prev.At.Sub(start).Abs() >= time.Minute ||
		(r.facts.End != nil && r.facts.End.At.Sub(end).Abs() >= time.Minute)) {
		r.warn(line, fmt.Sprintf("a second stated window (%s to %s) differs from the one at line %d: kept the stronger or earlier",
			start.Format(time.RFC3339), end.Format(time.RFC3339), prev.Line))
	}
	r.setStart(r.at(rankWindow, &Stated{At: start, Line: line, Text: text}, dated))
	r.setEnd(r.at(rankWindow, &Stated{At: end, Line: s.lineAt(b.Start), Text: text}, dated))
	return true
}

// inheritMeridiem reads "from 11:40 to 2:10 PM" as 11:40 AM and "from
// 1:40 to 2:10 PM" as 1:40 PM: a range's first time without AM/PM takes the
// second's when that keeps the range short and forward.
func inheritMeridiem(a, b mention) clock {
	c := *a.Clock
	if hasMeridiem(a.ClockText) || !hasMeridiem(b.ClockText) || c.Hour > 12 || c.Hour == 0 {
		return c
	}
	pm := b.Clock.Hour >= 12
	h := c.Hour % 12
	if pm {
		h += 12
	}
	if h*60+c.Min > b.Clock.Hour*60+b.Clock.Min {
		h -= 12 // "from 11:40 to 2:10 PM": the morning
	}
	if h < 0 {
		return c
	}
	c.Hour = h
	return c
}

func hasMeridiem(clockText string) bool {
	return strings.ContainsAny(clockText, "aApP")
}

// single resolves one stated time (an impact start or end).
func (r *proseReader) single(kind int, s sentence, m mention, blockZ *zone, sentDate *date, what string) rankedStated {
	z := m.Zone
	if z == nil {
		z = blockZ
	}
	z, _ = r.zoneOr(z)
	line := s.lineAt(m.Start)
	if z == nil {
		r.warn(line, what+" \""+m.Text+"\" states no time zone: not used")
		return rankedStated{}
	}
	d := m.Date
	if d == nil {
		d = sentDate
	}
	dated := d != nil
	if d == nil {
		dd, ok := r.dateFor(*m.Clock, *z)
		if !ok {
			return rankedStated{}
		}
		d = &dd
	}
	dd, ok := r.yearFor(*d)
	if !ok {
		return rankedStated{}
	}
	if !r.checkWeekday(line, m.Weekday, dd) {
		return rankedStated{}
	}
	at, note := z.at(dd, *m.Clock)
	text := strings.TrimSpace(s.Text)
	if !r.plausible(line, at, at, text) {
		return rankedStated{}
	}
	if note != "" {
		r.warn(line, note)
	}
	return r.at(kind, &Stated{At: at, Line: line, Text: text}, dated)
}

// checkWeekday keeps a date whose weekday does not fit only when the
// document corroborates the date (an update was posted that day, or the
// date is written elsewhere); it warns either way.
func (r *proseReader) checkWeekday(line int, wd *time.Weekday, d date) bool {
	msg, bad := weekdayMismatch(wd, d)
	if !bad {
		return true
	}
	if r.corroborated(d) {
		r.warn(line, msg+"; the date is kept because the report confirms it elsewhere")
		return true
	}
	r.warn(line, msg+"; nothing else in the report confirms the date, so it is not used")
	return false
}

// maxLeadTime is how long before the first update a stated impact may
// start; a window further back is most likely a typo in the date.
const maxLeadTime = 31 * 24 * time.Hour

// swappedOf is the other reading of the date that dated a window, if it
// was an all-numeric date that reads both ways.
func swappedOf(a, b mention, leftDate *date, s sentence) *date {
	switch {
	case a.Date != nil:
		return a.Swapped
	case leftDate != nil:
		for _, m := range scanMentions(s.Text, monthFirst) {
			if m.Date != nil && *m.Date == *leftDate {
				return m.Swapped
			}
		}
	case b.Date != nil:
		return b.Swapped
	}
	return nil
}

// quietPlausible is plausible without the warning.
func (r *proseReader) quietPlausible(t time.Time) bool {
	return !r.anchor.OK || !(t.Before(r.anchor.First.Add(-maxLeadTime)) || t.After(r.anchor.Last.Add(24*time.Hour)))
}

// plausible checks a stated window against the updates.
func (r *proseReader) plausible(line int, start, end time.Time, text string) bool {
	if end.Before(start) {
		r.warn(line, "stated impact window ends before it starts: not used")
		return false
	}
	if !r.anchor.OK {
		return true
	}
	if start.Before(r.anchor.First.Add(-maxLeadTime)) || start.After(r.anchor.Last.Add(24*time.Hour)) {
		r.warn(line, "stated impact time "+start.Format(time.RFC3339)+" is far from the status updates ("+
			r.anchor.First.Format(time.RFC3339)+" to "+r.anchor.Last.Format(time.RFC3339)+"): likely a typo, not used")
		return false
	}
	return true
}

// Duration cues. A strong cue names the duration as such ("lasted",
// "duration of"); a weak one is "for N minutes" in a sentence about the
// impact. Bounds ("at least", "over", "up to") are not durations.
var (
	durStrong = newWordCue(`\b(?:lasting|lasted|lasts|last(?:ed)? for|(?:total |incident |outage |impact )?duration(?: of (?:the )?(?:impact|outage|incident|disruption))?(?: of| was| is)?\s*:?|(?:total )?downtime(?: of| was)?\s*:?|outage of|(?:the )?total impact (?:was|of)|(?:for )?a (?:total|period) of|ttr\s*:|time to (?:resolve|resolution|recover|recovery|repair|restore)\s*:)\s*(?:for\s+)?`)
	durWeak   = newWordCue(`\bfor\s+`)
	durParen  = regexp.MustCompile(`(?:\d\d?[:.h]\d\d|\d\s*(?:am|pm|a\.m\.|p\.m\.))(?:\s*[a-z]{2,5}(?:[+-]\d{1,2})?)?[^()]{0,40}?\s*\(([^()]{1,24})\)`)
	durAdj    = newWordCue(`\b(?:a|an)\s+(\d+|[a-z]+)[- ](second|minute|hour|day)s?\s+(?:outage|incident|disruption|interruption|period|window|downtime|degradation)`)
	durHedge  = regexp.MustCompile(`^(?:(?:approximately|approx\.?|about|around|roughly|circa|ca\.|~|some|nearly|almost|just over|just under)\s*)+`)
	durBound  = regexp.MustCompile(`^(?:at least|more than|over|up to|less than|under|within|a few|several|another|the next|the past|the last|every)\b`)
	notDurCtx = newWordCue(`\b(?:monitor\w*|will|wait\w*|every|next|ago|later|earlier|before|after|retain\w*|cache\w*|ttl|timeout|held|holding|stable|kept|observ\w*)\b`)
)

// durStrongHints and durUnitHints are words durStrong and durAdj cannot
// match without. durStrongHints is not quite such a set: its " of " misses
// "outage of" not followed by a space, which durStrong matches; it is
// kept as the gate in front of durStrong, whose answers are what they are.
// durStrongNeeds is such a set, one word for each alternative of
// durStrong, and the one the sentence's hint pass looks for: " of " is in
// most sentences, "a total of" in few, and each sentence with " of " was
// searched for durStrong's words, then from each "the ", "for " and "a ".
var (
	durStrongHints = newHintSet("last", "duration", " of ", "time to", "downtime", "ttr", "total impact")
	durStrongNeeds = newHintSet("last", "duration", "downtime", "outage of", "total impact", "a total of", "a period of", "ttr", "time to re")
	durUnitHints   = newHintSet("minute", "hour", "second", "day")
)

// mayStrongDuration reports whether durations searches low, whose
// sentenceHints are hints, for durStrong: when low holds a word of
// durStrongHints, the gate it always had. It tests durStrongNeeds first
// (hints), which holds a word of every match: without one, whatever the
// gate says, there is no match to read.
func mayStrongDuration(low string, hints uint8) bool {
	return hints&hintDurStrong != 0 && durStrongHints.in(low)
}

// mayHoldDuration is a cheap test that a sentence can state a duration at
// all: a digit (for "4h", "38 minutes") or a unit written out ("an hour").
func mayHoldDuration(low string) bool {
	// One pass for a digit, "hour", "minute", "second" or "day".
	for i := 0; i < len(low); i++ {
		switch c := low[i]; {
		case '0' <= c && c <= '9':
			return true
		case c == 'h' && strings.HasPrefix(low[i:], "hour"), c == 'm' && strings.HasPrefix(low[i:], "minute"),
			c == 's' && strings.HasPrefix(low[i:], "second"), c == 'd' && strings.HasPrefix(low[i:], "day"):
			return true
		}
	}
	return false
}

// mayHoldDurationFold is mayHoldDuration of ASCII text lower-cased,
// without the lower-case copy. "h", "m", "s" and "d" are a fifth of
// English text: a unit is looked for only where the next byte is its
// second letter.
func mayHoldDurationFold(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := durationByte[s[i]]; c {
		case 0:
		case '0':
			return true
		default:
			if i+1 < len(s) && s[i+1]|0x20 == durationSecond[c] && durationAt(s, i) {
				return true
			}
		}
	}
	return false
}

// durationAt reports whether s[i] is a digit or opens a unit, in either
// case.
func durationAt(s string, i int) bool {
	switch durationByte[s[i]] {
	case '0':
		return true
	case 'h':
		return hasPrefixFold(s[i:], "hour")
	case 'm':
		return hasPrefixFold(s[i:], "minute")
	case 's':
		return hasPrefixFold(s[i:], "second")
	case 'd':
		return hasPrefixFold(s[i:], "day")
	}
	return false
}

// durationSecond is the second letter of the unit a small letter opens.
// Or-ing 0x20 makes a capital small and no other byte a small letter.
var durationSecond = [256]byte{'h': 'o', 'm': 'i', 's': 'e', 'd': 'a'}

// durationByte classes the bytes mayHoldDurationFold looks at: '0' for a
// digit, the lower-case first letter of a unit for it in either case.
var durationByte = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = '0'
	}
	for _, c := range "hmsd" {
		t[c], t[c-'a'+'A'] = byte(c), byte(c)
	}
	return t
}()

// hasPrefixFold reports whether ASCII s lower-cased begins with low.
func hasPrefixFold(s, low string) bool {
	return len(s) >= len(low) && asciiFoldEqual(s[:len(low)], low)
}

// mayParenDuration reports whether low holds what every match of
// durParen the durations loop uses holds: "(", text without brackets that
// reads whole as a positive duration, ")". Without one, the expression,
// slow on long sentences with brackets, is not searched.
func mayParenDuration(low string) bool {
	for i := strings.IndexByte(low, '('); i >= 0 && i < len(low); {
		j := i + 1
		for j < len(low) && low[j] != '(' && low[j] != ')' {
			j++
		}
		// The group is 1 to 24 runes, of at most 4 bytes each.
		if j < len(low) && low[j] == ')' && j > i+1 && j-i-1 <= 24*4 {
			in := low[i+1 : j]
			if d, n, ok := readDuration(in); ok && d > 0 && n == len(in) {
				return true
			}
		}
		k := strings.IndexByte(low[j:], '(')
		if k < 0 {
			break
		}
		i = j + k
	}
	return false
}

// durations reads a stated duration from a sentence; hints are
// sentenceHints.of(low).
func (r *proseReader) durations(s sentence, low string, hints uint8) {
	if hints&(hintDigit|hintDurUnit) == 0 {
		return // !mayHoldDuration(low)
	}
	try := func(from int, rank int) bool {
		if r.facts.Duration != nil && r.facts.durRank >= rank {
			return false
		}
		rest := low[from:]
		approx := false
		if durBoundAt(rest) {
			return false
		}
		if h := durHedgeOf(rest); h != "" {
			approx = true
			rest = rest[len(h):]
			from += len(h)
		}
		if durBoundAt(rest) {
			return false
		}
		d, n, ok := readDuration(rest)
		if !ok {
			return false
		}
		// "over a 32-minute period" is fine, "2-3 hours" is not a duration,
		// nor is "20 minutes so far".
		if tail := rest[n:]; strings.HasPrefix(tail, "-") || strings.HasPrefix(tail, " or ") || strings.HasPrefix(tail, " to ") ||
			strings.HasPrefix(tail, " so far") || strings.HasPrefix(tail, " and counting") {
			return false
		}
		r.facts.Duration = &StatedDuration{Duration: d, Line: s.lineAt(from), Text: strings.TrimSpace(s.Text), Approximate: approx}
		r.facts.durRank = rank
		return true
	}
	if mayStrongDuration(low, hints) {
		for _, locEnd := range durStrong.All(low) {
			if try(locEnd, 3) {
				return
			}
		}
	}
	// "From 16:05 to 18:19 UTC (2 h 14 min)": a duration in brackets
	// right after a time.
	var parens [][]int
	if mayParenDuration(low) {
		parens = durParen.FindAllStringSubmatchIndex(low, -1)
	}
	for _, m := range parens {
		if d, n, ok := readDuration(low[m[2]:m[3]]); ok && d > 0 && n == m[3]-m[2] {
			if try(m[2], 2) {
				return
			}
		}
	}
	if hints&hintDurUnit != 0 {
		if m := durAdj.FindStringSubmatchIndex(low); m != nil {
			if try(m[2], 2) {
				return
			}
		}
	}
	if hints&hintFor != 0 && impactCtx.MatchString(low) { // strings.Contains(low, "for ")
		for locStart, locEnd := range durWeak.All(low) {
			if notDurCtx.MatchString(low[max(0, locStart-30):locStart]) {
				continue
			}
			if try(locEnd, 1) {
				return
			}
		}
	}
}

// Milestone cues for narrative entries, checked in this order.
// milestoneCues are the keywords of each milestone, in the order they are
// preferred when an entry has several. hints are substrings one of which
// every match contains: a cheap test that skips most expressions.
var milestoneCues = []struct {
	m     Milestone
	hints *hintSet
	re    *wordCue
}{
	{MilestoneStart, newHintSet("start", "began", "begin", "commenc", "onset", "went ", "became", "stopped"), newWordCue(`\b(?:(?:incident|impact|outage|issues?|problems?|degradation|disruption|errors?|failures?|downtime)\s+(?:start(?:ed|s)?|began|begins|begin|commenc\w*)|(?:start|beginning|onset) of (?:the )?(?:incident|impact|outage|issue|disruption|degradation)|users? (?:start(?:ed)?|began|begin) (?:reporting|to report|experiencing|seeing)|(?:start|starts|started|began|begin|begins) (?:failing|to fail|erroring|returning errors|timing out)|went (?:down|offline)|became unavailable|stopped (?:working|responding|serving))\b`)},
	{MilestoneResolved, newHintSet("resolved", "fixed", "fix ", "closed", "incident "), newWordCue(`\b(?:resolved|fixed|fix (?:is |was |has been )?(?:deployed|released|rolled out)|closed|incident (?:ended|over))\b`)},
	{MilestoneMitigated, newHintSet("mitigat", "restor", "recover", "roll", "revert", "workaround", "patch ", "fix ", "fail", "operational", "normal", "online", "back up", "stabili"), newWordCue(`\b(?:mitigat\w*|restor\w*|recover\w*|rolled back|roll(?:ed)?[- ]?back|revert\w*|workaround|patch (?:is |was |has been )?applied|fix (?:is |was |has been )?applied|failed over|fail ?over (?:complete|completed|finished)|operational|back to normal|back online|back up|stabili[sz]\w*|returned to normal)\b`)},
	{MilestoneIdentified, newHintSet("identif", "root", "found the", "cause", "diagnos", "pinpoint", "determined"), newWordCue(`\b(?:identified|identify|root[- ]caused?|found the (?:cause|issue|problem)|cause (?:was |is )?(?:found|determined|confirmed)|diagnos\w*|pinpointed|determined (?:that|the))\b`)},
	{MilestoneDetected, newHintSet("alert", "page", "detect", "notice", "report", "escalat", "declared", "first "), newWordCue(`\b(?:alert\w*|paged|page fired|detected|detect|noticed|reported|reports?|reporting|escalat\w*|declared|first (?:report|signs?))\b`)},
}

// negates reports whether s, the words before a keyword, ends in a
// negation (negationEnds). It is read only when s ends in white space and
// holds one of the words it needs.
func negates(s string) bool {
	if s == "" || !isRESpace(s[len(s)-1]) || !containsAny(s, negationHints) {
		return false
	}
	return negationEnds(s)
}

// negationHints are words negation cannot match without ("not" holds
// "no"); endHints the same for narrativeEndCue.
var (
	negationHints = newHintSet("no", "n't", "unable", "without", "before")
	endHints      = newHintSet("restore", "recover", "normal", "online", "operational", "resolved", "resolution", "working", "healthy", "error", "end", "over", "baseline")
)

// classifyMilestone reads which milestone a narrative entry expresses, if
// a keyword says so; negated keywords ("not yet restored") do not count.
func classifyMilestone(text string) Milestone {
	if isASCII(text) && !anyCueHint(text) {
		return MilestoneNone // no cue can match: not worth a lower-case copy
	}
	return milestoneOfLow(strings.ToLower(text))
}

// milestoneOfLow is classifyMilestone of a text whose lower-case copy is
// low.
func milestoneOfLow(low string) Milestone {
	hints := milestoneHints.of(low)
	for k, c := range milestoneCues {
		if hints&(1<<k) == 0 {
			continue // low holds none of the hints of c
		}
		// The matches of c.re.All, without its test of the words every
		// match needs: the hints are that test.
		for locStart, locEnd, ok := c.re.next(low, 0); ok; locStart, locEnd, ok = c.re.next(low, locEnd) {
			if negates(low[max(0, locStart-24):locStart]) {
				continue
			}
			// "Rollback started", "fix rollout in progress": the work
			// began, the milestone is when it finishes.
			if (c.m == MilestoneMitigated || c.m == MilestoneResolved) && onlyBegun(low[locEnd:min(len(low), locEnd+30)]) {
				continue
			}
			// "Rollback not possible", "restart failed": the step did not
			// happen.
			if (c.m == MilestoneMitigated || c.m == MilestoneResolved) && undone(low[locEnd:min(len(low), locEnd+40)]) {
				continue
			}
			return c.m
		}
	}
	return MilestoneNone
}

// anyCueHint reports whether ASCII text holds, in any case, a hint of one
// of the milestone cues.
func anyCueHint(text string) bool { return allCueHints.inFold(text) }

// allCueHints holds the hints of every milestone cue, searched in one pass.
var allCueHints = func() *hintSet {
	var words []string
	for _, c := range milestoneCues {
		words = append(words, c.hints.words...)
	}
	return newHintSet(words...)
}()

// milestoneHints are the hints of milestoneCues, those of the k-th with
// bit 1<<k, searched in one pass: an entry was searched for each cue's
// hints in turn, after a search for any of them.
var milestoneHints = func() *hintMask {
	sets := make([]*hintSet, len(milestoneCues))
	for k, c := range milestoneCues {
		sets[k] = c.hints
	}
	return newHintMask(sets...)
}()

// containsAny reports whether s holds any of the words of h.
func containsAny(s string, h *hintSet) bool { return h.in(s) }

// narrativeEndCue says a narrative entry marks the end of the impact: service is
// back, not merely a fix started or announced ("login restored", "returns
// to normal", "all services operational", "resolution is confirmed").
var narrativeEndCue = newWordCue(`\b(?:restored|restores|recovered|recovers|recovery (?:is )?complete|back to normal|return(?:s|ed)? to normal|normal levels|back online|(?:fully )?operational|resolved|resolution (?:is )?(?:confirmed|complete)|working (?:again|normally|as expected)|healthy again|errors? (?:stop|stops|stopped|subside[sd]?)|no (?:more|further) errors|(?:outage|incident|impact|disruption|degradation) (?:ends|ended|is over|over)|back (?:at|to) baseline)\b`)

// endsImpact reports whether an entry's text says the impact ended.
// endHints are tested before the text is lower-cased when it is ASCII
// (inFold is then in of the lower-cased text), after otherwise; the
// matches are those of narrativeEndCue.All, without its own test of the
// words every match needs.
func endsImpact(text string) bool {
	ascii := isASCII(text)
	if ascii && !endHints.inFold(text) {
		return false
	}
	low := strings.ToLower(text)
	if !ascii && !containsAny(low, endHints) {
		return false
	}
	return endsImpactLow(low)
}

// entryEndsImpact is endsImpact(text), given low, text lower-cased when it
// is ASCII, "" when it is not (lowerEntries).
func entryEndsImpact(text, low string) bool {
	if low == "" {
		return endsImpact(text) // false when text is "" too
	}
	return endHints.inFold(text) && endsImpactLow(low)
}

// endsImpactLow is endsImpact of a text whose lower-case copy is low,
// when low holds one of endHints.
func endsImpactLow(low string) bool {
	for start, end, ok := narrativeEndCue.next(low, 0); ok; start, end, ok = narrativeEndCue.next(low, end) {
		if !negates(low[max(0, start-24):start]) {
			return true
		}
	}
	return false
}

// narrativeWindow falls back on the narrative timeline for the impact
// window: the first "start" entry for the start, the last entry saying
// service is back for the end (a temporary recovery is followed by a
// later one), both only with a stated or assumed zone.
func (r *proseReader) narrativeWindow() {
	var start, end *TimelineEntry
	if r.startRank == rankNone {
		for i := range r.facts.Timeline {
			if e := &r.facts.Timeline[i]; e.Milestone == MilestoneStart && e.ZoneSrc.Known() && e.At != nil {
				if r.plausible(e.Line, *e.At, *e.At, e.Text) {
					start = e
				}
				break
			}
		}
	}
	// The start the end is checked against: the entry just found, which
	// setStart keeps (nothing ranks lower than it), or the one known.
	var startAt *time.Time
	switch {
	case start != nil:
		startAt = start.At
	case r.facts.Start != nil:
		startAt = &r.facts.Start.At
	}
	if r.endRank == rankNone {
		// The last entry that ends the impact: looked for from the end,
		// so that endsImpact reads only the entries after it.
		var last *TimelineEntry
		for i := len(r.facts.Timeline) - 1; i >= 0; i-- {
			if e := &r.facts.Timeline[i]; e.ZoneSrc.Known() && e.At != nil && entryEndsImpact(e.Text, r.mem.lows[i]) {
				last = e
				break
			}
		}
		if last != nil && (startAt == nil || !last.At.Before(*startAt)) && r.plausible(last.Line, *last.At, *last.At, last.Text) {
			end = last
		}
	}
	st, en := narrativeStated(start, end)
	if st != nil {
		r.setStart(rankedStated{st, rankNarrative})
	}
	if en != nil {
		r.setEnd(rankedStated{en, rankNarrative})
	}
}

// narrativeStated is the statements of the narrative start and end
// entries (nil for none), each "clock: text": made in one allocation, their
// texts in another, where each took two.
func narrativeStated(start, end *TimelineEntry) (st, en *Stated) {
	n, size := 0, 0
	for _, e := range [...]*TimelineEntry{start, end} {
		if e != nil {
			n++
			size += len(e.Clock) + len(": ") + len(e.Text)
		}
	}
	if n == 0 {
		return nil, nil
	}
	sts := make([]Stated, n)
	var b strings.Builder
	b.Grow(size)
	for _, e := range [...]*TimelineEntry{start, end} {
		if e != nil {
			b.WriteString(e.Clock)
			b.WriteString(": ")
			b.WriteString(e.Text)
		}
	}
	texts := b.String()
	k := 0
	next := func(e *TimelineEntry) *Stated {
		n := len(e.Clock) + len(": ") + len(e.Text)
		st := &sts[k]
		*st = Stated{At: *e.At, Line: e.Line, Text: texts[:n]}
		k, texts = k+1, texts[n:]
		return st
	}
	if start != nil {
		st = next(start)
	}
	if end != nil {
		en = next(end)
	}
	return st, en
}

// inferZone gives narrative entries without a zone an inferred one, when
// the incident's start is pinned by a stated duration: the real-world UTC
// offset that puts the first entry within five minutes of that start is
// taken as the zone of all of them, flagged as inferred.
func inferZone(entries []TimelineEntry, start time.Time) (offset int, ok bool) {
	var first *TimelineEntry
	for i, e := range entries {
		if e.ZoneSrc == ZoneUnknown {
			first = &entries[i]
			break
		}
	}
	if first == nil {
		return 0, false
	}
	day := date{start.Year(), start.Month(), start.Day()}
	if first.Local.HasDate {
		day = date{first.Local.Year, first.Local.Month, first.Local.Day}
	}
	best, bestResid := 0, time.Duration(-1)
	for delta := -1; delta <= 1; delta++ {
		d := day.addDays(delta)
		local := time.Date(d.Year, d.Month, d.Day, first.Local.Hour, first.Local.Min, first.Local.Second, 0, time.UTC)
		diff := local.Sub(start)
		for _, off := range realOffsets() {
			resid := absDur(diff - off)
			if resid <= 5*time.Minute && (bestResid < 0 || resid < bestResid) {
				best, bestResid = int(off/time.Second), resid
			}
		}
	}
	return best, bestResid >= 0
}

// realOffsets lists the UTC offsets zones use: whole hours from -12 to +14
// and the half and three-quarter hours in use.
func realOffsets() []time.Duration {
	var out []time.Duration
	for h := -12; h <= 14; h++ {
		out = append(out, time.Duration(h)*time.Hour)
	}
	for _, m := range []int{-9*60 - 30, -3*60 - 30, 3*60 + 30, 4*60 + 30, 5*60 + 30, 5*60 + 45, 6*60 + 30, 8*60 + 45, 9*60 + 30, 10*60 + 30, 12*60 + 45} {
		out = append(out, time.Duration(m)*time.Minute)
	}
	return out
}

func absDur(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// applyInferredZone converts entries without a zone with the inferred
// offset, starting from the date of start in that zone.
func applyInferredZone(entries []TimelineEntry, offset int, start time.Time) {
	z := fixedZone("UTC"+formatOffset(offset), offset)
	localStart := start.Add(time.Duration(offset) * time.Second)
	d := date{localStart.Year(), localStart.Month(), localStart.Day()}
	prev := -1
	for i := range entries {
		e := &entries[i]
		if e.ZoneSrc != ZoneUnknown {
			continue
		}
		c := clock{e.Local.Hour, e.Local.Min, e.Local.Second}
		if e.Local.HasDate {
			d = date{e.Local.Year, e.Local.Month, e.Local.Day}
		} else if prev >= 0 && c.seconds() < prev-3600 {
			d = d.addDays(1)
		}
		prev = c.seconds()
		at, _ := z.at(d, c)
		e.At = &at
		e.Zone = z.Name
		e.ZoneSrc = ZoneInferred
		e.Local.Year, e.Local.Month, e.Local.Day, e.Local.HasDate = d.Year, d.Month, d.Day, true
	}
}
