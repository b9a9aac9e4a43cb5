package ingest

import (
	"bytes"
	"strings"
	"testing"
)

// TestHasDigitBytes checks hasDigit, which tests eight bytes at a time,
// against a byte-by-byte test: every byte value at every place of strings
// of 1 to 20 bytes whose other bytes are the digits' neighbours ('/' and
// ':') or bytes with the high bit set.
func TestHasDigitBytes(t *testing.T) {
	slow := func(s string) bool { return strings.IndexAny(s, "0123456789") >= 0 }
	for n := 1; n <= 20; n++ {
		for _, fill := range []byte{'/', ':', 0x80 | '5', 0xff, ' '} {
			for p := 0; p < n; p++ {
				for c := 0; c < 256; c++ {
					b := bytes.Repeat([]byte{fill}, n)
					b[p] = byte(c)
					s := string(b)
					if got, want := hasDigit(s), slow(s); got != want {
						t.Fatalf("hasDigit(%q) = %v, want %v", s, got, want)
					}
				}
			}
		}
	}
}
