package ingest

import (
	"bytes"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// splitLinesOracle is splitLines as it was written before splitText: the
// test holds it as the oracle.
func splitLinesOracle(data []byte) []line {
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	s := string(data)
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\x00", "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	raw := strings.Split(s, "\n")
	out := make([]line, len(raw))
	for i, r := range raw {
		out[i] = line{N: i + 1, Text: strings.TrimSpace(strings.ReplaceAll(r, "\u00a0", " "))}
	}
	return out
}

func TestSplitLinesMatchesOracle(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(17, 18))
	pieces := []string{"\xef\xbb\xbf", "a", "word", " ", "\t", "\n", "\r", "\r\n", "\x00", "\u00a0", "\xff", "\xc3", "é", "\u2028"}
	for range 100000 {
		s := randomPieces(r, pieces, 8)
		want := splitLinesOracle([]byte(s))
		if got := splitLines([]byte(s)); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitLines(%q) = %+v; want %+v", s, got, want)
		}
		if got := splitText(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitText(%q) = %+v; want %+v", s, got, want)
		}
	}
}

func TestNewLineIndex(t *testing.T) {
	for _, s := range []string{"", "\n", "a", "a\nb", "a\n\nb\n", "\n\n"} {
		want := lineIndex{0}
		for i := range len(s) {
			if s[i] == '\n' {
				want = append(want, i+1)
			}
		}
		if got := newLineIndex([]byte(s)); !reflect.DeepEqual(got, want) {
			t.Errorf("newLineIndex(%q) = %v; want %v", s, got, want)
		}
	}
}
