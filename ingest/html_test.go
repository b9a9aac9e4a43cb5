package ingest

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
)

// detectHTMLOracle is detectHTML as it was written with bytes.ToLower: the
// test holds it as the oracle.
func detectHTMLOracle(data []byte) (int, string) {
	head := bytes.ToLower(data[:min(len(data), 2048)])
	head = bytes.TrimLeft(head, " \t\r\n\xef\xbb\xbf")
	switch {
	case bytes.HasPrefix(head, []byte("<!doctype html")), bytes.HasPrefix(head, []byte("<html")):
		return 4, "an HTML document"
	case bytes.Contains(head, []byte("<body")) || (bytes.HasPrefix(head, []byte("<")) && bytes.Contains(head, []byte("</div>"))):
		return 4, "HTML markup"
	}
	return 0, "not HTML"
}

func TestDetectHTMLMatchesOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(21, 22))
	pieces := []string{"<", "<!DOCTYPE html", "<!doctype HTML", "<html", "<HTML", "<body", "<BODY", "</div>", "</DIV>",
		"</dİv>", "<bodİ", " ", "\t", "\n", "\ufeff", "\xef\xbb", "é", "İ", "\u212a", "\xff", "x", "•", "text"}
	matched := 0
	for range 100000 {
		s := randomPieces(r, pieces, 6)
		if r.IntN(10) == 0 {
			// Around the 2,048-byte cut, which may split a character.
			s = strings.Repeat("a", 2040+r.IntN(8)) + s
		}
		got, gotWhy := detectHTML(&doc{data: []byte(s)})
		want, wantWhy := detectHTMLOracle([]byte(s))
		if got != want || gotWhy != wantWhy {
			t.Fatalf("detectHTML(%q) = %d %q; want %d %q", s, got, gotWhy, want, wantWhy)
		}
		if got > 0 {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random documents are HTML: the test tests little", matched)
	}
}
