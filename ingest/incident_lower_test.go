package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

func checkLowers(t *testing.T, s string) {
	t.Helper()
	if got, want := string(appendLower([]byte("x"), s)), "x"+strings.ToLower(s); got != want {
		t.Fatalf("appendLower(%q) = %q; want %q", s, got, want)
	}
	// Into room to spare that holds other bytes, as a reused buffer
	// does: a byte beyond ASCII late in s must not leave the ASCII
	// before it written twice.
	room := append(make([]byte, 0, 64), "x"+strings.Repeat("#", 63)...)[:1]
	if got, want := string(appendLower(room, s)), "x"+strings.ToLower(s); got != want {
		t.Fatalf("appendLower(%q) into a reused buffer = %q; want %q", s, got, want)
	}
	m := map[string]any{s: 1, "title": 2}
	if got, want := lowerKeys(m), strings.ToLower(s) == s; got != want {
		t.Fatalf("lowerKeys with key %q = %v; want %v", s, got, want)
	}
}

func TestAppendLowerAndLowerKeys(t *testing.T) {
	for _, s := range []string{"", "Acme", "ACME Corp", "acme", "Ünïcode", "ACME Ünïcode", "aBc\xff", "\u212a", "İ", "\xff", "a_b-C", "@[`{"} {
		checkLowers(t, s)
	}
	r := rand.New(rand.NewPCG(103, 104))
	pieces := []string{"A", "z", "Z", "@", "[", "`", "{", " ", "É", "é", "\u212a", "ſ", "\xff", "İ"}
	for range 100000 {
		checkLowers(t, randomPieces(r, pieces, 8))
	}
}

func FuzzAppendLower(f *testing.F) {
	f.Add("Acme Corp")
	f.Fuzz(func(t *testing.T, s string) { checkLowers(t, s) })
}
