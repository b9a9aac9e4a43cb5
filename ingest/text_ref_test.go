package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

// refSplitText is splitText as it was before its one-pass path for plain
// documents (commit baad626).
func refSplitText(s string) []line {
	if refPlainLine(s) {
		return []line{{N: 1, Text: strings.TrimSpace(s)}}
	}
	s = strings.TrimPrefix(s, "\xef\xbb\xbf")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\x00", "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	out := make([]line, strings.Count(s, "\n")+1)
	for i := range out {
		r := s
		if j := strings.IndexByte(s, '\n'); j >= 0 {
			r, s = s[:j], s[j+1:]
		}
		out[i] = line{N: i + 1, Text: strings.TrimSpace(strings.ReplaceAll(r, "\u00a0", " "))}
	}
	return out
}

// refPlainLine is plainLine, which refSplitText used, as it was before
// cleanText replaced it.
func refPlainLine(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c >= utf8.RuneSelf || c == '\n' || c == '\r' || c == 0 {
			return false
		}
	}
	return true
}

// refJoinTextLines is joinTextLines as it was before it sized its buffers
// (commit baad626).
func refJoinTextLines(ls []line) (string, []int) {
	start, end := 0, len(ls)
	for start < end && ls[start].Text == "" {
		start++
	}
	for end > start && ls[end-1].Text == "" {
		end--
	}
	var b strings.Builder
	var nums []int
	gap, gapLine := false, 0
	for _, l := range ls[start:end] {
		if l.Text == "" {
			if !gap {
				gap, gapLine = true, l.N
			}
			continue
		}
		if b.Len() > 0 {
			if gap {
				b.WriteString("\n\n")
				nums = append(nums, gapLine)
			} else {
				b.WriteByte('\n')
			}
		}
		gap = false
		b.WriteString(l.Text)
		nums = append(nums, l.N)
	}
	return b.String(), nums
}

// TestSplitJoinAsReference checks splitText and joinTextLines against the
// versions they replaced, on fixtures and on random text of line breaks,
// spaces, NUL bytes, a byte order mark, invalid UTF-8 and words.
func TestSplitJoinAsReference(t *testing.T) {
	texts := refTestLines(t)
	texts = append(texts, strings.Join(texts[:200], "\n"), "", "\n", "\n\n", " a \n\n b ")
	pieces := []string{"a", "word", " ", "  ", "\t", "\n", "\n", "\n\n", "\r\n", "\r", "\x00", "\xef\xbb\xbf", "\xff", "\u00a0", "é", "\v", "\f", "12:30"}
	r := rand.New(rand.NewPCG(51, 52))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(16) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		got, want := splitText(s), refSplitText(s)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("splitText(%q) = %v; want %v", s, got, want)
		}
		gs, gn := joinTextLines(got)
		ws, wn := refJoinTextLines(want)
		if gs != ws || !reflect.DeepEqual(gn, wn) {
			t.Fatalf("joinTextLines(%v) = %q, %v; want %q, %v", got, gs, gn, ws, wn)
		}
	}
}
