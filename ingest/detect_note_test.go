package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// lineReadsOracle is what lineReads stands for.
func lineReadsOracle(l line) string {
	return fmt.Sprintf("line %d reads %q", l.N, clipOracle(l.Text, 60))
}

func checkLineReads(t *testing.T, l line) {
	t.Helper()
	if got, want := lineReads(l), lineReadsOracle(l); got != want {
		t.Fatalf("lineReads(%+v) = %s; want %s", l, got, want)
	}
}

func TestLineReadsTable(t *testing.T) {
	for _, s := range []string{"", "Incident Report for Acme", strings.Repeat("a", 59), strings.Repeat("a", 60),
		strings.Repeat("a", 61), strings.Repeat("é", 61), strings.Repeat("a", 59) + "é", strings.Repeat("a", 60) + "é",
		strings.Repeat("a", 59) + "\"", strings.Repeat("a", 60) + "\"", "tab\there", "back\\slash", "del\x7f", "bad\xff",
		"Rhorhoix experienced a minor incident on June 18, 2019 affecting Login, API and Search, lasting 2h 56m.",
		"~ and space ", "\u2028", "ok…"} {
		for _, n := range []int{0, 1, 42, 199999} {
			checkLineReads(t, line{N: n, Text: s})
		}
	}
}

func FuzzLineReads(f *testing.F) {
	f.Add("Incident Report for Acme", 2)
	f.Add(strings.Repeat("a", 60)+"é", 7)
	f.Fuzz(func(t *testing.T, s string, n int) {
		checkLineReads(t, line{N: n, Text: s})
	})
}
