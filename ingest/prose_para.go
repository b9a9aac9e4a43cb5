package ingest

// The tests paragraphs makes of each line, hand-written: they were
// regular expressions (kept as the oracles of prose_para_ref_test.go),
// and the regexp package's set-up for each line cost more than the test.

// clockLed reports whether s opens with a time ("15:47 Rollback
// started", "2023-01-05 09h30 ..."): an optional date "dddd-dd-dd" and a
// space or "T", then one or two digits, ":" or "h", two digits, and no
// word byte after them. When the date is there but no time follows it,
// the time is looked for at the start instead, as the expression, whose
// date is optional, backtracks to do.
func clockLed(s string) bool {
	if len(s) > 11 && digitsAt(s, 0, 4) && s[4] == '-' && digitsAt(s, 5, 2) && s[7] == '-' && digitsAt(s, 8, 2) &&
		(s[10] == ' ' || s[10] == 'T') && clockAt(s, 11) {
		return true
	}
	return clockAt(s, 0)
}

// clockAt reports whether s[p:] opens with one or two digits, ":" or
// "h", two digits, then the end of s or a byte that is no word byte. The
// mark is looked for after all the digits there, up to two: where one
// digit is followed by another, the second is no mark, and where a third
// follows two, it is none either.
func clockAt(s string, p int) bool {
	n := 0
	for n < 2 && p+n < len(s) && isDigit(s[p+n]) {
		n++
	}
	if n == 0 {
		return false
	}
	q := p + n // the mark
	return q+3 <= len(s) && (s[q] == ':' || s[q] == 'h') && digitsAt(s, q+1, 2) &&
		(q+3 == len(s) || !isWordByte(s[q+3]))
}

// listItem reports whether s opens as a list item or a heading does: a
// mark ("-", "*", "+" or "•") and white space, one to three digits, "."
// or ")" and white space, or "#". White space is \s: ' ', '\t', '\n',
// '\f' or '\r'. The mark is looked for after all the digits s opens
// with, up to three, for the same reason as in clockAt.
func listItem(s string) bool {
	if s == "" {
		return false
	}
	switch s[0] {
	case '#':
		return true
	case '-', '*', '+':
		return len(s) > 1 && isRESpace(s[1])
	}
	if len(s) > 3 && s[:3] == "•" {
		return isRESpace(s[3])
	}
	n := 0
	for n < 3 && n < len(s) && isDigit(s[n]) {
		n++
	}
	return n >= 1 && n+1 < len(s) && (s[n] == '.' || s[n] == ')') && isRESpace(s[n+1])
}

// indexStop is the index of the first '.', '!' or '?' in s, or -1: where
// eachSentence may end a sentence. It tests eight bytes at a time, as
// eachSentence tested each byte in turn, most of a paragraph's bytes
// being none of the three.
//
// A byte of x equals c where x^(c*ones) has a zero byte (zeroBytes), which
// is right about whether there is one; the first is then found byte by
// byte.
func indexStop(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		a, b, c := x^('.'*ones), x^('!'*ones), x^('?'*ones)
		if ((a-ones)&^a|(b-ones)&^b|(c-ones)&^c)&highs != 0 { // zeroBytes of each, masked once
			break
		}
	}
	for ; i < len(s); i++ {
		if c := s[i]; c == '.' || c == '!' || c == '?' {
			return i
		}
	}
	return -1
}

// spaceCollapsed reports whether s is ASCII, holds no white space but
// single spaces ('\t', '\n', '\v', '\f' and '\r' are the others of ASCII),
// and neither opens nor ends with one: whether strings.Fields joined with
// " " gives s again. It tests eight bytes at a time, as collapseSpace,
// which cleans each entry of a timeline, tested each byte in turn.
func spaceCollapsed(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	const lo7 = 0x7f7f7f7f7f7f7f7f
	prevSpace := false // the byte before s[i] is a space
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := load8(s, i)
		if x&highs != 0 || (x-' '*ones)&^x&highs != 0 {
			break // a byte beyond ASCII or below ' ': looked at one by one
		}
		// y has a 0 byte where x has a space; of each byte of y, the low
		// seven bits plus 0x7f, or-ed with it, reach 0x80 unless it is
		// 0, without carrying into the next: sp marks the spaces, exactly.
		y := x ^ ' '*ones
		sp := ^((y&lo7 + lo7) | y) & highs
		if sp&(sp<<8) != 0 || prevSpace && sp&0x80 != 0 {
			return false // two spaces in a row
		}
		prevSpace = sp>>63 != 0
	}
	for ; i < len(s); i++ {
		switch c := s[i]; {
		case c >= 0x80, c == '\t', c == '\n', c == '\v', c == '\f', c == '\r':
			return false
		case c == ' ':
			if prevSpace {
				return false
			}
		}
		prevSpace = s[i] == ' '
	}
	return true
}
