package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// hasKindOnOracle is hasKindOn as it was before it looked for "on" eight
// bytes at a time: every " on " strings.Index finds, in turn.
func hasKindOnOracle(s string) bool {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], " on ")
		if k < 0 {
			return false
		}
		k += i
		if j := k + len(" on "); j < len(s) && 'A' <= s[j] && s[j] <= 'Z' && endsWithKind(s[:k]) {
			return true
		}
		i = k + 1
	}
	return false
}

func checkHasKindOn(t *testing.T, s string) {
	t.Helper()
	if got, want := hasKindOn(s), hasKindOnOracle(s); got != want {
		t.Fatalf("hasKindOn(%q) = %v; the old test says %v", s, got, want)
	}
}

func TestHasKindOnTable(t *testing.T) {
	long := strings.Repeat("we moved the lock on to the next host, ", 40)
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"", false},
		{"o", false},
		{"on", false},
		{" on ", false},
		{"incident on S", true},
		{"incident on s", false},
		{"incident on ", false},
		{"incident on", false},
		{"incidenton S", false},
		{"incident  on S", false},
		{"Incident on S", false},
		{"INCIDENT on S", false},
		{"event on Monday", true},
		{"outage on Tuesday", true},
		{"maintenance on Sept 3", true},
		{"an event  on X, then the outage on Y", true},
		{"the incident on monday, the outage on Friday", true},
		{"the incident on monday, the outage on friday", false},
		{"ſincident on S", true},
		{"incident on \u00c9", false},
		{"incident on \u212a", false},
		{"évent on É", false},
		{"the incidént on May", false},
		{"incident on\tS", false},
		{"incident\ton S", false},
		{"\xffincident on S\xff", true},
		{"incident o\xffn S", false},
		// the "on" at each place in a word of eight bytes, and across two
		{"event on A", true},
		{"xevent on A", true},
		{"xxevent on A", true},
		{"xxxevent on A", true},
		{"xxxxevent on A", true},
		{"xxxxxevent on A", true},
		{"xxxxxxevent on A", true},
		{"xxxxxxxevent on A", true},
		{long, false},
		{long + "an outage on Sunday", true},
		{long + "an outage on sunday", false},
		{"an outage on Sunday" + long, true},
	} {
		if got := hasKindOn(tc.s); got != tc.want {
			t.Errorf("hasKindOn(%q) = %v; want %v", tc.s, got, tc.want)
		}
		checkHasKindOn(t, tc.s)
	}
}

// TestHasKindOnShifts puts the words at every offset of a longer line, so
// that the " on " falls at each place of the eight-byte words and across
// them, and the line ends at each place too.
func TestHasKindOnShifts(t *testing.T) {
	for _, core := range []string{"incident on May", "event on X", "outage on o", "event on", "xon Aon on B", "ooonnn on Q"} {
		for pre := 0; pre < 20; pre++ {
			for post := 0; post < 10; post++ {
				checkHasKindOn(t, strings.Repeat("o", pre)+core+strings.Repeat("n", post))
				checkHasKindOn(t, strings.Repeat(" ", pre)+core+strings.Repeat(" ", post))
			}
		}
	}
}

func TestHasKindOnRandom(t *testing.T) {
	pieces := []string{" ", "o", "n", "on", " on ", "incident", "event", "outage", "maintenance", "A", "Z", "a",
		"ſ", "\u212a", "é", "\xff", "\t", "x", "ont", "t on ", "e on M"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		checkHasKindOn(t, randomPieces(r, pieces, 29))
	}
}

// FuzzHasKindOn checks hasKindOn against the old test on any line.
func FuzzHasKindOn(f *testing.F) {
	for _, s := range []string{"", "incident on S", "xxxxxxxevent on A", "the outage on monday, an event on Friday", "\xffon"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkHasKindOn(t, s) })
}

func BenchmarkHasKindOn(b *testing.B) {
	line := strings.Repeat("we moved the lock on to the next host at 10:05, ", 6) + "and the incident on Monday"
	for b.Loop() {
		hasKindOn(line)
	}
}
