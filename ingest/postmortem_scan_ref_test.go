package ingest

import (
	"fmt"
	"reflect"
	"testing"
)

// The detector of plain-text postmortems and the date a postmortem is
// about as they read mentions before they read them into a buffer on the
// stack (scanMentions for every line): the oracles of postmortem.go's.

func refDetectText(d *doc) (int, string) {
	if body, _ := jsonBody(d.data); body != nil {
		return 0, "a JSON document is no prose"
	}
	n, entries := 0, 0
	for _, l := range d.lines() {
		if l.Text == "" {
			continue
		}
		if n++; n > 400 {
			break
		}
		ms := scanMentions(l.Text, d.order())
		for _, m := range ms {
			if m.Clock != nil && m.Zone != nil {
				return 1, fmt.Sprintf("prose with a zoned time at line %d (%q)", l.N, clip(m.Text, 40))
			}
		}
		if z := blockZone([]line{l}, d.order()); z != nil {
			return 1, fmt.Sprintf("line %d says which zone the times are in", l.N)
		}
		rest := l.Text
		if mayOpenEntryPrefix(rest) {
			rest = rest[entryPrefixLen(rest):]
		}
		if len(rest) < len(l.Text) {
			ms = scanMentions(rest, d.order()) // else the mentions of the line
		}
		if len(ms) > 0 && ms[0].Start == 0 && ms[0].Clock != nil && entrySepLen(rest[ms[0].End:]) > 0 {
			entries++
		}
	}
	if entries >= 2 {
		return 1, fmt.Sprintf("a timeline of %d lines that begin with a time", entries)
	}
	return 0, "no time with a zone and no timeline in the text"
}

func refDocDate(d *doc, body []line, title string, fm frontMatter, hasFM bool) *date {
	// The date is the mention's own, shared, not a copy: the prose reader
	// only reads it, and no one writes a mention's date once it is made.
	firstOf := func(ms []mention) *date {
		for _, m := range ms {
			if m.Date != nil && m.Date.Year != 0 {
				return m.Date
			}
		}
		return nil
	}
	first := func(s string) *date { return firstOf(scanMentions(s, d.order())) }
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

// checkPostmortemScans fails t when detectText or docDate gives other
// than its oracle for the document text.
func checkPostmortemScans(t *testing.T, text string) {
	t.Helper()
	score, why := detectText(&doc{data: []byte(text)})
	wantScore, wantWhy := refDetectText(&doc{data: []byte(text)})
	if score != wantScore || why != wantWhy {
		t.Fatalf("detectText(%q) = %d %q; the oracle gives %d %q", text, score, why, wantScore, wantWhy)
	}
	d, ref := &doc{data: []byte(text)}, &doc{data: []byte(text)}
	fm, hasFM, body, _ := splitFrontMatter(d)
	rfm, rhasFM, rbody, _ := splitFrontMatter(ref)
	title, _ := docTitle(body)
	got, want := docDate(d, body, title, fm, hasFM), refDocDate(ref, rbody, title, rfm, rhasFM)
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("docDate(%q) = %v; the oracle gives %v", text, got, want)
	}
}

// TestPostmortemScans checks detectText and docDate against their oracles
// on chosen documents.
func TestPostmortemScans(t *testing.T) {
	for _, text := range []string{
		"",
		"nothing here",
		"It broke at 10:00 UTC.",
		"- 10:00 - it broke\n- 10:30 - fixed",
		"* 10:00: it broke\n* 10:30: fixed\n1. 11:00 done",
		"10:00 it broke\n10:30 fixed",
		"All times are in PST.\n- 10:00 broke",
		"# Outage on 2023-10-18\n\nIt broke.",
		"Posted on March 3, 2021\n\nOn March 2, 2021 it broke at 10:00.",
		"By Jane, 2021-03-03\nThe outage of 2021-03-01.",
		"Timeline (all times UTC, March 5 2020)\n10:00 broke",
		"---\ntitle: x\nstart_time: 2023-10-18T04:31:00-07:00\n---\nbody 10:00",
		"---\ntitle: x\ndate: 2023-10-18\n---\nbody 10:00",
		"{\"a\": 1}",
		"On 05/03/2024 at 10:00 it broke.\nOn 31/03/2024 it was fixed.",
	} {
		checkPostmortemScans(t, text)
	}
}

// FuzzPostmortemScans checks detectText and docDate against their oracles
// on any text.
func FuzzPostmortemScans(f *testing.F) {
	for _, s := range []string{"- 10:00 - it broke\n- 10:30 - fixed", "Timeline (times in UTC, 2020-03-05)\n10:00 x", "Posted 2021-03-03\n2021-03-01 broke"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPostmortemScans(t, s)
	})
}
