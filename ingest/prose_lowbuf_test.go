package ingest

import (
	"strings"
	"testing"
)

// TestLowerEntriesKept lower-cases the entries of several blocks in one
// reader, as a document's blocks are: the copies of the first blocks must
// still read right after the later ones were made, the reader's lowBuf
// having grown and moved, and none after the document, once clearDoc
// cleared lows, must be needed again.
func TestLowerEntriesKept(t *testing.T) {
	m := new(proseMem)
	for doc := 0; doc < 2; doc++ {
		r := &proseReader{mem: m}
		var texts []string
		for block := 0; block < 40; block++ {
			raws := []rawEntry{
				{text: "Rollback STARTED in Block " + strings.Repeat("X", block)},
				{text: "Café RESTORED"}, // not ASCII: no copy
				{text: "Service Restored at " + strings.Repeat("Y", block%7)},
			}
			for _, raw := range raws {
				texts = append(texts, raw.text)
			}
			r.lowerEntries(raws)
		}
		if len(m.lows) != len(texts) {
			t.Fatalf("document %d: %d copies for %d entries", doc, len(m.lows), len(texts))
		}
		for i, text := range texts {
			want := strings.ToLower(text)
			if !isASCII(text) {
				want = ""
			}
			if m.lows[i] != want {
				t.Fatalf("document %d: the copy of %q is %q after later blocks; want %q", doc, text, m.lows[i], want)
			}
		}
		m.clearDoc()
	}
}
