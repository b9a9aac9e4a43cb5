package ingest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// cleanTextLoop is cleanText as it was before it used the library's scans:
// one byte loop. The tests hold it as the oracle.
func cleanTextLoop(s string) (clean, oneLine bool) {
	ascii := true
	oneLine = true
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '\n':
			oneLine = false
		case c == '\r' || c == 0:
			return false, false
		case c >= utf8.RuneSelf:
			ascii = false
		}
	}
	if !ascii && (!utf8.ValidString(s) || strings.HasPrefix(s, "\ufeff") || strings.Contains(s, "\u00a0")) {
		return false, oneLine
	}
	return true, oneLine
}

func TestCleanTextMatchesLoop(t *testing.T) {
	texts := []string{"", "a", "\n", "\r", "\x00", "a\nb", "a\r\nb", "\ufeffa", "a\ufeff", "a\u00a0b", "\xc2", "\xc2\n",
		"\xff\n", "é\n", "é", "\u2028", "abc\x00\n", strings.Repeat("long line of text ", 40) + "\n" + strings.Repeat("é", 50)}
	texts = append(texts, refTestLines(t)...)
	pieces := []string{"a", "word", " ", "\t", "\n", "\r", "\r\n", "\x00", "\xef\xbb\xbf", "\xff", "\xc2", "\xa0", "\u00a0", "é", "\u2028",
		strings.Repeat("x", 33)}
	r := rand.New(rand.NewPCG(81, 82))
	for range 50000 {
		texts = append(texts, randomPieces(r, pieces, 12))
	}
	for _, s := range texts {
		gc, gotOne := cleanText(s)
		wc, wo := cleanTextLoop(s)
		if gc != wc || gotOne != wo {
			t.Fatalf("cleanText(%q) = %v, %v; want %v, %v", s, gc, gotOne, wc, wo)
		}
	}
}

func FuzzCleanText(f *testing.F) {
	f.Add("Resolved\nThis incident has been resolved.\nPosted Feb 09, 2019 - 14:37 GMT")
	f.Add("\ufeffcafé\r\n\u00a0x\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		gc, gotOne := cleanText(s)
		wc, wo := cleanTextLoop(s)
		if gc != wc || gotOne != wo {
			t.Fatalf("cleanText(%q) = %v, %v; want %v, %v", s, gc, gotOne, wc, wo)
		}
	})
}

// TestAppendTextLines checks that updates joined into one buffer read as
// joined one by one, and that an append to one's line numbers leaves the
// next one's alone.
func TestAppendTextLines(t *testing.T) {
	pieces := []string{"a", "word", " ", "\n", "\n", "\n\n", "é"}
	r := rand.New(rand.NewPCG(83, 84))
	for range 20000 {
		var bodies [][]line
		for range r.IntN(5) {
			bodies = append(bodies, splitText(randomPieces(r, pieces, 8)))
		}
		var buf []int
		if r.IntN(2) == 0 {
			buf = make([]int, 0, 3)
		}
		texts := make([]string, len(bodies))
		nums := make([][]int, len(bodies))
		for i, b := range bodies {
			texts[i], nums[i], buf = appendTextLines(b, buf)
		}
		for i, b := range bodies {
			ws, wn := refJoinTextLines(b)
			if texts[i] != ws || !slices.Equal(nums[i], wn) || (nums[i] == nil) != (wn == nil) {
				t.Fatalf("appendTextLines(%v) = %q, %v; want %q, %v", b, texts[i], nums[i], ws, wn)
			}
			if i+1 < len(bodies) && nums[i] != nil {
				_ = append(nums[i], -1)
				if ws, wn := refJoinTextLines(bodies[i+1]); !slices.Equal(nums[i+1], wn) {
					t.Fatalf("an append to the numbers of %v changed the next text's: %v; want %v (%q)", b, nums[i+1], wn, ws)
				}
			}
		}
	}
}

// TestRestOfBody checks bodies rewritten into one buffer against the copy
// each was before (append([]line{{N: body[j].N, Text: rest}},
// body[j+1:]...)), after all are made, and that an append to one leaves
// the next alone.
func TestRestOfBody(t *testing.T) {
	r := rand.New(rand.NewPCG(85, 86))
	for range 20000 {
		ls := splitText(randomPieces(r, []string{"a", "word", "\n", "\n", " "}, 20))
		var bodies, want [][]line
		var buf []line
		size := len(ls)
		if r.IntN(4) == 0 {
			size = r.IntN(3) // too small a guess still gives the same bodies
		}
		for from := 0; from < len(ls); {
			to := from + 1 + r.IntN(len(ls)-from)
			body := ls[from:to]
			j := r.IntN(len(body))
			rest := randomPieces(r, []string{"x", "rest", " "}, 3)
			want = append(want, append([]line{{N: body[j].N, Text: rest}}, body[j+1:]...))
			var got []line
			got, buf = restOfBody(buf, body, j, rest, size)
			bodies = append(bodies, got)
			from = to
		}
		for i := range bodies {
			if !slices.Equal(bodies[i], want[i]) {
				t.Fatalf("body %d = %v; want %v", i, bodies[i], want[i])
			}
			_ = append(bodies[i], line{N: -1})
			if i+1 < len(bodies) && !slices.Equal(bodies[i+1], want[i+1]) {
				t.Fatalf("an append to body %d changed the next: %v; want %v", i, bodies[i+1], want[i+1])
			}
		}
	}
}
