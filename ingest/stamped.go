package ingest

// Status pages whose updates are set apart by timestamp lines: the stamp on
// a line of its own before each update ("05/07/2020 12:58PM UTC" on
// StatusHub, "3 Oct 2022 12:35 PDT" in a Google Cloud incident's table) or
// after it ("3:23 PM PST" on Slack's status site, "Thu, Aug 25, 2022, 09:06
// PM" on incident.io pages, where a status word may open each update).
// Text before the updates (a header such as "Incident began at 2022-09-22
// 04:28 and ended at 2022-09-22 04:50 (all times are US/Pacific).") is
// prose like the bodies.

import (
	"fmt"
	"strings"
	"time"
	"unicode"
)

// stampLine is a line holding nothing but a date/time.
type stampLine struct {
	idx int // index in the lines
	m   mention
}

// stampOf reads a line that is only a timestamp: a clock, with a date or
// a zone (a bare "10:05" is a narrative time, not a stamp).
func stampOf(text string, order dateOrder) (mention, bool) {
	t, ok := stampText(text)
	if !ok {
		return mention{}, false
	}
	return stampOfText(t, order)
}

// stampText is the text of a line stampOf reads a stamp from, its marks
// and brackets trimmed, and whether a stamp may be all of it. It makes no
// mention: stamps asks it of every line of a document before it asks
// stampOf's dearer part, whose result is a large struct to hand back.
func stampText(text string) (string, bool) {
	if len(text) > 60 || text == "" {
		return "", false
	}
	t := trimStampRight(trimStampLeft(text))
	// A clock has an hour, written in ASCII digits (the scanner finds
	// nothing in text without one): most lines of prose are let go here,
	// before the tests that look their words up.
	if indexDigit(t) < 0 || !mayStartMention(t) || !mayEndMention(t) {
		return "", false // no mention spans the line
	}
	return t, true
}

// stampOfText is stampOf of a line's stampText.
func stampOfText(t string, order dateOrder) (mention, bool) {
	f, ok := firstFound(t, order)
	if !ok || !spansStamp(&f, t) {
		return mention{}, false
	}
	return f.mention(t, new(mentionParts)), true
}

// spansStamp reports whether the first mention of t is a stamp: a clock
// with a date or a zone, all of t. It must span the line, which leaves no
// room for another: the scan stops there, and the mention is made only for
// a stamp.
func spansStamp(f *found, t string) bool {
	return f.hasC && f.from == 0 && f.to == len(t) && (f.hasDate || f.hasZ)
}

// moreParts returns parts one longer and its last element, room for the
// parts of one more mention of a document's lines. The mentions made
// point into the array, so a full one is never grown: the next is new,
// twice as long up to 64, so that a page of stamps makes a few
// allocations where it made one for each.
func moreParts(parts []mentionParts) ([]mentionParts, *mentionParts) {
	if len(parts) == cap(parts) {
		parts = make([]mentionParts, 0, min(2*cap(parts)+2, 64))
	}
	parts = parts[:len(parts)+1]
	return parts, &parts[len(parts)-1]
}

// trimStampLeft is strings.TrimLeft(s, "-*•[( "), the list marks and
// brackets before a stamp, without the library's rune-by-rune search of a
// cutset beyond ASCII: stampOf trims every short line of a document.
func trimStampLeft(s string) string {
	for s != "" {
		switch {
		case s[0] == '-' || s[0] == '*' || s[0] == '[' || s[0] == '(' || s[0] == ' ':
			s = s[1:]
		case strings.HasPrefix(s, "•"):
			s = s[len("•"):]
		default:
			return s
		}
	}
	return s
}

// trimStampRight is strings.TrimRight(s, ".])* "), the punctuation and
// brackets after a stamp, without making the cutset's byte set at each
// call.
func trimStampRight(s string) string {
	for s != "" {
		switch s[len(s)-1] {
		case '.', ']', ')', '*', ' ':
			s = s[:len(s)-1]
		default:
			return s
		}
	}
	return s
}

// dateLine reads a line that is only a date ("Thursday July 11, 2024",
// "Wednesday 10th June 2020", "2026-01-29").
func dateLine(text string, order dateOrder) (date, bool) {
	if len(text) > 40 || !mayStartMention(text) {
		return date{}, false
	}
	return dateLineOf(text, scanMentions(text, order))
}

// dateLineOf is dateLine given the mentions of text.
func dateLineOf(text string, ms []mention) (date, bool) {
	if len(ms) != 1 || ms[0].Date == nil || ms[0].Clock != nil || ms[0].Date.Year == 0 ||
		ms[0].Start != 0 || len(strings.TrimSpace(text[ms[0].End:])) > 0 {
		return date{}, false
	}
	return *ms[0].Date, true
}

// stamps lists the stamp lines of a document. A stamp holds a clock, in
// digits: the lines without one are passed over (digitLines).
func stamps(d *doc) []stampLine {
	ls, digits := d.digitLines()
	order := d.order()
	var sl stampList
	for i := digits.next(ls, 0); i < len(ls); i = digits.next(ls, i+1) {
		if t, ok := stampText(ls[i].Text); ok {
			sl.add(i, t, order)
		}
	}
	return sl.out
}

// stampList is the stamps of a document as stamps finds them, and the
// memory of their mentions' parts (see moreParts). The loop over every
// line holds only a pointer to it, not the two slices, which it kept from
// call to call at a cost to each line.
type stampList struct {
	out   []stampLine
	parts []mentionParts
}

// add adds line i, whose stampText is t, if it is a stamp.
func (sl *stampList) add(i int, t string, order dateOrder) {
	f, ok := firstFound(t, order)
	if !ok || !spansStamp(&f, t) {
		return
	}
	var p *mentionParts
	sl.parts, p = moreParts(sl.parts)
	sl.out = append(sl.out, stampLine{idx: i, m: f.mention(t, p)})
}

// stampLines is stamps of the document's lines, made once: detection and
// the reader both ask for them, and reading a line's times is the dearest
// part of both.
func (d *doc) stampLines() []stampLine {
	if !d.stampsDone {
		d.stamps, d.stampsDone = stamps(d), true
	}
	return d.stamps
}

// detectStamped recognises updates set apart by timestamp lines.
func detectStamped(d *doc) (int, string) {
	st := d.stampLines()
	full := 0
	for _, s := range st {
		if s.m.Date != nil && s.m.Zone != nil {
			full++
		}
	}
	switch {
	case full >= 1 && len(st) >= 1 && !hasPostedLines(d.lines()):
		return 2, fmt.Sprintf("%d update(s) set apart by timestamp lines (first at line %d: %q)", len(st), d.lines()[st[0].idx].N, clip(d.lines()[st[0].idx].Text, 40))
	case len(st) >= 2 && !hasPostedLines(d.lines()):
		return 2, fmt.Sprintf("%d updates set apart by timestamp lines", len(st))
	}
	return 0, "no lines that hold only a timestamp"
}

func hasPostedLines(ls []line) bool {
	for _, l := range ls {
		if isPosted(l.Text) {
			return true
		}
	}
	return false
}

// parseStamped reads a page of stamp-separated updates.
func parseStamped(d *doc) (Incident, error) {
	inc := Incident{Format: FormatStampedText}
	ls := d.lines()
	st := d.stampLines()
	if len(st) == 0 {
		return inc, lineErrorf(1, ErrNoUpdates, "want updates set apart by timestamp lines such as \"05/07/2020 12:58PM UTC\"")
	}
	var pageDate *date
	for _, l := range ls[:st[0].idx] {
		if dd, ok := dateLine(l.Text, d.order()); ok {
			// A copy made here, where the date is found: the address of dd
			// itself sent dd to the heap at every line tried.
			page := dd
			pageDate = &page
			break
		}
	}
	leading := stampsLead(ls, st)
	headEnd := st[0].idx // lines before the first update
	if !leading {
		headEnd = trailingStart(ls, st[0].idx)
	}
	inc.Title, inc.Source.Line = stampedTitle(ls[:headEnd], d.order())
	head := ls[:headEnd]
	if !leading {
		head = ls[:st[0].idx]
	}
	// "Org / Title / Affected components / ... / Updates" (incident.io):
	// two short lines before the components or updates heading are the
	// organisation and the title; the lines under the components heading
	// are the components.
	for i, l := range head {
		if !isComponentsHead(l.Text) && !isUpdatesHeading(l.Text) {
			continue
		}
		var named []line
		for _, p := range head[:i] {
			if p.Text != "" && !strings.Contains(p.Text, " > ") && len(p.Text) <= 120 {
				named = append(named, p)
			}
		}
		if len(named) == 2 && !isTitleField(named[1].Text) {
			inc.Organization = named[0].Text
			inc.Title, inc.Source.Line = named[1].Text, named[1].N
		}
		if isComponentsHead(l.Text) {
			for _, c := range head[i+1:] {
				if c.Text == "" || isUpdatesHeading(c.Text) {
					break
				}
				inc.Components = append(inc.Components, Component{Name: c.Text})
			}
		}
		break
	}
	// "Incident affecting Cloud Queues, Cloud Functions" names the
	// components; the title is the line after it.
	for i, l := range ls[:headEnd] {
		if list, ok := affectingList(l.Text); ok {
			inc.Components, _ = parseComponentList(list)
			if j := firstNonBlank(ls, i+1); j < headEnd {
				inc.Title, inc.Source.Line = ls[j].Text, ls[j].N
			}
			break
		}
	}
	if inc.Source.Line == 0 {
		inc.Source.Line = ls[st[0].idx].N
	}
	docZone := blockZone(ls, d.order())
	// One block and one update for each stamp at most, made at once.
	texts := make([]proseBlock, 1, 1+len(st))
	texts[0] = proseBlock{Lines: ls[:headEnd]}
	ups := make([]Update, 0, len(st))
	var rewritten []line // the bodies of inline statuses (restOfBody)
	for k, s := range st {
		var body []line
		if leading {
			end := len(ls)
			if k+1 < len(st) {
				end = st[k+1].idx
			}
			body = ls[s.idx+1 : end]
		} else {
			from := headEnd
			if k > 0 {
				from = st[k-1].idx + 1
			}
			body = ls[from:s.idx]
		}
		body, tail := splitComponents(body)
		if len(tail) > 0 && len(inc.Components) == 0 {
			inc.Components = tail
		}
		at, ok := stampTime(&inc, s, pageDate, docZone, d)
		if !ok {
			continue
		}
		u := Update{Status: StatusUpdate, At: at, Line: ls[s.idx].N}
		if j := firstNonBlank(body, 0); j < len(body) {
			if stt, ok := ParseStatus(body[j].Text); ok {
				u.Status, u.Word = stt, body[j].Text
				body = body[j+1:]
			} else if word, rest, stt, ok := inlineStatus(body[j].Text); ok {
				u.Status, u.Word = stt, word
				body, rewritten = restOfBody(rewritten, body, j, rest, len(ls))
			}
		}
		u.Text, u.TextLines = joinTextLines(body)
		if u.Word == "" {
			u.Status, u.Inferred = defaultStatus(u.Text)
		}
		ups = append(ups, u)
		texts = append(texts, proseBlock{Lines: body})
	}
	if len(ups) == 0 {
		return inc, lineErrorf(ls[st[0].idx].N, ErrNoUpdates, "no timestamp line could be read as a time")
	}
	if leading && len(inc.Components) == 0 {
		_, inc.Components = splitComponents(ls[st[len(st)-1].idx+1:])
	}
	if !leading {
		rest, tail := splitComponents(ls[st[len(st)-1].idx+1:])
		if len(tail) > 0 {
			inc.Components = tail
		}
		for _, l := range rest {
			if l.Text != "" && !isPageKind(l.Text) && !strings.EqualFold(l.Text, "status") {
				inc.warnf(l.N, "text after the last timestamp has no time of its own: %q not read as an update", clip(l.Text, 50))
				break
			}
		}
	}
	inc.Updates = orderUpdates(&inc, ups)
	finish(&inc, d, finishing{texts: texts, docDate: pageDate})
	return inc, nil
}

// defaultStatus reads the status of an update without a status word from
// Statuspage's default wordings; otherwise it is an update.
func defaultStatus(text string) (Status, bool) {
	if st, ok := defaultWording(text); ok {
		return st, true
	}
	return StatusUpdate, false
}

// defaultWording returns the status whose default wording text begins
// with, its words lower-cased and set apart by single spaces: the test
// strings.HasPrefix(strings.ToLower(strings.Join(strings.Fields(text),
// " ")), wording), made on the first words of text when they are enough,
// not on a copy of all of it.
func defaultWording(text string) (Status, bool) {
	var buf [maxWording]byte
	if body, ok := wordingASCII(text, buf[:0]); ok {
		for _, d := range spDefaults {
			if len(body) >= len(d.text) && string(body[:len(d.text)]) == d.text {
				return d.status, true
			}
		}
		return StatusUnknown, false
	}
	head := wordingHead(text)
	body := strings.ToLower(strings.Join(strings.Fields(head), " "))
	if len(head) < len(text) && len(body) < maxWording {
		// The head is too short to decide (white space filled it).
		body = strings.ToLower(strings.Join(strings.Fields(text), " "))
	}
	for _, d := range spDefaults {
		if strings.HasPrefix(body, d.text) {
			return d.status, true
		}
	}
	return StatusUnknown, false
}

// wordingASCII appends to buf, up to its capacity, the start of the text
// defaultWording tests, strings.ToLower(strings.Join(strings.Fields(text),
// " ")), made on the stack for the status of almost every update. It
// reports false when it meets a byte outside ASCII before buf is full: the
// white space and the letters that fold are then the library's to decide.
func wordingASCII(text string, buf []byte) ([]byte, bool) {
	sep := false
	for i := 0; i < len(text) && len(buf) < cap(buf); i++ {
		c := text[i]
		switch {
		case c >= 0x80:
			return nil, false
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			sep = len(buf) > 0
			continue
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		}
		if sep {
			if buf = append(buf, ' '); len(buf) == cap(buf) {
				break // the space is the last byte that counts
			}
			sep = false
		}
		buf = append(buf, c)
	}
	return buf, true
}

// wordingHead is text up to the first ASCII white space at or after byte
// 256 past its leading white space, or all of text. Its words are the
// first words of text, whole: its normal form (lower-cased, single
// spaces) begins the normal form of text, and decides which wording that
// begins with once it is as long as the longest.
func wordingHead(text string) string {
	const atLeast = 256
	trimmed := strings.TrimLeftFunc(text, unicode.IsSpace)
	if len(trimmed) <= atLeast {
		return text
	}
	cut := strings.IndexAny(trimmed[atLeast:], " \t\n\r\v\f")
	if cut < 0 {
		return text
	}
	return trimmed[:atLeast+cut]
}

// stampsLead decides whether stamps head their updates or close them: they
// lead when the first one opens the page or follows a table header or an
// "Updates" heading, or when a real body follows the last one; they close
// them when what follows the last is nothing but chrome.
func stampsLead(ls []line, st []stampLine) bool {
	before := 0
	for _, l := range ls[:st[0].idx] {
		if l.Text != "" {
			before++
		}
	}
	if before <= 2 {
		return true
	}
	if j := lastNonBlank(ls, st[0].idx); j >= 0 && (isColumnHeader(ls[j].Text) || isUpdatesHeading(ls[j].Text)) {
		return true
	}
	tail, _ := splitComponents(ls[st[len(st)-1].idx+1:])
	size := 0
	for _, l := range tail {
		if !isPageKind(l.Text) && !strings.EqualFold(l.Text, "status") {
			size += len(l.Text)
		}
	}
	return size >= 80
}

// trailingStart finds where the first update's body begins on a page whose
// stamps close their updates: after an "Updates" heading, else after the
// title block (date line, type line, title).
func trailingStart(ls []line, firstStamp int) int {
	for i := firstStamp - 1; i >= 0; i-- {
		if isUpdatesHeading(ls[i].Text) {
			return i + 1
		}
	}
	// Skip the date line, the type line and the title.
	n := 0
	for i := 0; i < firstStamp; i++ {
		if ls[i].Text == "" {
			continue
		}
		if _, ok := dateLine(ls[i].Text, monthFirst); ok || isPageKind(ls[i].Text) {
			continue
		}
		n++
		if n == 1 { // the title
			return i + 1
		}
	}
	return 0
}

// stampedTitle is the page's "Title:" field, else the first line of the
// head that is no date, type word, stamp, breadcrumb ("Service health >
// Exchange Online") or chrome.
func stampedTitle(head []line, order dateOrder) (string, int) {
	for _, l := range head {
		if title, ok := titleFieldValue(l.Text); ok {
			return strings.TrimSpace(title), l.N
		}
	}
	for _, l := range head {
		if l.Text == "" || isPageKind(l.Text) || isColumnHeader(l.Text) || strings.Contains(l.Text, " > ") ||
			isUpdatesHeading(l.Text) || isComponentsHead(l.Text) {
			continue
		}
		if _, ok := dateLine(l.Text, order); ok {
			continue
		}
		if _, ok := stampOf(l.Text, order); ok {
			continue
		}
		if len(l.Text) > 160 {
			return "", 0
		}
		return l.Text, l.N
	}
	return "", 0
}

// splitComponents cuts a "Features affected" list off the end of a block.
func splitComponents(body []line) ([]line, []Component) {
	for i, l := range body {
		if !isComponentsHead(l.Text) {
			continue
		}
		var comps []Component
		for _, c := range body[i+1:] {
			if c.Text == "" || isPageKind(c.Text) || strings.EqualFold(c.Text, "status") {
				if len(comps) > 0 {
					break
				}
				continue
			}
			comps = append(comps, Component{Name: c.Text})
		}
		return body[:i], comps
	}
	return body, nil
}

// stampTime turns a stamp into UTC: its own date or the page's; its own
// zone, the document's, the assumed one, or UTC with a warning.
func stampTime(inc *Incident, s stampLine, pageDate *date, docZone *zone, d *doc) (time.Time, bool) {
	line := d.lines()[s.idx].N
	dt := s.m.Date
	if dt == nil {
		dt = pageDate
	}
	if dt == nil {
		inc.warnf(line, "timestamp %q has no date and the page gives none: skipped", s.m.Text)
		return time.Time{}, false
	}
	dd := *dt
	if dd.Year == 0 {
		if pageDate == nil || pageDate.Year == 0 {
			inc.warnf(line, "timestamp %q has no year and the page gives none: skipped", s.m.Text)
			return time.Time{}, false
		}
		dd.Year = inferYear(dd.Month, dd.Day, time.Date(pageDate.Year, pageDate.Month, pageDate.Day, 12, 0, 0, 0, time.UTC))
	}
	if !dd.valid() {
		return time.Time{}, false
	}
	z := s.m.Zone
	if z == nil {
		z = docZone
	}
	if z == nil {
		z = d.opts.assumed()
	}
	if z == nil {
		z = &zone{Name: "UTC", Fixed: true}
		inc.warnf(line, "timestamp %q has no zone and the page names none: read as UTC (use --assume-zone to set it)", s.m.Text)
	}
	at, note := z.at(dd, *s.m.Clock)
	if note != "" {
		inc.warnf(line, "%s", note)
	}
	return at, true
}
