package ingest

import (
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

// durationPartAt matches one quantity and unit at the start of lower-case
// text: "4h", "16 m", "12-hours", "two and a half hours", "half an hour".
// It is the regular expression
//
//	^(?:(half an?|an? half)|(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)(\s+and\s+a\s+half)?)([\s-]?)
//	(seconds|second|secs|sec|s|minutes|minute|mins|min|m|hours|hour|hrs|hr|h|days|day|d)\b(\s+and\s+a\s+half\b)?
//
// written by hand (it was most of the time to read an aggregator's
// durations): m holds what FindStringSubmatchIndex would, the whole match
// and its six groups, -1 for a group left out. Its choices are the
// expression's, tried in the same order: the first alternative that lets
// the rest match, the longest run of a repeat first.
func durationPartAt(s string) (m [14]int, ok bool) {
	for k := range m {
		m[k] = -1
	}
	for _, h := range [...]string{"half an", "half a", "an half", "a half"} {
		if strings.HasPrefix(s, h) {
			if t, ok := durationTailAt(s, len(h)); ok {
				m[2], m[3] = 0, len(h)
				return t.into(m), true
			}
		}
	}
	if n := asciiDigits(s, 0); n > 0 {
		// A shorter run of digits, or one without its fraction, is
		// followed by a digit or a point, which nothing after the
		// number opens with.
		ends := [2]int{n, -1}
		if n+1 < len(s) && s[n] == '.' {
			if f := asciiDigits(s, n+1); f > 0 {
				ends = [2]int{n + 1 + f, n}
			}
		}
		for _, e := range ends {
			if e < 0 {
				break
			}
			if t, ok := durationQuantityEnd(s, e); ok {
				m[4], m[5] = 0, e
				return t.into(m), true
			}
		}
		return m, false
	}
	// A word cut short is followed by a letter: the unit must then be
	// the rest of the run of word bytes, at most maxUnit long.
	n, run := asciiLower(s, 0), wordRun(s, 0)
	for l := n; l >= 1; l-- {
		if l == n && l+1 < len(s) && s[l] == '-' {
			n2, run2 := asciiLower(s, l+1), l+1+wordRun(s, l+1)
			for l2 := n2; l2 >= 1; l2-- {
				if l2 < n2 && run2-(l+1+l2) > maxUnit {
					break
				}
				if t, ok := durationQuantityEnd(s, l+1+l2); ok {
					m[4], m[5] = 0, l+1+l2
					return t.into(m), true
				}
			}
		}
		if l < n && run-l > maxUnit {
			break
		}
		if t, ok := durationQuantityEnd(s, l); ok {
			m[4], m[5] = 0, l
			return t.into(m), true
		}
	}
	return m, false
}

// durationTail is what durationPartAt matches after the quantity: the
// groups "and a half", the separator, the unit and the trailing "and a
// half", as offsets (from -1 when left out), and where the match ends.
type durationTail struct {
	half1From, half1To, sepFrom, sepTo, unitFrom, unitTo, half2From, half2To, end int
}

// into puts t's groups into m.
func (t durationTail) into(m [14]int) [14]int {
	m[0], m[1] = 0, t.end
	if t.half1From >= 0 {
		m[6], m[7] = t.half1From, t.half1To
	}
	m[8], m[9], m[10], m[11] = t.sepFrom, t.sepTo, t.unitFrom, t.unitTo
	if t.half2From >= 0 {
		m[12], m[13] = t.half2From, t.half2To
	}
	return m
}

// durationQuantityEnd matches the rest of durationPartAt after a number
// ending at p: "and a half" when it lets the unit follow, then the unit.
func durationQuantityEnd(s string, p int) (durationTail, bool) {
	if h := andAHalf(s, p); h > p {
		if t, ok := durationTailAt(s, h); ok {
			t.half1From, t.half1To = p, h
			return t, true
		}
	}
	return durationTailAt(s, p)
}

// durationTailAt matches ([\s-]?)(unit)\b(\s+and\s+a\s+half\b)? at s[p:].
func durationTailAt(s string, p int) (durationTail, bool) {
	seps := [2]int{p, -1}
	if p < len(s) && (isRESpace(s[p]) || s[p] == '-') {
		seps = [2]int{p + 1, p}
	}
	for _, q := range seps {
		if q < 0 {
			break
		}
		// The unit is a word of letters ending at a \b: the whole run of
		// word bytes at q.
		e := q + wordRun(s, q)
		if !isUnit(s[q:e]) {
			continue
		}
		t := durationTail{half1From: -1, half1To: -1, sepFrom: p, sepTo: q, unitFrom: q, unitTo: e, half2From: -1, half2To: -1, end: e}
		if h := andAHalf(s, e); h > e && (h == len(s) || !isWordByte(s[h])) {
			t.half2From, t.half2To, t.end = e, h, h
		}
		return t, true
	}
	return durationTail{}, false
}

// andAHalf matches \s+and\s+a\s+half at s[p:] and returns where it ends,
// or p. Its white space is taken whole: a shorter run would leave white
// space where a letter must follow.
func andAHalf(s string, p int) int {
	i := p
	for _, w := range [...]string{"and", "a", "half"} {
		j := i
		for j < len(s) && isRESpace(s[j]) {
			j++
		}
		if j == i || !strings.HasPrefix(s[j:], w) {
			return p
		}
		i = j + len(w)
	}
	return i
}

// maxUnit is the length of the longest key of unitWords.
const maxUnit = len("minutes")

// isUnit reports whether w is a key of unitWords, by a switch.
func isUnit(w string) bool {
	switch w {
	case "s", "sec", "secs", "second", "seconds", "m", "min", "mins", "minute", "minutes",
		"h", "hr", "hrs", "hour", "hours", "d", "day", "days":
		return true
	}
	return false
}

// wordRun is the length of the run of word bytes (\w) at s[p:].
func wordRun(s string, p int) int {
	i := p
	for i < len(s) && isWordByte(s[i]) {
		i++
	}
	return i - p
}

// asciiDigits and asciiLower are the lengths of the runs of ASCII digits
// and of ASCII small letters at s[p:].
func asciiDigits(s string, p int) int {
	i := p
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	return i - p
}

func asciiLower(s string, p int) int {
	i := p
	for i < len(s) && 'a' <= s[i] && s[i] <= 'z' {
		i++
	}
	return i - p
}

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
			m, ok := durationPartAt(rest)
			if !ok {
				break
			}
			d, unit, ok := partValue(rest, m[:])
			if !ok || unit >= last {
				break
			}
			total += d
			last = unit
			n += len(j) + m[1]
			continue
		}
		m, ok := durationPartAt(rest)
		if !ok {
			return 0, 0, false
		}
		d, unit, ok := partValue(rest, m[:])
		if !ok {
			return 0, 0, false
		}
		total += d
		last = unit
		n = m[1]
	}
	return total, n, true
}

// partValue turns one durationPartAt match into a duration.
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
