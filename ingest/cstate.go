package ingest

// cState incident files (Hugo): front matter with title, date, resolved,
// resolvedWhen, severity (down, disrupted, notice), affected, section:
// issue, informational; then markdown prose and status updates written as
// "***Update*** {{< track "2025-06-24T20:02:00+00:00" >}} text".

import (
	"strings"
	"time"
	"unicode/utf8"
)

// csHeadParts reads the head of a status update: an emphasised status
// word, an optional dash, and the text ("**Resolved** - We fixed it. {{<
// track "..." >}}"); it gives the word and the text as the expression
// ^(?:[*_]{1,3})([^*_]{1,40}?)(?:[*_]{1,3})\s*[-–—:]?\s*(.*)$ (csHead,
// the oracle in cstate_head_test.go) captures them, without the
// backtracker's walk of the line and the slice of submatches.
//
// No part of the expression can take fewer marks or letters than it finds
// and still match: the word, of characters other than '*' and '_', ends
// only at the first of them, and the marks around it are the runs there,
// each of one to three; what follows the closing marks is taken greedily,
// and the text must hold no line break, which "." does not match.
func csHeadParts(s string) (word, text string, ok bool) {
	n := 0
	for n < len(s) && (s[n] == '*' || s[n] == '_') {
		n++
	}
	if n == 0 || n > 3 {
		return "", "", false
	}
	i, chars := n, 0
	for i < len(s) && s[i] != '*' && s[i] != '_' {
		if chars++; chars > 40 {
			return "", "", false
		}
		_, w := utf8.DecodeRuneInString(s[i:])
		i += w
	}
	if i == len(s) {
		return "", "", false // no closing mark
	}
	word = s[n:i]
	for k := 0; k < 3 && i < len(s) && (s[i] == '*' || s[i] == '_'); k++ {
		i++
	}
	i = skipRESpace(s, i)
	switch {
	case i < len(s) && (s[i] == '-' || s[i] == ':'):
		i++
	case strings.HasPrefix(s[i:], "–"), strings.HasPrefix(s[i:], "—"):
		i += len("–")
	}
	text = s[skipRESpace(s, i):]
	if strings.IndexByte(text, '\n') >= 0 {
		return "", "", false
	}
	return word, text, true
}

// mayHead and mayTrack are cheap tests csHeadParts and firstTrack cannot match a
// line without, run first as the reader tries them on every line: the
// head opens with "*" or "_", the shortcode holds "{{".
func mayHead(s string) bool { return s != "" && (s[0] == '*' || s[0] == '_') }

func mayTrack(s string) bool { return strings.Contains(s, "{{") }

// detectCState recognises a cState issue file.
func detectCState(d *doc) (int, string) {
	fm, ok, _ := d.frontMatter()
	if ok {
		if s, _ := fm.str("section"); strings.EqualFold(s, "issue") {
			return 3, "front matter with section: issue (cState)"
		}
		// severity and affected alone are common in postmortem templates
		// too: cState also writes resolved (a boolean) or resolvedWhen.
		if fm.has("resolvedwhen") || (fm.has("severity") && fm.has("affected") && fm.has("resolved")) {
			return 3, "front matter with resolvedWhen, or severity, affected and resolved (cState)"
		}
	}
	if d.containsLine("{{< track") {
		return 2, `"{{< track ...>}}" status updates (cState)`
	}
	return 0, "no cState front matter or track updates"
}

// parseCState reads a cState issue file.
func parseCState(d *doc) (Incident, error) {
	inc := Incident{Format: FormatCState}
	fm, hasFM, body, ferr := splitFrontMatter(d)
	if ferr != nil {
		return inc, ferr
	}
	if hasFM {
		inc.Source.Line = fm.line
		inc.Title, _ = fm.str("title")
		inc.Components = fm.components("affected")
		if sev, _ := fm.str("severity"); sev != "" {
			inc.Impact = severityImpact(sev)
		}
	}
	if inc.Title == "" {
		inc.Title, inc.Source.Line = docTitle(body)
	}
	texts := []proseBlock{{Lines: body, Postmortem: true}}
	inc.Updates = cstateUpdates(&inc, body, d)
	notice := hasFM && (fm.truthy("informational") || strings.EqualFold(fmStr(fm, "severity"), "notice"))
	maintenance := notice && strings.Contains(strings.ToLower(inc.Title+" "+joinText(body)), "maintenance")
	if maintenance {
		inc.Impact = ImpactMaintenance
	}
	// A maintenance notice's date is when it was posted, not when impact
	// began; otherwise date and resolvedWhen are the impact window.
	if hasFM && !maintenance {
		assume := d.opts.assumed()
		if s, _ := fm.str("date"); s != "" {
			if t, note, _, ok := timeValue(s, d.order(), assume); ok {
				inc.ImpactStart = &Stated{At: t, Line: fm.line, Text: "front matter date: " + s}
				if note != "" {
					inc.warnf(fm.line, "%s", note)
				}
			}
		}
		if s, _ := fm.str("resolvedwhen"); s != "" && (fm.truthy("resolved") || !fm.has("resolved")) {
			if t, _, _, ok := timeValue(s, d.order(), assume); ok {
				inc.ImpactEnd = &Stated{At: t, Line: fm.line, Text: "front matter resolvedWhen: " + s}
			}
		}
	}
	if text, nums := joinTextLines(body); text != "" {
		inc.Postmortem = &Text{Body: text, Line: inc.Source.Line, Lines: nums}
	}
	inc.Updates = orderUpdates(&inc, inc.Updates)
	finish(&inc, d, finishing{texts: texts, maintenance: maintenance, docDate: docDate(d, body, inc.Title, fm, hasFM)})
	return inc, nil
}

func fmStr(fm frontMatter, key string) string {
	s, _ := fm.str(key)
	return s
}

// cstateUpdates reads the track-shortcode updates of a body. An update is
// a paragraph that starts with an emphasised status word and holds a track
// shortcode, right after the word or at the end of its text (cState writes
// both); its text runs to the next update or blank line.
func cstateUpdates(inc *Incident, body []line, d *doc) []Update {
	var ups []Update
	assume := d.opts.assumed()
	pageZone, hasPageZone := trackZone(body, d)
	for i := 0; i < len(body); i++ {
		if !mayHead(body[i].Text) {
			continue
		}
		headWord, headText, ok := csHeadParts(body[i].Text)
		if !ok {
			continue
		}
		para := []line{{N: body[i].N, Text: headText}}
		for j := i + 1; j < len(body) && body[j].Text != "" && !csStart(body[j].Text); j++ {
			para = append(para, body[j])
		}
		at, trackLine, ok := "", 0, false
		for k := range para {
			if !mayTrack(para[k].Text) {
				continue
			}
			if tm, _, _, found := firstTrack(para[k].Text); found {
				at, trackLine, ok = tm, para[k].N, true
				para[k].Text = strings.TrimSpace(withoutTracks(para[k].Text))
				break
			}
		}
		if !ok {
			continue // an emphasised word without a date: prose, not an update
		}
		word := strings.TrimSpace(headWord)
		t, note, lm, ok := timeValue(at, d.order(), assume)
		if !ok {
			if lm.Date == nil || lm.Clock == nil {
				inc.warnf(trackLine, "update %q: the track time %q is not a date and time: skipped", word, at)
				continue
			}
			if hasPageZone {
				// The page's other track times all carry one offset: this
				// one was written in it too.
				t, _ = pageZone.at(*lm.Date, *lm.Clock)
				inc.warnf(trackLine, "update %q: the track time %q has no zone: read as %s, the offset of the page's other track times", word, at, pageZone.Name)
			} else {
				// A track time without a zone: read as UTC (Hugo's default
				// zone) and say so; --assume-zone sets another.
				t, _ = zone{Name: "UTC", Fixed: true}.at(*lm.Date, *lm.Clock)
				inc.warnf(trackLine, "update %q: the track time %q has no zone: read as UTC (use --assume-zone to set it)", word, at)
			}
		}
		if note != "" {
			inc.warnf(trackLine, "%s", note)
		}
		st, known := ParseStatus(word)
		if !known {
			st = StatusUpdate
		}
		u := Update{Status: st, Word: word, At: t, Line: body[i].N}
		u.Text, u.TextLines = joinTextLines(para)
		ups = append(ups, u)
		i += len(para) - 1
	}
	return ups
}

// trackZone returns the offset every zoned track time of the body shares,
// if they share one.
func trackZone(body []line, d *doc) (zone, bool) {
	// The offset is held by value: a pointer to each track's sent it to
	// the heap.
	off, have := 0, false
	for _, l := range body {
		if !mayTrack(l.Text) {
			continue
		}
		for rest := l.Text; ; {
			tm, _, end, found := firstTrack(rest)
			if !found {
				break
			}
			rest = rest[end:] // the next shortcode is after this one
			t, _, lm, ok := timeValue(tm, d.order(), nil)
			if !ok || lm.Date == nil || lm.Clock == nil {
				continue
			}
			wall := time.Date(lm.Date.Year, lm.Date.Month, lm.Date.Day, lm.Clock.Hour, lm.Clock.Min, lm.Clock.Sec, 0, time.UTC)
			o := int(wall.Sub(t) / time.Second)
			if have && off != o {
				return zone{}, false
			}
			off, have = o, true
		}
	}
	if !have {
		return zone{}, false
	}
	return zone{Name: offsetName(off), Fixed: true, Offset: off}, true
}

// offsetName writes an offset as "UTC", "UTC+2" or "UTC+5:30".
func offsetName(sec int) string {
	if sec == 0 {
		return "UTC"
	}
	return "UTC" + formatOffset(sec)
}

// csStart reports whether a line starts a new update: an emphasised word
// with a track shortcode on the line.
func csStart(s string) bool {
	if !mayHead(s) || !mayTrack(s) {
		return false
	}
	_, _, ok := csHeadParts(s)
	return ok && hasTrack(s)
}
