package ingest

// This file holds the one-pass test the prose reader puts in front of a
// paragraph and each of its sentences: is there anything in it to read?

import "unicode/utf8"

// quietNext holds, for each byte, the bytes that may follow it where
// firstProseHint must look closer (each as bit b&63): every byte after a
// digit or a byte that is not ASCII; after a letter that opens a unit
// ("hour", "minute", "second", "day") or one of relativeHints' words, in
// either case, that word's second letter in either case. It is 0 for the
// bytes of most text, which are passed after one load and one test.
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

// firstProseHint is the index of the first byte of s that is not ASCII or
// opens what mayHoldDurationFold or relativeHints.inFold look for (a
// digit, a unit in any case, a relative word in any case), or len(s) when
// there is none. It reads s once where the three tests read it three
// times: most paragraphs of an update hold none of them.
func firstProseHint(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if quietNext[s[i]]&(1<<(s[i+1]&63)) == 0 {
			continue // neither a unit's nor a relative word's first two letters
		}
		if s[i] >= utf8.RuneSelf || durationAt(s, i) || relativeHints.atFold(s, i) {
			return i
		}
	}
	// The last byte has no byte after it to test; it opens no unit.
	if n := len(s) - 1; n >= 0 && (s[n] >= utf8.RuneSelf || durationByte[s[n]] == '0' || relativeHints.atFold(s, n)) {
		return n
	}
	return len(s)
}

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
