package ingest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

// mayStrongDurationRef is the gate durations put in front of durStrong
// before the sentence's hint pass looked for durStrongNeeds: the oracle
// of mayStrongDuration.
func mayStrongDurationRef(low string) bool { return durStrongHints.in(low) }

// strongMatchesBehind is what durations reads of durStrong in low behind
// a gate: every match when the gate is open, none when it is shut.
func strongMatchesBehind(low string, open bool) [][]int {
	if !open {
		return nil
	}
	return durStrong.re.FindAllStringIndex(low, -1)
}

// checkStrongGate fails when durations would read other matches of
// durStrong in s behind mayStrongDuration than behind the old gate, or
// when the new gate opens where the old one was shut.
func checkStrongGate(t *testing.T, s string) {
	t.Helper()
	got, ref := mayStrongDuration(s, sentenceHints.of(s)), mayStrongDurationRef(s)
	if got && !ref {
		t.Fatalf("mayStrongDuration(%.200q) is open where the old gate was shut", s)
	}
	if g, w := strongMatchesBehind(s, got), strongMatchesBehind(s, ref); !slices.EqualFunc(g, w, slices.Equal) {
		t.Fatalf("durStrong behind mayStrongDuration(%.200q) = %v; behind the old gate %v", s, g, w)
	}
}

func TestMayStrongDuration(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"a", false},
		{" of ", false},
		{"the rest of the day", false},
		{"the impact lasted 20 minutes", true},
		{"it was down for the last hour", true},
		{"total impact was 3 hours", true},
		{"a total of 5 minutes", true},
		{"a total of5 minutes", false}, // no " of ": the old gate was shut
		{"the outage of5 minutes", false},
		{"the outage of5 minutes, one of many", true}, // " of " elsewhere opens it
		{"a period of an hour", true},
		{"ttr: 4h", true},
		{"ttr: 4h of", true},
		{"time to resolve: 2 days", true},
		{"time to eat", false},
		{"downtime of 40m", true},
		{"a duration of 2 hours", true},
		{"outage of", false}, // durStrong matches, the old gate was shut
		{"lasſ ſor kelvin \u212a of ", false},
		{"la\xffst of \xfe", false},
		{strings.Repeat("a period ", 5000) + "of an hour", true},
		{strings.Repeat("a perio", 5000) + " of an hour", false},
		{strings.Repeat("word ", 5000) + "a period of an hour", true},
	}
	for _, tt := range tests {
		if got := mayStrongDuration(tt.s, sentenceHints.of(tt.s)); got != tt.want {
			t.Errorf("mayStrongDuration(%.80q) = %v; want %v", tt.s, got, tt.want)
		}
		checkStrongGate(t, tt.s)
	}
}

// TestMayStrongDurationRandom compares the two gates on fixture lines
// and random text of the cues' words, lower-cased as durations reads it.
func TestMayStrongDurationRandom(t *testing.T) {
	skipOracleUnderRace(t)
	var texts []string
	for _, l := range refTestLines(t) {
		texts = append(texts, strings.ToLower(l))
	}
	words := append(cueWords(), "of", "of ", " of ", "total", "period", "a", "outage", "ttr", "time to", "5", "minutes")
	r := rand.New(rand.NewPCG(91, 92))
	opened, matched := 0, 0
	for range 40000 {
		var b strings.Builder
		for range 1 + r.IntN(10) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, strings.ToLower(b.String()))
	}
	for _, s := range texts {
		checkStrongGate(t, s)
		if mayStrongDuration(s, sentenceHints.of(s)) {
			opened++
			if durStrong.re.MatchString(s) {
				matched++
			}
		}
	}
	if opened < 500 || matched < 200 {
		t.Errorf("the gate opened on %d texts, %d of them with a match: too few to tell", opened, matched)
	}
}

func FuzzMayStrongDuration(f *testing.F) {
	for _, s := range []string{"", "a total of5 minutes", "the outage of5 minutes, one of many", "ttr: 4h", "time to recover: 1h", "lasted 2 days"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkStrongGate(t, s)
		checkStrongGate(t, strings.ToLower(s))
	})
}
