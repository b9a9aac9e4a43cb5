package ingest

import (
	"math/rand/v2"
	"testing"
)

// TestDocOrderFromBytes checks that a document's date order read from its
// bytes is the order of its lines.
func TestDocOrderFromBytes(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(91, 92))
	pieces := []string{"31/03/2023", "3/23/16", "05/07/2020", "13/1/24", "/", "1", "12", "123", "2023", " ", "\t", "\r", "\n",
		"\r\n", "\u00a0", "\u2003", "\xff", "\xef\xbb\xbf", "a", "_", "é", "http://x/13/02/2024", "v1/", "-", "\x00"}
	day := 0
	for range 200000 {
		data := []byte(randomPieces(r, pieces, 10))
		lazy := &doc{data: data}
		want := linesDateOrder(splitLines(data))
		if got := lazy.order(); got != want {
			t.Fatalf("order of %q from the bytes = %v; from the lines %v", data, got, want)
		}
		if want == dayFirst {
			day++
		}
	}
	if day < 1000 {
		t.Fatalf("only %d random documents are day-first: the test tests little", day)
	}
}
