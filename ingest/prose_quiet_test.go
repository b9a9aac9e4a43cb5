package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkProseHints compares paragraphHints and sentenceHint with the three
// tests the prose reader made before (isASCII, mayHoldDurationFold and
// relativeHints.inFold), which are their oracle.
func checkProseHints(t *testing.T, s string) {
	t.Helper()
	if got, want := firstProseHint(s), firstProseHintRef(s); got != want {
		t.Fatalf("firstProseHint(%q) = %d; firstProseHintRef says %d", s, got, want)
	}
	ascii, hint := paragraphHints(s)
	if want := isASCII(s); ascii != want {
		t.Fatalf("paragraphHints(%q): ascii %v; isASCII says %v", s, ascii, want)
	}
	if !ascii {
		if !hint {
			t.Fatalf("paragraphHints(%q): hint false for text that is not ASCII", s)
		}
		return
	}
	want := mayHoldDurationFold(s) || relativeHints.inFold(s)
	if hint != want {
		t.Fatalf("paragraphHints(%q): hint %v; the reference says %v", s, hint, want)
	}
	if got := sentenceHint(s); got != want {
		t.Fatalf("sentenceHint(%q) = %v; the reference says %v", s, got, want)
	}
}

func TestProseHintsAsReference(t *testing.T) {
	tests := []struct {
		s           string
		ascii, hint bool
	}{
		{"", true, false},
		{"a", true, false},
		{"7", true, true},
		{"This incident has been resolved.", true, false},
		{"This incident has been resolved. Later it was seen again.", true, true},
		{"the service was slow", true, false},
		{"errors for two HOURS then", true, true},
		{"errors for two hourz", true, true},
		{"a long sentence that ends in 7", true, true},
		{"a long sentence, no number, a holiday", true, true},
		{"for several mins", true, false},
		{"The Next", true, false}, // "the next " needs its space
		{"The Next morning, THE NEXT DAY", true, true},
		{"aFTERWARDs", true, true},
		{"earlier that", true, false},
		{"earlier that ", true, true},
		{"lat", true, false},
		{"hohohohohohohohoho", true, false},
		{"hohohohohohohohohour", true, true},
		{"caf\u00e9 later", false, true},
		{"later caf\u00e9", false, true},
		{"\xff", false, true},
		{"/:@[`{ \x10\x2a", true, false},
	}
	for _, tt := range tests {
		ascii, hint := paragraphHints(tt.s)
		if ascii != tt.ascii || hint != tt.hint {
			t.Errorf("paragraphHints(%q) = %v, %v; want %v, %v", tt.s, ascii, hint, tt.ascii, tt.hint)
		}
		checkProseHints(t, tt.s)
	}
	// Every hint word and digit at every offset and alignment, in both
	// cases, among bytes that are near them or alias their bits.
	r := rand.New(rand.NewPCG(61, 62))
	pieces := []string{"hour", "minute", "second", "day", "later", "afterward", "the next ", "the following ", "earlier that ",
		"ho", "mi", "se", "da", "la", "af", "th", "ea", "h", "m", "s", "d", "l", "a", "t", "e", "/", "O", "I", "E",
		"0", "9", " ", "x", "HoUr", "DAY", "LaTeR", "THE NEXT ", "\x80", "\xe8", "\u017f"}
	for range 200000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		checkProseHints(t, b.String())
	}
	for _, s := range refTestLines(t) {
		checkProseHints(t, s)
	}
}

func FuzzProseHints(f *testing.F) {
	for _, s := range []string{"errors for two HOURS then", "The next morning", "a sentence without any of them", "caf\u00e9 later", "ho"} {
		f.Add(s)
	}
	f.Fuzz(checkProseHints)
}
