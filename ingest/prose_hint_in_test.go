package ingest

import (
	"strings"
	"testing"
)

// FuzzHintSetIn compares hintSet.in with strings.Contains of each word on
// arbitrary text, and inFold with the same on the text lower-cased where
// it is ASCII, for every hint set the prose reader tests.
func FuzzHintSetIn(f *testing.F) {
	sets := []*hintSet{futureHints, relativeHints, negationHints, endHints, durStrongHints, durStrongNeeds, durUnitHints, allCueHints}
	for _, c := range milestoneCues {
		sets = append(sets, c.hints)
	}
	for _, c := range wordCues() {
		if c.needs != nil {
			sets = append(sets, c.needs)
		}
	}
	for _, s := range []string{"", "t", "ttr", "the outage of ", "lasted 20 minutes", "Duration", "x time to"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, h := range sets {
			want := false
			for _, w := range h.words {
				want = want || strings.Contains(s, w)
			}
			if got := h.in(s); got != want {
				t.Fatalf("in(%q) of %q = %v; want %v", s, h.words, got, want)
			}
			if !isASCII(s) {
				continue
			}
			low, want := strings.ToLower(s), false
			for _, w := range h.words {
				want = want || strings.Contains(low, w)
			}
			if got := h.inFold(s); got != want {
				t.Fatalf("inFold(%q) of %q = %v; want %v", s, h.words, got, want)
			}
		}
	})
}
