package ingest

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// checkAfter checks mentionsAfter against scanning s[k:] for every k,
// in both date orders, and returns how many k it answered for.
func checkAfter(t *testing.T, s string) int {
	t.Helper()
	answered := 0
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		all := scanMentions(s, order)
		var buf []mention
		for k := 0; k <= len(s); k++ {
			got, ok := mentionsAfter(buf, all, s, k)
			if !ok {
				continue
			}
			buf = got
			answered++
			want := scanMentions(s[k:], order)
			if len(got) != len(want) {
				t.Fatalf("mentionsAfter(%q, %d) = %s; scanning %q finds %s", s, k, showMentions(got), s[k:], showMentions(want))
			}
			for i := range got {
				if !reflect.DeepEqual(got[i], want[i]) {
					t.Fatalf("mentionsAfter(%q, %d) = %s; scanning %q finds %s", s, k, showMentions(got), s[k:], showMentions(want))
				}
			}
		}
	}
	return answered
}

func TestMentionsAfter(t *testing.T) {
	tests := []struct {
		s  string
		k  int
		ok bool // mentionsAfter answers at k
	}{
		{"- 14:05 UTC: rollback started", 2, true},
		{"1. Jan 5, 2024 14:05 UTC - paged", 3, true},
		{"* 2024-01-05 14:05: paged", 2, true},
		{"> **10:02 UTC** - errors rise", 2, true},
		{"- - 09:00 PST deploy", 4, true},
		{"12. 14:05 text", 4, true},
		{"(14:05) text", 1, false},         // no white space before k
		{"Jan 5 14:05 UTC: x", 4, false},   // inside "Jan 5 14:05 UTC"
		{"Thursday 14:05: x", 9, true},     // a weekday and a clock are two mentions
		{"2024-01-05\t14:05 x", 11, false}, // one mention across the tab
		{"no date here", 3, true},
		{"- 14:05 UTC", 100, false},
	}
	for _, tt := range tests {
		got, ok := mentionsAfter(nil, scanMentions(tt.s, monthFirst), tt.s, tt.k)
		if ok != tt.ok {
			t.Errorf("mentionsAfter(%q, %d): ok = %v, want %v (%s)", tt.s, tt.k, ok, tt.ok, showMentions(got))
		}
		if tt.k <= len(tt.s) {
			checkAfter(t, tt.s)
		}
	}
}

// TestMentionsAfterCorpus checks mentionsAfter at every offset of the
// fixture lines and of random text made of date words, marks and digits
// behind list marks.
func TestMentionsAfterCorpus(t *testing.T) {
	skipOracleUnderRace(t)
	lines := refTestLines(t)
	r := rand.New(rand.NewPCG(41, 42))
	marks := []string{"- ", "* ", "1. ", "12) ", "> ", "| ", "- [ ] ", "• ", "(", "-", ""}
	for range 20000 {
		lines = append(lines, marks[r.IntN(len(marks))]+randomDateText(r, 1+r.IntN(10)))
	}
	n := 0
	for _, s := range lines {
		if len(s) <= 400 {
			n += checkAfter(t, s)
		}
	}
	if n == 0 {
		t.Fatal("no offset answered")
	}
}

func FuzzMentionsAfter(f *testing.F) {
	for _, s := range []string{"- 14:05 UTC: x", "1. Jan 5, 2024 14:05 UTC - paged", "* v1. 14:00 Thursday, 5 Jan 12:00", "-\t10:02 - 10:47 UTC: x", "| 2024-01-05 | 14:05 |"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if len(s) > 300 {
			return
		}
		checkAfter(t, s)
	})
}
