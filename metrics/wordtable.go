package metrics

import (
	"maps"
	"slices"
)

// wordTable maps words to what they start in a taxonomy (wordSteps). The
// classifier looks up every word of every sentence in it, and a Go map,
// hashing each word with the runtime's general hash and probing its
// groups, was a fifth of the classifier's time. The table hashes a word
// with two operations a byte and probes slots of 8 bytes of which at most
// half are used, so that a word it does not hold, most words of a report,
// is told at the first slot or the second, most of the time.
type wordTable struct {
	slots   []wordSlot // a power of two of them, at least twice the entries
	shift   uint       // 32 less the bits of a slot number
	entries []wordEntry
}

// wordSlot is a slot of wordTable: a word's hash and its entry's index
// plus one; 0 is an empty slot.
type wordSlot struct {
	hash  uint32
	entry uint32
}

type wordEntry struct {
	word  string
	steps wordSteps
}

// newWordTable builds the table of m.
func newWordTable(m map[string]wordSteps) wordTable {
	bits := uint(1)
	for 1<<bits < 2*len(m) {
		bits++
	}
	t := wordTable{slots: make([]wordSlot, 1<<bits), shift: 32 - bits}
	for _, w := range slices.Sorted(maps.Keys(m)) { // the same table on every run
		t.entries = append(t.entries, wordEntry{w, m[w]})
		h := wordHash(w)
		i := t.slot(h)
		for t.slots[i].entry != 0 {
			i = (i + 1) & (len(t.slots) - 1)
		}
		t.slots[i] = wordSlot{hash: h, entry: uint32(len(t.entries))}
	}
	return t
}

// wordHash is FNV-1a.
func wordHash(w string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(w); i++ {
		h = (h ^ uint32(w[i])) * 16777619
	}
	return h
}

// slot is the first slot to probe for hash h: its top bits, mixed.
func (t *wordTable) slot(h uint32) int {
	return int((h * 0x9e3779b1) >> t.shift)
}

// lookup returns what w starts, nil for a word that starts nothing.
func (t *wordTable) lookup(w string) *wordSteps {
	if len(t.slots) == 0 {
		return nil
	}
	h := wordHash(w)
	last := len(t.slots) - 1
	for i := t.slot(h); ; i = (i + 1) & last {
		s := t.slots[i]
		if s.entry == 0 {
			return nil // at least half the slots are empty: the probe ends
		}
		if e := &t.entries[s.entry-1]; s.hash == h && e.word == w {
			return &e.steps
		}
	}
}
