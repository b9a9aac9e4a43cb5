package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// parseStatusOracle is ParseStatus as it was written before its ASCII
// fast path: the test holds it as the oracle.
func parseStatusOracle(word string) (Status, bool) {
	if len(word) > 24 {
		return StatusUnknown, false
	}
	w := strings.ToLower(strings.TrimSpace(word))
	w = strings.NewReplacer("_", " ", "-", " ").Replace(w)
	return statusWord(strings.Join(strings.Fields(w), " "))
}

func TestParseStatusMatchesOracle(t *testing.T) {
	cases := []string{
		"", " ", "Resolved", "RESOLVED", " resolved\n", "In Progress", "in_progress", "in-progress", "In  -_ Progress",
		"_in progress_", "Post-Mortem", "post incident report", "post\vincident\freport", "Post\u00a0Mortem",
		"Resolved\u0085", "İnvestigating", "resolvedé", "\x00resolved", "rca", "R C A", "Fixed.", "Updated",
	}
	for _, c := range cases {
		st, ok := ParseStatus(c)
		wst, wok := parseStatusOracle(c)
		if st != wst || ok != wok {
			t.Errorf("ParseStatus(%q) = %v, %v; want %v, %v", c, st, ok, wst, wok)
		}
	}
	r := rand.New(rand.NewPCG(5, 6))
	words := []string{"resolved", "in", "progress", "post", "mortem", "incident", "report", "rca", "fixed"}
	const alphabet = "aEiRrs _-\t\v\f\n\r\x00é\u00a0\u0085K"
	for range 200000 {
		var b strings.Builder
		for range r.IntN(5) {
			if r.IntN(2) == 0 {
				w := words[r.IntN(len(words))]
				if r.IntN(2) == 0 {
					w = strings.ToUpper(w)
				}
				b.WriteString(w)
			} else {
				s := []rune(alphabet)
				b.WriteRune(s[r.IntN(len(s))])
			}
		}
		c := b.String()
		st, ok := ParseStatus(c)
		wst, wok := parseStatusOracle(c)
		if st != wst || ok != wok {
			t.Fatalf("ParseStatus(%q) = %v, %v; want %v, %v", c, st, ok, wst, wok)
		}
	}
}

func TestParseStatusASCIIDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { ParseStatus(" In_Progress ") }); n != 0 {
		t.Errorf("ParseStatus allocates %v times; want 0", n)
	}
}
