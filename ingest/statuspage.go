package ingest

// Statuspage incident pages as text: a title, "Incident Report for ORG", an
// optional "Postmortem" block, status blocks newest first (a status word,
// body lines, "Posted Apr 11, 2023 - 14:55 EDT"), and a closing "This
// incident affected: ..." line.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

var (
	spReportFor = regexp.MustCompile(`(?i)^(?:(scheduled maintenance|maintenance)|incident) report for\s+(.+)$`)
	// spInline is a status and its body on one line: "Resolved - This
	// incident has been resolved."
	spInline = regexp.MustCompile(`^([A-Za-z][A-Za-z -]{3,20}?)(?:\s+[-–—]|[.:])\s+(.+)$`)
	// spComponentField is a component named in an update body:
	// "Component(s): Customer Support Portal".
	spComponentField = regexp.MustCompile(`(?i)^(?:[•*-]\s*)?(?:affected )?components?(?:\(s\))?\s*:\s*(.+)$`)
)

// reportForMatch is the "Incident Report for" line of a Statuspage page:
// its index i among the lines and spReportFor's submatches, when ok.
type reportForMatch struct {
	i   int
	ok  bool
	sub [3]string
}

// detectStatuspage scores how much lines look like a Statuspage incident
// page.
func detectStatuspage(d *doc) (int, string) {
	ls, order := d.lines(), d.order()
	posted := 0
	for i, l := range ls {
		// The tests of the line's opening first: the expression costs more.
		if mayReportFor(l.Text) && reportForHead(l.Text) {
			var sub [3]string
			if m := spReportForInto(l.Text, &sub); m != nil {
				d.reportFor = reportForMatch{i: i, ok: true}
				copy(d.reportFor.sub[:], m)
				return 3, lineReads(l)
			}
		}
		if !mayPosted(l.Text) {
			continue
		}
		if stamp, ok := postedStamp(l.Text); ok {
			// A stamp without a year ("Posted 7 Sep at 07:24pm UTC.")
			// counts: the year comes from the page.
			if ms := scanMentions(stamp, order); len(ms) > 0 && ms[0].Date != nil && ms[0].Clock != nil && ms[0].Zone != nil {
				posted++ // a date, a time and a zone
			}
		}
	}
	if posted > 0 {
		return 2, fmt.Sprintf("%d \"Posted <date> - <time> <zone>\" lines", posted)
	}
	return 0, "no \"Incident Report for\" line and no \"Posted <date>\" line"
}

// spBlock is one dated block of the page, in page order.
type spBlock struct {
	word   string // status heading as written, "" if none
	status Status
	body   []line
	at     time.Time
	line   int // first line of the block
	posted int // line of its Posted stamp
	// text is the body joined (appendTextLines), and textLines the line
	// of each of its lines: joined once, for the status the body's
	// wording implies and for the update.
	text      string
	textLines []int
}

// spBlocksOnStack is how many blocks parseStatuspage holds in its own
// frame before statuspageBlocks makes room on the heap: more than most
// pages have.
const spBlocksOnStack = 12

// parseStatuspage reads one Statuspage incident page.
func parseStatuspage(d *doc) (Incident, error) {
	ls, order := d.lines(), d.order()
	inc := Incident{Format: FormatStatuspageText}
	start := 0
	maintenance := false
	for i, l := range ls {
		var m []string
		switch r := d.reportFor; {
		case r.ok && i < r.i:
			continue // detection tried these lines: no header
		case r.ok && i == r.i:
			m = r.sub[:]
		case mayReportFor(l.Text) && reportForHead(l.Text):
			m = spReportForMatch(l.Text)
		}
		if m != nil {
			inc.Organization = strings.TrimSpace(m[2])
			maintenance = m[1] != ""
			if j := lastNonBlank(ls, i); j >= 0 {
				inc.Title = ls[j].Text
				if _, title, ok := mdHeadingParts(inc.Title); ok {
					inc.Title = title // a saved HTML page's <h1>
				}
			}
			inc.Source.Line = ls[max(lastNonBlank(ls, i), 0)].N
			start = i + 1
			break
		}
	}
	if start == 0 {
		// No header: a first line that is no status word, followed by one,
		// is the title.
		i := firstNonBlank(ls, 0)
		j := firstNonBlank(ls, i+1)
		if j < len(ls) {
			_, isStatus := ParseStatus(ls[i].Text)
			_, nextStatus := ParseStatus(ls[j].Text)
			if !isStatus && nextStatus && !isPosted(ls[i].Text) {
				inc.Title, inc.Source.Line = ls[i].Text, ls[i].N
				start = i + 1
			}
		}
	}
	var onStack [spBlocksOnStack]spBlock
	blocks, tail, notes, errs := statuspageBlocks(ls[start:], order, onStack[:0])
	if len(blocks) == 0 {
		if len(errs) > 0 {
			return inc, errs[0]
		}
		return inc, lineErrorf(ls[min(start, len(ls)-1)].N, ErrNoUpdates, "want status blocks ending in \"Posted Apr 11, 2023 - 14:55 EDT\"")
	}
	inc.Warnings = append(inc.Warnings, notes...)
	for _, e := range errs {
		inc.warnf(e.Line, "%v", e.Err)
	}
	if inc.Source.Line == 0 {
		inc.Source.Line = blocks[0].line
	}
	nlines := 0
	for _, b := range blocks {
		nlines += len(b.body)
	}
	nums := make([]int, 0, nlines) // the updates' TextLines, in one allocation
	for i := range blocks {
		b := &blocks[i]
		b.text, b.textLines, nums = appendTextLines(b.body, nums)
	}
	inferStatuspageStatuses(blocks)
	for _, b := range blocks {
		maintenance = maintenance || b.status == StatusScheduled || b.status == StatusInProgress ||
			b.status == StatusVerifying || b.status == StatusCompleted
	}
	texts := make([]proseBlock, 0, len(blocks))
	// The updates are written where orderUpdates would put them before
	// its sort (newest-first pages read bottom-up), rather than in page
	// order and then moved.
	asc, desc := blockSteps(blocks)
	reverse := pageReversed(&inc, asc, desc)
	inc.Updates = make([]Update, len(blocks))
	for i, b := range blocks {
		u := Update{Status: b.status, Word: b.word, Inferred: b.word == "", At: b.at, Line: b.line, Text: b.text, TextLines: b.textLines}
		if b.status == StatusPostmortem {
			inc.Postmortem = &Text{Body: u.Text, Line: b.line, Lines: u.TextLines}
			texts = slices.Insert(texts, 0, proseBlock{Lines: b.body, Postmortem: true}) // within its capacity
		} else {
			texts = append(texts, proseBlock{Lines: b.body})
		}
		if reverse {
			i = len(blocks) - 1 - i
		}
		inc.Updates[i] = u
	}
	if asc > 0 && desc > 0 {
		inc.warnf(blocks[0].line, unorderedUpdates, asc, desc)
	}
	sortUpdatesStable(inc.Updates)
	// Prose in updates is read oldest first, after the postmortem.
	if n := len(texts); n > 1 {
		first := 0
		if texts[0].Postmortem {
			first = 1
		}
		rest := texts[first:]
		for i, j := 0, len(rest)-1; i < j; i, j = i+1, j-1 {
			rest[i], rest[j] = rest[j], rest[i]
		}
	}
	// After the last block: the affected-components line, page chrome, or
	// the start of a block cut off before its Posted line.
	affected := false
	for _, l := range tail {
		if kind, list, ok := spAffectedLine(l.Text); ok {
			inc.Components, inc.Groups = parseComponentList(strings.TrimSuffix(strings.TrimSpace(list), "."))
			maintenance = maintenance || !strings.EqualFold(kind, "incident")
			affected = true
		}
	}
	if !affected {
		if i := firstNonBlank(tail, 0); i < len(tail) {
			inc.warnf(tail[i].N, "text after the last \"Posted\" line has no time of its own (was the page cut short?): %q not read as an update", clip(tail[i].Text, 50))
		}
	}
	if len(inc.Components) == 0 {
		inc.Components = componentsFromBodies(blocks)
	}
	if maintenance {
		inc.Impact = ImpactMaintenance
	}
	finish(&inc, d, finishing{texts: texts, maintenance: maintenance})
	return inc, nil
}

// statuspageBlocks splits the page after its header into dated blocks, each
// ended by a Posted line. It returns the blocks in page order, the lines
// after the last block, and errors for Posted lines it could not read.
// The blocks are appended to buf, which holds them when it is large enough.
func statuspageBlocks(ls []line, order dateOrder, buf []spBlock) ([]spBlock, []line, []Warning, []*ParseError) {
	// A Posted line starts with "p" or "P": their count bounds the blocks.
	n := 0
	for _, l := range ls {
		if mayPosted(l.Text) {
			n++
		}
	}
	blocks := slices.Grow(buf[:0], n)
	var notes []Warning
	var errs []*ParseError
	begin := 0
	var ref time.Time // gives stamps without a year one; looked for once, if needed
	looked := false
	var rewritten []line // the bodies of inline statuses (restOfBody)
	for i, l := range ls {
		if !mayPosted(l.Text) {
			continue
		}
		stamp, ok := postedStamp(l.Text)
		if !ok {
			continue
		}
		r, yearless, err := readStamp(stamp, ref, order)
		if err != nil && !looked && yearless {
			looked = true
			if ref = yearReference(ls, order); !ref.IsZero() {
				r, _, err = readStamp(stamp, ref, order)
			}
		}
		if err != nil {
			errs = append(errs, lineErrorf(l.N, ErrBadTime, "Posted line: %v", err))
			if relativeAgo.MatchString(stamp) {
				// "Posted 3 days ago": the update is there but undated; it
				// ends its block, and is not read.
				begin = i + 1
			}
			continue
		}
		if r.Note != "" {
			notes = append(notes, Warning{Line: l.N, Msg: r.Note})
		}
		b := spBlock{at: r.At, posted: l.N}
		body := ls[begin:i]
		j := firstNonBlank(body, 0)
		if j < len(body) {
			b.line = body[j].N
			if st, ok := ParseStatus(body[j].Text); ok {
				b.word, b.status = body[j].Text, st
				body = body[j+1:]
			} else if word, rest, st, ok := inlineStatus(body[j].Text); ok {
				b.word, b.status = word, st
				body, rewritten = restOfBody(rewritten, body, j, rest, len(ls))
			}
		} else {
			b.line = l.N
		}
		b.body = body
		blocks = append(blocks, b)
		begin = i + 1
	}
	return blocks, ls[begin:], notes, errs
}

// relativeAgo is a time relative to when a page was saved ("3 days ago").
var relativeAgo = regexp.MustCompile(`(?i)\b(?:\d+|an?|a few|several)\s+(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?)\s+ago\b`)

// spHeadWord is a capitalised status heading run into its body by a text
// extraction: "Resolved This incident has been resolved."
var spHeadWord = regexp.MustCompile(`^(Investigating|Identified|Monitoring|Update|Resolved|Postmortem|Scheduled|In progress|Verifying|Completed)\s+([A-Z].*)$`)

// inlineStatus reads a status and its body written on one line:
// "Resolved - This incident has been resolved." or, where a text
// extraction lost the line break, "Resolved This incident has been
// resolved."
func inlineStatus(s string) (word, rest string, st Status, ok bool) {
	if !mayInlineStatus(s) {
		return "", "", StatusUnknown, false
	}
	if m := spInline.FindStringSubmatch(s); m != nil {
		if st, ok := ParseStatus(m[1]); ok {
			return m[1], m[2], st, true
		}
	}
	if m := spHeadWord.FindStringSubmatch(s); m != nil {
		st, _ := ParseStatus(m[1])
		return m[1], m[2], st, true
	}
	return "", "", StatusUnknown, false
}

// mayInlineStatus is a cheap test inlineStatus cannot succeed without,
// made before its expressions on the first line of every block that opens
// with no status word of its own. Both read a status word at the start of
// the line, written in ASCII letters, spaces and "-": the line's first run
// of ASCII letters, in lower case, is then the first word of one of
// ParseStatus's words.
func mayInlineStatus(s string) bool {
	const longest = len("investigating")
	e := 0
	for e < len(s) && e <= longest && isASCIILetter(s[e]) {
		e++
	}
	if e == 0 || e > longest {
		return false
	}
	var low [longest]byte
	for i := range e {
		low[i] = s[i] | 0x20
	}
	switch string(low[:e]) {
	case "investigating", "identified", "in", "monitoring", "watching", "recovering", "update", "updated",
		"resolved", "fixed", "postmortem", "post", "rca", "scheduled", "soon", "upcoming", "planned",
		"starting", "started", "underway", "verifying", "completed", "complete", "finished":
		return true
	}
	return false
}

// yearReference finds a time that gives a year to stamps written without
// one: the first full date with a year anywhere in the page.
func yearReference(ls []line, order dateOrder) time.Time {
	for _, l := range ls {
		for _, m := range scanMentions(l.Text, order) {
			if m.Date != nil && m.Date.Year != 0 {
				return time.Date(m.Date.Year, m.Date.Month, m.Date.Day, 12, 0, 0, 0, time.UTC)
			}
		}
	}
	return time.Time{}
}

// Statuspage's default wording for each status: an update without a
// status word whose body begins with one of these has that status.
var spDefaults = []struct {
	text   string
	status Status
}{
	{"we are currently investigating this issue", StatusInvestigating},
	{"the issue has been identified and a fix is being implemented", StatusIdentified},
	{"a fix has been implemented and we are monitoring the results", StatusMonitoring},
	{"this incident has been resolved", StatusResolved},
	{"the scheduled maintenance has been completed", StatusCompleted},
	{"scheduled maintenance is currently in progress", StatusInProgress},
	{"verification is currently underway for the maintenance items", StatusVerifying},
}

// maxWording is the length of the longest of spDefaults' wordings (a test
// checks it).
const maxWording = len("verification is currently underway for the maintenance items")

// pmSection matches the section headings of a postmortem.
var pmSection = regexp.MustCompile(`(?i)^(?:#+\s*)?(?:\*\*)?(?:what happened|root cause(?: analysis)?|timeline(?: of events)?|summary|incident summary|(?:service |customer )?impact|scope of impact|next steps|action items|lessons learned|resolution(?: steps)?|remediation.*|contributing factors|why did .*|what went wrong|what (?:we are|we're|will we) do.*|how we.*|further action.*|follow[- ]up.*|prevention.*|cause analysis|overview|details|mitigation|post[- ]?mortem|post[- ]incident.*|rfo|reason for outage)\??:?(?:\*\*)?$`)

// inferStatuspageStatuses gives blocks without a status word a status: the
// one whose default wording the body begins with; for the top block of a
// page that shows no status words at all, "postmortem" when it reads like
// one (section headings, or posted after a resolution); "update" otherwise.
func inferStatuspageStatuses(blocks []spBlock) {
	headless := true
	for _, b := range blocks {
		if b.word != "" {
			headless = false
		}
	}
	for i := range blocks {
		b := &blocks[i]
		if b.word != "" {
			continue
		}
		b.status = StatusUpdate
		if st, ok := defaultWording(b.text); ok {
			b.status = st
		}
	}
	if !headless || len(blocks) < 2 || blocks[0].status != StatusUpdate {
		return
	}
	top := &blocks[0]
	sections := 0
	for _, l := range top.body {
		if isPMSection(l.Text) { // pmSection.MatchString, read by hand
			sections++
		}
	}
	afterResolve := false
	for _, b := range blocks[1:] {
		if (b.status == StatusResolved || b.status == StatusCompleted) && !top.at.Before(b.at) {
			afterResolve = true
		}
	}
	if sections > 0 || afterResolve {
		top.status = StatusPostmortem
	}
}

// orderUpdates puts updates oldest first, in place (every caller replaces
// its updates with the result). A page listed newest first is read
// bottom-up; then a stable sort by time fixes any stragglers, so updates
// posted in the same minute keep the order the page implies. A page whose
// times go both ways is reported.
func orderUpdates(inc *Incident, ups []Update) []Update {
	asc, desc := updateSteps(ups)
	if asc > 0 && desc > 0 {
		inc.warnf(ups[0].Line, unorderedUpdates, asc, desc)
	}
	if pageReversed(inc, asc, desc) {
		slices.Reverse(ups)
	}
	sortUpdatesStable(ups)
	return ups
}

// unorderedUpdates is the warning for a page whose times go both ways.
const unorderedUpdates = "updates are not in time order on the page (%d steps forward, %d back): sorted by time"

// updateSteps counts the steps forward and back between the times of
// successive updates, in page order.
func updateSteps(ups []Update) (asc, desc int) {
	for i := 1; i < len(ups); i++ {
		switch a, b := ups[i-1].At, ups[i].At; {
		case b.After(a):
			asc++
		case b.Before(a):
			desc++
		}
	}
	return asc, desc
}

// blockSteps is updateSteps over the blocks the updates are made of.
func blockSteps(blocks []spBlock) (asc, desc int) {
	for i := 1; i < len(blocks); i++ {
		switch a, b := blocks[i-1].at, blocks[i].at; {
		case b.After(a):
			asc++
		case b.Before(a):
			desc++
		}
	}
	return asc, desc
}

// pageReversed reports whether the page lists its updates newest first,
// from the steps updateSteps counts: orderUpdates reads such a page
// bottom-up before its stable sort.
func pageReversed(inc *Incident, asc, desc int) bool {
	return desc > asc || (desc == asc && inc.Format == FormatStatuspageText)
}

func sortUpdatesStable(ups []Update) {
	slices.SortStableFunc(ups, func(a, b Update) int { return a.At.Compare(b.At) })
}

// parseComponentList reads a Statuspage component list: "Web and Agent
// API", "Supporting Services (Dashboard, Admin Portal)", "A, B, and C".
// A group with children yields the children, each knowing its group; the
// group is kept in groups.
func parseComponentList(s string) ([]Component, []ComponentGroup) {
	var comps []Component
	var groups []ComponentGroup
	// The items are read into this frame's arrays when they fit: only the
	// components and groups made of them are kept.
	var itemBuf, childBuf [listOnStack]string
	items := appendList(itemBuf[:0], s)
	if len(items) > 0 {
		comps = make([]Component, 0, len(items))
	}
	for _, item := range items {
		open := strings.Index(item, "(")
		if open > 0 && strings.HasSuffix(item, ")") {
			g := ComponentGroup{Name: strings.TrimSpace(item[:open])}
			children := appendList(childBuf[:0], item[open+1:len(item)-1])
			if len(children) > 0 {
				g.Components = slices.Clone(children)
			}
			for _, c := range children {
				comps = append(comps, Component{Name: c, Group: g.Name})
			}
			groups = append(groups, g)
			continue
		}
		comps = append(comps, Component{Name: item})
	}
	if len(comps) == 0 {
		return nil, groups // as when none was appended
	}
	return comps, groups
}

// listOnStack is how many items of a component list parseComponentList
// reads without making room on the heap.
const listOnStack = 16

// splitList splits "A, B, and C" / "A and B" at top-level commas and a
// final "and", leaving parentheses alone.
func splitList(s string) []string { return appendList(nil, s) }

// appendList is splitList appending the items to out.
func appendList(out []string, s string) []string {
	if s != "" {
		// An item after each comma, and the last may be two: sized once
		// rather than grown.
		out = slices.Grow(out, strings.Count(s, ",")+2)
	}
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = appendListItem(out, s[last:i], false)
				last = i + 1
			}
		}
	}
	return appendListItem(out, s[last:], true)
}

// appendListItem appends an item of a list, trimmed, without a leading
// "and "; the last item may be "B and C" (no Oxford comma), two items.
func appendListItem(out []string, p string, last bool) []string {
	p = strings.TrimSpace(p)
	p = strings.TrimPrefix(p, "and ")
	if last {
		if k := topLevelAnd(p); k >= 0 {
			out = appendNonEmpty(out, strings.TrimSpace(p[:k]))
			p = strings.TrimSpace(p[k+len(" and "):])
		}
	}
	return appendNonEmpty(out, p)
}

// topLevelAnd finds where the last item of a list starts: after the last
// " and " outside parentheses, but after a group's ")" when an " and "
// follows one ("Sync and Collaboration (Docs, Presence) and Mobile and
// Desktop Apps"), since names may hold "and" and groups end with ")".
//
// Most lists hold no parentheses, where every " and " is outside them: the
// last is looked for at once, without the walk.
func topLevelAnd(s string) int {
	closes := strings.IndexByte(s, ')') >= 0
	if !closes && strings.IndexByte(s, '(') < 0 {
		return strings.LastIndex(s, " and ")
	}
	if closes {
		if i := strings.LastIndex(s, ") and "); i >= 0 && strings.Count(s[:i+1], "(") == strings.Count(s[:i+1], ")") {
			return i + 1
		}
	}
	depth := 0
	found := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				found = i
			}
		}
	}
	return found
}

func appendNonEmpty(out []string, s string) []string {
	if s = strings.TrimSpace(s); s != "" {
		return append(out, s)
	}
	return out
}

// componentsFromBodies reads components named in update bodies
// ("Component(s): Customer Support Portal") for pages without an
// affected-components line.
func componentsFromBodies(blocks []spBlock) []Component {
	var out []Component
	seen := map[string]bool{}
	for _, b := range blocks {
		for _, l := range b.body {
			if !mayComponentField(l.Text) {
				continue
			}
			m := spComponentField.FindStringSubmatch(l.Text)
			if m == nil {
				continue
			}
			cs, _ := parseComponentList(strings.TrimSuffix(m[1], "."))
			for _, c := range cs {
				if !seen[c.Name] {
					seen[c.Name] = true
					out = append(out, c)
				}
			}
		}
	}
	return out
}

// mayComponentField is a cheap test spComponentField cannot match a line
// without, run before it on every line of every update: the expression
// needs a ":" and "component" in any case (whose letters (?i) folds to no
// other than their ASCII capitals).
func mayComponentField(s string) bool {
	return strings.IndexByte(s, ':') >= 0 && containsFold(s, "component")
}

func lastNonBlank(ls []line, before int) int {
	for j := before - 1; j >= 0; j-- {
		if ls[j].Text != "" {
			return j
		}
	}
	return -1
}

// clip shortens s to at most n runes for messages.
func clip(s string, n int) string {
	off, ok := clipAt(s, n)
	if ok {
		if off == len(s) {
			return s
		}
		return s[:off] + "…"
	}
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

// clipAt is where clip cuts s: after its first n runes, found in place
// (len(s) when s has no more), with ok true. Valid UTF-8 reads the same
// as through []rune, which writes each invalid byte as U+FFFD: ok is false
// when s[:off] is not valid, and clip goes through runes.
func clipAt(s string, n int) (off int, ok bool) {
	if len(s) <= n {
		return len(s), true // no more runes than bytes
	}
	// Most text is ASCII: a byte a rune, and valid.
	for off < n && s[off] < utf8.RuneSelf {
		off++
	}
	if off == n {
		return n, true // n < len(s)
	}
	k := off
	for off < len(s) && k < n {
		_, size := utf8.DecodeRuneInString(s[off:])
		off, k = off+size, k+1
	}
	if off == len(s) {
		return off, true
	}
	return off, utf8.ValidString(s[:off])
}
