package ingest

import "time"

// Front matter states its window and date mostly as RFC 3339 stamps
// ("2025-09-20T23:22:00-07:00", "2019-07-03T14:46:00Z") or plain dates
// ("2023-10-18"), one to a value. fmStamp reads those two shapes without
// lexing them: the scanner (scanMentions) lexed each value into tokens and
// tried a mention at each, which cost more than the rest of the front
// matter's reading.

// fmStamp reads the whole of s, a front matter value, when it is a date
// "2006-01-02" or a date-time "2006-01-02T15:04:05" followed by "Z" or an
// offset "-07:00", as the scanner reads it: the one mention scanMentions
// finds in s, in either date order. It returns false for anything else
// (another shape, a day the month has not, an hour past 23, an offset
// past 14 hours, a year the scanner does not take), which is left to the
// scanner. It writes the mention to m and its parts to p, only when it
// returns true: straight where fmScan keeps them, not by way of a found,
// which is some 200 bytes to clear and copy.
func fmStamp(s string, m *mention, p *mentionParts) bool {
	if len(s) != len("2006-01-02") && len(s) != len("2006-01-02T15:04:05Z") && len(s) != len("2006-01-02T15:04:05-07:00") {
		return false
	}
	if s[4] != '-' || s[7] != '-' {
		return false
	}
	year, ok1 := digitsIn(s[0:4], 1970, 2200)
	month, ok2 := digitsIn(s[5:7], 1, 12)
	if !ok1 || !ok2 {
		return false
	}
	day, ok := digitsIn(s[8:10], 1, daysIn(time.Month(month), year))
	if !ok {
		return false
	}
	d := date{year, time.Month(month), day}
	if len(s) == len("2006-01-02") {
		p.d = d
		*m = mention{Start: 0, End: len(s), Date: &p.d, Text: s}
		return true
	}
	if s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return false
	}
	hour, ok1 := digitsIn(s[11:13], 0, 23)
	minute, ok2 := digitsIn(s[14:16], 0, 59)
	sec, ok3 := digitsIn(s[17:19], 0, 59)
	if !ok1 || !ok2 || !ok3 {
		return false
	}
	var z zone
	switch tail := s[19:]; {
	case tail == "Z":
		z = zone{Fixed: true}
	case len(tail) == len("-07:00") && (tail[0] == '+' || tail[0] == '-') && tail[3] == ':':
		oh, ok1 := digitsIn(tail[1:3], 0, 14)
		om, ok2 := digitsIn(tail[4:6], 0, 59)
		if !ok1 || !ok2 {
			return false
		}
		off := oh*3600 + om*60
		if tail[0] == '-' {
			off = -off
		}
		z = fixedZone("", off)
	default:
		return false
	}
	z.Name = s[19:] // as written, as the scanner names a zone it reads
	p.d, p.c, p.z = d, clock{hour, minute, sec}, z
	*m = mention{Start: 0, End: len(s), Date: &p.d, Clock: &p.c, Zone: &p.z, Text: s, ClockText: s[11:19]}
	return true
}
