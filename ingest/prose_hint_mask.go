package ingest

// hintMask is several hint sets searched in one pass: of tells which of
// them a text holds a word of. A sentence was searched once for each set
// its reader asked about (relative words, duration cues, duration units,
// future words), each pass over the whole sentence when it held none of
// the set's words, as most do; one pass answers them all.
type hintMask struct {
	sets []*hintSet
	// byFirst and second are those of a hintSet of the words of all sets
	// (see hintSet); each word carries the bit of the set it is of.
	byFirst [256][]maskedWord
	second  [256]uint64
	all     uint8 // the bits of all sets
}

// maskedWord is a word of a hintMask with the bit of its set. Its first
// eight bytes (all of most words) are kept as a number too, pre, with mask
// the bits of those it has: of compares them with eight bytes of the text
// loaded at once, where comparing strings was a call for every word tried.
type maskedWord struct {
	w         string
	pre, mask uint64
	bit       uint8
}

// newMaskedWord is w, not empty, with the bit of its set.
func newMaskedWord(w string, bit uint8) maskedWord {
	mw := maskedWord{w: w, bit: bit}
	for k := 0; k < len(w) && k < 8; k++ {
		mw.pre |= uint64(w[k]) << (8 * k)
		mw.mask |= 0xff << (8 * k)
	}
	return mw
}

// newHintMask makes the hintMask of sets, the k-th of which has bit 1<<k;
// there are at most 8.
func newHintMask(sets ...*hintSet) *hintMask {
	if len(sets) > 8 {
		panic("newHintMask: more than 8 sets")
	}
	h := &hintMask{sets: sets}
	for k, set := range sets {
		bit := uint8(1) << k
		h.all |= bit
		for _, w := range set.words {
			h.byFirst[w[0]] = append(h.byFirst[w[0]], newMaskedWord(w, bit))
			bits := secondBits(w)
			h.second[w[0]] |= bits
			h.second[otherCase(w[0])] |= bits
		}
	}
	return h
}

// of is the bits of the sets s holds a word of: bit 1<<k is set when
// sets[k].in(s). It is in written out for all sets at once, and stops
// when every set is found.
func (h *hintMask) of(s string) uint8 {
	second := &h.second
	got := uint8(0)
	for i := 0; i < len(s); i++ {
		m := second[s[i]]
		if m == 0 || i+1 < len(s) && m&(1<<(s[i+1]&63)) == 0 {
			continue
		}
		if i+8 > len(s) {
			// The last bytes: the words are compared as strings.
			for _, w := range h.byFirst[s[i]] {
				if got&w.bit == 0 && len(s)-i >= len(w.w) && s[i:i+len(w.w)] == w.w {
					if got |= w.bit; got == h.all {
						return got
					}
				}
			}
			continue
		}
		// A word is there when the bytes it has of the next eight are its
		// first eight and, when it is longer, the rest of it follows.
		x := load8(s, i)
		for _, w := range h.byFirst[s[i]] {
			if got&w.bit == 0 && x&w.mask == w.pre && (len(w.w) <= 8 || len(s)-i >= len(w.w) && s[i+8:i+len(w.w)] == w.w[8:]) {
				if got |= w.bit; got == h.all {
					return got
				}
			}
		}
	}
	return got
}
