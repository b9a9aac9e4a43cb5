package ingest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// seedFuzz adds every fixture of the given globs to the corpus.
func seedFuzz(f *testing.F, globs ...string) {
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			if data, err := os.ReadFile(p); err == nil {
				f.Add(data)
			}
		}
	}
}

// checkIncident asserts what every parsed incident must satisfy, whatever
// the input: updates oldest first with real times, no zero times, an ID.
func checkIncident(t *testing.T, inc Incident) {
	t.Helper()
	if inc.ID == "" {
		t.Fatal("incident without ID")
	}
	switch inc.Format {
	case FormatMarkdownPostmortem, FormatTextPostmortem, FormatCState:
		// Written postmortems may have no status updates.
	default:
		if len(inc.Updates) == 0 {
			t.Fatal("incident without updates")
		}
	}
	for i, u := range inc.Updates {
		if u.At.IsZero() || u.At.Location() != time.UTC {
			t.Fatalf("update %d: time %v is zero or not UTC", i, u.At)
		}
		if i > 0 && u.At.Before(inc.Updates[i-1].At) {
			t.Fatalf("updates out of order: %v before %v", u.At, inc.Updates[i-1].At)
		}
		if u.Status == StatusUnknown {
			t.Fatalf("update %d has no status", i)
		}
	}
	for _, s := range []*Stated{inc.ImpactStart, inc.ImpactEnd} {
		if s != nil && s.At.IsZero() {
			t.Fatal("stated time is zero")
		}
	}
	if inc.ImpactStart != nil && inc.ImpactEnd != nil && inc.ImpactEnd.At.Before(inc.ImpactStart.At) {
		// A contradiction is kept, but it must be reported.
		warned := false
		for _, w := range inc.Warnings {
			warned = warned || strings.Contains(w.Msg, "before its start")
		}
		if !warned {
			t.Fatalf("impact ends %v before it starts %v, and no warning says so", inc.ImpactEnd.At, inc.ImpactStart.At)
		}
	}
	for _, e := range inc.Timeline {
		if e.At != nil && e.At.IsZero() {
			t.Fatal("timeline entry with zero time")
		}
		if e.ZoneSrc == ZoneUnknown && e.At != nil {
			t.Fatal("timeline entry without zone converted to UTC")
		}
	}
}

func fuzzFormat(f *testing.F, format Format) {
	f.Fuzz(func(t *testing.T, data []byte) {
		incs, _, err := Parse("fuzz.txt", data, Options{Format: format})
		if err != nil {
			pe, ok := err.(*ParseError)
			if !ok || pe.File != "fuzz.txt" || pe.Err == nil {
				t.Fatalf("error is not a located *ParseError: %#v", err)
			}
			return
		}
		if len(incs) == 0 {
			t.Fatal("no incidents and no error")
		}
		for _, inc := range incs {
			checkIncident(t, inc)
		}
		// The same input must give the same incidents.
		again, _, _ := Parse("fuzz.txt", data, Options{Format: format})
		if len(again) != len(incs) || again[0].ID != incs[0].ID || len(again[0].Updates) != len(incs[0].Updates) {
			t.Fatal("parsing twice gave different incidents")
		}
	})
}

func FuzzStatuspage(f *testing.F) {
	seedFuzz(f, "../testdata/parse/sp-*.txt", "../testdata/broken/*.txt", "../testdata/examples/*.txt")
	fuzzFormat(f, FormatStatuspageText)
}

func FuzzAggregator(f *testing.F) {
	seedFuzz(f, "../testdata/parse/ag-*.txt", "../testdata/broken/*.txt", "../testdata/examples/*.txt")
	fuzzFormat(f, FormatAggregatorText)
}

func FuzzStatuspageJSON(f *testing.F) {
	seedFuzz(f, "../testdata/parse/spj-*.json", "../testdata/broken/*.json")
	fuzzFormat(f, FormatStatuspageJSON)
}

func FuzzMarkdown(f *testing.F) {
	seedFuzz(f, "../testdata/parse/md-*", "../testdata/parse/cstate-*", "../testdata/broken/*.md")
	fuzzFormat(f, FormatMarkdownPostmortem)
}

func FuzzCState(f *testing.F) {
	seedFuzz(f, "../testdata/parse/cstate-*", "../testdata/parse/md-*")
	fuzzFormat(f, FormatCState)
}

func FuzzText(f *testing.F) {
	seedFuzz(f, "../testdata/parse/text-*", "../testdata/parse/md-*", "../testdata/examples/*")
	fuzzFormat(f, FormatTextPostmortem)
}

func FuzzStamped(f *testing.F) {
	seedFuzz(f, "../testdata/parse/stamped-*", "../testdata/parse/cachet.txt")
	fuzzFormat(f, FormatStampedText)
}

func FuzzCachet(f *testing.F) {
	seedFuzz(f, "../testdata/parse/cachet.txt", "../testdata/parse/stamped-*")
	fuzzFormat(f, FormatCachetText)
}

func FuzzHTML(f *testing.F) {
	seedFuzz(f, "../testdata/parse/html-*", "../testdata/broken/*.html")
	f.Add([]byte("<html><body><p>Incident Report for X</p><div>Resolved</div><small>Posted Jan 02, 2024 - 10:00 UTC</small></body></html>"))
	fuzzFormat(f, FormatHTML)
}

func FuzzHistory(f *testing.F) {
	seedFuzz(f, "../testdata/parse/history-*", "../testdata/parse/stamped-*")
	fuzzFormat(f, FormatHistoryText)
}

// FuzzDetect goes through format detection, as the CLI does.
func FuzzDetect(f *testing.F) {
	seedFuzz(f, "../testdata/parse/*", "../testdata/broken/*")
	fuzzFormat(f, FormatUnknown)
}

// FuzzWhen feeds the date reader arbitrary text: mentions must lie inside
// the text, in order, and resolve to valid UTC times or an error.
func FuzzWhen(f *testing.F) {
	for _, s := range []string{
		"Apr 11, 2023 - 14:55 EDT", "Sep 21, 2021, 11:40 AM UTC", "13h03: users start reporting",
		"On 2023-04-11, from 18:14:48 to 18:33:20 UTC", "between 6:45AM PT and 8:54AM PT",
		"30-March-2023 1000 UTC", "3/23/16 between roughly 17:40 - 17:47 UTC", "2023-04-11T18:14:48.5-04:00",
		"29th of July 2021 12:38 PM", "Thursday, November 6", "10:00 UTC+5:30", "12:00 Pacific Daylight Time",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, order := range []dateOrder{monthFirst, dayFirst} {
			prev := 0
			for _, m := range scanMentions(s, order) {
				if m.Start < prev || m.End > len(s) || m.Start >= m.End || s[m.Start:m.End] != m.Text {
					t.Fatalf("mention %+v out of place in %q", m, s)
				}
				prev = m.End
				if m.Date != nil && !m.Date.valid() {
					t.Fatalf("invalid date %+v from %q", *m.Date, s)
				}
				if m.Clock != nil && (m.Clock.Hour > 24 || m.Clock.Min > 59 || m.Clock.Sec > 59) {
					t.Fatalf("invalid clock %+v from %q", *m.Clock, s)
				}
				ref := time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC)
				if r, err := m.stamp(ref); err == nil && (r.At.IsZero() || r.At.Location() != time.UTC) {
					t.Fatalf("stamp %q gave %v", m.Text, r.At)
				}
			}
			readDuration(s)
		}
	})
}
