package ingest

import (
	"math"
	"slices"
	"strings"
	"sync"
	"unicode/utf8"
	"unsafe"
)

// line is one line of an input, trimmed of surrounding white space, with
// its 1-based number.
type line struct {
	N    int
	Text string
}

// splitLines turns raw input into trimmed, numbered lines: a UTF-8 byte
// order mark is dropped, CRLF and lone CR end lines, invalid UTF-8 becomes
// U+FFFD and NUL bytes are removed, so that every reader sees clean text.
func splitLines(data []byte) []line {
	return splitText(string(data))
}

// splitText is splitLines for text already held in a string (an update
// body), which it does not copy when it is clean.
func splitText(s string) []line {
	ls, _ := splitTextClean(s)
	return ls
}

// splitTextClean is splitText that also reports whether s was clean
// (cleanText): its lines are then slices of s.
func splitTextClean(s string) ([]line, bool) {
	switch clean, oneLine := cleanText(s); {
	case clean && oneLine:
		return []line{{N: 1, Text: strings.TrimSpace(s)}}, true // most update bodies
	case clean:
		return splitPlain(s), true // most documents
	}
	s = strings.TrimPrefix(s, "\xef\xbb\xbf")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	s = strings.ReplaceAll(s, "\x00", "")
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	// As strings.Split(s, "\n"), without the slice of pieces.
	out := make([]line, strings.Count(s, "\n")+1)
	for i := range out {
		r := s
		if j := strings.IndexByte(s, '\n'); j >= 0 {
			r, s = s[:j], s[j+1:]
		}
		out[i] = line{N: i + 1, Text: strings.TrimSpace(strings.ReplaceAll(r, "\u00a0", " "))}
	}
	return out, false
}

// cleanText reports whether splitText has nothing to clean in s, which it
// then only splits at line feeds and trims: s is valid UTF-8 without NUL
// bytes, carriage returns or no-break spaces, and opens with no byte order
// mark. oneLine reports whether s holds no line feed (false when s holds a
// carriage return or a NUL byte: it is then not clean).
//
// Each test is a library scan, which reads many bytes at once: the byte
// loop this replaced (cleanTextLoop in the tests) was the largest single
// cost of reading a synthetic Statuspage page.
func cleanText(s string) (clean, oneLine bool) {
	if strings.IndexByte(s, '\r') >= 0 || strings.IndexByte(s, 0) >= 0 {
		return false, false
	}
	oneLine = strings.IndexByte(s, '\n') < 0
	// A byte order mark and a no-break space are not ASCII: an ASCII text,
	// valid UTF-8, holds neither, and Contains finds no "\xc2" in it.
	if !utf8.ValidString(s) || strings.HasPrefix(s, "\ufeff") || strings.Contains(s, "\u00a0") {
		return false, oneLine
	}
	return true, oneLine
}

// splitPlain is splitText of text cleanText accepts, in one pass.
func splitPlain(s string) []line {
	ls, _ := splitPlainWithin(make([]line, 0, strings.Count(s, "\n")+1), s, math.MaxInt)
	return ls
}

// splitPlainWithin is splitPlain appending the lines to buf, which it
// returns; it gives up (ok false) at a line longer than maxLength bytes.
func splitPlainWithin(buf []line, s string, maxLength int) (ls []line, ok bool) {
	out := buf
	for n := 1; ; n++ {
		j := strings.IndexByte(s, '\n')
		if j < 0 {
			if len(s) > maxLength {
				return buf[:0], false
			}
			return append(out, line{N: n, Text: trimLine(s)}), true
		}
		if j > maxLength {
			return buf[:0], false
		}
		out = append(out, line{N: n, Text: trimLine(s[:j])})
		s = s[j+1:]
	}
}

// splitWithin is splitText of a clean text (cleanText) of at most maxLines
// lines none longer than maxLength bytes, written over buf (from its
// start; made when too small): ok is false for any other. It lets the
// check of a document's lines against the limits (longLine) and their
// split be one pass. The buffer is returned either way, for reuse (see
// linePool).
func splitWithin(buf []line, s string, maxLines, maxLength int) (ls []line, ok bool) {
	n := strings.Count(s, "\n")
	if clean, _ := cleanText(s); !clean || n >= maxLines {
		return buf[:0], false
	}
	if cap(buf) <= n {
		buf = make([]line, 0, n+1)
	}
	return splitPlainWithin(buf[:0], s, maxLength)
}

// linePool holds the buffers of documents' lines (see doc.check) between
// the documents: a text's lines are the most memory its reading asks for
// (a third of an aggregator page's), made again for every input. It holds
// only buffers no one refers to: Parse gives a document's lines back when
// it returns, when every reader is done with them and nothing it returns
// holds them (incidents, errors and detections hold strings of the text
// and numbers, never a []line), cleared, so that a pooled buffer keeps no
// text alive. A sync.Pool is safe for any number of goroutines at once.
var linePool = sync.Pool{New: func() any { return new([]line) }}

// maxPooledLines bounds the buffers linePool keeps: a document of more
// lines than any report has (a page of a year's history) gets a buffer of
// its own, which is not kept.
const maxPooledLines = 4096

// trimLine is strings.TrimSpace, without the call for a line that opens
// and ends with a character that is ASCII and no space, as most do.
func trimLine(s string) string {
	if s != "" && ' ' < s[0] && s[0] < utf8.RuneSelf && ' ' < s[len(s)-1] && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

// joinText joins lines into a block of text, keeping blank lines between
// paragraphs but not at the ends.
func joinText(ls []line) string {
	s, _ := joinTextLines(ls)
	return s
}

// joinTextLines is joinText that also returns the source line of each line
// of the text (a paragraph break's blank line gets the number of the first
// blank line it stands for), so that a sentence found in the text can be
// traced back to its line.
func joinTextLines(ls []line) (string, []int) {
	s, nums, _ := appendTextLines(ls, nil)
	return s, nums
}

// appendTextLines is joinTextLines for a reader joining many updates: the
// line numbers are appended to buf, which it also returns, so that one
// buffer sized for them all (a number a line of their bodies) serves every update. The numbers
// of the text are a slice of buf capped at their length: an append to
// them copies them rather than writing over the next text's.
func appendTextLines(ls []line, buf []int) (string, []int, []int) {
	return appendTextLinesIn("", ls, buf)
}

// joinTextLinesIn is joinTextLines of lines that may be slices of src, the
// text they were split from: where the join is itself a piece of src (see
// spanOf), as it is for most bodies of a clean document, it is that
// piece, and no copy of the body is made.
func joinTextLinesIn(src string, ls []line) (string, []int) {
	s, nums, _ := appendTextLinesIn(src, ls, nil)
	return s, nums
}

// appendTextLinesIn is appendTextLines of lines that may be slices of src
// (see joinTextLinesIn); src "" tries no piece.
func appendTextLinesIn(src string, ls []line, buf []int) (string, []int, []int) {
	start, end := 0, len(ls)
	for start < end && ls[start].Text == "" {
		start++
	}
	for end > start && ls[end-1].Text == "" {
		end--
	}
	from := len(buf)
	switch end - start {
	case 0:
		return "", nil, buf
	case 1:
		buf = append(buf, ls[start].N) // most update bodies
		return ls[start].Text, buf[from:len(buf):len(buf)], buf
	}
	text, inSrc := spanOf(src, ls[start:end])
	size, count := 0, 0
	for _, l := range ls[start:end] {
		size += len(l.Text) + 2
		count++
	}
	var b strings.Builder
	if !inSrc {
		b.Grow(size)
	}
	buf = slices.Grow(buf, count)
	gap, gapLine, first := false, 0, true
	for _, l := range ls[start:end] {
		if l.Text == "" {
			if !gap {
				gap, gapLine = true, l.N
			}
			continue
		}
		if !first {
			if gap {
				buf = append(buf, gapLine)
			}
			if !inSrc {
				if gap {
					b.WriteString("\n\n")
				} else {
					b.WriteByte('\n')
				}
			}
		}
		gap, first = false, false
		if !inSrc {
			b.WriteString(l.Text)
		}
		buf = append(buf, l.N)
	}
	if !inSrc {
		text = b.String()
	}
	return text, buf[from:len(buf):len(buf)], buf
}

// spanOf is the join of ls (appendTextLines' text), which opens and ends
// with a line that is not blank, when that join is a piece of src: every
// line that is not blank lies in src, and between two of them src holds
// just what the join writes there, "\n" or, where blank lines come
// between them, "\n\n". The piece then equals the join byte for byte,
// whatever src and the lines are. ok is false otherwise.
func spanOf(src string, ls []line) (string, bool) {
	from, ok := offsetIn(src, ls[0].Text)
	if !ok {
		return "", false
	}
	end, gap := from+len(ls[0].Text), false
	for _, l := range ls[1:] {
		if l.Text == "" {
			gap = true
			continue
		}
		at, ok := offsetIn(src, l.Text)
		if !ok || at < end {
			return "", false
		}
		if sep := src[end:at]; !(sep == "\n" && !gap || sep == "\n\n" && gap) {
			return "", false
		}
		end, gap = at+len(l.Text), false
	}
	return src[from:end], true
}

// offsetIn is the offset in src of s, a string that is not empty, when
// s's bytes are bytes of src (s is a slice of it); ok is false otherwise.
// It compares addresses only: it reads no byte and makes no pointer.
func offsetIn(src, s string) (int, bool) {
	if len(s) == 0 || len(s) > len(src) {
		return 0, false
	}
	base := uintptr(unsafe.Pointer(unsafe.StringData(src)))
	p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
	if p < base || p-base > uintptr(len(src)-len(s)) {
		return 0, false
	}
	return int(p - base), true
}

// restOfBody returns body from its line j on, with line j's text replaced
// by text (a status written inline: its body is the rest of the line),
// copied to the end of buf, which it also returns. A reader rewriting many
// bodies of a document copies them all into one buffer, made at the first
// for size lines (the bodies together, which do not overlap). The body
// returned is capped at its length: an append to it does not write over
// the next one.
func restOfBody(buf, body []line, j int, text string, size int) ([]line, []line) {
	if buf == nil {
		buf = make([]line, 0, max(size, len(body)-j))
	}
	from := len(buf)
	buf = append(buf, line{N: body[j].N, Text: text})
	buf = append(buf, body[j+1:]...)
	return buf[from:len(buf):len(buf)], buf
}

// firstNonBlank returns the index of the first non-blank line in ls at or
// after i, or len(ls).
func firstNonBlank(ls []line, i int) int {
	for i < len(ls) && ls[i].Text == "" {
		i++
	}
	return i
}
