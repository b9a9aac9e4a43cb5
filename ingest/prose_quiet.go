package ingest

// This file holds the one-pass test the prose reader puts in front of a
// paragraph and each of its sentences: is there anything in it to read?

import "unicode/utf8"

// proseHintPairs holds, as one bit each, the byte pairs (a, b), indexed
// a | b<<8, that firstProseHint looks closer at: every pair with a digit
// or a byte that is not ASCII in it, and the first and the second two
// letters of each unit ("hour", "minute", "second", "day") and of each of
// relativeHints' words, in any case. A word of three bytes or more holds
// one of its two pairs at an even offset wherever it starts, so only the
// pairs at even offsets are looked up: half the tests of a look at every
// byte. It is 8 KiB, built once and never written after: no state.
var proseHintPairs = func() (t [1 << 16 / 64]uint64) {
	set := func(a, b byte) {
		for _, x := range [2]byte{a, otherCase(a)} {
			for _, y := range [2]byte{b, otherCase(b)} {
				v := uint16(x) | uint16(y)<<8
				t[v>>6] |= 1 << (v & 63)
			}
		}
	}
	// anyWith marks every pair that holds c, first or second: the pairs
	// with c second are the four words from c<<2 on; those with c first
	// are one bit in each of 256 words. (Built bit by bit through set,
	// the table took a millisecond of every run to make.)
	anyWith := func(c byte) {
		for k := range 4 {
			t[int(c)<<2+k] = ^uint64(0)
		}
		for o := range 256 {
			t[o<<2|int(c>>6)] |= 1 << (c & 63)
		}
	}
	for c := range 256 {
		if c >= utf8.RuneSelf || durationByte[c] == '0' {
			anyWith(byte(c))
		}
	}
	// The units are durationAt's, written again: the oracle tests
	// (prose_quiet_ref_test.go) compare the two readings on any text.
	for _, w := range append([]string{"hour", "minute", "second", "day"}, relativeHints.words...) {
		if len(w) < 3 {
			// Its pairs need not fall at an even offset: look at its
			// first byte wherever it is, as at a digit.
			anyWith(w[0])
			anyWith(otherCase(w[0]))
			continue
		}
		set(w[0], w[1])
		set(w[1], w[2])
	}
	return t
}()

// firstProseHint is the index of the first byte of s that is not ASCII or
// opens what mayHoldDurationFold or relativeHints.inFold look for (a
// digit, a unit in any case, a relative word in any case), or len(s) when
// there is none. It reads s once where the three tests read it three
// times: most paragraphs of an update hold none of them.
//
// It looks up the pair of bytes at each even offset j in proseHintPairs:
// what begins at j-1 (a word's second and third letters at j), at j (a
// word's first two letters, a digit) or at j+1 (a digit, a byte that is
// not ASCII) puts a pair of the table there. Only then are the three
// looked at, in order, so the first found is the first in s; quietNext
// rules out most of them with one load and one test each ("he" of "the"
// and "in" of "wind" bring a tenth of the pairs of English here).
func firstProseHint(s string) int {
	j := 0
	for ; ; j += 2 {
		if j = nextHintPair(s, j); j+1 >= len(s) {
			break
		}
		a, b := s[j], s[j+1]
		if j > 0 && quietNext[s[j-1]]&(1<<(a&63)) != 0 && proseHintAt(s, j-1) {
			return j - 1
		}
		if quietNext[a]&(1<<(b&63)) != 0 && proseHintAt(s, j) {
			return j
		}
		if j+2 == len(s) || quietNext[b]&(1<<(s[j+2]&63)) != 0 {
			if proseHintAt(s, j+1) {
				return j + 1
			}
		}
	}
	// An odd length leaves the last byte out of every pair; no word of
	// three bytes or more starts there, but a digit may be it.
	if j < len(s) && proseHintAt(s, j) {
		return j
	}
	return len(s)
}

// nextHintPair is the first even offset from j, itself even, where a pair
// of proseHintPairs is in s, or the offset after the last pair of s when
// there is none. It is the loop firstProseHint spends its time in, kept
// apart so that it calls nothing and keeps all it needs in registers.
func nextHintPair(s string, j int) int {
	t := &proseHintPairs
	i := max(j, 0)
	for ; i+3 < len(s); i += 4 { // two pairs a turn: half the loop's own work
		p := s[i : i+4]
		v, w := uint16(p[0])|uint16(p[1])<<8, uint16(p[2])|uint16(p[3])<<8
		if t[v>>6]&(1<<(v&63)) != 0 {
			return i
		}
		if t[w>>6]&(1<<(w&63)) != 0 {
			return i + 2
		}
	}
	if i+1 < len(s) {
		if v := uint16(s[i]) | uint16(s[i+1])<<8; t[v>>6]&(1<<(v&63)) != 0 {
			return i
		}
		i += 2
	}
	return i
}

// proseHintAt reports whether s[i] is not ASCII, or is a digit, or opens
// a unit or one of relativeHints' words, in any case.
func proseHintAt(s string, i int) bool {
	return s[i] >= utf8.RuneSelf || durationAt(s, i) || relativeHints.atFold(s, i)
}

// quietNext holds, for each byte, the bytes that may follow it where
// firstProseHint must look closer (each as bit b&63): every byte after a
// digit or a byte that is not ASCII; after a letter that opens a unit
// ("hour", "minute", "second", "day") or one of relativeHints' words, in
// either case, that word's second letter in either case. Built once and
// never written after: no state.
var quietNext = func() (t [256]uint64) {
	for c := range 256 {
		switch {
		case c >= utf8.RuneSelf || durationByte[c] == '0':
			t[c] = ^uint64(0)
		case durationByte[c] != 0:
			s := durationSecond[durationByte[c]]
			t[c] = 1<<(s&63) | 1<<(otherCase(s)&63)
		}
		t[c] |= relativeHints.second[c]
	}
	return t
}()

// paragraphHints is isASCII(s) and, when s is ASCII, whether
// mayHoldDurationFold(s) || relativeHints.inFold(s); hint is true when s
// is not ASCII.
func paragraphHints(s string) (ascii, hint bool) {
	i := firstProseHint(s)
	switch {
	case i == len(s):
		return true, false
	case s[i] >= utf8.RuneSelf:
		return false, true
	}
	return isASCII(s[i+1:]), true
}

// sentenceHint is mayHoldDurationFold(s) || relativeHints.inFold(s) of
// ASCII s.
func sentenceHint(s string) bool { return firstProseHint(s) < len(s) }
