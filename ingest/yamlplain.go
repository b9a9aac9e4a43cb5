package ingest

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Most front matter is a flat list of "key: value" lines and short lists
// of names, which the YAML library takes many times longer to decode than
// the rest of the file takes to read. plainYAML reads that plain subset
// by hand and gives exactly what the library gives (yamlplain_test.go
// checks it against the library on chosen, random and fuzzed blocks); it
// declines anything else (anchors, tags, flow collections, block or
// multi-line scalars, escapes, comments after values, numbers other than
// plain decimal integers), which the library then decodes as before. It
// gives no map of boxed values but the pieces of the block, slices of its
// text: the readers look up a handful of keys once each, and a map with a
// value boxed for each key cost most of the allocations of a postmortem.

// plainKind is what a plain scalar decodes to, as the library decodes it.
type plainKind uint8

const (
	plainString plainKind = iota // a string: the text, quotes removed
	plainUint                    // a decimal integer (uint64): the digits as written
	plainTrue                    // the boolean true
	plainFalse                   // the boolean false
	plainNull                    // null: "null", or a key with no value and no items
	plainList                    // a key's list: its items are the pieces that follow it
)

// plainPiece is one value of a plain block: a key and its scalar, or a
// key and the kind plainList, followed by its items as pieces without a
// key. The text is a slice of the block: reading it allocates nothing
// but the pieces themselves.
type plainPiece struct {
	key  string // "" for a list item
	text string // the scalar as the library reads it; "" for null or a list
	kind plainKind
}

// plainYAML reads a front matter block of the plain subset: lines
// "key: scalar" at column 0, "key:" followed by "- scalar" items at one
// indentation, blank lines and whole-line comments at column 0. It gives
// the keys in the block's order, each followed by its list items if it
// has any, in one slice. ok is false for any other block, and for one
// whose keys repeat in any case: two keys the library reads but that
// lower-case alike are left to it and to the copy that lower-cases its
// keys (readFrontMatter), as before.
func plainYAML(block string) ([]plainPiece, bool) {
	// Each piece takes a line: one allocation for them all.
	ps := make([]plainPiece, 0, strings.Count(block, "\n")+1)
	pending := -1 // the piece of a key written without a value: a list may follow
	indent := -1  // the indentation of its items
	for rest := block; rest != ""; {
		ln := rest
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			ln, rest = rest[:i], rest[i+1:]
		} else {
			rest = ""
		}
		sp := 0
		for sp < len(ln) && ln[sp] == ' ' {
			sp++
		}
		if sp == len(ln) {
			continue // blank
		}
		if pending >= 0 {
			if t := ln[sp:]; t[0] == '-' && (len(t) == 1 || t[1] == ' ') {
				if indent >= 0 && sp != indent {
					return nil, false
				}
				indent = sp
				item := strings.Trim(t[1:], " ")
				if item == "" {
					// The library reads what follows an empty item in
					// ways of its own.
					return nil, false
				}
				text, kind, ok := plainScalar(item)
				if !ok {
					return nil, false
				}
				ps[pending].kind = plainList
				ps = append(ps, plainPiece{text: text, kind: kind})
				continue
			}
			if sp > 0 {
				return nil, false
			}
			pending, indent = -1, -1
		}
		if sp > 0 {
			return nil, false
		}
		if ln[0] == '#' {
			if !plainChars(ln) {
				return nil, false // a control character may end the line
			}
			continue // a whole-line comment
		}
		key, val, ok := plainKey(ln)
		if !ok {
			return nil, false
		}
		for _, p := range ps {
			// Keys are ASCII (plainKey): two that differ in length are
			// not alike in any case, and EqualFold need not be asked.
			if len(p.key) == len(key) && strings.EqualFold(p.key, key) {
				return nil, false // the library refuses a repeated key, with its message
			}
		}
		if val == "" {
			pending = len(ps)
			ps = append(ps, plainPiece{key: key, kind: plainNull})
			continue
		}
		text, kind, ok := plainScalar(val)
		if !ok {
			return nil, false
		}
		ps = append(ps, plainPiece{key: key, text: text, kind: kind})
	}
	return ps, true
}

// plainKey splits "key: value" where the key is a plain word
// ([A-Za-z_][A-Za-z0-9_-]*, not one YAML reads as a boolean or null) and
// the value, trimmed of spaces, may be empty.
func plainKey(ln string) (key, val string, ok bool) {
	if !isASCIILetter(ln[0]) && ln[0] != '_' {
		return "", "", false
	}
	i := 1
	for i < len(ln) && (isASCIILetter(ln[i]) || isDigit(ln[i]) || ln[i] == '_' || ln[i] == '-') {
		i++
	}
	if i == len(ln) || ln[i] != ':' || (i+1 < len(ln) && ln[i+1] != ' ') {
		return "", "", false
	}
	key = ln[:i]
	if yamlWord(key) {
		return "", "", false
	}
	return key, strings.Trim(ln[i+1:], " "), true
}

// yamlWord reports whether a word is one YAML may read as other than a
// string (true, null, yes, on, ...), in any case.
func yamlWord(s string) bool {
	if len(s) > len("false") {
		return false // longer than every such word: no lower-cased copy to look at
	}
	switch strings.ToLower(s) {
	case "true", "false", "null", "yes", "no", "on", "off", "y", "n":
		return true
	}
	return false
}

// plainScalar decodes a scalar value of the plain subset: a quoted string
// without escapes or its own quote, a decimal integer, a date or time
// stamp (the library keeps them as strings), or an unquoted string that
// starts with a letter or "/", or with a digit and holds words
// (digitWords). s is trimmed and not empty; text is a slice of it.
func plainScalar(s string) (text string, kind plainKind, ok bool) {
	switch c := s[0]; {
	case c == '"' || c == '\'':
		if len(s) < 2 || s[len(s)-1] != c {
			return "", 0, false
		}
		in := s[1 : len(s)-1]
		if strings.IndexByte(in, c) >= 0 || strings.IndexByte(in, '\\') >= 0 || !plainChars(in) {
			return "", 0, false
		}
		return in, plainString, true
	case isDigit(c):
		if isPlainUint(s) {
			return s, plainUint, true
		}
		if plainStamp(s) {
			return s, plainString, true
		}
		if !digitWords(s) {
			return "", 0, false
		}
		fallthrough // "502 errors", an ID: words, not a number
	case isASCIILetter(c) || c == '/':
		if !plainWords(s) || s[len(s)-1] == ':' {
			return "", 0, false
		}
		switch s {
		case "true", "True", "TRUE":
			return "", plainTrue, true
		case "false", "False", "FALSE":
			return "", plainFalse, true
		case "null", "Null", "NULL":
			return "", plainNull, true
		}
		return s, plainString, true
	}
	return "", 0, false
}

// plainChars reports whether s holds only characters the plain subset
// allows: printable ASCII other than the backslash, and letters, digits,
// marks, punctuation and symbols beyond it.
func plainChars(s string) bool { return plainRun(s, false) }

// plainWords is plainChars(s) for an unquoted value, which must also hold
// no ": " (YAML would read a key) and no " #" (a comment): the three
// tests in one pass over s, where each was a pass of its own.
func plainWords(s string) bool { return plainRun(s, true) }

// plainRun is plainChars(s), and when words is true plainWords(s). Eight
// bytes at a time are let through when none of them is beyond ASCII, a
// control character, DEL or a backslash, nor (for words) a ':' or a '#';
// any other eight go one character at a time. A ": " is found at its ':'
// and a " #" at its '#', so that a pair split across two eights is found
// in the one that is read a character at a time.
func plainRun(s string, words bool) bool {
	for i := 0; i < len(s); {
		if i+8 <= len(s) {
			x := load8(s, i)
			// With no high bit set, x-0x20 borrows into a byte's high bit
			// when the byte, or one below it, is under 0x20.
			bad := x&highs | (x-0x20*ones)&^x&highs | zeroBytes(x^0x7f*ones) | zeroBytes(x^'\\'*ones)
			if words {
				bad |= zeroBytes(x^':'*ones) | zeroBytes(x^'#'*ones)
			}
			if bad == 0 {
				i += 8
				continue
			}
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if c < ' ' || c > '~' || c == '\\' {
				return false
			}
			if words && (c == ':' && i+1 < len(s) && s[i+1] == ' ' || c == '#' && i > 0 && s[i-1] == ' ') {
				return false
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError || r == '\ufeff' ||
			!(unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.IsPunct(r) || unicode.IsSymbol(r)) {
			return false
		}
		i += n
	}
	return true
}

// digitWords reports whether s, which starts with a digit, is a string to
// the library however it goes on: it holds a letter that no number YAML
// reads holds (not one of "e", "x", "o", "b" and their capitals, nor those
// of "inf" and "nan"), and does not open as a hexadecimal, octal or binary
// number does.
func digitWords(s string) bool {
	if len(s) > 1 && s[0] == '0' && strings.IndexByte("xXoObB", s[1]) >= 0 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; isASCIILetter(c) && strings.IndexByte("eExXoObBiInNfFaA", c) < 0 {
			return true
		}
	}
	return false
}

// isPlainUint reports whether s is "0" or a decimal integer without a
// leading zero and of at most 18 digits, which the library reads as a
// uint64 and which fmt writes back as s; others (octal "012", "1_000",
// longer ones) are left to it.
func isPlainUint(s string) bool {
	if len(s) > 18 || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// plainStamp reports whether s is a date "2024-11-27", optionally with a
// time "T11:43", "T11:43:00" or " 11:43:00.289", and a zone "Z" or
// "-08:00" (after the time, optionally after a space): the library keeps
// such values as strings.
func plainStamp(s string) bool {
	if len(s) < 10 || !digitsAt(s, 0, 4) || s[4] != '-' || !digitsAt(s, 5, 2) || s[7] != '-' || !digitsAt(s, 8, 2) {
		return false
	}
	s = s[10:]
	if s == "" {
		return true
	}
	if s[0] != 'T' && s[0] != ' ' || len(s) < 6 || !digitsAt(s, 1, 2) || s[3] != ':' || !digitsAt(s, 4, 2) {
		return false
	}
	s = s[6:]
	if len(s) >= 3 && s[0] == ':' && digitsAt(s, 1, 2) {
		s = s[3:]
		if len(s) >= 2 && s[0] == '.' && isDigit(s[1]) {
			s = s[2:]
			for s != "" && isDigit(s[0]) {
				s = s[1:]
			}
		}
	}
	s = strings.TrimPrefix(s, " ")
	switch {
	case s == "" || s == "Z":
		return true
	case len(s) == 6 && (s[0] == '+' || s[0] == '-') && digitsAt(s, 1, 2) && s[3] == ':' && digitsAt(s, 4, 2):
		return true
	}
	return false
}
