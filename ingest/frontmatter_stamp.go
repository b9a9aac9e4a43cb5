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
// scanner, and writes f only when it returns true.
func fmStamp(s string, f *found) bool {
	if len(s) != len("2006-01-02") && len(s) != len("2006-01-02T15:04:05Z") && len(s) != len("2006-01-02T15:04:05-07:00") {
		return false
	}
	if s[4] != '-' || s[7] != '-' {
		return false
	}
	year, ok := fixedDigits(s, 0, 4)
	if !ok || year < 1970 || year > 2200 {
		return false
	}
	month, ok1 := fixedDigits(s, 5, 2)
	day, ok2 := fixedDigits(s, 8, 2)
	d := date{year, time.Month(month), day}
	if !ok1 || !ok2 || !d.valid() {
		return false
	}
	if len(s) == len("2006-01-02") {
		*f = found{from: 0, to: len(s), d: d, hasDate: true}
		return true
	}
	if s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return false
	}
	hour, ok1 := fixedDigits(s, 11, 2)
	minute, ok2 := fixedDigits(s, 14, 2)
	sec, ok3 := fixedDigits(s, 17, 2)
	if !ok1 || !ok2 || !ok3 || hour > 23 || minute > 59 || sec > 59 {
		return false
	}
	var z zone
	switch tail := s[19:]; {
	case tail == "Z":
		z = zone{Fixed: true}
	case len(tail) == len("-07:00") && (tail[0] == '+' || tail[0] == '-') && tail[3] == ':':
		oh, ok1 := fixedDigits(tail, 1, 2)
		om, ok2 := fixedDigits(tail, 4, 2)
		if !ok1 || !ok2 || oh > 14 || om > 59 {
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
	*f = found{
		from: 0, to: len(s),
		d: d, c: clock{hour, minute, sec},
		ctFrom: 11, ctTo: 19,
		z:       zoneHit{z: z, from: 19, to: len(s)},
		hasDate: true, hasC: true, hasZ: true,
	}
	return true
}

// fixedDigits is the number of the n ASCII digits at s[i:], which the
// caller has checked are in s; ok is false if one is not a digit.
func fixedDigits(s string, i, n int) (v int, ok bool) {
	for _, c := range []byte(s[i : i+n]) {
		if c < '0' || c > '9' {
			return 0, false
		}
		v = v*10 + int(c-'0')
	}
	return v, true
}
