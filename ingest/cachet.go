package ingest

// Cachet status pages as text: a date heading ("Wednesday 10th June 2020"),
// the incident name, its first message, and follow-ups appended as
// paragraphs that begin with their time ("15:22 UTC: text"). Cachet renders
// its own update times as "x hours ago" in the browser, so a saved page has
// only the times written into the messages.

import (
	"fmt"
	"strings"
)

// cachetFollowUp reads a paragraph that begins with its time: "15:22 UTC:
// text" or "15:22 UTC - text".
func cachetFollowUp(text string, order dateOrder) (mention, string, bool) {
	f, rest, ok := cachetFollowUpFound(text, order)
	if !ok {
		return mention{}, "", false
	}
	return f.mention(text, new(mentionParts)), rest, true
}

// cachetFollowUpFound is cachetFollowUp with the time as found, its
// mention not made.
func cachetFollowUpFound(text string, order dateOrder) (found, string, bool) {
	if !mayStartMention(text) {
		return found{}, "", false
	}
	// Only the first mention counts: the scan stops there, and the
	// mention is made only for a line that opens with a zoned time.
	f, ok := firstFound(text, order)
	if !ok || f.from != 0 || !f.hasC || !f.hasZ {
		return found{}, "", false
	}
	sep := text[f.to:][:entrySepLen(text[f.to:])]
	if sep == "" || !strings.ContainsAny(sep, ":-–—") {
		return found{}, "", false
	}
	return f, strings.TrimSpace(text[f.to+len(sep):]), true
}

// cachetHit is a line cachetFollowUp reads: its index in the lines, the
// time and the text after it.
type cachetHit struct {
	i    int
	m    mention
	text string
}

// cachetFollowUps is cachetFollowUp of every line after the first
// non-blank one, those it reads, in order. It is made once per document:
// detection counts the follow-ups and the reader reads them, and reading a
// line's times is the dearest part of both.
func (d *doc) cachetFollowUps() []cachetHit {
	if d.cachet == nil {
		ls := d.lines()
		hits := []cachetHit{}
		var parts []mentionParts // see moreParts
		for i := firstNonBlank(ls, 0) + 1; i < len(ls); i++ {
			if f, text, ok := cachetFollowUpFound(ls[i].Text, d.order()); ok {
				var p *mentionParts
				parts, p = moreParts(parts)
				hits = append(hits, cachetHit{i: i, m: f.mention(ls[i].Text, p), text: text})
			}
		}
		d.cachet = &hits
	}
	return *d.cachet
}

// detectCachet recognises a date heading followed by an incident with
// time-prefixed follow-ups.
func detectCachet(d *doc) (int, string) {
	i := firstNonBlank(d.lines(), 0)
	if i >= len(d.lines()) {
		return 0, "empty"
	}
	if _, ok := dateLine(d.lines()[i].Text, d.order()); !ok {
		return 0, "no date heading on the first line"
	}
	n := len(d.cachetFollowUps())
	if n == 0 {
		return 0, "a date heading but no \"15:22 UTC: ...\" follow-ups"
	}
	return 2, fmt.Sprintf("date heading %q and %d \"HH:MM UTC: ...\" follow-ups (Cachet)", clip(d.lines()[i].Text, 30), n)
}

// parseCachet reads a Cachet incident.
func parseCachet(d *doc) (Incident, error) {
	inc := Incident{Format: FormatCachetText}
	ls := d.lines()
	i := firstNonBlank(ls, 0)
	if i >= len(ls) {
		return inc, lineErrorf(1, ErrNoUpdates, "empty input")
	}
	page, ok := dateLine(ls[i].Text, d.order())
	if !ok {
		return inc, lineErrorf(ls[i].N, ErrNoUpdates, "want a date heading such as \"Monday 8th January 2024\"")
	}
	j := firstNonBlank(ls, i+1)
	if j >= len(ls) {
		return inc, lineErrorf(ls[i].N, ErrNoUpdates, "a date heading and nothing under it")
	}
	inc.Title, inc.Source.Line = ls[j].Text, ls[j].N
	// Cachet names incidents "Component: what happened".
	if k := strings.Index(inc.Title, ": "); k > 0 && k < 60 {
		inc.Components = []Component{{Name: strings.TrimSpace(inc.Title[:k])}}
	}
	day := page
	prev := -1
	// The prose is the messages without their time prefixes, which are
	// updates, not a narrative timeline.
	hits := d.cachetFollowUps()
	for len(hits) > 0 && hits[0].i <= j {
		hits = hits[1:] // the title
	}
	prose := make([]line, 0, len(ls)-j-1)
	if len(hits) > 0 {
		inc.Updates = make([]Update, 0, len(hits)) // one for each follow-up
	}
	for k, l := range ls[j+1:] {
		if len(hits) == 0 || hits[0].i != j+1+k {
			prose = append(prose, l)
			continue
		}
		m, text := hits[0].m, hits[0].text
		hits = hits[1:]
		prose = append(prose, line{N: l.N, Text: text})
		c := *m.Clock
		if m.Date != nil && m.Date.Year != 0 {
			day = *m.Date
		} else if prev >= 0 && c.seconds() < prev-3600 {
			day = day.addDays(1) // follow-ups run oldest first, past midnight
		}
		prev = c.seconds()
		at, note := m.Zone.at(day, c)
		if note != "" {
			inc.warnf(l.N, "%s", note)
		}
		u := Update{At: at, Text: text, Line: l.N}
		if word, rest, st, ok := inlineStatus(text); ok {
			u.Status, u.Word, u.Text = st, word, rest
		} else {
			u.Status, u.Inferred = defaultStatus(text)
		}
		inc.Updates = append(inc.Updates, u)
	}
	if len(inc.Updates) == 0 {
		return inc, lineErrorf(ls[i].N, ErrNoUpdates, "want follow-ups such as \"15:22 UTC: text\"")
	}
	inc.Updates = orderUpdates(&inc, inc.Updates)
	finish(&inc, d, finishing{texts: []proseBlock{{Lines: prose}}, docDate: &page})
	return inc, nil
}
