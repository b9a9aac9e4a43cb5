package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestDocShortcuts checks what a document reads from its whole text
// instead of its lines against the line by line readings: the date order
// (order), whether a line holds a string (containsLine) and whether the
// text is valid UTF-8 (Parse's warning), on random texts with and without
// what splitText cleans.
func TestDocShortcuts(t *testing.T) {
	skipOracleUnderRace(t)
	pieces := []string{"13", "5", "31", "12", "1", "/", "//", "2023", " ", "a", "_", "é", ".", "\n", "\n", "\r\n", "\r", "\x00",
		"\u00a0", "\xef\xbb\xbf", "\xff", "{{<", "{{< track", " track", "{{<\u00a0track", "{{<\x00 track", "\t"}
	r := rand.New(rand.NewPCG(91, 92))
	texts := refTestLines(t)
	texts = append(texts, strings.Join(texts, "\n"))
	for range 100000 {
		texts = append(texts, randomPieces(r, pieces, 10))
	}
	for _, s := range texts {
		ls := splitText(s)
		var want bool
		for _, l := range ls {
			want = want || strings.Contains(l.Text, "{{< track")
		}
		d := &doc{data: []byte(s)}
		if got := d.containsLine("{{< track"); got != want {
			t.Fatalf("containsLine(%q) = %v; want %v", s, got, want)
		}
		// As detection asks: the lines first, then the order.
		if got, want := d.order(), linesDateOrder(ls); got != want {
			t.Fatalf("order of %q = %v; want %v", s, got, want)
		}
		// The order asked first, as the Statuspage JSON reader does.
		d = &doc{data: []byte(s)}
		if got, want := d.order(), linesDateOrder(ls); got != want {
			t.Fatalf("order of %q before its lines = %v; want %v", s, got, want)
		}
		if d.lines(); d.clean && invalidUTF8Line(d.str()) != 0 {
			t.Fatalf("%q is clean but not valid UTF-8", s)
		}
	}
}
