package ingest

import (
	"math/rand/v2"
	"testing"
	"unicode/utf8"
)

// refMayStartMention is mayStartMention as it was, looking the word up in
// monthWords and weekdayWords: the oracle of the switch it uses now.
func refMayStartMention(s string) bool {
	if s == "" || isDigit(s[0]) || s[0] >= utf8.RuneSelf {
		return s != ""
	}
	if !isASCIILetter(s[0]) {
		return false
	}
	i := 1
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	if i < len(s) && s[i] >= utf8.RuneSelf {
		return true
	}
	var buf [16]byte
	if i > len(buf) {
		return false
	}
	low := buf[:i]
	for k := range i {
		low[k] = s[k] | 0x20
	}
	if _, ok := monthWords[string(low)]; ok {
		return true
	}
	_, ok := weekdayWords[string(low)]
	return ok
}

// refMayEndMention is mayEndMention as it was, looking the word up in
// monthWords and weekdayWords.
func refMayEndMention(s string) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	if !isASCIILetter(s[n-1]) {
		return true
	}
	i := n - 1
	for i > 0 && isASCIILetter(s[i-1]) {
		i--
	}
	if i > 0 && s[i-1] != ' ' {
		return true
	}
	w := s[i:]
	var buf [32]byte
	if len(w) > len(buf) {
		return false
	}
	low := buf[:len(w)]
	for k := range len(w) {
		low[k] = w[k] | 0x20
	}
	if _, ok := monthWords[string(low)]; ok {
		return true
	}
	if _, ok := weekdayWords[string(low)]; ok {
		return true
	}
	switch string(low) {
	case "st", "nd", "rd", "th", "am", "pm", "m":
		return true
	}
	var ubuf [32]byte
	for k := range len(w) {
		ubuf[k] = w[k] &^ 0x20
	}
	if _, ok := zoneAbbrevs[string(ubuf[:len(w)])]; ok {
		return true
	}
	return zoneNameEnds[string(low)]
}

func checkMayMention(t *testing.T, s string) {
	t.Helper()
	if got, want := mayStartMention(s), refMayStartMention(s); got != want {
		t.Fatalf("mayStartMention(%q) = %v; the map look-up says %v", s, got, want)
	}
	if got, want := mayEndMention(s), refMayEndMention(s); got != want {
		t.Fatalf("mayEndMention(%q) = %v; the map look-up says %v", s, got, want)
	}
}

// TestMayMentionAsBefore checks mayStartMention and mayEndMention against
// the map look-ups they replaced, on every month and weekday word in mixed
// cases and on random lines of words that are, nearly are and are not.
func TestMayMentionAsBefore(t *testing.T) {
	var words []string
	for w := range monthWords {
		words = append(words, w)
	}
	for w := range weekdayWords {
		words = append(words, w)
	}
	for _, w := range words {
		for _, s := range []string{w, w + " 5", "5 " + w, "x " + w, w + "é", w[:len(w)-1], w + "s", "X" + w} {
			checkMayMention(t, s)
			b := []byte(s)
			b[0] &^= 0x20
			checkMayMention(t, string(b))
		}
	}
	for _, s := range []string{"", "a", "ma", "MAY", "Septembers", "wednesdays", "abcdefghijklmnopq", "abcdefghijklmnop", "Ma\u00e9", "12", "UTC", "x pacific", "3rd", "é"} {
		checkMayMention(t, s)
	}
	r := rand.New(rand.NewPCG(61, 62))
	pieces := append(words, "Sept", "SEPTEMBER", "Thurs", "tuesday", "the", "on", "at", " ", ",", "5", "UTC", "é", "x", "day", "mber", "ſ", "\xe2")
	for range 200000 {
		checkMayMention(t, randomPieces(r, pieces, 4))
	}
}

func FuzzMayMention(f *testing.F) {
	f.Add("Thursday, April 11")
	f.Add("11:40 UTC")
	f.Add("Sept")
	f.Fuzz(func(t *testing.T, s string) { checkMayMention(t, s) })
}

// TestMonthOrWeekdayIsTheMaps checks monthOrWeekday against monthWords and
// weekdayWords on their keys and on words near them.
func TestMonthOrWeekdayIsTheMaps(t *testing.T) {
	var words []string
	for w := range monthWords {
		words = append(words, w)
	}
	for w := range weekdayWords {
		words = append(words, w)
	}
	for _, w := range words {
		for _, s := range []string{w, w[:len(w)-1], w + "s", w[1:], "x" + w} {
			_, month := monthWords[s]
			_, day := weekdayWords[s]
			if got := monthOrWeekday([]byte(s)); got != (month || day) {
				t.Fatalf("monthOrWeekday(%q) = %v; the maps say %v", s, got, month || day)
			}
		}
	}
}
