package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// spaceCollapsedRef is the byte loop collapseSpace tested s with before
// spaceCollapsed: its oracle.
func spaceCollapsedRef(s string) bool {
	clean := true
	for i := 0; i < len(s) && clean; i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			clean = false
		case c == ' ':
			clean = i > 0 && i+1 < len(s) && s[i+1] != ' '
		}
	}
	return clean
}

// checkSpaceCollapsed fails when spaceCollapsed disagrees with its oracle
// on s or on any of its first eight suffixes (each byte in each place of
// a word), or collapseSpace with strings.Fields.
func checkSpaceCollapsed(t *testing.T, s string) {
	t.Helper()
	for off := 0; off < 8 && off <= len(s); off++ {
		if got, want := spaceCollapsed(s[off:]), spaceCollapsedRef(s[off:]); got != want {
			t.Fatalf("spaceCollapsed(%q) = %v; want %v", s[off:], got, want)
		}
	}
	if got, want := collapseSpace(s), strings.Join(strings.Fields(s), " "); got != want {
		t.Fatalf("collapseSpace(%q) = %q; want %q", s, got, want)
	}
}

func TestSpaceCollapsed(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", "a  b", " a", "a ", "abcdefg h", "abcdefgh ijklmnop", "abcdefg  hijklmnop", "abcdefgh  ijklmnop",
		"abcdefgh\tijklmnop", "abcdefgh\x01ijklmnop", "abcdefgh\x1fijklmnop", "abcdefgh\x7fijklmnop", "abcdefgh\u00a0ijklmnop",
		"abcdefgh\u0085ijk", "abcdefg\xa0 hijk", "a b c d e f g h i j k", "ab\vcd", "\x00\x00\x00\x00\x00\x00\x00\x00\x00",
		"ſ \u212a", "\xff", "1234567 ", strings.Repeat("word ", 3000) + "end", strings.Repeat("word ", 3000) + " end",
	} {
		checkSpaceCollapsed(t, s)
	}
}

// TestSpaceCollapsedRandom compares spaceCollapsed with its oracle on the
// fixture lines and random texts of words, spaces, white space and the
// bytes next to a space and below it.
func TestSpaceCollapsedRandom(t *testing.T) {
	skipOracleUnderRace(t)
	for _, l := range refTestLines(t) {
		checkSpaceCollapsed(t, l)
	}
	pieces := []string{"word", "ab", "x", " ", " ", " ", "  ", "\t", "\n", "\v", "\f", "\r", "\x1f", "\x21", "\x00", "\xa0", "é", "\u00a0",
		"\u0085", "\u2003", "!", "\x7f"}
	r := rand.New(rand.NewPCG(99, 100))
	clean := 0
	for range 100000 {
		s := randomPieces(r, pieces, 24)
		if r.IntN(2) == 0 {
			s = nearlyCollapsed(r, pieces)
		}
		checkSpaceCollapsed(t, s)
		if spaceCollapsed(s) && len(s) > 16 {
			clean++
		}
	}
	if clean < 1000 {
		t.Errorf("only %d texts longer than 16 bytes already collapsed", clean)
	}
}

func FuzzSpaceCollapsed(f *testing.F) {
	for _, s := range []string{"", "a b", "abcdefgh  ijklmnop", "abcdefgh\x01ijklmnop", "é \u00a0x"} {
		f.Add(s)
	}
	f.Fuzz(checkSpaceCollapsed)
}

// nearlyCollapsed is words joined by single spaces, with one of pieces
// put in it half the time.
func nearlyCollapsed(r *rand.Rand, pieces []string) string {
	words := []string{"a", "word", "longer", "x1", "timeline"}
	var b strings.Builder
	for k := range 1 + r.IntN(12) {
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(words[r.IntN(len(words))])
	}
	s := b.String()
	if r.IntN(2) == 0 {
		p := r.IntN(len(s) + 1)
		s = s[:p] + pieces[r.IntN(len(pieces))] + s[p:]
	}
	return s
}
