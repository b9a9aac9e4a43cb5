package ingest

import (
	"reflect"
	"strings"
	"testing"
)

// TestScanMentionsIntoToks scans texts one after the other with
// scanMentionsIntoAt lexing into one kept token buffer, short and long
// texts mixed: each scan must find what scanMentions finds, and a long
// text, scanned again, must make no memory.
func TestScanMentionsIntoToks(t *testing.T) {
	// More tokens than scanFound keeps on its stack, and no more
	// mentions than scanMentionsIntoAt's own buffer of found holds.
	long := "At 10:02 UTC on Thursday, November 6 2025 " + strings.Repeat("the errors rose, and rose again; ", 20) + "until 11:15 UTC."
	texts := []string{
		"no digit here", long, "- 12:23 UTC - resolved", "3 4 5 6 7 8 9 10 11",
		long[:len(long)/3], "From 10:02 to 10:47 UTC on Thursday, November 6 2025, 05/03/2024 at 4:05 pm PST", long,
	}
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		var dst []mention
		var parts []mentionParts
		var toks []token
		for _, s := range texts {
			got, _ := scanMentionsIntoAt(dst[:0], parts[:0], s, indexDigit(s), order, &toks)
			want := scanMentions(s, order)
			if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
				t.Fatalf("scanMentionsIntoAt(%q) = %s; scanMentions finds %s", s, showMentions(got), showMentions(want))
			}
			dst = got
		}
		parts = make([]mentionParts, 0, 64)
		dst = make([]mention, 0, 64)
		allocs := testing.AllocsPerRun(20, func() {
			scanMentionsIntoAt(dst[:0], parts[:0], long, indexDigit(long), order, &toks)
		})
		if allocs != 0 {
			t.Errorf("scanMentionsIntoAt of a long text with its memory kept: %v allocations; want 0", allocs)
		}
	}
}
