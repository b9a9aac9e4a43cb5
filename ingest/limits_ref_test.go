package ingest

import (
	"math/rand/v2"
	"testing"
)

// refLongLine is longLine as it was before it split text without carriage
// returns with bytes.IndexByte, with the limits given: the oracle of the
// tests below.
func refLongLine(data []byte, maxLines, maxLength int) (n, length int) {
	n, start := 1, 0
	for i := 0; i < len(data) && n <= maxLines; i++ {
		c := data[i]
		if c != '\n' && c != '\r' {
			continue
		}
		if i-start > maxLength {
			return n, i - start
		}
		if c == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			i++
		}
		n, start = n+1, i+1
	}
	if n <= maxLines && len(data)-start > maxLength {
		return n, len(data) - start
	}
	return n, 0
}

func checkLongLine(t *testing.T, data string, maxLines, maxLength int) {
	t.Helper()
	gn, gl := longLineWithin([]byte(data), maxLines, maxLength)
	wn, wl := refLongLine([]byte(data), maxLines, maxLength)
	if gn != wn || gl != wl {
		t.Fatalf("longLineWithin(%q, %d, %d) = %d, %d; the old one says %d, %d", data, maxLines, maxLength, gn, gl, wn, wl)
	}
}

func TestLongLineTable(t *testing.T) {
	for _, data := range []string{"", "a", "abcd", "ab\ncd", "abcde\n", "\n\n\n\n", "a\r\nbcdef", "a\rb\rc\rd", "abc\nabcd\nabcde", "x\n"} {
		for maxLines := 1; maxLines < 5; maxLines++ {
			for maxLength := 0; maxLength < 6; maxLength++ {
				checkLongLine(t, data, maxLines, maxLength)
			}
		}
	}
	if n, l := longLine([]byte("short\nlines\n")); n != 3 || l != 0 {
		t.Fatalf("longLine = %d, %d; want 3, 0", n, l)
	}
}

func TestLongLineRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(101, 102))
	pieces := []string{"\n", "\r", "\r\n", "a", "bb", "cccc", "é"}
	for range 200000 {
		checkLongLine(t, randomPieces(r, pieces, 14), 1+r.IntN(6), r.IntN(8))
	}
}

func FuzzLongLine(f *testing.F) {
	f.Add("abc\nabcd\r\nabcde", 2, 3)
	f.Fuzz(func(t *testing.T, data string, maxLines, maxLength int) {
		if maxLines < 1 || maxLength < 0 {
			return // the limits are positive
		}
		checkLongLine(t, data, maxLines, maxLength)
	})
}
