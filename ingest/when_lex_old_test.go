package ingest

// This file keeps the date lexer as it was at 88febef, before lexInto wrote
// its tokens in place and read ASCII words and numbers in loops of its
// own: the tests of when_lex_ref_test.go check that lexInto gives exactly
// its tokens. lexWord, which it called for every word, is unchanged. It
// keeps indexDigit, isASCII and isWordByte too, as they were before they
// tested sixteen or eight bytes at a time and looked bytes up in a table.

import (
	"unicode"
	"unicode/utf8"
)

// oldLexInto is lexInto as it was at 88febef: lex of s[from:] appending
// to toks, which a caller may keep on its stack; from is 0 or follows
// white space. It built each token whole and appended it.
func oldLexInto(toks []token, s string, from int) []token {
	if len(s) > maxLex {
		s = s[:maxLex]
	}
	space := true
	for i := from; i < len(s); {
		if len(toks) == cap(toks) {
			toks = growTokens(toks, len(s), from, i)
		}
		c := s[i]
		switch k := byteClasses[c]; {
		case k == bcSpace:
			space = true
			i++
			continue
		case k == bcDigit:
			j := i + 1
			v := int32(c - '0')
			for j < len(s) && byteClasses[s[j]] == bcDigit {
				if v < 1e8 {
					v = v*10 + int32(s[j]-'0')
				}
				j++
			}
			toks = append(toks, token{kind: tkNum, num: v, start: int32(i), end: int32(j), space: space})
			i = j
		case k&(bcUpper|bcLower) != 0:
			j, letters := lexWord(s, i+1, k)
			toks = append(toks, token{kind: tkWord, start: int32(i), end: int32(j), space: space, letters: letters})
			i = j
		case k == 0:
			toks = append(toks, token{kind: tkPunct, num: int32(c), start: int32(i), end: int32(i + 1), space: space})
			i++
		default:
			r, n := utf8.DecodeRuneInString(s[i:])
			switch {
			case unicode.IsSpace(r):
				space = true
				i += n
				continue
			case unicode.IsLetter(r):
				j, letters := lexWord(s, i+n, wordNonASCII)
				toks = append(toks, token{kind: tkWord, start: int32(i), end: int32(j), space: space, letters: letters})
				i = j
			default:
				toks = append(toks, token{kind: tkPunct, num: r, start: int32(i), end: int32(i + n), space: space})
				i += n
			}
		}
		space = false
	}
	return toks
}

// oldIndexDigit is indexDigit as it was at 88febef: the index of the
// first ASCII digit in s, or -1, found eight bytes at a time.
func oldIndexDigit(s string) int {
	const lo7, high = 0x7f7f7f7f7f7f7f7f, 0x8080808080808080
	i := 0
	for ; i+8 <= len(s); i += 8 {
		// Written on a slice of constant length, the eight loads compile
		// to one: s[i+k] each needed a bounds check of its own.
		w := s[i : i+8]
		x := uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
			uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
		// Of each byte's low seven bits b, b+0x50 reaches 0x80 from '0'
		// up and b+0x46 from ':' up; a byte with its high bit set is no
		// digit whatever its low bits.
		b := x & lo7
		if (b+0x5050505050505050)&^(b+0x4646464646464646)&^x&high != 0 {
			break
		}
	}
	for ; i < len(s); i++ {
		if '0' <= s[i] && s[i] <= '9' {
			return i
		}
	}
	return -1
}

// oldIsWordByte is isWordByte as it was at 88febef: the ASCII word
// character of \b.
func oldIsWordByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// oldIsASCII is isASCII as it was at 88febef, byte by byte: it reports
// whether s is all ASCII.
func oldIsASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
