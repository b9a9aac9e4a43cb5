package ingest

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// refPlainChars is plainChars as it was written before plainRun: the
// oracle of plainChars, and with two Contains calls of plainWords.
func refPlainChars(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c > '~' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\ufeff' ||
			!(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			return false
		}
		i += n
	}
	return true
}

// refPlainWords is the test plainScalar made of an unquoted value before
// plainWords: three passes.
func refPlainWords(s string) bool {
	return refPlainChars(s) && !strings.Contains(s, ": ") && !strings.Contains(s, " #")
}

func checkPlainWords(t *testing.T, s string) {
	t.Helper()
	if got, want := plainChars(s), refPlainChars(s); got != want {
		t.Fatalf("plainChars(%q) = %v; the oracle gives %v", s, got, want)
	}
	if got, want := plainWords(s), refPlainWords(s); got != want {
		t.Fatalf("plainWords(%q) = %v; the oracle gives %v", s, got, want)
	}
}

// TestPlainWords checks plainChars and plainWords against their oracles
// on chosen values.
func TestPlainWords(t *testing.T) {
	for _, s := range []string{
		"", "Realtime Events", "a: b", "a:b", "a :b", "a #b", "a#b", "#a", "a #", "a:", ": ", " #",
		"café: menu", "café #1", "Zürich", "a\tb", "a\\b", "a\x7fb", "\ufeffa", "a\xffb", "é:", "x é: y",
		"https://example.com/a#b", "10:30 UTC", "a  #b", "a::  b", "—: x", "\u00a0#",
		// Eight bytes at a time: pairs across two eights, and each byte
		// refused at each place of an eight.
		"abcdefg: x", "abcdefg #x", "abcdefgh: x", "abcdefgh #", "abcdef #gh", "abcdefghijklmno: ",
		"abcdefghijklmnop\x7f", "abcdefgh\\", "abcdefgh\x1f", "abcdefgh\x00ijk", "Realtime Events and Dashboard",
		"abcdefghé", "éabcdefgh: x", "abcdefgh\xff", "abc ~ def ! ghi @ jkl", "abcdefgh:x#y:z#",
	} {
		checkPlainWords(t, s)
		for i := range len(s) + 1 { // every byte refused at every place
			for _, c := range []string{"\x00", "\x1f", "\x7f", "\\", "\x80", ":", ": ", "#", " #", "\t"} {
				checkPlainWords(t, s[:i]+c+s[i:])
			}
		}
	}
}

// FuzzPlainWords checks plainChars and plainWords against their oracles
// on any text.
func FuzzPlainWords(f *testing.F) {
	for _, s := range []string{"Realtime Events", "a: b", "a #b", "café: x", "a\xffb: c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkPlainWords(t, s)
	})
}
