package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refFoldPrefixS is foldPrefixS before it compared the word byte for byte
// first: the oracle of the tests below.
func refFoldPrefixS(s, word string) (int, bool) {
	i := 0
	for k := 0; k < len(word); k++ {
		c := word[k]
		switch {
		case i < len(s) && s[i]|0x20 == c && ('a' <= c && c <= 'z'):
			i++
		case i < len(s) && s[i] == c:
			i++
		case c == 's' && strings.HasPrefix(s[i:], "ſ"):
			i += len("ſ")
		default:
			return 0, false
		}
	}
	return i, true
}

// foldWords are the words the readers give foldPrefixS, and a few more
// with its edge cases: a space, a colon, an "s" first and last.
var foldWords = []string{"posted", "this ", "incident", "scheduled maintenance", "maintenance", " affected:",
	"date", "time", "title", "s", "ss", "", "a-z", "status:"}

func checkFoldPrefixS(t *testing.T, s, word string) {
	t.Helper()
	gn, gok := foldPrefixS(s, word)
	wn, wok := refFoldPrefixS(s, word)
	if gn != wn || gok != wok {
		t.Fatalf("foldPrefixS(%q, %q) = %d, %v; the old one says %d, %v", s, word, gn, gok, wn, wok)
	}
}

func TestFoldPrefixSAsBefore(t *testing.T) {
	for _, w := range foldWords {
		for _, s := range []string{"", w, strings.ToUpper(w), strings.ReplaceAll(w, "s", "ſ"), strings.ReplaceAll(w, " ", "\x00"),
			strings.ReplaceAll(w, ":", "\x1a"), w[:len(w)/2], w + "x", "ſ" + w, "\xc5" + w, strings.ReplaceAll(w, "s", "\xc5")} {
			checkFoldPrefixS(t, s, w)
		}
	}
	r := rand.New(rand.NewPCG(71, 72))
	pieces := []string{"p", "P", "o", "s", "S", "ſ", "\xc5", "\xbf", "t", "e", "d", "D", " ", "\x00", ":", "\x1a", "a", "ff", "é"}
	for range 200000 {
		w := foldWords[r.IntN(len(foldWords))]
		s := randomPieces(r, pieces, 8)
		if r.IntN(2) == 0 {
			s = w[:r.IntN(len(w)+1)] + s
		}
		checkFoldPrefixS(t, s, w)
	}
}

// FuzzFoldPrefixS compares foldPrefixS with the old one on arbitrary text
// and each word.
func FuzzFoldPrefixS(f *testing.F) {
	f.Add("Posted Apr 11, 2023 - 14:55 EDT")
	f.Add("THIS ſcheduled maintenance affected: A")
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range foldWords {
			checkFoldPrefixS(t, s, w)
			checkFoldPrefixS(t, w+s, w)
		}
	})
}
