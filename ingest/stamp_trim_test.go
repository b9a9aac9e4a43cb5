package ingest

import (
	"strings"
	"testing"
)

// The library calls trimStampLeft and trimStampRight replace: their
// oracles.
func trimStampLeftOracle(s string) string  { return strings.TrimLeft(s, "-*•[( ") }
func trimStampRightOracle(s string) string { return strings.TrimRight(s, ".])* ") }

func checkStampTrims(t *testing.T, s string) {
	t.Helper()
	if got, want := trimStampLeft(s), trimStampLeftOracle(s); got != want {
		t.Fatalf("trimStampLeft(%q) = %q; want %q", s, got, want)
	}
	if got, want := trimStampRight(s), trimStampRightOracle(s); got != want {
		t.Fatalf("trimStampRight(%q) = %q; want %q", s, got, want)
	}
}

func TestStampTrimsTable(t *testing.T) {
	for _, s := range []string{"", " ", "-", "•", "\xe2\x80", "\xe2\x80\xa2", "\xe2", "- • [(10:05 UTC)].* ", "*•*x*•*",
		"[2024-01-02 10:00]", "(3:23 PM PST.)", "• 05/07/2020 12:58PM UTC", "x. ", "é.", ".é", "\xff-", "-\xff", "--", "))"} {
		checkStampTrims(t, s)
	}
}

func FuzzStampTrims(f *testing.F) {
	f.Add("- • [(10:05 UTC)].* ")
	f.Add("\xe2\x80• x")
	f.Fuzz(checkStampTrims)
}
