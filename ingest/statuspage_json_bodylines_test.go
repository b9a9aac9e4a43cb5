package ingest

import (
	"slices"
	"testing"
)

// TestBodyLinesIn checks that bodyLinesIn gives bodyLines' lines for every
// kind of body, and that the lines cut from the shared buffer stay each
// body's own when appended to.
func TestBodyLinesIn(t *testing.T) {
	bodies := []string{
		"",
		"   ",
		"We are investigating.",
		"  padded one line  ",
		"two\nlines",
		"carriage\r\nreturn",
		"lone\rreturn",
		"\xef\xbb\xbfbyte order mark",
		"no-break\u00a0space",
		"nul\x00byte",
		"invalid \xff utf-8",
		"trailing line feed\n",
	}
	var buf []line
	var got [][]line
	for i, b := range bodies {
		got = append(got, bodyLinesIn(&buf, b, 10+i))
	}
	for i, b := range bodies {
		if want := bodyLines(b, 10+i); !slices.Equal(got[i], want) {
			t.Errorf("bodyLinesIn(%q) = %v, want %v", b, got[i], want)
		}
	}
	// Appending to one body's lines must not write over the next one's.
	_ = append(got[2], line{N: 99, Text: "appended"})
	if want := bodyLines(bodies[3], 13); !slices.Equal(got[3], want) {
		t.Errorf("after an append to the body before: %v, want %v", got[3], want)
	}
}
