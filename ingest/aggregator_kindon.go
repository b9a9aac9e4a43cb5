package ingest

import "math/bits"

// onKindAt reports whether the "on" at s[p:p+2] is a summary's " on " and
// capital after one of agKinds: s[p-1:p+4] is " on " and a capital, and
// one of agKinds ends at p-1.
func onKindAt(s string, p int) bool {
	return p >= 1 && p+3 < len(s) && s[p-1] == ' ' && s[p+2] == ' ' &&
		'A' <= s[p+3] && s[p+3] <= 'Z' && endsWithKind(s[:p-1])
}

// hasKindOn reports whether s holds one of agKinds, " on " and a capital
// letter, as every line agSummaryInto matches does.
//
// Detection asks it of every line with a digit, the long paragraphs of
// postmortems among them, where strings.Index(" on ") stopped at each of
// the many spaces. This looks for the "on" eight bytes at a time: in the
// word w of s[i:i+8] (little-endian), z = (w ^ "oooooooo") | (w>>8 ^
// "nnnnnnnn") has a zero byte j exactly where s[i+j:i+j+2] is "on", for j
// up to 6 (byte 7 of w>>8 is zero, so byte 7 of z is 'n', never zero),
// and the words step by 7 so that every position is some word's j <= 6.
// zeroBytes(z) sets the high bit of every zero byte, and may set it in a
// byte above one (after a borrow): each set bit is only a place to look,
// and onKindAt decides, so a false one costs a test and none is missed.
func hasKindOn(s string) bool {
	i := 0
	for ; i+8 <= len(s); i += 7 {
		w := load8(s, i)
		z := (w ^ 'o'*ones) | (w>>8 ^ 'n'*ones)
		for m := zeroBytes(z); m != 0; m &= m - 1 {
			if onKindAt(s, i+bits.TrailingZeros64(m)/8) {
				return true
			}
		}
	}
	for ; i+1 < len(s); i++ {
		if s[i] == 'o' && s[i+1] == 'n' && onKindAt(s, i) {
			return true
		}
	}
	return false
}
