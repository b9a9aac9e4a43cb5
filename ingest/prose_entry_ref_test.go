package ingest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// entryPrefix, the oracle of entryPrefixLen, is what may come before a timeline entry's time: bullets,
// emphasis, a list number, a bracket.
var entryPrefix = regexp.MustCompile(`^(?:[-*•+>|#\[(]+\s*|\d{1,3}[.)]\s+)*`)

// entrySep, the oracle of entrySepLen, is what separates an entry's time from its text: ":", "-",
// "|", or the closing bracket of "[13:20] text", after optional emphasis
// ("*06:00*: text", "**10:02 UTC** - text").
var entrySep = regexp.MustCompile(`^\s*(?:\*\*|\*|__|_)?\s*(?:[:|–—-]|\s[-–—]\s|[\])]\s*[:–—-]?)\s*`)

// checkEntryPrefixLen compares entryPrefixLen with the expression it
// stands in for.
func checkEntryPrefixLen(t *testing.T, s string) {
	t.Helper()
	if got, want := entryPrefixLen(s), len(entryPrefix.FindString(s)); got != want {
		t.Fatalf("entryPrefixLen(%q) = %d; entryPrefix matches %d bytes", s, got, want)
	}
}

func TestEntryPrefixLenAsReference(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"- 14:05 text", 2},
		{"* ** [14:05]", 6},
		{"• 14:05", len("• ")},
		{"1. 14:05", 3},
		{"123) x", 5},
		{"1234. x", 0},
		{"12.x", 0},
		{"1.\t\n 2. - x", 10},
		{"-1. x", 4},
		{"-- \v x", 3},
		{"\xe2\x80 x", 0},
		{"#12:30", 1},
	}
	for _, tt := range tests {
		if got := entryPrefixLen(tt.s); got != tt.want {
			t.Errorf("entryPrefixLen(%q) = %d, want %d", tt.s, got, tt.want)
		}
		checkEntryPrefixLen(t, tt.s)
	}
	r := rand.New(rand.NewPCG(73, 74))
	pieces := []string{"-", "*", "•", "+", ">", "|", "#", "[", "(", ")", ".", " ", "\t", "\n", "\v", "\f", "\r", "1", "12", "123", "1234",
		"x", "é", "–", "\xe2", "\x80", "\xa2", ":"}
	for range 200000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkEntryPrefixLen(t, b.String())
	}
	for _, s := range refTestLines(t) {
		checkEntryPrefixLen(t, s)
	}
}

func FuzzEntryPrefixLen(f *testing.F) {
	for _, s := range []string{"- 14:05 text", "1. 2) • [x", "1234. x", "\xe2\x80\xa2 1.\t"} {
		f.Add(s)
	}
	f.Fuzz(checkEntryPrefixLen)
}

// checkEntrySepLen compares entrySepLen with the expression it stands in
// for.
func checkEntrySepLen(t *testing.T, s string) {
	t.Helper()
	if got, want := entrySepLen(s), len(entrySep.FindString(s)); got != want {
		t.Fatalf("entrySepLen(%q) = %d; entrySep matches %d bytes", s, got, want)
	}
}

func TestEntrySepLenAsReference(t *testing.T) {
	skipOracleUnderRace(t)
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{": text", 2},
		{" - text", 3},
		{" – text", len(" – ")},
		{" — text", len(" — ")},
		{"** - text", 5},
		{"*: text", 3},
		{"__ | text", 5},
		{"_x", 0},
		{"] text", 2},
		{") - text", 4},
		{"]\t:\ttext", 4},
		{"]|", 1},
		{" text", 0},
		{" ** * : x", 0},
		{"*** : x", 0},
		{"**: x", 4},
		{"\v: x", 0},
		{"\xe2\x80 x", 0},
	}
	for _, tt := range tests {
		if got := entrySepLen(tt.s); got != tt.want {
			t.Errorf("entrySepLen(%q) = %d, want %d", tt.s, got, tt.want)
		}
		checkEntrySepLen(t, tt.s)
	}
	r := rand.New(rand.NewPCG(75, 76))
	pieces := []string{"*", "**", "_", "__", ":", "|", "-", "–", "—", "]", ")", "(", "[", " ", "\t", "\n", "\v", "\f", "\r",
		"x", "é", "\xe2", "\x80", "\x93", "1"}
	for range 200000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkEntrySepLen(t, b.String())
	}
	for _, s := range refTestLines(t) {
		checkEntrySepLen(t, s)
	}
}

func FuzzEntrySepLen(f *testing.F) {
	for _, s := range []string{" - text", "** - text", ") – x", "]\t:\ty", "*** : x"} {
		f.Add(s)
	}
	f.Fuzz(checkEntrySepLen)
}
