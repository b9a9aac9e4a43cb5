package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// checkSplitWithin compares splitWithin with what it stands for: the text
// is clean and refLongLine finds no line over the limits exactly when it
// splits, and then its lines are refSplitText's.
func checkSplitWithin(t *testing.T, s string, maxLines, maxLength int) {
	t.Helper()
	got, ok := splitWithin(nil, s, maxLines, maxLength)
	// A reused buffer, as linePool gives, holds another text's lines.
	stale := []line{{N: 7, Text: "stale"}, {N: 8, Text: "lines"}, {N: 9}}
	if again, okAgain := splitWithin(stale[:1], s, maxLines, maxLength); okAgain != ok || ok && !reflect.DeepEqual(again, got) {
		t.Fatalf("splitWithin(%q, %d, %d) into a used buffer = %v, %v; into none %v, %v", s, maxLines, maxLength, again, okAgain, got, ok)
	}
	clean, _ := cleanText(s)
	n, length := refLongLine([]byte(s), maxLines, maxLength)
	if want := clean && n <= maxLines && length == 0; ok != want {
		t.Fatalf("splitWithin(%q, %d, %d) ok = %v; want %v (clean %v, refLongLine %d, %d)", s, maxLines, maxLength, ok, want, clean, n, length)
	}
	if ok {
		if want := refSplitText(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitWithin(%q, %d, %d) = %v; want %v", s, maxLines, maxLength, got, want)
		}
	}
}

func TestSplitWithinTable(t *testing.T) {
	for _, s := range []string{"", "a", "abcd", "ab\ncd", "abcde\n", "\n\n\n\n", " a \n\tb\t\n\vc", "a\r\nb", "é\u2003\n\u3000x",
		"\ufeffa", "a\u00a0b", "x\x00", "\xff", "abc\nabcd\nabcde", "\x01a\x01\n \x7f"} {
		for maxLines := 1; maxLines < 6; maxLines++ {
			for maxLength := 0; maxLength < 6; maxLength++ {
				checkSplitWithin(t, s, maxLines, maxLength)
			}
		}
	}
}

func TestSplitWithinRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(211, 212))
	pieces := []string{"\n", "\r", " ", "\t", "a", "bb", "cccc", "é", "\u2003", "\u0085", "\x00", "\u00a0", "\ufeff", "\xff"}
	for range 200000 {
		checkSplitWithin(t, randomPieces(r, pieces, 14), 1+r.IntN(6), r.IntN(8))
	}
}

func FuzzSplitWithin(f *testing.F) {
	f.Add("Resolved\n  This incident has been resolved. \nPosted Feb 09, 2019 - 14:37 GMT", 3, 40)
	f.Add("abc\nabcd\n\u2003abcde", 2, 3)
	f.Fuzz(func(t *testing.T, s string, maxLines, maxLength int) {
		if maxLines < 1 || maxLength < 0 {
			return // the limits are positive
		}
		checkSplitWithin(t, s, maxLines, maxLength)
	})
}

func TestTrimLineIsTrimSpace(t *testing.T) {
	for _, s := range []string{"", " ", "a", " a", "a ", "\ta\t", "é", " é", "é\u2003", "\u2003é", "\x01", "\x7f", "~ x ~",
		"\u0085a", "a\u0085", strings.Repeat(" ", 5)} {
		if got, want := trimLine(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimLine(%q) = %q; want %q", s, got, want)
		}
	}
}

func FuzzTrimLine(f *testing.F) {
	f.Add(" a\u2003")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := trimLine(s), strings.TrimSpace(s); got != want {
			t.Fatalf("trimLine(%q) = %q; want %q", s, got, want)
		}
	})
}
