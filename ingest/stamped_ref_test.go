package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refDefaultStatus is defaultStatus as it was before it read only the head
// of the text: the oracle of the tests below.
func refDefaultStatus(text string) (Status, bool) {
	body := strings.ToLower(strings.Join(strings.Fields(text), " "))
	for _, d := range spDefaults {
		if strings.HasPrefix(body, d.text) {
			return d.status, true
		}
	}
	return StatusUpdate, false
}

func TestMaxWording(t *testing.T) {
	n := 0
	for _, d := range spDefaults {
		n = max(n, len(d.text))
	}
	if n != maxWording {
		t.Fatalf("the longest wording has %d bytes; maxWording is %d", n, maxWording)
	}
}

func checkDefaultStatus(t *testing.T, text string) {
	t.Helper()
	gs, gok := defaultStatus(text)
	ws, wok := refDefaultStatus(text)
	if gs != ws || gok != wok {
		t.Fatalf("defaultStatus(%q) = %v, %v; the old one says %v, %v", text, gs, gok, ws, wok)
	}
}

func TestDefaultStatusTable(t *testing.T) {
	long := strings.Repeat("word ", 80)
	for _, s := range []string{"", "This incident has been resolved.", "  THIS   incident\thas been\nresolved", "this incident has been",
		"We are currently investigating this issue. " + long, strings.Repeat(" ", 300) + "this incident has been resolved " + long,
		"this " + strings.Repeat(" ", 300) + "incident has been resolved", "THIS INCIDENT HAS BEEN RESOLVED" + strings.Repeat("x", 400),
		"\u212a" + long, "this\u00a0incident has been resolved " + long, "the ſcheduled maintenance has been completed " + long,
		"this incident has been resolved" + strings.Repeat("\u00a0", 300) + " x"} {
		checkDefaultStatus(t, s)
	}
}

func TestDefaultStatusRandom(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(97, 98))
	var words []string
	for _, d := range spDefaults {
		words = append(words, strings.Fields(d.text)...)
	}
	words = append(words, " ", "  ", "\t", "\n", "\u00a0", "\u2003", "THIS", "Incident", "\u212a", "İ", "x", "\xff", strings.Repeat(" ", 200))
	found := 0
	for range 100000 {
		var b strings.Builder
		if r.IntN(2) == 0 {
			b.WriteString(spDefaults[r.IntN(len(spDefaults))].text)
		}
		for range r.IntN(120) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if _, ok := refDefaultStatus(s); ok {
			found++
		}
		checkDefaultStatus(t, s)
	}
	if found < 1000 {
		t.Fatalf("only %d random texts begin with a wording: the test tests little", found)
	}
}

func FuzzDefaultStatus(f *testing.F) {
	f.Add("This incident has been resolved. " + strings.Repeat("more words ", 40))
	f.Add(strings.Repeat(" ", 300) + "this incident has been resolved")
	f.Fuzz(func(t *testing.T, s string) { checkDefaultStatus(t, s) })
}
