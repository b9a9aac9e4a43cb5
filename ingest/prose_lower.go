package ingest

import "encoding/binary"

// lowerCapitals lower-cases the ASCII capitals of b in place, eight bytes
// at a time, and leaves every other byte as it is: the lower-case copy of
// an ASCII paragraph or timeline entry, which was made a byte at a time.
//
// Of each byte's low seven bits h, h+0x3f reaches 0x80 from 'A' up and
// h+0x25 from '['; neither sum carries into the next byte. A byte is a
// capital when the first sum reaches 0x80, the second does not and its own
// high bit is clear; its 0x20 bit, the high bit shifted down twice, is
// then set.
func lowerCapitals(b []byte) {
	const lo7 = 0x7f7f7f7f7f7f7f7f
	i := 0
	for ; i+8 <= len(b); i += 8 {
		x := binary.LittleEndian.Uint64(b[i:])
		h := x & lo7
		caps := (h + (0x80-'A')*ones) &^ (h + (0x80-'Z'-1)*ones) &^ x & highs
		binary.LittleEndian.PutUint64(b[i:], x|caps>>2)
	}
	for ; i < len(b); i++ {
		if c := b[i]; 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
}
