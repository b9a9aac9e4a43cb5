package ingest

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

// This file reads durations written in words or units: "4h 16m", "6d 20h",
// "38 minutes", "1 minute and 20 seconds", "approximately 12-hours", "two
// and a half hours", "an hour".

var numberWords = map[string]float64{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
	"eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
	"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var unitWords = map[string]time.Duration{
	"s": time.Second, "sec": time.Second, "secs": time.Second, "second": time.Second, "seconds": time.Second,
	"m": time.Minute, "min": time.Minute, "mins": time.Minute, "minute": time.Minute, "minutes": time.Minute,
	"h": time.Hour, "hr": time.Hour, "hrs": time.Hour, "hour": time.Hour, "hours": time.Hour,
	"d": 24 * time.Hour, "day": 24 * time.Hour, "days": 24 * time.Hour,
}

// durationPart matches one quantity and unit at the start of lower-case
// text: "4h", "16 m", "12-hours", "two and a half hours", "half an hour".
var durationPart = regexp.MustCompile(`^(?:(half an?|an? half)|(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)(\s+and\s+a\s+half)?)([\s-]?)(seconds|second|secs|sec|s|minutes|minute|mins|min|m|hours|hour|hrs|hr|h|days|day|d)\b(\s+and\s+a\s+half\b)?`)

// numberWord reads a number in words, tens and units joined by a hyphen
// too ("forty-seven").
func numberWord(w string) (float64, bool) {
	if v, ok := numberWords[w]; ok {
		return v, true
	}
	tens, units, ok := strings.Cut(w, "-")
	t, ok1 := numberWords[tens]
	u, ok2 := numberWords[units]
	if ok && ok1 && ok2 && t >= 20 && int(t)%10 == 0 && u >= 1 && u <= 9 {
		return t + u, true
	}
	return 0, false
}

// durationJoin matches what may separate the parts of one duration.
var durationJoin = regexp.MustCompile(`^(?:\s*,\s*|\s+and\s+|\s*)`)

// durationJoinLen is the length of durationJoin's match at the start of
// s, found without the expression: white space and a comma, or " and ",
// or white space.
func durationJoinLen(s string) int {
	i := 0
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	if i < len(s) && s[i] == ',' {
		j := i + 1
		for j < len(s) && isRESpace(s[j]) {
			j++
		}
		return j
	}
	if i > 0 && strings.HasPrefix(s[i:], "and") {
		j := i + len("and")
		k := j
		for k < len(s) && isRESpace(s[k]) {
			k++
		}
		if k > j {
			return k
		}
	}
	return i
}

// readDuration reads a duration at the start of lower-case text s and
// returns it with the number of bytes read. It reads as many parts as
// follow each other ("1 minute and 20 seconds"); units must shrink from
// part to part, so "2 hours 5 days" stops after "2 hours".
func readDuration(s string) (time.Duration, int, bool) {
	var total time.Duration
	n := 0
	last := time.Duration(1 << 62)
	for {
		rest := s[n:]
		if n > 0 {
			j := rest[:durationJoinLen(rest)] // may be empty: "4h16m"
			rest = rest[len(j):]
			m := durationPart.FindStringSubmatchIndex(rest)
			if m == nil {
				break
			}
			d, unit, ok := partValue(rest, m)
			if !ok || unit >= last {
				break
			}
			total += d
			last = unit
			n += len(j) + m[1]
			continue
		}
		m := durationPart.FindStringSubmatchIndex(rest)
		if m == nil {
			return 0, 0, false
		}
		d, unit, ok := partValue(rest, m)
		if !ok {
			return 0, 0, false
		}
		total += d
		last = unit
		n = m[1]
	}
	return total, n, true
}

// partValue turns one durationPart match into a duration.
func partValue(s string, m []int) (time.Duration, time.Duration, bool) {
	unitText := s[m[10]:m[11]]
	unit := unitWords[unitText]
	var q float64
	switch {
	case m[2] >= 0:
		q = 0.5
	default:
		w := s[m[4]:m[5]]
		if v, err := strconv.ParseFloat(w, 64); err == nil {
			q = v
		} else if v, ok := numberWord(w); ok && m[9] > m[8] && len(unitText) > 1 {
			// A number word needs a space before a unit word: "tens" is
			// not ten seconds, "a m" is not a minute.
			q = v
		} else {
			return 0, 0, false
		}
		if m[6] >= 0 || m[12] >= 0 { // "two and a half hours", "an hour and a half"
			q += 0.5
		}
	}
	if q < 0 || q > 1e5 {
		return 0, 0, false
	}
	return time.Duration(q * float64(unit)), unit, true
}
