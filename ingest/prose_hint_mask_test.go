package ingest

import (
	"strings"
	"testing"
)

// hintMaskRef is hintMask.of by the sets' own in, one pass each.
func hintMaskRef(h *hintMask, s string) uint8 {
	got := uint8(0)
	for k, set := range h.sets {
		if set.in(s) {
			got |= 1 << k
		}
	}
	return got
}

func TestHintMaskAsSets(t *testing.T) {
	for _, s := range []string{
		"", "d", "day", "x day", "will", "it lasted for 2 hours", "20 minutes later",
		"the next  morning", "the next morning", "total impact was", " of ", "of ",
		"we plan to fix it by the following day, which will take an hour",
		"schedule", "SCHEDULE", "ttr", "a duration of 3 days", "hourly", "\xff\xfe", "for", "for ", "FOR ", "fore", "down for 5 minutes",
	} {
		for _, h := range []*hintMask{sentenceHints, milestoneHints, newHintMask(newHintSet("a", "ab"), newHintSet("b", "abc"))} {
			if got, want := h.of(s), hintMaskRef(h, s); got != want {
				t.Errorf("of(%q) = %08b; want %08b", s, got, want)
			}
		}
		if got, want := sentenceHints.of(s)&(hintDigit|hintDurUnit) != 0, mayHoldDuration(s); got != want {
			t.Errorf("sentenceHints.of(%q) says a duration may be held: %v; mayHoldDuration says %v", s, got, want)
		}
		if got, want := sentenceHints.of(s)&hintFor != 0, strings.Contains(s, "for "); got != want {
			t.Errorf("sentenceHints.of(%q) says \"for \" is there: %v; strings.Contains says %v", s, got, want)
		}
	}
}

func FuzzHintMask(f *testing.F) {
	for _, s := range []string{"it lasted for 2 hours", "the next day, later", "we will schedule downtime of an hour", "time to resolve: 1 day", "rollback started, service restored", "root cause found, fix deployed"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range []*hintMask{sentenceHints, milestoneHints} {
			if got, want := h.of(s), hintMaskRef(h, s); got != want {
				t.Errorf("of(%q) = %08b; want %08b", s, got, want)
			}
		}
		if got, want := sentenceHints.of(s)&(hintDigit|hintDurUnit) != 0, mayHoldDuration(s); got != want {
			t.Errorf("sentenceHints.of(%q) says a duration may be held: %v; mayHoldDuration says %v", s, got, want)
		}
		if got, want := sentenceHints.of(s)&hintFor != 0, strings.Contains(s, "for "); got != want {
			t.Errorf("sentenceHints.of(%q) says \"for \" is there: %v; strings.Contains says %v", s, got, want)
		}
	})
}
