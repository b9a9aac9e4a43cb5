package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// checkTextLinesIn fails t when joinTextLinesIn(src, ls) differs from
// joinTextLines(ls), in text or line numbers, for the lines of src and
// runs of them; it reports whether some join was a piece of src.
func checkTextLinesIn(t *testing.T, src string) bool {
	t.Helper()
	ls, _ := splitTextClean(src)
	piece := false
	try := func(ls []line) {
		want, wantNums := joinTextLines(ls)
		got, gotNums := joinTextLinesIn(src, ls)
		if got != want || !reflect.DeepEqual(gotNums, wantNums) {
			t.Fatalf("joinTextLinesIn(%q, %v) = %q %v; joinTextLines gives %q %v", src, ls, got, gotNums, want, wantNums)
		}
		if _, ok := offsetIn(src, got); ok && strings.Count(got, "\n") > 0 {
			piece = true
		}
	}
	try(ls)
	for i := range ls {
		try(ls[i:])
		try(ls[:i])
		if i+2 < len(ls) {
			try(ls[i : i+2])
			// Lines out of order, and a line repeated.
			try([]line{ls[i+1], ls[i]})
			try([]line{ls[i], ls[i], ls[i+1]})
		}
	}
	// Lines that are not slices of src, and a mix.
	other := splitText(strings.Clone(src))
	try(other)
	if len(ls) > 2 && len(other) > 2 {
		try([]line{ls[0], other[1], ls[2]})
		try([]line{ls[0], {N: 2}, {N: 3}, ls[2]})
	}
	return piece
}

// TestJoinTextLinesIn checks joinTextLinesIn against joinTextLines on
// chosen texts: blank lines one and many, white space at line ends and on
// blank lines, carriage returns, a byte order mark.
func TestJoinTextLinesIn(t *testing.T) {
	pieces := 0
	for _, src := range []string{
		"",
		"one",
		"one\ntwo",
		"one\ntwo\n",
		"\n\none\ntwo\n\n",
		"one\n\ntwo\nthree",
		"one\n\n\ntwo",
		"one\n  \ntwo",
		"one  \ntwo",
		"  one\ntwo\n\nthree  ",
		"one\r\ntwo\r\n\r\nthree",
		"\ufeffone\ntwo",
		"one\x00\ntwo",
		"# Title\n\n## Summary\n\nIt broke.\nIt was fixed.\n\n## Timeline\n\n- 10:00 UTC - broke\n- 10:30 UTC - fixed\n",
		"a\nb\nc\nd\ne",
		"a\n\nb\n\nc",
		"a\tb\n\tc\nd\t",
	} {
		if checkTextLinesIn(t, src) {
			pieces++
		}
	}
	if pieces < 8 {
		t.Fatalf("only %d texts joined as pieces of their source: the test tests little", pieces)
	}
}

// FuzzJoinTextLinesIn checks joinTextLinesIn against joinTextLines on any
// text.
func FuzzJoinTextLinesIn(f *testing.F) {
	for _, s := range []string{"one\ntwo", "one\n\n\ntwo\n", "a\n \nb", "x\r\ny", "# T\n\nbody\nmore\n\n- 10:00 a\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkTextLinesIn(t, s)
	})
}
