package ingest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
	"time"
)

// durationJoin is the expression durationJoinLen matches by hand: what may
// separate the parts of one duration. The tests hold it as the oracle.
var durationJoin = regexp.MustCompile(`^(?:\s*,\s*|\s+and\s+|\s*)`)

// durationPartRef is the regular expression durationPartAt replaced, kept
// as its reference.
var durationPartRef = regexp.MustCompile(`^(?:(half an?|an? half)|(\d+(?:\.\d+)?|[a-z]+(?:-[a-z]+)?)(\s+and\s+a\s+half)?)([\s-]?)(seconds|second|secs|sec|s|minutes|minute|mins|min|m|hours|hour|hrs|hr|h|days|day|d)\b(\s+and\s+a\s+half\b)?`)

// checkDurationPart fails t when durationPartAt does not match s as the
// reference expression does.
func checkDurationPart(t *testing.T, s string) {
	t.Helper()
	got, ok := durationPartAt(s)
	want := durationPartRef.FindStringSubmatchIndex(s)
	if ok != (want != nil) || ok && [14]int(want) != got {
		t.Fatalf("durationPartAt(%q) = %v, %v; the expression matches %v", s, got, ok, want)
	}
}

// TestDurationPartAt checks durationPartAt against the expression on the
// shapes it reads and on near misses.
func TestDurationPartAt(t *testing.T) {
	for _, s := range []string{
		"4h", "4h16m", "16 m", "12-hours", "12.5 hours", "12. hours", "12.x", "1.2.3h", "two and a half hours",
		"two and  a\thalf hours", "half an hour", "half a minute", "an hour and a half", "a half hour", "half another",
		"an half day", "forty-seven minutes", "forty-seven-minutes", "twohours", "aminute", "a minute", "hours",
		"3 secs", "3 sec5", "3 seconds_", "3 days and a halfx", "3 days and a half.", "3 days and a half", "3 daysand a half",
		"3 and a half", "3 and a half days", "3 and a halfdays", "3\fdays", "3\vdays", "3 –days", "3--days", "3-\tdays",
		"", "h", "-3h", " 3h", "3H", "3 Hours", "half an", "half a h", "an h", "a-b-c d", "ab-cd-ef hours", "x-y h",
		"one-hour", "5 min and 2 s", "20 seconds,", "10 mins.", "1 day, 2 hours", "12hrs", "7d", "2 weeks",
	} {
		checkDurationPart(t, s)
	}
}

// durationPieces are what random text for the duration tests is made of.
var durationPieces = []string{
	"1", "12", "3.5", ".", "0", "a", "an", "half", "and", "one", "two", "forty", "-", "seven", " ", "  ", "\t", "\n",
	"\f", "\v", "h", "hr", "hrs", "hour", "hours", "m", "min", "mins", "minute", "minutes", "s", "sec", "secs",
	"second", "seconds", "d", "day", "days", ",", "x", "_", "H", "é", "\xff",
}

func randomDurationText(r *rand.Rand) string {
	var b strings.Builder
	for range 1 + r.IntN(10) {
		b.WriteString(durationPieces[r.IntN(len(durationPieces))])
	}
	return b.String()
}

// TestDurationPartAtRandom checks durationPartAt against the expression,
// and readDuration against itself as it read with the expression, on
// random text made of numbers, number words, units and marks.
func TestDurationPartAtRandom(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(81, 82))
	for range 300000 {
		s := randomDurationText(r)
		checkDurationPart(t, s)
		checkReadDuration(t, s)
	}
}

// FuzzDurationPart compares durationPartAt and readDuration with their
// readings by the expression on arbitrary text.
func FuzzDurationPart(f *testing.F) {
	r := rand.New(rand.NewPCG(83, 84))
	for range 50 {
		f.Add(randomDurationText(r))
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkDurationPart(t, s)
		checkReadDuration(t, s)
	})
}

// checkReadDuration fails t when readDuration does not read s as it did
// with the expression (readDurationRef).
func checkReadDuration(t *testing.T, s string) {
	t.Helper()
	d, n, ok := readDuration(s)
	wd, wn, wok := readDurationRef(s)
	if d != wd || n != wn || ok != wok {
		t.Fatalf("readDuration(%q) = %v, %d, %v; with the expression %v, %d, %v", s, d, n, ok, wd, wn, wok)
	}
}

// readDurationRef is readDuration as it was with the expression.
func readDurationRef(s string) (time.Duration, int, bool) {
	var total time.Duration
	n := 0
	last := time.Duration(1 << 62)
	for {
		rest := s[n:]
		if n > 0 {
			j := durationJoin.FindString(rest)
			rest = rest[len(j):]
			m := durationPartRef.FindStringSubmatchIndex(rest)
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
		m := durationPartRef.FindStringSubmatchIndex(rest)
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

// TestIsUnit checks the switch against the table.
func TestIsUnit(t *testing.T) {
	for _, w := range []string{"", "x", "hourss", "Hours", "seconds", "sec", "d", "dayz", "minute", "minutes"} {
		_, want := unitWords[w]
		if isUnit(w) != want {
			t.Errorf("isUnit(%q) = %v, want %v", w, !want, want)
		}
	}
	for w := range unitWords {
		if !isUnit(w) || len(w) > maxUnit {
			t.Errorf("isUnit(%q) = false or longer than maxUnit", w)
		}
	}
}
