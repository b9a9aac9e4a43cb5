package ingest

// The pieces of the tests that read text eight bytes at a time, as one
// little-endian word (indexDigit, isASCII, indexStop, mayCueZone,
// hasKindOn, plainRun, ...): most of the bytes those tests are given are
// none of the few they look for.

// Bytes repeated in each byte of a word.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// load8 is s[i:i+8] as a little-endian number; i+8 <= len(s).
func load8(s string, i int) uint64 {
	// On a slice of constant length the eight loads compile to one.
	w := s[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// zeroBytes has the high bit set of every zero byte of x, and may have it
// set in a byte above a zero byte too (the subtraction's borrow passes
// on): it is zero exactly when x has no zero byte, its lowest bit set is
// the first zero byte's, and a byte of x equals c where x^(c*ones) has a
// zero byte.
func zeroBytes(x uint64) uint64 { return (x - ones) &^ x & highs }
