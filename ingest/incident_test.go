package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"math/rand/v2"
	"strings"
	"testing"
	"time"
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

// computeIDOracle is computeID as it was written before it hashed one
// buffer: the test holds it as the oracle.
func computeIDOracle(inc *Incident) string {
	h := sha256.New()
	h.Write([]byte(strings.ToLower(strings.TrimSpace(inc.Organization))))
	h.Write([]byte{0})
	h.Write([]byte(strings.TrimSpace(inc.Title)))
	h.Write([]byte{0})
	if t, ok := inc.firstTime(); ok {
		h.Write([]byte(t.UTC().Format(time.RFC3339)))
	}
	return hex.EncodeToString(h.Sum(nil))[:16]
}

func TestComputeIDMatchesOracle(t *testing.T) {
	at := time.Date(2024, 3, 5, 14, 7, 9, 500, time.FixedZone("X", 3600))
	long := strings.Repeat("Ünïcode title ", 40) // past the stack buffer
	for _, inc := range []Incident{
		{}, {Organization: " Acme ", Title: " Outage "}, {Organization: "ÀCME", Title: long},
		{Title: "t", Updates: []Update{{At: at}}}, {Title: "t", ImpactStart: &Stated{At: at}},
		{Organization: long, Title: long, Updates: []Update{{At: at}}},
	} {
		want := computeIDOracle(&inc)
		inc.computeID()
		if inc.ID != want {
			t.Errorf("computeID of %q/%q = %s; want %s", inc.Organization, inc.Title, inc.ID, want)
		}
	}
}
