package ingest

import "time"

// parseRFC3339 reads the one shape the Statuspage API writes its times in,
// "2006-01-02T15:04:05[.fraction](Z|±07:00)", as time.Parse(RFC3339Nano)
// does, without its general layout machinery: the value is the same,
// checked against time.Parse in rfc3339_test.go. ok is false for anything
// else, valid or not, which the caller then gives to time.Parse.
func parseRFC3339(s string) (t time.Time, year int, ok bool) {
	if len(s) < len("2006-01-02T15:04:05Z") ||
		s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':' {
		return time.Time{}, 0, false
	}
	year, ok1 := digitsIn(s[0:4], 0, 9999)
	month, ok2 := digitsIn(s[5:7], 1, 12)
	if !ok1 || !ok2 {
		return time.Time{}, 0, false
	}
	day, ok3 := digitsIn(s[8:10], 1, daysIn(time.Month(month), year))
	hour, ok4 := digitsIn(s[11:13], 0, 23)
	minute, ok5 := digitsIn(s[14:16], 0, 59)
	sec, ok6 := digitsIn(s[17:19], 0, 59)
	if !ok3 || !ok4 || !ok5 || !ok6 {
		return time.Time{}, 0, false
	}
	s = s[19:]
	nsec := 0
	if len(s) >= 2 && s[0] == '.' && isDigitByte(s[1]) {
		n := 1
		for n < len(s) && isDigitByte(s[n]) {
			n++
		}
		// As time.Parse: nanoseconds, digits past the ninth dropped.
		digits := s[1:n]
		for i := range 9 {
			nsec *= 10
			if i < len(digits) {
				nsec += int(digits[i] - '0')
			}
		}
		s = s[n:]
	}
	offset := 0
	switch {
	case s == "Z":
	case len(s) == len("-07:00") && (s[0] == '+' || s[0] == '-') && s[3] == ':':
		hh, okh := digitsIn(s[1:3], 0, 23)
		mm, okm := digitsIn(s[4:6], 0, 59)
		if !okh || !okm {
			return time.Time{}, 0, false
		}
		offset = (hh*60 + mm) * 60
		if s[0] == '-' {
			offset = -offset
		}
	default:
		return time.Time{}, 0, false
	}
	t = time.Date(year, time.Month(month), day, hour, minute, sec, nsec, time.UTC)
	return t.Add(-time.Duration(offset) * time.Second), year, true
}

// digitsIn reads s, all ASCII digits, as a number from lo to hi.
func digitsIn(s string, lo, hi int) (int, bool) {
	x := 0
	for i := 0; i < len(s); i++ {
		if !isDigitByte(s[i]) {
			return 0, false
		}
		x = x*10 + int(s[i]-'0')
	}
	return x, lo <= x && x <= hi
}

func isDigitByte(c byte) bool { return '0' <= c && c <= '9' }
