package ingest

import (
	"bytes"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// lexCases are texts that exercise every branch of the lexer: empty, one
// byte, white space of both kinds, letters beyond ASCII (with case
// folding: "ſ", the Kelvin sign), invalid UTF-8, long numbers and long
// words.
var lexCases = []string{
	"", " ", "a", "Z", "7", ".", "\xff", "\t\n\v\f\r ", "\u00a0\u0085\u2028x",
	"Feb 09, 2019 - 14:37 GMT", "2023-04-11T18:14:48.123Z", "v1.14.2 raised it",
	"ſeptember \u212a Straße É é ÉTÉ", "naïve café12x", "x\xe2\x80", "\xe2\x80\x94—–−",
	"12345678901234567890 99999999999", strings.Repeat("abc", 100) + "9",
	"a.m. P.M. 13h03 (UTC+02:00) US/Pacific", "\x00\x01\x7f", "Ωmega1 2ω", "a\u00a0b\u3000c",
}

// checkLex fails t when lexInto of s from from, appended to a buffer
// holding stale tokens, differs from oldLexInto.
func checkLex(t *testing.T, s string, from int) {
	t.Helper()
	want := oldLexInto(nil, s, from)
	// A kept buffer whose elements hold stale tokens: lexInto writes
	// every field of each token it adds.
	stale := make([]token, 3, 8)
	for k := range stale[:cap(stale)] {
		stale[:cap(stale)][k] = token{start: -1, end: -1, num: -7, kind: 9, space: true, letters: 0xff}
	}
	for _, buf := range [][]token{nil, make([]token, 0, 1), stale} {
		got := lexInto(buf, s, from)
		if !slices.Equal(got[len(buf):], want) || !slices.Equal(got[:len(buf)], buf) {
			t.Fatalf("lexInto(%q, %d) = %v; oldLexInto gives %v", s, from, got[len(buf):], want)
		}
	}
}

// TestLexIntoAsOld checks lexInto against oldLexInto on the cases, every
// start after white space, and each case repeated to many tokens.
func TestLexIntoAsOld(t *testing.T) {
	for _, s := range lexCases {
		checkLex(t, s, 0)
		for i := 1; i < len(s); i++ {
			if byteClasses[s[i-1]] == bcSpace {
				checkLex(t, s, i)
			}
		}
		checkLex(t, strings.Repeat(s+" ", 200), 0)
	}
}

// TestLexIntoRandom checks lexInto against oldLexInto on random strings of
// the date vocabulary and on random bytes.
func TestLexIntoRandom(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(91, 92))
	for range 50000 {
		checkLex(t, randomDateText(r, 1+r.IntN(60)), 0)
		b := make([]byte, r.IntN(40))
		for k := range b {
			b[k] = byte(r.IntN(256))
		}
		checkLex(t, string(b), 0)
	}
}

// FuzzLexInto compares lexInto with oldLexInto on arbitrary text.
func FuzzLexInto(f *testing.F) {
	for _, s := range lexCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkLex(t, s, 0)
		if i := strings.IndexByte(s, ' '); i >= 0 {
			checkLex(t, s, i+1)
		}
	})
}

// TestIndexDigitAsOld checks indexDigit against oldIndexDigit on every
// byte value at every place of texts up to 40 bytes long (past one
// sixteen-byte step, one eight-byte step and the bytes after), with a
// second digit after the first, which a borrow must not hide, and on
// random texts.
func TestIndexDigitAsOld(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := indexDigit(s), oldIndexDigit(s); got != want {
			t.Fatalf("indexDigit(%q) = %d; oldIndexDigit gives %d", s, got, want)
		}
	}
	eachByteEverywhere(40, []byte{'/', ':', 0xb0, 0xb9, 0xff, 0, ' ', '\n'}, func(b []byte, p int) {
		check(string(b))
		if p+1 < len(b) {
			b[p+1] = '5'
			check(string(b))
		}
	})
	randomTexts(rand.New(rand.NewPCG(93, 94)), 80, "abc: /\xb0\xff", check)
}

// eachByteEverywhere calls f with every byte value at every place p of
// texts of 0 to maxLen bytes of each filler byte.
func eachByteEverywhere(maxLen int, fills []byte, f func(b []byte, p int)) {
	for n := 0; n <= maxLen; n++ {
		for _, fill := range fills {
			for p := 0; p < n; p++ {
				for c := range 256 {
					b := bytes.Repeat([]byte{fill}, n)
					b[p] = byte(c)
					f(b, p)
				}
			}
		}
	}
}

// randomTexts calls f with 100,000 random texts of up to maxLen bytes, most
// of them bytes of common, the others any byte.
func randomTexts(r *rand.Rand, maxLen int, common string, f func(string)) {
	for range 100000 {
		b := make([]byte, r.IntN(maxLen))
		for k := range b {
			b[k] = common[r.IntN(len(common))]
			if r.IntN(8) == 0 {
				b[k] = byte(r.IntN(256))
			}
		}
		f(string(b))
	}
}

// FuzzIndexDigit compares indexDigit with oldIndexDigit on arbitrary text.
func FuzzIndexDigit(f *testing.F) {
	f.Add("")
	f.Add("the quick brown fox jumps over the lazy dog at 10:00")
	f.Add(strings.Repeat("\xb9/:", 11) + "9")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := indexDigit(s), oldIndexDigit(s); got != want {
			t.Fatalf("indexDigit(%q) = %d; oldIndexDigit gives %d", s, got, want)
		}
	})
}

// TestIsWordByteAsOld checks the table of isWordByte against the
// comparisons of oldIsWordByte on every byte value.
func TestIsWordByteAsOld(t *testing.T) {
	for c := range 256 {
		if got, want := isWordByte(byte(c)), oldIsWordByte(byte(c)); got != want {
			t.Errorf("isWordByte(%#x) = %v; oldIsWordByte gives %v", c, got, want)
		}
	}
}

// TestIsASCIIAsOld checks isASCII against oldIsASCII on every byte value
// at every place of texts of 0 to 24 bytes, and on random texts.
func TestIsASCIIAsOld(t *testing.T) {
	check := func(s string) {
		t.Helper()
		if got, want := isASCII(s), oldIsASCII(s); got != want {
			t.Fatalf("isASCII(%q) = %v; oldIsASCII gives %v", s, got, want)
		}
	}
	eachByteEverywhere(24, []byte{'a'}, func(b []byte, _ int) { check(string(b)) })
	randomTexts(rand.New(rand.NewPCG(95, 96)), 60, "the quick brown fox, 10:02 UTC", check)
}

// FuzzIsASCII compares isASCII with oldIsASCII on arbitrary text.
func FuzzIsASCII(f *testing.F) {
	f.Add("")
	f.Add("plain ASCII text of some length")
	f.Add("Straße, ſ and the Kelvin sign \u212a")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isASCII(s), oldIsASCII(s); got != want {
			t.Fatalf("isASCII(%q) = %v; oldIsASCII gives %v", s, got, want)
		}
	})
}
