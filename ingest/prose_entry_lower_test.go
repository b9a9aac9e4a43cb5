package ingest

import (
	"strings"
	"testing"
)

// checkEntryLows reads texts as the raw entries of one block: lowerEntries
// must give each ASCII text its strings.ToLower copy, "" to the others,
// and entryMilestone and entryEndsImpact, given those copies, must read as
// classifyMilestone and endsImpact do.
func checkEntryLows(t *testing.T, texts []string) {
	t.Helper()
	r := &proseReader{mem: new(proseMem)}
	r.mem.lows = append(r.mem.lows, "an earlier block's") // kept, not overwritten
	raws := make([]rawEntry, len(texts))
	for i, s := range texts {
		raws[i].text = s
	}
	lows := r.lowerEntries(raws)
	if len(lows) != len(texts) || len(r.mem.lows) != 1+len(texts) || r.mem.lows[0] != "an earlier block's" {
		t.Fatalf("lowerEntries of %d texts gave %d copies, the reader holds %d (%q first)", len(texts), len(lows), len(r.mem.lows), r.mem.lows[0])
	}
	for i, s := range texts {
		want := ""
		if isASCII(s) {
			want = strings.ToLower(s)
		}
		if lows[i] != want {
			t.Fatalf("lowerEntries: the copy of %q is %q, want %q", s, lows[i], want)
		}
		if got, want := entryMilestone(s, lows[i]), classifyMilestone(s); got != want {
			t.Fatalf("entryMilestone(%q) = %v; classifyMilestone says %v", s, got, want)
		}
		if got, want := entryEndsImpact(s, lows[i]), endsImpact(s); got != want {
			t.Fatalf("entryEndsImpact(%q) = %v; endsImpact says %v", s, got, want)
		}
	}
}

func TestEntryLows(t *testing.T) {
	checkEntryLows(t, nil)
	checkEntryLows(t, []string{"Service RESTORED", "İncident resolved", "", "rollback started", "Users started reporting errors",
		"not yet back to normal", "Errors Stopped", "K ſ", "plain words"})
}

// TestEntryLowsCorpus runs the fixture lines and the milestone texts
// through lowerEntries in blocks of a few entries.
func TestEntryLowsCorpus(t *testing.T) {
	skipOracleUnderRace(t)
	texts := append(refTestLines(t), milestoneTexts(20000, 83)...)
	for i := 0; i < len(texts); i += 9 {
		checkEntryLows(t, texts[i:min(i+9, len(texts))])
	}
}

// FuzzEntryLows reads the lines of arbitrary text as one block's entries.
func FuzzEntryLows(f *testing.F) {
	for _, s := range milestoneTexts(100, 85) {
		f.Add(s + "\n" + strings.ToUpper(s) + "\nİ " + s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEntryLows(t, strings.Split(s, "\n"))
	})
}
