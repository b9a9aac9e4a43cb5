package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// clip against clipOracle (prefilter_test.go), clip as it was written,
// through []rune.

func checkClip(t *testing.T, s string, n int) {
	t.Helper()
	if got, want := clip(s, n), clipOracle(s, n); got != want {
		t.Fatalf("clip(%q, %d) = %q; want %q", s, n, got, want)
	}
}

func TestClipAsBefore(t *testing.T) {
	for _, tt := range []struct {
		s string
		n int
	}{
		{"", 0}, {"", 5}, {"abc", 0}, {"abc", 3}, {"abcd", 3}, {"héllo wörld", 3}, {"héllo wörld", 1}, {"ab\xffcd", 3},
		{"abc\xff", 3}, {"abc\xffd", 4}, {"\xff\xfe\xfd", 2}, {strings.Repeat("x", 70), 60}, {strings.Repeat("é", 70), 60},
		{strings.Repeat("x", 59) + "é" + "yy", 60}, {strings.Repeat("x", 60) + "\xff", 60}, {strings.Repeat("x", 59) + "\xe2\x80", 60},
	} {
		checkClip(t, tt.s, tt.n)
	}
	r := rand.New(rand.NewPCG(401, 402))
	pieces := []string{"a", "Z", " ", "é", "…", "\xff", "\xe2\x80", "\U0001F600", "\n"}
	for range 100000 {
		checkClip(t, randomPieces(r, pieces, 20), r.IntN(12))
	}
}

func FuzzClip(f *testing.F) {
	f.Add("héllo wörld", 3)
	f.Add("abc\xffd", 4)
	f.Fuzz(func(t *testing.T, s string, n int) {
		if n < 0 || n > 1000 {
			return // clip's n is a small count of runes
		}
		checkClip(t, s, n)
	})
}
