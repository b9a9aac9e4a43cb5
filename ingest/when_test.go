package ingest

// Tests for the date/time/zone reader in when.go and zones.go.
//

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// wtTime parses an RFC 3339 instant for a test table.
func wtTime(t *testing.T, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("bad test instant %q: %v", s, err)
	}
	return v
}

// wtRef is a report date used to supply a missing year.
func wtRef(y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 12, 0, 0, 0, time.UTC)
}

// wtMention is the part of a mention a test compares, written as strings so
// that a mismatch prints readably. Empty fields mean "absent", except Text,
// which is compared only when the want sets it.
type wtMention struct {
	Date      string // date.String(): "2023-04-11", or "November 6" without a year
	Weekday   string
	Clock     string // clock.String(): "14:55:00"
	ClockText string
	Zone      string // zone.Name: "EDT", "+02:00", "UTC+5:30"
	Text      string
}

func wtDescribe(m mention) wtMention {
	var w wtMention
	if m.Date != nil {
		w.Date = m.Date.String()
	}
	if m.Weekday != nil {
		w.Weekday = m.Weekday.String()
	}
	if m.Clock != nil {
		w.Clock = m.Clock.String()
	}
	w.ClockText = m.ClockText
	if m.Zone != nil {
		w.Zone = m.Zone.Name
	}
	w.Text = m.Text
	return w
}

// wtSame compares a described mention with a want; Text only when set.
func wtSame(got, want wtMention) bool {
	if want.Text == "" {
		got.Text = ""
	}
	return got == want
}

type wtStampCase struct {
	name  string
	in    string
	ref   time.Time
	order dateOrder
	want  string // RFC 3339 UTC instant
	// note: "" means no note is expected; otherwise the note must contain it.
	note string
}

func wtRunStamp(t *testing.T, tc wtStampCase) {
	t.Helper()
	got, m, err := parseStamp(tc.in, tc.ref, tc.order)
	if err != nil {
		t.Fatalf("parseStamp(%q) error %v; want %s", tc.in, err, tc.want)
	}
	want := wtTime(t, tc.want)
	if !got.At.Equal(want) {
		t.Errorf("parseStamp(%q) = %s (mention %+v); want %s", tc.in, got.At.Format(time.RFC3339), wtDescribe(m), tc.want)
	}
	if got.At.Location() != time.UTC {
		t.Errorf("parseStamp(%q).At location = %v; want UTC", tc.in, got.At.Location())
	}
	switch {
	case tc.note == "" && got.Note != "":
		t.Errorf("parseStamp(%q) note = %q; want no note", tc.in, got.Note)
	case tc.note != "" && !strings.Contains(got.Note, tc.note):
		t.Errorf("parseStamp(%q) note = %q; want a note containing %q", tc.in, got.Note, tc.note)
	}
}

func TestWhenParseStamp(t *testing.T) {
	tests := []wtStampCase{
		// US zones, in and out of season.
		{name: "EDT in April", in: "Apr 11, 2023 - 14:55 EDT", want: "2023-04-11T18:55:00Z"},
		{name: "EST in January", in: "Jan 11, 2023 - 14:55 EST", want: "2023-01-11T19:55:00Z"},
		{name: "PST in July reads as PDT with a note", in: "Jul 4, 2023 - 09:00 PST", want: "2023-07-04T16:00:00Z", note: "PDT"},
		{name: "PDT in July", in: "Jul 4, 2023 - 09:00 PDT", want: "2023-07-04T16:00:00Z"},
		{name: "PST in January", in: "Jan 4, 2023 09:00 PST", want: "2023-01-04T17:00:00Z"},
		{name: "CDT in July", in: "Jul 4, 2023 09:00 CDT", want: "2023-07-04T14:00:00Z"},
		{name: "CST in January", in: "Jan 4, 2023 09:00 CST", want: "2023-01-04T15:00:00Z"},
		{name: "MDT in July", in: "Jul 4, 2023 09:00 MDT", want: "2023-07-04T15:00:00Z"},
		{name: "MST in January", in: "Jan 4, 2023 09:00 MST", want: "2023-01-04T16:00:00Z"},
		{name: "EDT in January reads as EST with a note", in: "Jan 4, 2023 09:00 EDT", want: "2023-01-04T14:00:00Z", note: "EST"},
		{name: "CST in July reads as CDT with a note", in: "Jul 4, 2023 09:00 CST", want: "2023-07-04T14:00:00Z", note: "CDT"},

		// 12-hour clocks.
		{name: "AM", in: "Sep 21, 2021, 11:40 AM UTC", want: "2021-09-21T11:40:00Z"},
		{name: "12 AM is the midnight hour", in: "Sep 21, 2021, 12:05 AM UTC", want: "2021-09-21T00:05:00Z"},
		{name: "12 PM is the noon hour", in: "Sep 21, 2021, 12:30 PM UTC", want: "2021-09-21T12:30:00Z"},
		{name: "PM before midnight", in: "Dec 31, 2023, 11:50 PM UTC", want: "2023-12-31T23:50:00Z"},
		{name: "p.m.", in: "Dec 31, 2023, 11:50 p.m. UTC", want: "2023-12-31T23:50:00Z"},

		// ISO stamps and numeric offsets.
		{name: "ISO Z", in: "2023-04-11T18:14:48Z", want: "2023-04-11T18:14:48Z"},
		{name: "ISO fractional seconds", in: "2023-04-11T18:14:48.123Z", want: "2023-04-11T18:14:48Z"},
		{name: "ISO +02:00", in: "2023-04-11 18:14:48+02:00", want: "2023-04-11T16:14:48Z"},
		{name: "ISO +0200", in: "2023-04-11 18:14:48+0200", want: "2023-04-11T16:14:48Z"},
		{name: "ISO -04:00 after T", in: "2023-04-11T18:14-04:00", want: "2023-04-11T22:14:00Z"},
		{name: "ISO -04:00 after seconds", in: "2023-04-11 18:14:48-04:00", want: "2023-04-11T22:14:48Z"},
		{name: "ISO with slashes", in: "2023/04/11 18:14 UTC", want: "2023-04-11T18:14:00Z"},
		{name: "leap second reads as :59", in: "2023-04-11 18:14:60Z", want: "2023-04-11T18:14:59Z"},
		{name: "UTC+5:30", in: "Jun 1, 2024 10:00 UTC+5:30", want: "2024-06-01T04:30:00Z"},
		{name: "UTC+2", in: "Jun 1, 2024 10:00 UTC+2", want: "2024-06-01T08:00:00Z"},
		{name: "GMT-05:00", in: "Jun 1, 2024 10:00 GMT-05:00", want: "2024-06-01T15:00:00Z"},
		{name: "GMT+0000", in: "Apr 11 2023 18:14:48 GMT+0000", want: "2023-04-11T18:14:48Z"},
		{name: "bare -03", in: "Mar 01, 2022 - 10:00 -03", want: "2022-03-01T13:00:00Z"},
		{name: "bare +08", in: "Mar 01, 2022 - 10:00 +08", want: "2022-03-01T02:00:00Z"},
		{name: "bare -0300", in: "Mar 01, 2022 - 10:00 -0300", want: "2022-03-01T13:00:00Z"},
		{name: "zone in parentheses", in: "Jun 1, 2024 10:00 (UTC)", want: "2024-06-01T10:00:00Z"},
		{name: "abbreviation in parentheses", in: "Sep 21, 2021 at 11:40am (PDT)", want: "2021-09-21T18:40:00Z"},

		// Day-first and numeric dates.
		{name: "ordinal day", in: "13th November 2019 at 15:49 UTC", want: "2019-11-13T15:49:00Z"},
		{name: "ordinal of month, AEST in July", in: "29th of July 2021 12:38 PM AEST", want: "2021-07-29T02:38:00Z"},
		{name: "dashed date, military time", in: "30-March-2023 1000 UTC", want: "2023-03-30T10:00:00Z"},
		{name: "day month year", in: "11 Apr 2023 18:14 UTC", want: "2023-04-11T18:14:00Z"},
		{name: "weekday day month year", in: "Tuesday 11 April 2023, 18:14 UTC", want: "2023-04-11T18:14:00Z"},
		{name: "US numeric short year", in: "3/23/16 17:40 UTC", order: monthFirst, want: "2016-03-23T17:40:00Z"},
		{name: "US numeric at AM PST", in: "01/24/2024 at 11:53 AM PST", order: monthFirst, want: "2024-01-24T19:53:00Z"},
		{name: "05/07/2020 month first", in: "05/07/2020 10:00 UTC", order: monthFirst, want: "2020-05-07T10:00:00Z"},
		{name: "05/07/2020 day first", in: "05/07/2020 10:00 UTC", order: dayFirst, want: "2020-07-05T10:00:00Z"},
		{name: "31/03/2023 in a month-first document", in: "31/03/2023 10:00 UTC", order: monthFirst, want: "2023-03-31T10:00:00Z"},
		{name: "31/03/2023 in a day-first document", in: "31/03/2023 10:00 UTC", order: dayFirst, want: "2023-03-31T10:00:00Z"},

		// The European spring-forward night (02:00 CET -> 03:00 CEST).
		{name: "CET before the switch", in: "March 26, 2023 01:30 CET", want: "2023-03-26T00:30:00Z"},
		{name: "CEST after the switch", in: "March 26, 2023 03:30 CEST", want: "2023-03-26T01:30:00Z"},
		// The US fall-back hour (01:00-02:00 happens twice); EST is in
		// TestWhenEdgeCases.
		{name: "EDT in the repeated hour", in: "Nov 5, 2023 01:30 EDT", want: "2023-11-05T05:30:00Z"},

		// A 24-hour clock with a stray "pm" ("17:22pm") keeps its hour.
		{name: "24-hour clock with pm", in: "Sep 21, 2021, 13:40 PM UTC", want: "2021-09-21T13:40:00Z"},

		// Other zones.
		{name: "BST in June", in: "Jun 1, 2024 10:00 BST", want: "2024-06-01T09:00:00Z"},
		{name: "BST in January reads as GMT with a note", in: "Jan 15, 2024 10:00 BST", want: "2024-01-15T10:00:00Z", note: "GMT"},
		{name: "IST is India", in: "Jun 1, 2024 10:00 IST", want: "2024-06-01T04:30:00Z"},
		{name: "JST", in: "Jun 1, 2024 10:00 JST", want: "2024-06-01T01:00:00Z"},
		{name: "AEDT in January", in: "Jan 10, 2024 10:00 AEDT", want: "2024-01-09T23:00:00Z"},
		{name: "CET in January", in: "Jan 10, 2024 10:00 CET", want: "2024-01-10T09:00:00Z"},
		{name: "CEST in July", in: "Jul 10, 2024 10:00 CEST", want: "2024-07-10T08:00:00Z"},

		// Clock forms after a date.
		{name: "13h03", in: "Jun 1, 2024 13h03 UTC", want: "2024-06-01T13:03:00Z"},
		{name: "2:55 PM", in: "Jun 1, 2024 2:55 PM UTC", want: "2024-06-01T14:55:00Z"},
		{name: "6:45AM PT in winter", in: "Jan 10, 2024 6:45AM PT", want: "2024-01-10T14:45:00Z"},
		{name: "6:45AM PT in summer", in: "Jun 10, 2024 6:45AM PT", want: "2024-06-10T13:45:00Z"},
		{name: "1 AM", in: "Jun 1, 2024 1 AM UTC", want: "2024-06-01T01:00:00Z"},
		{name: "11.50 after a date", in: "Sep 21, 2021 11.50 UTC", want: "2021-09-21T11:50:00Z"},
		{name: "24:00 is the next midnight", in: "Jun 1, 2024 24:00 UTC", want: "2024-06-02T00:00:00Z"},

		// Zones in words.
		{name: "Pacific Time in summer", in: "Jun 1, 2024 10:00 Pacific Time", want: "2024-06-01T17:00:00Z"},
		{name: "Eastern time in summer", in: "Jun 1, 2024 9am Eastern time", want: "2024-06-01T13:00:00Z"},
		{name: "Pacific Standard Time in winter", in: "Jan 10, 2024 10:00 Pacific Standard Time", want: "2024-01-10T18:00:00Z"},
		{name: "Coordinated Universal Time", in: "Jan 10, 2024 10:00 Coordinated Universal Time", want: "2024-01-10T10:00:00Z"},

		// The stamp is not the first thing on the line.
		{name: "Posted N ago before the stamp", in: "Posted 2 years ago. Nov 09, 2024 - 00:39 UTC", want: "2024-11-09T00:39:00Z"},

		// Weekdays.
		{name: "weekday and date", in: "Tue, May 24, 2022 10:00 UTC", want: "2022-05-24T10:00:00Z"},

		// A missing year comes from ref.
		{name: "no year, ref a few days later", in: "Sep 21 11:40 AM UTC", ref: wtRef(2021, 9, 25), want: "2021-09-21T11:40:00Z"},
		{name: "no year, Dec 31 read in January", in: "Dec 31 23:50 UTC", ref: wtRef(2024, 1, 2), want: "2023-12-31T23:50:00Z"},
		{name: "no year, Jan 2 read in December", in: "Jan 2 00:10 UTC", ref: wtRef(2023, 12, 31), want: "2024-01-02T00:10:00Z"},
		{name: "no year, time then weekday and date", in: "Thursday, November 6 at 20:52 UTC", ref: wtRef(2025, 11, 10), want: "2025-11-06T20:52:00Z"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { wtRunStamp(t, tc) })
	}
}

func TestWhenParseStampErrors(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		ref   time.Time
		order dateOrder
	}{
		{name: "empty", in: ""},
		{name: "no zone", in: "Apr 11, 2023 - 14:55"},
		{name: "no zone ISO", in: "2023-04-11T18:14:48"},
		{name: "no zone, 12-hour", in: "Jun 1, 2024 10:00 AM"},
		{name: "no clock", in: "Jun 1, 2024"},
		{name: "no date", in: "10:00 UTC"},
		{name: "Feb 30", in: "Feb 30, 2023 10:00 UTC"},
		{name: "31/31/2020", in: "31/31/2020 10:00 UTC"},
		{name: "hour 25", in: "Jun 1, 2024 25:00 UTC"},
		{name: "minute 61", in: "Jun 1, 2024 12:61 UTC"},
		{name: "13 AM", in: "Sep 21, 2021, 13:40 AM UTC"},
		{name: "0 AM", in: "Sep 21, 2021, 0:40 AM UTC"},
		{name: "version number", in: "version 1.14.2"},
		{name: "no year and no ref", in: "Sep 21 11:40 AM UTC"},
		{name: "odd-length bare offset is no zone", in: "Jun 1, 2024 10:00 +2"},
		{name: "offset over 14 hours", in: "Jun 1, 2024 10:00 +1500"},
		{name: "lower-case abbreviation", in: "Jun 1, 2024 10:00 est"},
		{name: "lone Z after a space", in: "Jun 1, 2024 10:00 Z"},
		{name: "range start has no zone", in: "Jun 1, 2024 10:00-11:00 UTC"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, m, err := parseStamp(tc.in, tc.ref, tc.order)
			if err == nil {
				t.Errorf("parseStamp(%q) = %s (mention %+v); want an error", tc.in, got.At.Format(time.RFC3339), wtDescribe(m))
			}
		})
	}
}

func TestWhenScanMentionsClockForms(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want wtMention
	}{
		{name: "13h03", in: "13h03", want: wtMention{Clock: "13:03:00", ClockText: "13h03"}},
		{name: "2:55 PM", in: "2:55 PM", want: wtMention{Clock: "14:55:00", ClockText: "2:55 PM"}},
		{name: "2:55 p.m.", in: "2:55 p.m.", want: wtMention{Clock: "14:55:00", ClockText: "2:55 p.m."}},
		{name: "6:45AM PT", in: "6:45AM PT", want: wtMention{Clock: "06:45:00", ClockText: "6:45AM", Zone: "PT", Text: "6:45AM PT"}},
		{name: "1 AM", in: "1 AM", want: wtMention{Clock: "01:00:00", ClockText: "1 AM"}},
		{name: "12 AM", in: "12 AM", want: wtMention{Clock: "00:00:00", ClockText: "12 AM"}},
		{name: "9am Eastern time", in: "9am Eastern time", want: wtMention{Clock: "09:00:00", ClockText: "9am", Zone: "ET", Text: "9am Eastern time"}},
		{name: "10:00 Pacific Time", in: "10:00 Pacific Time", want: wtMention{Clock: "10:00:00", ClockText: "10:00", Zone: "PT"}},
		{name: "10:00 Central European Time", in: "10:00 Central European Time", want: wtMention{Clock: "10:00:00", ClockText: "10:00", Zone: "CET"}},
		{name: "18:14:48.123Z", in: "18:14:48.123Z", want: wtMention{Clock: "18:14:48", ClockText: "18:14:48.123", Zone: "Z"}},
		{name: "11.50 after a date", in: "Sep 21, 2021 11.50", want: wtMention{Date: "2021-09-21", Clock: "11:50:00", ClockText: "11.50"}},
		{name: "1000 UTC after a date", in: "30-March-2023 1000 UTC", want: wtMention{Date: "2023-03-30", Clock: "10:00:00", ClockText: "1000", Zone: "UTC"}},
		{name: "UTC+5:30", in: "10:00 UTC+5:30", want: wtMention{Clock: "10:00:00", ClockText: "10:00", Zone: "UTC+5:30"}},
		{name: "+02:00", in: "18:14:48+02:00", want: wtMention{Clock: "18:14:48", ClockText: "18:14:48", Zone: "+02:00"}},
		{name: "bare -03", in: "10:00 -03", want: wtMention{Clock: "10:00:00", ClockText: "10:00", Zone: "-03"}},
		{name: "bare +08", in: "10:00 +08", want: wtMention{Clock: "10:00:00", ClockText: "10:00", Zone: "+08"}},
		{name: "full stamp",
			in:   "Apr 11, 2023 - 14:55 EDT",
			want: wtMention{Date: "2023-04-11", Clock: "14:55:00", ClockText: "14:55", Zone: "EDT", Text: "Apr 11, 2023 - 14:55 EDT"}},
		{name: "date without year",
			in:   "Sep 21 11:40 AM UTC",
			want: wtMention{Date: "September 21", Clock: "11:40:00", ClockText: "11:40 AM", Zone: "UTC", Text: "Sep 21 11:40 AM UTC"}},
		{name: "weekday, month, day, year",
			in:   "Tue, May 24, 2022",
			want: wtMention{Date: "2022-05-24", Weekday: "Tuesday", Text: "Tue, May 24, 2022"}},
		{name: "Sept. with ordinal", in: "Sept. 21st, 2021", want: wtMention{Date: "2021-09-21"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := scanMentions(tc.in, monthFirst)
			if len(ms) != 1 {
				got := make([]wtMention, len(ms))
				for i, m := range ms {
					got[i] = wtDescribe(m)
				}
				t.Fatalf("scanMentions(%q) = %+v; want one mention %+v", tc.in, got, tc.want)
			}
			if got := wtDescribe(ms[0]); !wtSame(got, tc.want) {
				t.Errorf("scanMentions(%q) = %+v; want %+v", tc.in, got, tc.want)
			}
		})
	}
}

// TestWhenScanMentionsNegative holds text with no date and no time in it.
func TestWhenScanMentionsNegative(t *testing.T) {
	tests := []string{
		"version 1.14.2",
		"v2:30",
		"upgrade to v1.14:00",
		"2 hours",
		"4h 16m",
		"6d 20h",
		"we may 2x capacity",
		"We will 5x the fleet",
		"the march to production",
		"31/31/2020",
		"13/13/2020",
		"Feb 30, 2023",
		"25:00 UTC",
		"12:61",
		"at 11.50 today",
		"the est. cost",
		"in 2023 we grew",
		"",
	}
	for _, in := range tests {
		t.Run(in, func(t *testing.T) {
			for _, order := range []dateOrder{monthFirst, dayFirst} {
				if ms := scanMentions(in, order); len(ms) != 0 {
					got := make([]wtMention, len(ms))
					for i, m := range ms {
						got[i] = wtDescribe(m)
					}
					t.Errorf("scanMentions(%q, %d) = %+v; want no mention", in, order, got)
				}
			}
		})
	}
}

// TestWhenScanMentionsRanges checks that "10:00-11:00" is a range and not a
// clock with a -11:00 offset, and the like.
func TestWhenScanMentionsRanges(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []wtMention
	}{
		{name: "glued range", in: "10:00-11:00", want: []wtMention{
			{Clock: "10:00:00", ClockText: "10:00", Text: "10:00"},
			{Clock: "11:00:00", ClockText: "11:00", Text: "11:00"},
		}},
		{name: "spaced range with zone", in: "10:00 - 11:00 UTC", want: []wtMention{
			{Clock: "10:00:00", ClockText: "10:00", Text: "10:00"},
			{Clock: "11:00:00", ClockText: "11:00", Zone: "UTC", Text: "11:00 UTC"},
		}},
		{name: "minus glued to the end", in: "10:00 -11:00", want: []wtMention{
			{Clock: "10:00:00", ClockText: "10:00", Text: "10:00"},
			{Clock: "11:00:00", ClockText: "11:00", Text: "11:00"},
		}},
		{name: "range after a date", in: "Jun 1, 2024 10:00-11:00 UTC", want: []wtMention{
			{Date: "2024-06-01", Clock: "10:00:00", ClockText: "10:00", Text: "Jun 1, 2024 10:00"},
			{Clock: "11:00:00", ClockText: "11:00", Zone: "UTC", Text: "11:00 UTC"},
		}},
		{name: "range end over 14 is no offset", in: "from 14:00-15 UTC", want: []wtMention{
			{Clock: "14:00:00", ClockText: "14:00", Text: "14:00"},
		}},
		{name: "From date time (UTC) until time", in: "From 2023-01-26 20:32 (UTC) until 21:10", want: []wtMention{
			{Date: "2023-01-26", Clock: "20:32:00", ClockText: "20:32", Zone: "UTC", Text: "2023-01-26 20:32 (UTC)"},
			{Clock: "21:10:00", ClockText: "21:10", Text: "21:10"},
		}},
		{name: "time to time on weekday, date", in: "from approximately 20:52 UTC to 22:20 UTC on Thursday, November 6", want: []wtMention{
			{Clock: "20:52:00", ClockText: "20:52", Zone: "UTC", Text: "20:52 UTC"},
			{Date: "November 6", Weekday: "Thursday", Clock: "22:20:00", ClockText: "22:20", Zone: "UTC", Text: "22:20 UTC on Thursday, November 6"},
		}},
		{name: "stamp after other words", in: "Posted 2 years ago. Nov 09, 2024 - 00:39 UTC", want: []wtMention{
			{Date: "2024-11-09", Clock: "00:39:00", ClockText: "00:39", Zone: "UTC", Text: "Nov 09, 2024 - 00:39 UTC"},
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			ms := scanMentions(tc.in, monthFirst)
			got := make([]wtMention, len(ms))
			for i, m := range ms {
				got[i] = wtDescribe(m)
			}
			ok := len(got) == len(tc.want)
			for i := 0; ok && i < len(got); i++ {
				ok = wtSame(got[i], tc.want[i])
			}
			if !ok {
				t.Errorf("scanMentions(%q) = %+v; want %+v", tc.in, got, tc.want)
			}
			// Start and End must point at Text.
			for _, m := range ms {
				if m.Start < 0 || m.End > len(tc.in) || m.Start > m.End || tc.in[m.Start:m.End] != m.Text {
					t.Errorf("scanMentions(%q): mention [%d,%d] text %q does not match the input", tc.in, m.Start, m.End, m.Text)
				}
			}
		})
	}
}

func TestWhenScanMentionsTwoMentions(t *testing.T) {
	t.Run("From date time (UTC) until time", func(t *testing.T) {
		in := "From 2023-01-26 20:32 (UTC) until 21:10"
		ms := scanMentions(in, monthFirst)
		if len(ms) != 2 {
			t.Fatalf("scanMentions(%q) returned %d mentions; want 2", in, len(ms))
		}
		m := ms[0]
		if m.Date == nil || *m.Date != (date{2023, time.January, 26}) {
			t.Errorf("scanMentions(%q)[0].Date = %v; want 2023-01-26", in, m.Date)
		}
		if m.Clock == nil || *m.Clock != (clock{20, 32, 0}) {
			t.Errorf("scanMentions(%q)[0].Clock = %v; want 20:32:00", in, m.Clock)
		}
		if m.Zone == nil || !m.Zone.Fixed || m.Zone.Offset != 0 || m.Zone.Name != "UTC" {
			t.Errorf("scanMentions(%q)[0].Zone = %+v; want UTC", in, m.Zone)
		}
		if ms[1].Clock == nil || *ms[1].Clock != (clock{21, 10, 0}) || ms[1].Date != nil {
			t.Errorf("scanMentions(%q)[1] = %+v; want the clock 21:10 alone", in, wtDescribe(ms[1]))
		}
	})
	t.Run("time to time on weekday, date", func(t *testing.T) {
		in := "from approximately 20:52 UTC to 22:20 UTC on Thursday, November 6"
		ms := scanMentions(in, monthFirst)
		if len(ms) != 2 {
			t.Fatalf("scanMentions(%q) returned %d mentions; want 2", in, len(ms))
		}
		m := ms[1]
		if m.Date == nil || *m.Date != (date{0, time.November, 6}) {
			t.Errorf("scanMentions(%q)[1].Date = %v; want November 6 with year 0", in, m.Date)
		}
		if m.Weekday == nil || *m.Weekday != time.Thursday {
			t.Errorf("scanMentions(%q)[1].Weekday = %v; want Thursday", in, m.Weekday)
		}
		if ms[0].Date != nil {
			t.Errorf("scanMentions(%q)[0].Date = %v; want none", in, ms[0].Date)
		}
	})
}

func TestWhenDetectDateOrder(t *testing.T) {
	tests := []struct {
		in   string
		want dateOrder
	}{
		{"05/07/2020 and 04/30/2020", monthFirst},
		{"05/07/2020", monthFirst},
		{"31/03/2023", dayFirst},
		{"05/07/2020 and later 31/03/2023", dayFirst},
		{"3/23/16 17:40 UTC", monthFirst},
		{"13/01/24", dayFirst},
		{"no dates here", monthFirst},
		{"2023/04/11", monthFirst},
		{"", monthFirst},
	}
	name := map[dateOrder]string{monthFirst: "monthFirst", dayFirst: "dayFirst"}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			if got := detectDateOrder(tc.in); got != tc.want {
				t.Errorf("detectDateOrder(%q) = %s; want %s", tc.in, name[got], name[tc.want])
			}
		})
	}
}

func TestWhenInferYear(t *testing.T) {
	tests := []struct {
		name  string
		month time.Month
		day   int
		ref   time.Time
		want  int
	}{
		{"Dec 31 read on Jan 2", time.December, 31, wtRef(2024, 1, 2), 2023},
		{"Jan 1 read on Dec 30", time.January, 1, wtRef(2023, 12, 30), 2024},
		{"same month", time.June, 15, wtRef(2024, 6, 10), 2024},
		{"a few days back", time.September, 21, wtRef(2021, 9, 25), 2021},
		{"Jul 1 read on Jan 1 (half a year either way)", time.July, 1, wtRef(2024, 1, 1), 2024},
		{"Nov 6 read in mid-November", time.November, 6, wtRef(2025, 11, 10), 2025},
		{"Feb 29 read in a leap year", time.February, 29, wtRef(2024, 3, 1), 2024},
		{"Feb 29 read the year after a leap year", time.February, 29, wtRef(2025, 1, 15), 2024},
		{"Feb 29 read the year before a leap year", time.February, 29, wtRef(2023, 3, 1), 2024},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := inferYear(tc.month, tc.day, tc.ref); got != tc.want {
				t.Errorf("inferYear(%s, %d, %s) = %d; want %d", tc.month, tc.day, tc.ref.Format("2006-01-02"), got, tc.want)
			}
		})
	}
}

func TestWhenZoneAt(t *testing.T) {
	tests := []struct {
		abbr string
		d    date
		c    clock
		want string
		note bool
	}{
		{"EDT", date{2023, 4, 11}, clock{14, 55, 0}, "2023-04-11T18:55:00Z", false},
		{"EST", date{2023, 1, 11}, clock{14, 55, 0}, "2023-01-11T19:55:00Z", false},
		{"PST", date{2023, 7, 4}, clock{9, 0, 0}, "2023-07-04T16:00:00Z", true},
		{"PDT", date{2023, 1, 4}, clock{9, 0, 0}, "2023-01-04T17:00:00Z", true},
		{"PT", date{2023, 7, 4}, clock{9, 0, 0}, "2023-07-04T16:00:00Z", false},
		{"PT", date{2023, 1, 4}, clock{9, 0, 0}, "2023-01-04T17:00:00Z", false},
		{"CET", date{2023, 3, 26}, clock{1, 30, 0}, "2023-03-26T00:30:00Z", false},
		{"CEST", date{2023, 3, 26}, clock{3, 30, 0}, "2023-03-26T01:30:00Z", false},
		{"EDT", date{2023, 11, 5}, clock{1, 30, 0}, "2023-11-05T05:30:00Z", false},
		{"BST", date{2024, 6, 1}, clock{10, 0, 0}, "2024-06-01T09:00:00Z", false},
		{"IST", date{2024, 6, 1}, clock{10, 0, 0}, "2024-06-01T04:30:00Z", false},
		{"JST", date{2024, 6, 1}, clock{10, 0, 0}, "2024-06-01T01:00:00Z", false},
		{"AEST", date{2021, 7, 29}, clock{12, 38, 0}, "2021-07-29T02:38:00Z", false},
		{"AEDT", date{2024, 1, 10}, clock{10, 0, 0}, "2024-01-09T23:00:00Z", false},
		{"AEDT", date{2024, 7, 10}, clock{10, 0, 0}, "2024-07-10T00:00:00Z", true},
		{"UTC", date{2023, 12, 31}, clock{23, 50, 0}, "2023-12-31T23:50:00Z", false},
		{"GMT", date{2023, 12, 31}, clock{23, 50, 0}, "2023-12-31T23:50:00Z", false},
		{"Z", date{2023, 12, 31}, clock{23, 50, 0}, "2023-12-31T23:50:00Z", false},
	}
	for _, tc := range tests {
		t.Run(tc.abbr+" "+tc.d.String()+" "+tc.c.String(), func(t *testing.T) {
			z, ok := lookupZone(tc.abbr)
			if !ok {
				t.Fatalf("lookupZone(%q) found nothing", tc.abbr)
			}
			got, note := z.at(tc.d, tc.c)
			if want := wtTime(t, tc.want); !got.Equal(want) {
				t.Errorf("zone %s .at(%s, %s) = %s; want %s", tc.abbr, tc.d, tc.c, got.Format(time.RFC3339), tc.want)
			}
			if (note != "") != tc.note {
				t.Errorf("zone %s .at(%s, %s) note = %q; want a note: %v", tc.abbr, tc.d, tc.c, note, tc.note)
			}
		})
	}
	t.Run("numeric offsets", func(t *testing.T) {
		for _, tc := range []struct {
			name string
			off  int
			want string
		}{
			{"+02:00", 2 * 3600, "2023-04-11T16:14:48Z"},
			{"-03", -3 * 3600, "2023-04-11T21:14:48Z"},
			{"UTC+5:30", 5*3600 + 1800, "2023-04-11T12:44:48Z"},
		} {
			got, note := fixedZone(tc.name, tc.off).at(date{2023, 4, 11}, clock{18, 14, 48})
			if want := wtTime(t, tc.want); !got.Equal(want) || note != "" {
				t.Errorf("fixedZone(%q).at(2023-04-11, 18:14:48) = %s, %q; want %s, no note", tc.name, got.Format(time.RFC3339), note, tc.want)
			}
		}
	})
}

func TestWhenWeekdayMismatch(t *testing.T) {
	thu := time.Thursday
	tests := []struct {
		name string
		wd   *time.Weekday
		d    date
		want bool
		has  string
	}{
		{"Thursday Nov 6 2025 fits", &thu, date{2025, 11, 6}, false, ""},
		{"Thursday Nov 6 2019 was a Wednesday", &thu, date{2019, 11, 6}, true, "Wednesday"},
		{"no weekday", nil, date{2019, 11, 6}, false, ""},
		{"no year", &thu, date{0, 11, 6}, false, ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			msg, got := weekdayMismatch(tc.wd, tc.d)
			if got != tc.want || !strings.Contains(msg, tc.has) {
				t.Errorf("weekdayMismatch(%v, %s) = %q, %v; want %v (message containing %q)", tc.wd, tc.d, msg, got, tc.want, tc.has)
			}
		})
	}
}

// TestWhenEdgeCases holds cases that once were bugs: DST switch hours,
// durations and version numbers that look like clocks, ranges that look like
// offsets, and a document mixing date orders.
func TestWhenEdgeCases(t *testing.T) {
	// Zone abbreviations in the hour that a DST switch repeats or skips:
	// the abbreviation chooses the offset, not time.Date.
	for _, tc := range []wtStampCase{
		// 01:30 happens twice on Nov 5, 2023 in New York; EST names the
		// second one (UTC-5).
		{name: "EST in the US fall-back hour", in: "Nov 5, 2023 01:30 EST", want: "2023-11-05T06:30:00Z"},
		// 02:30 does not exist on Mar 12, 2023 in New York; "02:30 EST" is
		// UTC-5, 07:30Z.
		{name: "EST in the US spring-forward gap", in: "Mar 12, 2023 02:30 EST", want: "2023-03-12T07:30:00Z"},
	} {
		t.Run(tc.name, func(t *testing.T) { wtRunStamp(t, tc) })
	}

	// Durations and version numbers read as clocks. duration.go reads
	// "4h16m" as a duration; when.go's own comment says a clock glued to
	// more digits ("12:30:45:67", "1:23.4") is something else, but the check
	// only looks at a following number token, not at "." or ":" then digits.
	for _, in := range []string{
		"4h16m",
		"1h30m",
		"1:23.4",
		"12:30:45:67",
		"Apr 11, 2023 1.14.2", // a version number after a date
	} {
		t.Run("no clock in "+in, func(t *testing.T) {
			for _, m := range scanMentions(in, monthFirst) {
				if m.Clock != nil {
					t.Errorf("scanMentions(%q) = %+v; want no clock", in, wtDescribe(m))
				}
			}
		})
	}

	// An apparent offset followed by another zone word is the end of a
	// range, like "10:00-11:00".
	for _, in := range []string{
		"10:00 UTC-11:00 UTC",
		"10:00-11 UTC",
	} {
		t.Run("range not offset in "+in, func(t *testing.T) {
			ms := scanMentions(in, monthFirst)
			if len(ms) > 0 && ms[0].Zone != nil && ms[0].Zone.Offset != 0 {
				t.Errorf("scanMentions(%q)[0] = %+v (offset %ds); want the range start with no offset", in, wtDescribe(ms[0]), ms[0].Zone.Offset)
			}
		})
	}

	// A document with any day-first-only date is day-first.
	t.Run("detectDateOrder any day-first date wins", func(t *testing.T) {
		in := "04/30/2020 and later 31/03/2023"
		if got := detectDateOrder(in); got != dayFirst {
			t.Errorf("detectDateOrder(%q) = %d (monthFirst); want %d (dayFirst)", in, got, dayFirst)
		}
	})
}

func TestWhenIANAZoneNames(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Jul 4, 2023 09:00 US/Pacific", "2023-07-04T16:00:00Z"},
		{"Jan 4, 2023 09:00 America/New_York", "2023-01-04T14:00:00Z"},
		{"Jan 4, 2023 09:00 Etc/UTC", "2023-01-04T09:00:00Z"},
	} {
		got, _, err := parseStamp(tc.in, time.Time{}, monthFirst)
		if err != nil || got.At.Format(time.RFC3339) != tc.want {
			t.Errorf("parseStamp(%q) = %v, %v; want %s", tc.in, got.At, err, tc.want)
		}
	}
}

// TestCountASCIITokens checks the count lex sizes its slice by against
// the tokens lex makes.
func TestCountASCIITokens(t *testing.T) {
	r := rand.New(rand.NewPCG(25, 26))
	for range 100000 {
		b := make([]byte, r.IntN(30))
		for i := range b {
			b[i] = byte(r.IntN(128))
		}
		s := string(b)
		if got, want := countASCIITokens(s), len(lex(s)); got != want {
			t.Fatalf("countASCIITokens(%q) = %d; lex makes %d", s, got, want)
		}
	}
}
