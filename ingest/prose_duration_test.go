package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkParenDuration checks that mayParenDuration holds for s wherever
// durParen has a match the durations loop uses.
func checkParenDuration(t *testing.T, s string) bool {
	t.Helper()
	for _, m := range durParen.FindAllStringSubmatchIndex(s, -1) {
		if d, n, ok := readDuration(s[m[2]:m[3]]); ok && d > 0 && n == m[3]-m[2] {
			if !mayParenDuration(s) {
				t.Fatalf("durParen finds the duration %q in %q, which mayParenDuration rules out", s[m[2]:m[3]], s)
			}
			return true
		}
	}
	return false
}

// parenPieces are what random sentences for durParen are made of.
var parenPieces = []string{"from 16:05 to 18:19 utc ", "10:02", "9.30", "4h15", "3 pm", "3pm", "11 a.m.", " pst", " utc+2", "(", ")", "((", "))",
	"2 h 14 min", "38 minutes", "1 hour", "0 minutes", "about 5 minutes", "approx", "x", " ", "é", "ſ", "K", "and", ", ", "-", "5", "min", "hours", "s"}

// TestMayParenDuration checks mayParenDuration against the expression on
// the fixture lines and random sentences.
func TestMayParenDuration(t *testing.T) {
	skipOracleUnderRace(t)
	used := 0
	for _, l := range refTestLines(t) {
		if checkParenDuration(t, strings.ToLower(l)) {
			used++
		}
	}
	r := rand.New(rand.NewPCG(65, 66))
	for range 100000 {
		if checkParenDuration(t, randomParenText(r)) {
			used++
		}
	}
	if used < 1000 {
		t.Errorf("only %d texts hold a duration durParen finds", used)
	}
}

// randomParenText is random pieces, half of the time around a time and a
// bracket as durParen finds them.
func randomParenText(r *rand.Rand) string {
	var b strings.Builder
	pieces := func(n int) {
		for range r.IntN(n) {
			b.WriteString(parenPieces[r.IntN(len(parenPieces))])
		}
	}
	pieces(5)
	if r.IntN(2) == 0 {
		b.WriteString([]string{"16:05", "9.30", "4h15", "3 pm", "11 a.m.", "7"}[r.IntN(6)])
		b.WriteString([]string{"", " utc", " pst-8", " to 18:19", " ", "x"}[r.IntN(6)])
		b.WriteString([]string{" (", "(", " ((", " ( "}[r.IntN(4)])
		b.WriteString([]string{"2 h 14 min", "38 minutes", "1 hour", "0 minutes", "about 5 minutes", "x", "", "5 minutes and counting", "90 seconds"}[r.IntN(9)])
		b.WriteString([]string{")", ") ", "", "))", " )"}[r.IntN(5)])
	}
	pieces(4)
	return b.String()
}

// FuzzMayParenDuration checks mayParenDuration against the expression on
// arbitrary text.
func FuzzMayParenDuration(f *testing.F) {
	r := rand.New(rand.NewPCG(67, 68))
	for range 50 {
		f.Add(randomParenText(r))
	}
	f.Fuzz(func(t *testing.T, s string) { checkParenDuration(t, s) })
}
