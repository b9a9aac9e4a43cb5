package ingest

// Status-page aggregator text: "ORG experienced a major incident on
// September 21, 2021 affecting A, B, lasting 4h 16m.", optional "Affected
// components" and "Update timeline" headings, and updates oldest first as
// "- identified Sep 21, 2021, 11:40 AM UTC" (or "1. investigating ...")
// followed by body lines. The fuller rendering adds a title, an impact and
// state badge, and a Started / Resolved / Duration block.

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"time"
)

var (
	// agBadge is the fuller rendering's impact and state line: "Minor
	// Resolved View vendor source →".
	agBadge   = regexp.MustCompile(`(?i)^(?:[a-z]+\s+)?(?:resolved|ongoing|active|investigating|identified|monitoring|scheduled|in progress|completed|postmortem)\b|view vendor source`)
	agHeading = regexp.MustCompile(`(?i)^(affected components|update timeline|started|resolved|duration|detected by .+|ended)$`)
)

// detectAggregator scores how much lines look like aggregator text. The
// summary line it finds is kept in d for parseAggregator: matching it is
// the dearest test on the page.
func detectAggregator(d *doc) (int, string) {
	ls, digits := d.digitLines()
	order := d.order()
	updates := 0
	// Both the summary (its date) and an update line (its stamp) hold a
	// digit: the lines without one are passed over (digitLines).
	for i := digits.next(ls, 0); i < len(ls); i = digits.next(ls, i+1) {
		l := ls[i]
		if mayBeSummary(l.Text) {
			var m agSubmatches
			if agSummaryInto(l.Text, &m) {
				d.summary = summaryMatch{i: i, ok: true, m: m}
				return 3, lineReads(l)
			}
		}
		if !mayBeUpdate(l.Text) {
			continue // no list item
		}
		if word, stamp, ok := agUpdateLine(l.Text); ok {
			if _, ok := ParseStatus(word); ok {
				if _, _, err := readStamp(stamp, time.Time{}, order); err == nil {
					updates++
				}
			}
		}
	}
	if updates > 0 {
		return 2, fmt.Sprintf("%d \"- <status> <date>, <time> <zone>\" update lines", updates)
	}
	return 0, "no \"ORG experienced a ... incident on ...\" sentence and no \"- <status> <date>\" update lines"
}

// summaryMatch is the first line of a document agSummaryInto matches (its
// index in the lines) and the submatches; ok reports whether there is one.
type summaryMatch struct {
	i  int
	ok bool
	m  agSubmatches
}

// mayBeSummary and mayBeUpdate are cheap tests before the regular
// expressions, which detection runs on every line of every input.
// A summary holds its kind of event, " on " and the capital its date opens
// with ("incident on S"), and "experienced a", "experiencing a", "had a" or
// "having a" before its impact. " on " is common in prose, and most lines
// that hold it fail at the kind before it or the letter after it, without
// the four searches for the verbs.
func mayBeSummary(s string) bool {
	return hasKindOn(s) && (strings.Contains(s, "experienced a") || strings.Contains(s, "had a") ||
		strings.Contains(s, "experiencing a") || strings.Contains(s, "having a"))
}

// endsWithKind reports whether s ends with one of agKinds.
func endsWithKind(s string) bool {
	for _, k := range agKinds {
		if strings.HasSuffix(s, k) {
			return true
		}
	}
	return false
}

// An update line also holds a digit, in the stamp's date: detection
// passes over the lines without one (digitLines) before agUpdateLine
// walks a list item's words, which most list items of other formats are.
func mayBeUpdate(s string) bool {
	return s != "" && (s[0] == '-' || s[0] == '*' || (s[0] >= '0' && s[0] <= '9') || strings.HasPrefix(s, "•"))
}

// parseAggregator reads one aggregator page.
func parseAggregator(d *doc) (Incident, error) {
	ls, order := d.lines(), d.order()
	inc := Incident{Format: FormatAggregatorText}
	sum := -1
	var compText, lasting string
	var ref time.Time
	var m agSubmatches
	for i, l := range ls {
		switch s := &d.summary; {
		case s.ok && i < s.i:
			continue // detection tried these lines: no summary
		case s.ok && i == s.i:
			m = s.m
		case !mayBeSummary(l.Text) || !agSummaryInto(l.Text, &m):
			continue
		}
		sum = i
		inc.Organization = strings.TrimSpace(m[1])
		if imp, ok := ParseImpact(m[2]); ok {
			inc.Impact = imp
		} else if strings.EqualFold(m[2], "notice") {
			inc.Impact = ImpactNone // the aggregator's word for Statuspage's "none"
		}
		if strings.EqualFold(m[3], "maintenance") || strings.EqualFold(m[2], "maintenance") {
			inc.Impact = ImpactMaintenance
		}
		compText, lasting = m[5], m[6]
		if d, ok := summaryDate(m[4]); ok {
			ref = time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
		} else if ms := scanMentions(m[4], order); len(ms) > 0 && ms[0].Date != nil && ms[0].Date.Year != 0 {
			d := ms[0].Date
			ref = time.Date(d.Year, d.Month, d.Day, 12, 0, 0, 0, time.UTC)
		}
		inc.Source.Line = l.N
		if lasting = strings.TrimSpace(lasting); lasting != "" && strings.Trim(lasting, "—–-? ") != "" {
			if d, n, ok := readDuration(strings.ToLower(lasting)); ok && n == len(lasting) {
				inc.StatedDuration = &StatedDuration{Duration: d, Line: l.N, Text: concatIn(l.Text, "lasting ", lasting)}
			} else {
				inc.warnf(l.N, "stated duration %q: want a duration such as \"4h 16m\"", lasting)
			}
		}
		break
	}
	if sum >= 0 {
		inc.Title, inc.Source.Line = aggregatorTitle(ls[:sum], inc.Organization, inc.Source.Line)
	}
	var onStack [agBodiesOnStack][]line
	ups, bodies, sections := aggregatorUpdates(&inc, ls, ref, order, onStack[:0])
	if len(ups) == 0 {
		n := 1
		if len(ls) > 0 {
			n = ls[0].N
		}
		if sum >= 0 {
			n = ls[sum].N
		}
		return inc, lineErrorf(n, ErrNoUpdates, "want update lines such as \"- investigating Sep 21, 2021, 11:40 AM UTC\"")
	}
	if inc.Source.Line == 0 {
		inc.Source.Line = ups[0].Line
	}
	inc.Components = aggregatorComponents(compText, sections.affected, inc.Organization)
	if inc.StatedDuration == nil {
		if ds := sections.duration; len(ds) > 0 {
			if d, n, ok := readDuration(strings.ToLower(ds[0].Text)); ok && n == len(ds[0].Text) {
				inc.StatedDuration = &StatedDuration{Duration: d, Line: ds[0].N, Text: "Duration " + ds[0].Text}
			}
		}
	}
	texts := make([]proseBlock, 0, len(ups))
	for i, u := range ups {
		if u.Status == StatusPostmortem {
			if inc.Postmortem == nil {
				inc.Postmortem = &Text{Body: u.Text, Line: u.Line, Lines: u.TextLines}
			}
			texts = slices.Insert(texts, 0, proseBlock{Lines: bodies[i], Postmortem: true}) // within its capacity
		} else {
			texts = append(texts, proseBlock{Lines: bodies[i]})
		}
	}
	inc.Updates = orderUpdates(&inc, ups)
	finish(&inc, d, finishing{texts: texts, maintenance: inc.Impact == ImpactMaintenance})
	return inc, nil
}

// aggregatorTitle finds the title of the fuller rendering among the lines
// before the summary: the last line that is neither the "ORG incident"
// line nor the impact badge.
func aggregatorTitle(before []line, org string, fallback int) (string, int) {
	for j := len(before) - 1; j >= 0; j-- {
		t := before[j].Text
		if t == "" || isAgBadge(t) {
			continue
		}
		if org != "" && (orgLine(t, org, " incident") || orgLine(t, org, " maintenance")) {
			return "", fallback
		}
		return t, before[j].N
	}
	return "", fallback
}

// orgLine reports whether strings.ToLower(t) == strings.ToLower(org)+kind,
// kind being lower-case ASCII; without the strings for ASCII text.
func orgLine(t, org, kind string) bool {
	if !isASCII(t) || !isASCII(org) {
		return strings.ToLower(t) == strings.ToLower(org)+kind
	}
	return len(t) == len(org)+len(kind) && strings.EqualFold(t[:len(org)], org) && strings.EqualFold(t[len(org):], kind)
}

// agBodiesOnStack is how many update bodies parseAggregator holds in its
// own frame before aggregatorUpdates makes room on the heap: more than
// most pages have.
const agBodiesOnStack = 16

// aggregatorUpdates reads the update lines and their bodies, which it
// appends to buf; it also returns the lines under the page's "Affected
// components" and "Duration" headings, the sections parseAggregator reads.
func aggregatorUpdates(inc *Incident, ls []line, ref time.Time, order dateOrder, buf [][]line) ([]Update, [][]line, agSections) {
	// Every update line passes mayBeUpdate: their count bounds the updates.
	n := 0
	for _, l := range ls {
		if mayBeUpdate(l.Text) {
			n++
		}
	}
	ups := make([]Update, 0, n)
	bodies := slices.Grow(buf[:0], n)
	var sections agSections
	// An update's body is every line after it up to the next update: a
	// piece of ls, not a copy (capped, so that appending to it copies).
	// The section being read (nil under other headings) is the lines from
	// sectionFrom to the next heading or the first update: a piece of ls
	// too, kept when it is read to its end.
	var heading *[]line
	bodyFrom, sectionFrom := 0, 0
	for i, l := range ls {
		if mayBeUpdate(l.Text) {
			if u, ok := agUpdate(inc, l, &ref, order); ok {
				if len(bodies) > 0 && i > bodyFrom {
					bodies[len(bodies)-1] = ls[bodyFrom:i:i]
				}
				if heading != nil {
					*heading = appendSection(*heading, ls[sectionFrom:i])
					heading = nil
				}
				ups = append(ups, u)
				bodies = append(bodies, nil)
				bodyFrom = i + 1
				continue
			}
		}
		if len(ups) == 0 && isAgHeading(l.Text) {
			if heading != nil {
				*heading = appendSection(*heading, ls[sectionFrom:i])
			}
			heading, sectionFrom = sections.under(l.Text), i+1
		}
	}
	if len(bodies) > 0 && len(ls) > bodyFrom {
		bodies[len(bodies)-1] = ls[bodyFrom:len(ls):len(ls)]
	}
	if heading != nil {
		*heading = appendSection(*heading, ls[sectionFrom:])
	}
	nlines := 0
	for _, b := range bodies {
		nlines += len(b)
	}
	nums := make([]int, 0, nlines) // the updates' TextLines, in one allocation
	for i := range ups {
		ups[i].Text, ups[i].TextLines, nums = appendTextLines(bodies[i], nums)
	}
	return ups, bodies, sections
}

// agUpdate reads an update line ("- identified Sep 21, 2021, 11:40 AM
// UTC"), its time given a year by ref, which the first update's time
// becomes when it was zero; a line that reads as an update but whose time
// does not is warned about.
func agUpdate(inc *Incident, l line, ref *time.Time, order dateOrder) (Update, bool) {
	word, stamp, ok := agUpdateLine(l.Text)
	if !ok {
		return Update{}, false
	}
	st, ok := ParseStatus(word)
	if !ok {
		return Update{}, false
	}
	r, _, err := readStamp(stamp, *ref, order)
	if err != nil {
		inc.warnf(l.N, "update line: %v", err)
		return Update{}, false
	}
	if r.Note != "" {
		inc.warnf(l.N, "%s", r.Note)
	}
	if ref.IsZero() {
		*ref = r.At
	}
	return Update{Status: st, Word: strings.TrimSpace(word), At: r.At, Line: l.N}, true
}

// agSections are the lines under the headings of an aggregator page that
// its reader reads; the lines under the others ("Started", "Update
// timeline") are not kept.
type agSections struct {
	affected []line // "Affected components"
	duration []line // "Duration"
}

// appendSection appends the lines of a section that are not blank to
// lines; the first piece of a section that has no blank lines between its
// first and last is kept as it is, capped, rather than copied.
func appendSection(lines, piece []line) []line {
	for len(piece) > 0 && piece[0].Text == "" {
		piece = piece[1:]
	}
	for len(piece) > 0 && piece[len(piece)-1].Text == "" {
		piece = piece[:len(piece)-1]
	}
	if len(piece) == 0 {
		return lines
	}
	if len(lines) == 0 && !slices.ContainsFunc(piece, func(l line) bool { return l.Text == "" }) {
		return piece[:len(piece):len(piece)]
	}
	for _, l := range piece {
		if l.Text != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// concatIn returns a+b, as a piece of s where s holds it (a summary's
// "lasting 4h 16m"), made only where s does not.
func concatIn(s, a, b string) string {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], a)
		if k < 0 {
			break
		}
		k += i
		if strings.HasPrefix(s[k+len(a):], b) {
			return s[k : k+len(a)+len(b)]
		}
		i = k + 1
	}
	return a + b
}

// under returns where the lines under heading h go, nil for a heading
// whose lines are not kept. A heading is known by its lower-case form, as
// strings.ToLower writes it.
func (s *agSections) under(h string) *[]line {
	switch {
	case lowerIs(h, "affected components"):
		return &s.affected
	case lowerIs(h, "duration"):
		return &s.duration
	}
	return nil
}

// lowerIs reports whether strings.ToLower(s) == low, low being lower-case
// ASCII, without the copy ToLower makes of ASCII text with capitals.
func lowerIs(s, low string) bool {
	if isASCII(s) {
		return strings.EqualFold(s, low)
	}
	return strings.ToLower(s) == low
}

// aggregatorComponents reads the components from the summary's "affecting
// A, B and C" and the "Affected components" section, whose names may run
// together ("Member WebsitesUser Account Admin"). The organisation itself
// is not a component.
func aggregatorComponents(summary string, section []line, org string) []Component {
	// The names are read into this frame's array when they fit: only the
	// components made of them are kept.
	var nameBuf [16]string
	var names []string
	switch {
	case summary != "":
		joined := ""
		for _, l := range section {
			joined += l.Text
		}
		names = appendSplitAgainst(nameBuf[:0], summary, joined)
	case len(section) > 0:
		names = nameBuf[:0]
		for _, l := range section {
			names = append(names, l.Text)
		}
	}
	out := make([]Component, 0, len(names))
	for _, n := range names {
		if !strings.EqualFold(n, org) {
			out = append(out, Component{Name: n})
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// splitAgainst splits a summary's component list at commas and "and",
// choosing, where a name may itself hold " and ", the split whose names
// run together into the section's text.
func splitAgainst(summary, runTogether string) []string {
	return appendSplitAgainst(nil, summary, runTogether)
}

// appendSplitAgainst is splitAgainst appending the names to out.
func appendSplitAgainst(out []string, summary, runTogether string) []string {
	// The atoms: the pieces between ", " and " and ", trimmed, a piece
	// after ", " losing a leading "and ". joins[i]: atoms[i] and
	// atoms[i+1] were split at " and ".
	n := strings.Count(summary, ", ") + strings.Count(summary, " and ") + 1
	atoms := make([]string, 0, n)
	joins := make([]bool, 0, n)
	var andIdx []int
	for rest, more := summary, true; more; {
		var p string
		p, rest, more = strings.Cut(rest, ", ")
		p = strings.TrimPrefix(strings.TrimSpace(p), "and ")
		for si, subMore := 0, true; subMore; si++ {
			var a string
			a, p, subMore = strings.Cut(p, " and ")
			if len(atoms) > 0 {
				if si > 0 {
					andIdx = append(andIdx, len(joins))
				}
				joins = append(joins, si > 0)
			}
			atoms = append(atoms, strings.TrimSpace(a))
		}
	}
	if runTogether == "" || len(andIdx) > 8 {
		return appendMerged(out, atoms, andIdx, 0)
	}
	for mask := 0; mask < 1<<len(andIdx); mask++ {
		if runsTogether(atoms, andIdx, mask, runTogether) {
			return appendMerged(out, atoms, andIdx, mask)
		}
	}
	return appendMerged(out, atoms, andIdx, 0)
}

// appendMerged appends the names of a split to out: the atoms, each pair
// split at the k-th " and " (andIdx[k]) joined again where mask has bit k.
func appendMerged(out []string, atoms []string, andIdx []int, mask int) []string {
	out = slices.Grow(out, len(atoms))
	cur := atoms[0]
	for i := 0; i+1 < len(atoms); i++ {
		if mergedAt(andIdx, mask, i) {
			cur += " and " + atoms[i+1]
		} else {
			out = append(out, cur)
			cur = atoms[i+1]
		}
	}
	return append(out, cur)
}

// mergedAt reports whether the split joins atoms i and i+1 again.
func mergedAt(andIdx []int, mask, i int) bool {
	for k, idx := range andIdx {
		if idx == i && mask&(1<<k) != 0 {
			return true
		}
	}
	return false
}

// runsTogether reports whether the names appendMerged(nil, atoms, andIdx,
// mask) makes, written one after the other, are s, without making them.
func runsTogether(atoms []string, andIdx []int, mask int, s string) bool {
	for i, a := range atoms {
		if i > 0 && mergedAt(andIdx, mask, i-1) {
			if !strings.HasPrefix(s, " and ") {
				return false
			}
			s = s[len(" and "):]
		}
		if !strings.HasPrefix(s, a) {
			return false
		}
		s = s[len(a):]
	}
	return s == ""
}
