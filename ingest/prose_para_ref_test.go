package ingest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// clockLedRE and listItemRE are the expressions clockLed and listItem
// were: their oracles.
var (
	clockLedRE = regexp.MustCompile(`^(?:\d{4}-\d{2}-\d{2}[ T])?\d{1,2}[:h]\d{2}\b`)
	listItemRE = regexp.MustCompile(`^(?:[-*•+]\s|\d{1,3}[.)]\s|#)`)
)

// checkParaLine fails when clockLed or listItem disagrees with its
// expression on s.
func checkParaLine(t *testing.T, s string) {
	t.Helper()
	if got, want := clockLed(s), clockLedRE.MatchString(s); got != want {
		t.Fatalf("clockLed(%q) = %v; the expression says %v", s, got, want)
	}
	if got, want := listItem(s), listItemRE.MatchString(s); got != want {
		t.Fatalf("listItem(%q) = %v; the expression says %v", s, got, want)
	}
}

func TestParaLineTests(t *testing.T) {
	for _, s := range []string{
		"", "1", "#", "-", "- ", "-x", "* item", "*\titem", "+\fx", "+\vx", "•", "• ", "•x", "\xe2\x80", "\xe2\x80 x", "\u2023 x",
		"1. one", "1.one", "12) two", "123. three", "1234. four", "0. zero", "1.\t", "1.", "1)", "١. Arabic digit", "1.\u00a0x",
		"15:47 Rollback started", "5:47", "5:4", "15h47", "15h47m", "15:47:00", "15:47am", "15:47_", "15:47é", "15:47\xff",
		"115:47", "1:477", "a15:47", "2023-01-05 09:30 deploy", "2023-01-05T09h30", "2023-01-05 9:30", "2023-01-05 09:3",
		"2023-01-05 0930", "2023-01-05 12:30x", "2023-01-05x12:30", "2023-1-05 12:30", "20231-01-05 12:30", "2023-01-05 ",
		"12:30-01-05 12:30", "1234-56-78 12:34", "2023-01-05 123:45", "2023-01-05 12:345", "\u212a12:30", "ſ- x",
		strings.Repeat("9", 5000) + ":30", "12:30" + strings.Repeat("x", 5000), "#" + strings.Repeat("1", 5000),
	} {
		checkParaLine(t, s)
	}
}

// TestParaLineTestsRandom compares the tests with their expressions on
// the fixture lines and random lines of digits, marks and letters.
func TestParaLineTestsRandom(t *testing.T) {
	skipOracleUnderRace(t)
	for _, l := range refTestLines(t) {
		checkParaLine(t, l)
	}
	pieces := []string{"1", "2", "9", "0", "12", "2023", "-", ":", "h", "H", "T", " ", "\t", "\n", ".", ")", "(", "#", "*", "+", "•",
		"x", "_", "é", "\xff", "\xe2", "ſ", "\u212a", "am"}
	r := rand.New(rand.NewPCG(93, 94))
	leds, items := 0, 0
	for range 200000 {
		s := randomPieces(r, pieces, 10)
		if r.IntN(2) == 0 {
			s = clockish(r) + s
		}
		checkParaLine(t, s)
		if clockLed(s) {
			leds++
		}
		if listItem(s) {
			items++
		}
	}
	if leds < 2000 || items < 1000 {
		t.Errorf("%d lines led by a clock and %d list items: too few to tell", leds, items)
	}
}

func FuzzParaLineTests(f *testing.F) {
	for _, s := range []string{"", "15:47 x", "2023-01-05T09h30", "• item", "12) two", "#", "1234. four"} {
		f.Add(s)
	}
	f.Fuzz(checkParaLine)
}

// clockish is a random line start near a time: a date or not, one to
// three digits, a mark, one to three digits, each of them sometimes
// wrong.
func clockish(r *rand.Rand) string {
	digits := func() string { return "1234"[:1+r.IntN(3)] }
	var b strings.Builder
	if r.IntN(2) == 0 {
		b.WriteString([]string{"2023-01-05", "2023-1-05", "202-01-05", "2023-01-0x"}[r.IntN(4)])
		b.WriteString([]string{" ", "T", "t", ""}[r.IntN(4)])
	}
	b.WriteString(digits())
	b.WriteString([]string{":", "h", "H", "."}[r.IntN(4)])
	b.WriteString(digits())
	return b.String()
}
