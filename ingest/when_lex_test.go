package ingest

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// TestIndexDigitBytes checks indexDigit, which tests eight bytes at a
// time, against a byte-by-byte search: every byte value at every place of
// strings of 1 to 20 bytes whose other bytes are the digits' neighbours
// ('/' and ':'), digits, or bytes with the high bit set.
func TestIndexDigitBytes(t *testing.T) {
	for n := 1; n <= 20; n++ {
		for _, fill := range []byte{'/', ':', 0x80 | '5', 0xff, ' ', '7'} {
			for p := 0; p < n; p++ {
				for c := 0; c < 256; c++ {
					b := bytes.Repeat([]byte{fill}, n)
					b[p] = byte(c)
					s := string(b)
					if got, want := indexDigit(s), strings.IndexAny(s, "0123456789"); got != want {
						t.Fatalf("indexDigit(%q) = %d, want %d", s, got, want)
					}
				}
			}
		}
	}
}

// TestLexFrom checks that lexing from lexFrom gives the tokens of the
// whole text from there on, with four or more before the first digit, on
// random text.
func TestLexFrom(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(71, 72))
	for range 100000 {
		s := randomDateText(r, 1+r.IntN(40))
		d := indexDigit(s)
		if d < 0 {
			continue
		}
		from := lexFrom(s, d)
		all, part := lex(s), lexInto(nil, s, from)
		k := 0
		for k < len(all) && int(all[k].start) < from {
			k++
		}
		if !reflect.DeepEqual(all[k:], part) {
			t.Fatalf("%q lexed from %d: %v; want %v", s, from, part, all[k:])
		}
		if from > 0 {
			before := 0
			for before < len(part) && int(part[before].start) < d {
				before++
			}
			if before < 4 {
				t.Fatalf("%q lexed from %d: only %d tokens before the digit at %d", s, from, before, d)
			}
		}
	}
}

// TestScanLongTextAsReference checks scanMentions against the reference
// scanner on random texts longer than TestScanMentionsAsReference's, in
// which the scanner lexes from past the start and grows its tokens past
// its buffer.
func TestScanLongTextAsReference(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(73, 74))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(8) {
			if r.IntN(2) == 0 {
				b.WriteString(strings.Repeat("the quick brown fox ", r.IntN(12)))
			}
			b.WriteString(randomDateText(r, 1+r.IntN(30)))
		}
		s := b.String()
		for _, order := range []dateOrder{monthFirst, dayFirst} {
			got, want := scanMentions(s, order), refScanMentions(s, order)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("scanMentions(%q, %v) = %s; the reference finds %s", s, order, showMentions(got), showMentions(want))
			}
		}
	}
}

// TestQuickMonth checks the switch against monthOf on every capitalised
// three-letter word of month and weekday names, and others.
func TestQuickMonth(t *testing.T) {
	words := []string{"", "Ja", "Janu", "jan", "JAN", "Mon", "Sept"}
	for k := range monthWords {
		words = append(words, strings.ToUpper(k[:1])+k[1:])
	}
	for _, w := range words {
		want := 0
		if mo, ok := monthOf(strings.ToLower(w)); ok && len(w) == 3 && w[0] >= 'A' && w[0] <= 'Z' && w[1:] == strings.ToLower(w[1:]) {
			want = int(mo)
		}
		if got := quickMonth(w); got != want {
			t.Errorf("quickMonth(%q) = %d, want %d", w, got, want)
		}
	}
}
