package ingest

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// checkInto scans texts one after the other with scanMentionsInto, the
// memory of each scan kept for the next, as the prose reader does: every
// scan must find what scanMentions finds, and the mentions of earlier
// scans, kept while parts grew, must still read as they did.
func checkInto(t *testing.T, texts []string) {
	t.Helper()
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		var dst []mention
		var parts []mentionParts
		var kept [][]mention // each scan's mentions, copied
		for _, s := range texts {
			var got []mention
			got, parts = scanMentionsInto(dst[:0], parts, s, order)
			dst = got
			want := scanMentions(s, order)
			if len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
				t.Fatalf("scanMentionsInto(%q) = %s; scanMentions finds %s", s, showMentions(got), showMentions(want))
			}
			kept = append(kept, append([]mention(nil), got...))
		}
		for i, s := range texts {
			if want := scanMentions(s, order); len(kept[i]) > 0 && !reflect.DeepEqual(kept[i], want) {
				t.Fatalf("the mentions of %q changed to %s after later scans; scanMentions finds %s", s, showMentions(kept[i]), showMentions(want))
			}
		}
		// Cut back, the memory serves again for a scan of its own.
		if len(texts) > 0 {
			got, _ := scanMentionsInto(dst[:0], parts[:0], texts[0], order)
			if want := scanMentions(texts[0], order); len(got) != len(want) || len(got) > 0 && !reflect.DeepEqual(got, want) {
				t.Fatalf("scanMentionsInto(%q) in reused memory = %s; scanMentions finds %s", texts[0], showMentions(got), showMentions(want))
			}
		}
	}
}

func TestScanMentionsInto(t *testing.T) {
	tests := [][]string{
		{},
		{"no digit here"},
		{"- 2024-10-19 11:11 - Build Runners requests started failing", "- 2024-10-19 11:14 - paged", "nothing", "- 12:23 UTC - resolved"},
		{"From 10:02 to 10:47 UTC on Thursday, November 6 2025, 05/03/2024 at 4:05 pm PST", "v1.2.3", "3 4 5 6 7 8 9 10 11"},
		{"Jan 5, Feb 6, Mar 7, Apr 8, May 9, Jun 10 and 11:00, 12:00, 13:00 EDT", "10:00 UTC+2"},
	}
	for _, texts := range tests {
		checkInto(t, texts)
	}
}

// TestScanMentionsIntoCorpus runs the fixture lines and random date text
// through one memory, in runs of a few texts.
func TestScanMentionsIntoCorpus(t *testing.T) {
	skipOracleUnderRace(t)
	lines := refTestLines(t)
	r := rand.New(rand.NewPCG(43, 44))
	for range 5000 {
		lines = append(lines, randomDateText(r, 1+r.IntN(12)))
	}
	for i := 0; i < len(lines); i += 7 {
		checkInto(t, lines[i:min(i+7, len(lines))])
	}
}

func FuzzScanMentionsInto(f *testing.F) {
	for _, s := range []string{"- 14:05 UTC: x\n10:02 - 10:47 UTC", "Jan 5, 2024 14:05 UTC\nThursday, 5 Jan 12:00, 13:00, 14:00, 15:00, 16:00", "05/03/2024\n\n3 4"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 600 {
			return
		}
		// The text's lines are scanned in turn.
		var texts []string
		for len(s) > 0 {
			i := 0
			for i < len(s) && s[i] != '\n' {
				i++
			}
			texts = append(texts, s[:i])
			s = s[min(i+1, len(s)):]
		}
		checkInto(t, texts)
	})
}
