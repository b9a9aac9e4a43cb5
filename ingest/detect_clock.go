package ingest

import "unicode/utf8"

// mayHoldClock reports whether the scanner could read a clock in s (a
// found of scanFound with hasC): it is false only when no ASCII digit of
// s starts one of the shapes scanner.clock reads. detectText asks of each
// line only whether a mention of it has a clock (and a zone, or a place
// at the line's start), so a line that cannot hold a clock is not
// scanned: most lines of prose with a digit hold a count, a version or a
// percentage, not a time.
//
// Every clock starts at a number token (a run of ASCII digits) and is
// one of (scanner.clock):
//   - "14:05", "14h05", "14.05": one or two digits, a ':', 'h', 'H' or
//     '.' glued to them, and two digits;
//   - "9am", "9 a.m.": one or two digits and a meridiem, a word that
//     lower-cases to "am", "pm", "a" or "p", after white space if any;
//     only an ASCII letter lower-cases to those (strings.ToLower maps no
//     letter beyond ASCII to a, m or p);
//   - "1000 UTC": four digits and a zone, after white space if any: a
//     word, a '(' or a sign ('+', '-', or '−' beyond ASCII).
//
// mayHoldClock tests a superset of these: it looks at each run of digits
// and what follows it, without lexing.
func mayHoldClock(s string) bool {
	return mayHoldClockFrom(s, indexDigit(s))
}

// mayHoldClockFrom is mayHoldClock of s whose first ASCII digit is at d
// (indexDigit(s)), for a caller that looked for it already.
func mayHoldClockFrom(s string, d int) bool {
	for i := d; i >= 0 && i < len(s); {
		j := i + 1
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if digitsStartClock(s, j-i, j) {
			return true
		}
		k := indexDigit(s[j:])
		if k < 0 {
			return false
		}
		i = j + k
	}
	return false
}

// digitsStartClock reports whether a run of n ASCII digits ending at j in
// s may be the hours of a clock, by what follows it (see mayHoldClock).
// A byte beyond ASCII after the digits and any ASCII white space may be
// Unicode white space, a sign or a letter: it may open a clock's rest,
// and the answer is yes.
func digitsStartClock(s string, n, j int) bool {
	if n > 4 || n == 3 {
		return false // the hours are one, two or four digits
	}
	if n <= 2 && j+2 < len(s) && (s[j] == ':' || s[j] == '.' || s[j] == 'h' || s[j] == 'H') &&
		isDigit(s[j+1]) && isDigit(s[j+2]) {
		return true
	}
	k := j
	for k < len(s) && byteClasses[s[k]] == bcSpace {
		k++
	}
	if k == len(s) {
		return false
	}
	switch c := s[k]; {
	case c >= utf8.RuneSelf:
		return true
	case n <= 2:
		c |= 0x20 // an ASCII letter in lower case
		return c == 'a' || c == 'p'
	default:
		// Four digits: a zone opens with a word, '(' or a sign.
		return isASCIILetter(c) || c == '(' || c == '+' || c == '-'
	}
}
