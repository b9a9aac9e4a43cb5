package ingest

import (
	"strings"
	"time"
)

// Statuspage's "Posted Jul 20, 2024 - 14:43 UTC" and an aggregator's
// "Sep 5, 2025, 01:35 PM UTC" are read on every update line, and the date
// reader's general scan of such a stamp costs more than the rest of the
// line's handling. usualStamp reads these two shapes by hand, with the
// reader's own rules, and leaves anything else to parseStamp
// (stampfast_test.go checks it against parseStamp on chosen and random
// stamps). The zone word is read once per document by the date reader
// itself and kept in a stampZones.

// stampZones holds how the date reader reads each zone word a document's
// stamps end with.
type stampZones []stampZone

type stampZone struct {
	word string
	z    zone
	ok   bool
}

// lookup returns the zone the date reader reads the word as, when it ends
// a stamp: as it reads the word after "15:04 ", since it reads a zone with
// no regard to what comes before it but whether the clock had seconds
// (not in these stamps).
func (zs *stampZones) lookup(word string, order dateOrder) (zone, bool) {
	for _, e := range *zs {
		if e.word == word {
			return e.z, e.ok
		}
	}
	e := stampZone{word: word}
	probe := "15:04 " + word
	ms := scanMentions(probe, order)
	if len(ms) == 1 && ms[0].Start == 0 && ms[0].End == len(probe) && ms[0].Clock != nil && ms[0].Zone != nil {
		e.z, e.ok = *ms[0].Zone, true
	}
	*zs = append(*zs, e)
	return e.z, e.ok
}

// usualStamp reads "Jul 20, 2024 - 14:43 UTC" or "Sep 5, 2025, 01:35 PM
// UTC" (a month word, day, year, " - " or ", ", an hour and minutes, an
// optional AM or PM, a zone word, and nothing else) as parseStamp(s, ref,
// order) reads it; ok is false for anything else, and for stamps
// parseStamp would refuse.
func usualStamp(s string, order dateOrder, zs *stampZones) (resolved, bool) {
	mw, i := letterRun(s, 0)
	var low [9]byte // the longest month word, "september"
	if len(mw) > len(low) {
		return resolved{}, false
	}
	for k := range len(mw) {
		low[k] = mw[k] | 0x20
	}
	mo, ok := monthWords[string(low[:len(mw)])]
	if !ok || (mo == time.May || mo == time.March) && mw[0] >= 'a' || !byteAt(s, i, ' ') {
		return resolved{}, false // "may" and "march" are months only capitalised
	}
	day, i, ok := digitRun(s, i+1, 2)
	if !ok || day < 1 || day > 31 || !byteAt(s, i, ',') || !byteAt(s, i+1, ' ') {
		return resolved{}, false
	}
	year, j, ok := digitRun(s, i+2, 4)
	if !ok || j-(i+2) != 4 || year < 1970 || year > 2200 {
		return resolved{}, false
	}
	d := date{Year: year, Month: mo, Day: day}
	if !d.valid() {
		return resolved{}, false
	}
	i = j
	switch {
	case strings.HasPrefix(s[i:], " - "):
		i += 3
	case strings.HasPrefix(s[i:], ", "):
		i += 2
	default:
		return resolved{}, false
	}
	var c clock
	if c.Hour, i, ok = digitRun(s, i, 2); !ok || !byteAt(s, i, ':') {
		return resolved{}, false
	}
	if c.Min, j, ok = digitRun(s, i+1, 2); !ok || j-(i+1) != 2 || c.Min > 59 || !byteAt(s, j, ' ') {
		return resolved{}, false
	}
	word, i := letterRun(s, j+1)
	if strings.EqualFold(word, "am") || strings.EqualFold(word, "pm") {
		pm := word[0]|0x20 == 'p'
		if c.Hour < 1 || c.Hour > 23 || (!pm && c.Hour > 12) {
			return resolved{}, false
		}
		if pm && c.Hour < 12 {
			c.Hour += 12
		} else if !pm && c.Hour == 12 {
			c.Hour = 0
		}
		if !byteAt(s, i, ' ') {
			return resolved{}, false
		}
		word, i = letterRun(s, i+1)
	}
	if word == "" || i != len(s) || c.Hour > 23 {
		return resolved{}, false
	}
	z, ok := zs.lookup(word, order)
	if !ok {
		return resolved{}, false
	}
	// mention.stamp of a valid date with its year, a clock and a zone.
	at, note := z.at(d, c)
	return resolved{At: at, Note: note}, true
}

// letterRun returns the run of ASCII letters at i and where it ends.
func letterRun(s string, i int) (string, int) {
	j := i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	return s[i:j], j
}

// digitRun reads 1 to n digits at i, followed by no further digit, and
// where they end.
func digitRun(s string, i, n int) (int, int, bool) {
	v, j := 0, i
	for j < len(s) && isDigit(s[j]) {
		if j-i == n {
			return 0, 0, false
		}
		v = v*10 + int(s[j]-'0')
		j++
	}
	return v, j, j > i
}
