package ingest

// Statuspage incident lists: the history page (month headings, each
// incident's title, its latest update and the span of its updates, "Apr
// 11, 14:55 - 16:10 EDT", with no year) and the main page's past incidents
// (day headings, each incident's title, its updates as "Resolved - text"
// followed by "Apr 11, 16:10 EDT"). One page gives many incidents; the
// year comes from the headings.

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

var (
	// monthHeading is "April 2024".
	monthHeading = regexp.MustCompile(`^(January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})$`)
	// listChrome is text of the list pages that is no incident.
	listChrome = regexp.MustCompile(`(?i)^(?:incident history|past incidents|no incidents reported.*|\+? ?show all \d+ incidents|(?:january|february|march|april|may|june|july|august|september|october|november|december) \d{4} to (?:january|february|march|april|may|june|july|august|september|october|november|december) \d{4}|← current status|powered by .*|subscribe to updates|view historical uptime)$`)
)

// spanLine reads "Apr 11, 14:55 - 16:10 EDT", "Mar 31, 22:28 - Apr 1, 08:17
// EDT" or "Apr 11, 16:10 EDT": a line that is only one or two times, the
// first with a month and day; the zone, written once at the end, serves
// both.
func spanLine(text string, order dateOrder) (first, last mention, two, ok bool) {
	if len(text) > 60 || !mayStartMention(text) {
		return mention{}, mention{}, false, false
	}
	return spanLineOf(text, scanMentions(text, order))
}

// spanLineOf is spanLine given the mentions of text.
func spanLineOf(text string, ms []mention) (first, last mention, two, ok bool) {
	if len(ms) == 0 || ms[0].Start != 0 || ms[0].Date == nil || ms[0].Clock == nil || ms[0].Date.Year != 0 {
		return mention{}, mention{}, false, false
	}
	switch len(ms) {
	case 1:
		if ms[0].End != len(text) || ms[0].Zone == nil {
			return mention{}, mention{}, false, false
		}
		return ms[0], ms[0], false, true
	case 2:
		if ms[1].End != len(text) || ms[1].Clock == nil || ms[1].Zone == nil ||
			!dashJoin.MatchString(strings.ToLower(text[ms[0].End:ms[1].Start])) {
			return mention{}, mention{}, false, false
		}
		a, b := ms[0], ms[1]
		if a.Zone == nil {
			a.Zone = b.Zone
		}
		if b.Date == nil {
			b.Date = a.Date
		}
		return a, b, true, true
	}
	return mention{}, mention{}, false, false
}

// detectHistory recognises a Statuspage incident list.
func detectHistory(d *doc) (int, string) {
	spans, headings := 0, 0
	// The mentions of each line are scanned into memory made once and
	// used again for the next line (most lines scanned hold one): the
	// tests only count, and keep no mention of a line past it.
	var msBuf [4]mention
	var parts []mentionParts
	// A heading and a span both hold digits (a year, a clock): the lines
	// without one are passed over (digitLines).
	ls, digits := d.digitLines()
	for i := digits.next(ls, 0); i < len(ls); i = digits.next(ls, i+1) {
		l := ls[i]
		if mayMonthHeading(l.Text) && monthHeading.MatchString(l.Text) {
			headings++
			continue
		}
		if len(l.Text) > 60 || !mayStartMention(l.Text) {
			continue // too long for dateLine and spanLine, or no date at its start
		}
		// The mentions are scanned once for both tests.
		var ms []mention
		ms, parts = scanMentionsInto(msBuf[:0], parts[:0], l.Text, d.order())
		if _, ok := dateLineOf(l.Text, ms); ok && len(l.Text) <= 40 {
			headings++
			continue
		}
		if _, _, _, ok := spanLineOf(l.Text, ms); ok {
			spans++
		}
	}
	if spans > 0 && headings > 0 {
		return 3, fmt.Sprintf("%d date headings and %d update times without a year (a Statuspage incident list)", headings, spans)
	}
	return 0, "no month or day headings with update times under them"
}

// histIncident is an incident being read from a list.
type histIncident struct {
	inc     Incident
	pending *Update // the update whose time has not come yet
	body    []line
}

// parseHistory reads every incident of a list page.
func parseHistory(d *doc) ([]Incident, error) {
	var out []Incident
	var cur *histIncident
	var year int
	var month time.Month
	assume := d.opts.assumed()
	flush := func() {
		if cur != nil && len(cur.inc.Updates) > 0 {
			inc := cur.inc
			inc.Updates = orderUpdates(&inc, inc.Updates)
			var texts []proseBlock
			for _, u := range inc.Updates {
				texts = append(texts, proseBlock{Lines: bodyLines(u.Text, u.Line)})
			}
			finish(&inc, d, finishing{texts: texts})
			out = append(out, inc)
		}
		cur = nil
	}
	for _, l := range d.lines() {
		t := l.Text
		switch {
		case t == "" || listChrome.MatchString(t):
			continue
		case mayMonthHeading(t) && monthHeading.MatchString(t):
			flush()
			m := monthHeading.FindStringSubmatch(t)
			month, year = monthWords[strings.ToLower(m[1])], atoi(m[2])
			if year < 1970 || year > 2200 {
				year = 0 // the years the date reader accepts: "January 0001" dates nothing
			}
			continue
		}
		if dd, ok := dateLine(t, d.order()); ok {
			flush()
			month, year = dd.Month, dd.Year
			continue
		}
		if first, last, two, ok := spanLine(t, d.order()); ok && cur != nil {
			if year == 0 {
				cur.inc.warnf(l.N, "time %q without a year under no dated heading: skipped", t)
				continue
			}
			ref := time.Date(year, month, 15, 12, 0, 0, 0, time.UTC)
			at := func(m mention) (time.Time, bool) {
				dd := *m.Date
				dd.Year = inferYear(dd.Month, dd.Day, ref)
				z := m.Zone
				if z == nil {
					z = assume
				}
				if z == nil || !dd.valid() {
					return time.Time{}, false
				}
				tt, _ := z.at(dd, *m.Clock)
				return tt, true
			}
			end, ok1 := at(last)
			if !ok1 {
				continue
			}
			if cur.pending != nil {
				// The main page: this time closes the update above it.
				u := *cur.pending
				u.At = end
				u.Text, u.TextLines = joinTextLines(cur.body)
				if u.Word == "" {
					u.Status, u.Inferred = defaultStatus(u.Text)
				}
				cur.inc.Updates = append(cur.inc.Updates, u)
				cur.pending, cur.body = nil, nil
				continue
			}
			// The history page: the span of the incident's updates, and
			// the latest update's text.
			text, nums := joinTextLines(cur.body)
			st, inferred := defaultStatus(text)
			if two {
				if start, ok := at(first); ok {
					cur.inc.Updates = append(cur.inc.Updates, Update{Status: StatusUpdate, Inferred: true, At: start, Line: l.N})
				}
			}
			cur.inc.Updates = append(cur.inc.Updates, Update{Status: st, Inferred: inferred, At: end, Text: text, Line: l.N, TextLines: nums})
			cur.body = nil
			flush()
			continue
		}
		if word, rest, st, ok := inlineStatus(t); ok && cur != nil {
			if cur.pending != nil { // an update whose time is missing
				cur.inc.warnf(cur.pending.Line, "update %q has no time under it: not read", cur.pending.Word)
			}
			cur.pending = &Update{Status: st, Word: word, Line: l.N}
			cur.body = []line{{N: l.N, Text: rest}}
			continue
		}
		if st, ok := ParseStatus(strings.TrimSuffix(t, " -")); ok && strings.HasSuffix(t, "-") && cur != nil {
			// "Resolved -" with the text on the next lines.
			cur.pending = &Update{Status: st, Word: strings.TrimSpace(strings.TrimSuffix(t, "-")), Line: l.N}
			cur.body = nil
			continue
		}
		if cur == nil || (len(cur.inc.Updates) > 0 && cur.pending == nil && len(cur.body) == 0) {
			// A new incident's title.
			flush()
			cur = &histIncident{inc: Incident{Format: FormatHistoryText, Title: t, Source: Source{Line: l.N}}}
			continue
		}
		cur.body = append(cur.body, l)
	}
	flush()
	if len(out) == 0 {
		return nil, lineErrorf(1, ErrNoUpdates, "no incident in the list has a readable time")
	}
	return out, nil
}

func atoi(s string) int {
	n := 0
	for _, r := range s {
		n = n*10 + int(r-'0')
	}
	return n
}
