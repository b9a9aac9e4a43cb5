package ingest

// Written postmortems: markdown files from a postmortem repository (with or
// without YAML/TOML front matter, headings such as "## Timeline" and
// "## Impact", timeline lists and tables) and plain-text blog or wiki
// postmortems. They have no status updates; what they give is the prose:
// stated windows, durations and narrative timelines, read by prose.go.

import (
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// Front matter keys that state the impact window (icco/postmortems,
// common templates).
var (
	fmStartKeys = []string{"start_time", "start", "started_at", "starttime", "impact_start", "began", "begin", "incident_start"}
	fmEndKeys   = []string{"end_time", "end", "ended_at", "endtime", "impact_end", "resolved_at", "incident_end", "mitigated_at"}
)

// fmStartNotes are the notes detection gives for each of fmStartKeys,
// made once rather than for every document: a slice that nothing writes
// after it is made, so the readers may share it.
var fmStartNotes = func() []string {
	notes := make([]string, len(fmStartKeys))
	for i, k := range fmStartKeys {
		notes[i] = "front matter with " + quote(k)
	}
	return notes
}()

// mdHeadingParts reads a markdown ATX heading ("## Timeline ##"): the
// opening '#'s and the title, as the expression ^(#{1,6})\s+(.*?)\s*#*$
// (mdHeading in the tests) captures them, read by hand (headingTitle) and
// without making the slice of submatches, on every line that opens with
// "#".
func mdHeadingParts(s string) (hashes, title string, ok bool) {
	if s == "" || s[0] != '#' {
		return "", "", false
	}
	if title, ok = headingTitle(s); !ok {
		return "", "", false
	}
	n := 1
	for s[n] == '#' { // headingTitle found white space after the '#'s
		n++
	}
	return s[:n], title, true
}

// detectMarkdown recognises a markdown postmortem: front matter that
// states the window, or front matter and headings, or postmortem section
// headings.
func detectMarkdown(d *doc) (int, string) {
	fm, hasFM, _ := d.frontMatter()
	if hasFM {
		if _, k := fm.str(fmStartKeys...); k != "" {
			return 3, fmStartNotes[slices.Index(fmStartKeys, k)]
		}
	}
	h1, sections := 0, 0
	for _, l := range d.lines() {
		hashes, title, ok := mdHeadingParts(l.Text)
		if !ok {
			continue
		}
		if len(hashes) == 1 {
			h1++
		}
		if isPMSection(title) || isPMHeadingWord(title) {
			sections++
		}
		if hasFM && (h1 > 0 || sections > 0) {
			break // settled: the note of front matter counts no headings
		}
	}
	switch {
	case hasFM && (h1 > 0 || sections > 0):
		return 2, fmt.Sprintf("front matter (%s) and markdown headings", strings.Join(fm.keys(), ", "))
	case sections >= 2:
		return 2, fmt.Sprintf("%d postmortem section headings (## Timeline, ## Impact, ...)", sections)
	case hasFM:
		return 1, "front matter and prose"
	}
	return 0, "no front matter and no postmortem headings"
}

// pmHeadingWord matches the usual words of postmortem section headings.
var pmHeadingWord = regexp.MustCompile(`(?i)\b(timeline|impact|root cause|summary|resolution|detection|lessons|action items|contributing factors|what happened|background|follow[- ]?ups?|chronology|postmortem|post-mortem|incident report)\b`)

// pmHeadingHints are the words one of which every match of pmHeadingWord
// holds ("follow" for follow[- ]?ups?), lower-case.
var pmHeadingHints = newHintSet("timeline", "impact", "root cause", "summary", "resolution", "detection", "lessons",
	"action items", "contributing factors", "what happened", "background", "follow", "chronology", "postmortem",
	"post-mortem", "incident report")

// isPMHeadingWord is pmHeadingWord.MatchString(title), with an ASCII
// title holding none of its words in any case let go first: detection
// asks it of every markdown heading, and the regexp package's
// backtracker tries each alternative at each byte. Text beyond ASCII goes
// to the expression, whose (?i) folds "ſ" and the Kelvin sign to "s" and
// "k".
func isPMHeadingWord(title string) bool {
	if isASCII(title) && !pmHeadingHints.inFold(title) {
		return false
	}
	return pmHeadingWord.MatchString(title)
}

// detectText is the last resort for prose: a document that states a time
// with its zone, says which zone its times are in, or holds a timeline of
// lines that begin with a time.
func detectText(d *doc) (int, string) {
	if body, _ := jsonBody(d.data); body != nil {
		return 0, "a JSON document is no prose"
	}
	n, entries := 0, 0
	order := d.order()
	// The mentions are read as the scanner finds them, into a buffer on
	// the stack: a detector only tests their parts, where scanMentions
	// made the mentions and their parts for every line with a digit.
	var buf [4]found
	for _, l := range d.lines() {
		if l.Text == "" {
			continue
		}
		if n++; n > 400 {
			break
		}
		// Both tests of the mentions ask for a clock: a line that cannot
		// hold one (mayHoldClock) is not scanned.
		var fs []found
		if i := indexDigit(l.Text); i >= 0 && mayHoldClockFrom(l.Text, i) {
			fs = scanFound(l.Text, i, order, buf[:0], -1)
		}
		for k := range fs {
			if fs[k].hasC && fs[k].hasZ {
				// fmt.Sprintf("... line %d (%q)", ...) without fmt: most
				// postmortems settle here, and quote has a short way.
				return 1, "prose with a zoned time at line " + strconv.Itoa(l.N) + " (" + quote(clip(l.Text[fs[k].from:fs[k].to], 40)) + ")"
			}
		}
		if z := blockZone([]line{l}, order); z != nil {
			return 1, fmt.Sprintf("line %d says which zone the times are in", l.N)
		}
		rest := l.Text
		if mayOpenEntryPrefix(rest) {
			rest = rest[entryPrefixLen(rest):]
		}
		var f found // the first mention of rest
		ok := len(fs) > 0
		if len(rest) < len(l.Text) {
			ok = false
			if mayHoldClock(rest) {
				f, ok = firstFound(rest, order)
			}
		} else if ok {
			f = fs[0]
		}
		if ok && f.from == 0 && f.hasC && entrySepLen(rest[f.to:]) > 0 {
			entries++
		}
	}
	if entries >= 2 {
		return 1, fmt.Sprintf("a timeline of %d lines that begin with a time", entries)
	}
	return 0, "no time with a zone and no timeline in the text"
}

// parseMarkdown reads a markdown postmortem.
func parseMarkdown(d *doc) (Incident, error) {
	return parsePostmortem(d, FormatMarkdownPostmortem)
}

// parseText reads a plain-text postmortem.
func parseText(d *doc) (Incident, error) {
	return parsePostmortem(d, FormatTextPostmortem)
}

// parsePostmortem reads a written postmortem: front matter if any, title,
// and the body's prose.
func parsePostmortem(d *doc, f Format) (Incident, error) {
	inc := Incident{Format: f}
	fm, hasFM, body, ferr := splitFrontMatter(d)
	if ferr != nil {
		return inc, ferr
	}
	if hasFM {
		applyFrontMatter(&inc, fm, d)
	}
	title, titleLine := docTitle(body)
	if inc.Title == "" {
		inc.Title = title
	}
	inc.Source.Line = titleLine
	if hasFM {
		inc.Source.Line = fm.line
	}
	if i := firstNonBlank(body, 0); inc.Source.Line == 0 && i < len(body) {
		inc.Source.Line = body[i].N
	}
	// The body's lines are slices of the document's text when it is clean:
	// its text is then most often a piece of it, not a copy.
	if text, nums := joinTextLinesIn(d.str(), body); text != "" {
		inc.Postmortem = &Text{Body: text, Line: inc.Source.Line, Lines: nums}
	}
	finish(&inc, d, finishing{texts: []proseBlock{{Lines: body, Postmortem: true}}, docDate: docDate(d, body, inc.Title, fm, hasFM)})
	if inc.ImpactStart == nil && inc.ImpactEnd == nil && inc.StatedDuration == nil && len(inc.Timeline) == 0 && !hasFM {
		return inc, lineErrorf(max(inc.Source.Line, 1), ErrNoUpdates, "a postmortem with no stated time, window, duration or timeline")
	}
	return inc, nil
}

// applyFrontMatter takes title, organisation, components, severity and the
// stated window from front matter.
func applyFrontMatter(inc *Incident, fm frontMatter, d *doc) {
	inc.Title, _ = fm.str("title", "name")
	inc.Organization, _ = fm.str("company", "organization", "organisation", "org")
	inc.Components = fm.components("affected", "services", "components", "service", "product", "products", "systems")
	if sev, _ := fm.str("severity", "impact", "sev", "priority"); sev != "" {
		inc.Impact = severityImpact(sev)
	}
	inc.ImpactStart, inc.ImpactEnd = statedWindow(inc, fm, d)
}

// statedWindow reads the impact window the front matter states, warning
// on the incident of a time without a zone and of notes on the zone. The
// two ends share one allocation, and their texts one string: every
// templated postmortem states both.
func statedWindow(inc *Incident, fm frontMatter, d *doc) (start, end *Stated) {
	assume := d.opts.assumed()
	var win [2]Stated
	var keys [2]string
	for i, ks := range [2][]string{fmStartKeys, fmEndKeys} {
		s, k := fm.str(ks...)
		if s == "" {
			continue
		}
		t, note, m, ok := timeValueOf(d.fmScan(s), assume)
		if !ok {
			if m.Clock != nil {
				inc.warnf(fm.line, "front matter %s %q has no zone: not used (use --assume-zone)", k, s)
			}
			continue
		}
		if note != "" {
			inc.warnf(fm.line, "%s", note)
		}
		win[i], keys[i] = Stated{At: t, Line: fm.line, Text: s}, k
	}
	if keys[0] != "" && keys[1] != "" {
		// Written into a buffer sized once: the runtime's concatenation
		// of eight strings cost more than writing them.
		var b strings.Builder
		b.Grow(2*len("front matter : ") + len(keys[0]) + len(win[0].Text) + len(keys[1]) + len(win[1].Text))
		n := 0
		for i := range win {
			b.WriteString("front matter ")
			b.WriteString(keys[i])
			b.WriteString(": ")
			b.WriteString(win[i].Text)
			if i == 0 {
				n = b.Len()
			}
		}
		text := b.String()
		both := &[2]Stated{win[0], win[1]}
		both[0].Text, both[1].Text = text[:n], text[n:]
		return &both[0], &both[1]
	}
	for i := range win {
		if keys[i] != "" {
			win[i].Text = "front matter " + keys[i] + ": " + win[i].Text
		}
	}
	if keys[0] != "" {
		st := win[0]
		return &st, nil
	}
	if keys[1] != "" {
		st := win[1]
		return nil, &st
	}
	return nil, nil
}

// severityImpact maps a severity as postmortem templates and cState write
// it to an impact.
func severityImpact(s string) Impact {
	s = strings.ToLower(strings.TrimSpace(s))
	if imp, ok := ParseImpact(s); ok {
		return imp
	}
	switch s {
	case "sev0", "sev-0", "sev 0", "sev1", "sev-1", "sev 1", "p0", "p1", "critical outage", "major outage":
		return ImpactCritical
	case "sev2", "sev-2", "sev 2", "p2", "down", "high", "partial outage":
		return ImpactMajor
	case "sev3", "sev-3", "sev 3", "p3", "disrupted", "degraded", "medium", "low", "degraded performance":
		return ImpactMinor
	case "notice", "informational", "info":
		return ImpactNone
	}
	return ImpactUnknown
}

// docTitle is the first heading, else the first line (if short).
func docTitle(ls []line) (string, int) {
	for _, l := range ls {
		if _, title, ok := mdHeadingParts(l.Text); ok && title != "" {
			return strings.TrimSpace(title), l.N
		}
	}
	if i := firstNonBlank(ls, 0); i < len(ls) && len(ls[i].Text) <= 160 {
		return ls[i].Text, ls[i].N
	}
	return "", 0
}

// docDate finds the date a document without updates is about, for times
// it writes without one: a timeline's zone statement ("All times in PST,
// on February 8th 2019"), then the title, then the front matter's start or
// date, then the first full date in the body.
func docDate(d *doc, body []line, title string, fm frontMatter, hasFM bool) *date {
	// A front matter date is its mention's own, shared, not a copy: the
	// prose reader only reads it, and no one writes a mention's date once
	// it is made.
	firstOf := func(ms []mention) *date {
		for _, m := range ms {
			if m.Date != nil && m.Date.Year != 0 {
				return m.Date
			}
		}
		return nil
	}
	// A text's mentions are read as the scanner finds them, into a buffer
	// on the stack, and only a date found is copied out: most lines
	// scanned hold a time or a number and no full date.
	first := func(s string) *date {
		i := indexDigit(s)
		if i < 0 {
			return nil
		}
		var buf [4]found
		fs := scanFound(s, i, d.order(), buf[:0], -1)
		for k := range fs {
			if fs[k].hasDate && fs[k].d.Year != 0 {
				dd := fs[k].d
				return &dd
			}
		}
		return nil
	}
	// A date has a day in ASCII digits (scanMentions finds none in a line
	// without one): the zone cue is looked for only in lines that have
	// one, and the byline only in lines that hold a date.
	for _, l := range body {
		if indexDigit(l.Text) >= 0 && mayCueZone(l.Text) && zoneCue.MatchString(l.Text) {
			if dd := first(l.Text); dd != nil {
				return dd
			}
		}
	}
	if dd := first(title); dd != nil {
		return dd
	}
	if hasFM {
		for _, k := range [][]string{fmStartKeys, {"date"}} {
			if s, _ := fm.str(k...); s != "" {
				if dd := firstOf(d.fmScan(s)); dd != nil {
					return dd
				}
			}
		}
	}
	for _, l := range body {
		dd := first(l.Text)
		if dd == nil || mayByline(l.Text) && byline.MatchString(l.Text) {
			continue // a byline says when the post was published, not when the incident was
		}
		return dd
	}
	return nil
}

// byline is a line that says when a post was published or edited.
var byline = regexp.MustCompile(`(?i)^(?:posted|published|written|updated|last updated|last modified|created|edited)\b|^by\s|\bpublished on\b`)

// mayByline is a cheap test byline cannot match a line without: the line
// opens with the first letter of one of its words, in any case, or holds
// "publi" in any case. Neither holds a "k" or an "s", the two letters a
// (?i) expression folds to non-ASCII ones.
func mayByline(s string) bool {
	if s == "" {
		return false
	}
	if c := s[0] | 0x20; c == 'p' || c == 'w' || c == 'u' || c == 'l' || c == 'c' || c == 'e' || c == 'b' {
		return true
	}
	return containsFold(s, "publi")
}
