package ingest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// refSplitAgainst is splitAgainst as it was before it split with
// strings.Cut and compared the candidate names with the section's text
// without joining them: the oracle of the tests below.
func refSplitAgainst(summary, runTogether string) []string {
	parts := strings.Split(summary, ", ")
	var atoms []string
	var joins []bool
	for _, p := range parts {
		p = strings.TrimPrefix(strings.TrimSpace(p), "and ")
		sub := strings.Split(p, " and ")
		for si, s := range sub {
			if len(atoms) > 0 {
				joins = append(joins, si > 0)
			}
			atoms = append(atoms, strings.TrimSpace(s))
		}
	}
	var andIdx []int
	for i, j := range joins {
		if j {
			andIdx = append(andIdx, i)
		}
	}
	build := func(mask int) []string {
		var out []string
		cur := atoms[0]
		for i := 0; i+1 < len(atoms); i++ {
			merge := false
			for k, idx := range andIdx {
				if idx == i && mask&(1<<k) != 0 {
					merge = true
				}
			}
			if merge {
				cur += " and " + atoms[i+1]
			} else {
				out = append(out, cur)
				cur = atoms[i+1]
			}
		}
		return append(out, cur)
	}
	if runTogether == "" || len(andIdx) > 8 {
		return build(0)
	}
	for mask := 0; mask < 1<<len(andIdx); mask++ {
		names := build(mask)
		if strings.Join(names, "") == runTogether {
			return names
		}
	}
	return build(0)
}

func TestSplitAgainstTable(t *testing.T) {
	tests := []struct{ summary, section, want string }{
		{"Login, API and Search", "LoginAPISearch", "Login|API|Search"},
		{"Search and Discovery and Billing", "Search and DiscoveryBilling", "Search and Discovery|Billing"},
		{"Member Websites and User Account Admin", "", "Member Websites|User Account Admin"},
		{"Member Websites and User Account Admin", "Member WebsitesUser Account Admin", "Member Websites|User Account Admin"},
		{"Sync and Collaboration", "Sync and Collaboration", "Sync and Collaboration"},
		{"A, and B", "AB", "A|B"},
		{"", "", ""},
		{", ", "x", "|"},
		{"A and B and C", "no match", "A|B|C"},
		{"A and and B", "A and  and B", "A|and B"},
	}
	for _, tt := range tests {
		got := strings.Join(splitAgainst(tt.summary, tt.section), "|")
		if want := strings.Join(refSplitAgainst(tt.summary, tt.section), "|"); got != want {
			t.Errorf("splitAgainst(%q, %q) = %q; the old one says %q", tt.summary, tt.section, got, want)
		}
		if got != tt.want {
			t.Errorf("splitAgainst(%q, %q) = %q; want %q", tt.summary, tt.section, got, tt.want)
		}
	}
}

// TestSplitAgainstRandom compares splitAgainst with the old one on lists
// made of names, commas and "and"s, each with its names run together.
func TestSplitAgainstRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(81, 82))
	pieces := []string{"A", "Bb", "and", " and ", ", ", ",", " ", "and ", "Sync", "é", "(", ")", "  "}
	for range 100000 {
		s := randomPieces(r, pieces, 10)
		names := refSplitAgainst(s, "")
		if r.IntN(2) == 0 && len(names) > 1 {
			k := r.IntN(len(names) - 1)
			names = slices.Concat(names[:k], []string{names[k] + " and " + names[k+1]}, names[k+2:])
		}
		run := strings.Join(names, "")
		if r.IntN(8) == 0 {
			run = randomPieces(r, pieces, 6)
		}
		if got, want := splitAgainst(s, run), refSplitAgainst(s, run); !slices.Equal(got, want) {
			t.Fatalf("splitAgainst(%q, %q) = %q; the old one says %q", s, run, got, want)
		}
	}
}

func FuzzSplitAgainst(f *testing.F) {
	f.Add("Login, API and Search", "LoginAPISearch")
	f.Add("Search and Discovery and Billing", "Search and DiscoveryBilling")
	f.Add("A, and B", "")
	f.Fuzz(func(t *testing.T, summary, run string) {
		if got, want := splitAgainst(summary, run), refSplitAgainst(summary, run); !slices.Equal(got, want) {
			t.Fatalf("splitAgainst(%q, %q) = %q; the old one says %q", summary, run, got, want)
		}
	})
}

// TestAgSectionsUnder checks that a heading's lines go where the old
// reader's map, keyed by strings.ToLower of the heading, put them.
func TestAgSectionsUnder(t *testing.T) {
	for _, h := range []string{"Affected components", "AFFECTED COMPONENTS", "affected componentſ", "Affected Components ",
		"Duration", "duration", "DURATİON", "Started", "Update timeline", "Detected by Pingdom", "ended", "Affected \u212aomponents"} {
		var s agSections
		got := s.under(h)
		var want *[]line
		switch strings.ToLower(h) {
		case "affected components":
			want = &s.affected
		case "duration":
			want = &s.duration
		}
		if got != want {
			t.Errorf("under(%q) = %p; want %p", h, got, want)
		}
	}
}
