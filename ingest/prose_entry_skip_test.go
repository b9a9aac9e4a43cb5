package ingest

import (
	"os"
	"strings"
	"testing"
)

// checkEntrySkip fails when a cheap test of the timeline's passes s
// although the scan it stands in front of would have read something: a
// mention at s[0], two entries run together, or any timeline entry of a
// block of lines s.
func checkEntrySkip(t *testing.T, s string) {
	t.Helper()
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		ms := scanMentions(s, order)
		if !mayOpenMention(s) && len(ms) > 0 && ms[0].Start == 0 {
			t.Fatalf("mayOpenMention(%q) is false; scanMentions finds %q at 0", s, ms[0].Text)
		}
		if in := inlineEntries(line{N: 1, Text: s}, ms); !mayHoldInline(s) && len(in) >= 2 {
			t.Fatalf("mayHoldInline(%q) is false; inlineEntries finds %d entries", s, len(in))
		}
		k := 0
		if mayOpenEntryPrefix(s) {
			k = entryPrefixLen(s)
		}
		if d := indexDigit(s); d < 0 || mayOpenEntry(s, k, d) {
			continue
		}
		in := proseInput{blocks: []proseBlock{{Lines: []line{{N: 1, Text: s}, {N: 2, Text: s}}, Postmortem: true}}, order: order}
		if got := readProseIn(in, new(proseMem)).Timeline; len(got) > 0 {
			t.Fatalf("mayOpenEntry(%q) is false; the timeline reads %+v from it", s, got)
		}
	}
}

func TestEntrySkip(t *testing.T) {
	tests := []struct {
		s                   string
		mention, inline, ok bool
	}{
		{"", false, false, true}, // no digit at d: mayOpenEntry leaves it to the scan
		{"## 14:16", true, false, true},
		{"14:16 - deploy", true, true, true},
		{"- 2024-11-27 19:43 - requests failed", true, true, true},
		{"- Error rates rose by 25% over 3 hours.", false, false, false},
		{"Monday at 10:00", true, false, true},
		{"monday at 10:00", true, false, true},
		{"Errors from 10:00 to 11:00 UTC", false, true, true}, // each clock holds a ":"
		{"Errors rose 40% in 2 hours: 5xx", false, false, false},
		{"Users saw errors. 13h03: users report errors 13h07: fix deployed", false, true, true},
		{"Later 10:00 | a 11:00 | b", false, true, true},
		{"Bé 10:00", true, false, true},
		{"(10:00)", true, true, true},
		{"* Jan 3 was a Friday", true, false, true},
		{"Wave 1 — wave 2 —", true, true, true},
		{"Bravo 1 — bravo 2 —", false, true, true},
	}
	for _, tt := range tests {
		rest := tt.s
		if mayOpenEntryPrefix(rest) {
			rest = rest[entryPrefixLen(rest):]
		}
		if got := mayOpenMention(rest); got != tt.mention {
			t.Errorf("mayOpenMention(%q) = %v; want %v", rest, got, tt.mention)
		}
		if got := mayHoldInline(tt.s); got != tt.inline {
			t.Errorf("mayHoldInline(%q) = %v; want %v", tt.s, got, tt.inline)
		}
		if got := mayOpenEntry(tt.s, len(tt.s)-len(rest), max(indexDigit(tt.s), 0)); got != tt.ok {
			t.Errorf("mayOpenEntry(%q) = %v; want %v", tt.s, got, tt.ok)
		}
		checkEntrySkip(t, tt.s)
	}
	// Every line of the fixtures, and each with its list prefix cut off.
	for _, f := range textFixtures(t) {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(data), "\n") {
			checkEntrySkip(t, strings.TrimSpace(l))
			if mayOpenEntryPrefix(l) {
				checkEntrySkip(t, l[entryPrefixLen(l):])
			}
		}
	}
}

func FuzzEntrySkip(f *testing.F) {
	for _, s := range []string{"- 2024-11-27 19:43 - requests failed", "13h03: users report 13h07: fix", "Errors from 10:00 to 11:00 UTC", "Bé 10:00", "* Jan 3 12:00 — x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkEntrySkip(t, s)
	})
}
