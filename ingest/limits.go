package ingest

// Limits that keep one hostile or mistaken input (a dump, a binary, a
// generated file) from taking the machine, and the checks that enforce
// them. Each refusal is a *ParseError that names the file, the line where
// the limit was crossed, and the limit, so the user can tell a broken file
// from a bug; the other inputs of the run are still read.

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// MaxInputSize is the largest input read; incident reports are a few
// kilobytes, so anything far larger is a mistake (a binary, a dump). A
// file over it is refused from its size alone, before it is read.
const MaxInputSize = 32 << 20

// MaxLineLength is the longest line of text read, in bytes. A long
// postmortem paragraph is a few kilobytes; the prose reader's cost grows
// with a line's length (a 10 MB line took 44 s and 850 MB), so a line far
// longer is refused at once. Raw JSON and HTML are exempt (a whole API
// response or a minified page is often one line); the text they carry, an
// update's body or a page's visible text, is held to the limit.
const MaxLineLength = 64 << 10

// MaxLines is the most lines of text read from one input. A long
// postmortem or a year of a status page's history is a few thousand; the
// readers' cost grows with the lines (a page of 1,000,000 two-line updates,
// 14 MB, took 20 s of CPU and 700 MB before its updates could be counted),
// so far more is refused before any reader runs. Raw JSON and HTML are
// exempt; a page's visible text is not.
const MaxLines = 200000

// MaxUpdates is the most status updates one incident may have. Real
// incidents have tens; thousands mean a generated or corrupt file.
const MaxUpdates = 10000

// maxFrontMatter and maxFrontMatterDepth bound a markdown file's front
// matter before the YAML reader sees it: its time and memory grow with the
// square of the nesting (8,000 nested brackets took 1.7 s and 230 MB,
// 100,000 took over a minute and 8 GB). Real front matter is a few hundred
// bytes of flat keys.
const (
	maxFrontMatter      = 64 << 10
	maxFrontMatterDepth = 64
)

// Kinds of limit, for errors.Is.
var (
	// ErrLineTooLong: a line of text is longer than MaxLineLength.
	ErrLineTooLong = errors.New("line too long")
	// ErrTooManyUpdates: an incident has more than MaxUpdates updates.
	ErrTooManyUpdates = errors.New("too many updates")
	// ErrBinary: the input is not text.
	ErrBinary = errors.New("binary data, not text")
	// ErrEmpty: the input holds nothing but white space.
	ErrEmpty = errors.New("empty input")
)

// check refuses what cannot be a text report before any reader runs: an
// empty input, binary data (a NUL byte, as git decides) and, unless the
// input is JSON or markup, a line longer than MaxLineLength or more than
// MaxLines lines. The lines of a clean text within the limits are split
// (splitWithin) in the pass that checks them: every reader of text asks
// for them. A text that breaks a limit or needs cleaning is checked as it
// is (checkLines) and split when first asked for.
func (d *doc) check() *ParseError {
	if err := checkContent(d.data); err != nil {
		return err
	}
	if markup(d.data) {
		return nil
	}
	d.pooled = linePool.Get().(*[]line)
	ls, ok := splitWithin(*d.pooled, d.str(), MaxLines, MaxLineLength)
	*d.pooled = ls
	if ok {
		d.split, d.clean, d.splitDone = ls, true, true
		return nil
	}
	return checkLines(d.data)
}

// release gives the buffer of the document's lines back to linePool, for
// the next document: Parse calls it when it returns, when nothing refers
// to the lines any more.
func (d *doc) release() {
	p := d.pooled
	if p == nil {
		return
	}
	d.pooled, d.split, d.splitDone = nil, nil, false
	if cap(*p) > maxPooledLines {
		return
	}
	clear((*p)[:cap(*p)])
	*p = (*p)[:0]
	linePool.Put(p)
}

// checkContent refuses an empty input and binary data.
func checkContent(data []byte) *ParseError {
	if len(bytes.TrimSpace(data)) == 0 {
		return lineErrorf(1, ErrEmpty, "nothing but white space (want an incident report)")
	}
	head := data[:min(len(data), 8000)]
	if i := bytes.IndexByte(head, 0); i >= 0 {
		return &ParseError{Line: 1 + bytes.Count(head[:i], []byte("\n")),
			Err: fmt.Errorf("%w: a NUL byte at offset %d (want a text, markdown, JSON or HTML report in UTF-8 or UTF-16)", ErrBinary, i)}
	}
	return nil
}

// markup reports whether data is JSON or HTML/XML, whose raw lines may be
// as long as the whole document.
func markup(data []byte) bool {
	t := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
	return len(t) > 0 && (t[0] == '{' || t[0] == '[' || t[0] == '<')
}

// checkLines refuses text with a line longer than MaxLineLength or more
// than MaxLines lines, counting lines as splitLines does (LF, CRLF or a
// lone CR end a line), at the line where the limit is crossed.
func checkLines(data []byte) *ParseError {
	n, length := longLine(data)
	switch {
	case n > MaxLines:
		return lineErrorf(MaxLines+1, ErrTooLarge, "more than %d lines (want one report, or a page of them, per file)", MaxLines)
	case length > 0:
		return lineTooLong(n, length, "a line")
	}
	return nil
}

// longLine scans lines until the first one longer than MaxLineLength, or
// the line after MaxLines: its number and, if too long, its length.
func longLine(data []byte) (n, length int) {
	return longLineWithin(data, MaxLines, MaxLineLength)
}

// longLineWithin is longLine with the limits given (tests give small
// ones). Text without carriage returns, as good as all, is split at line
// feeds with bytes.IndexByte.
func longLineWithin(data []byte, maxLines, maxLength int) (n, length int) {
	if bytes.IndexByte(data, '\r') >= 0 {
		return longLineCR(data, maxLines, maxLength)
	}
	n, start := 1, 0
	for n <= maxLines {
		j := bytes.IndexByte(data[start:], '\n')
		if j < 0 {
			break
		}
		if j > maxLength {
			return n, j
		}
		n, start = n+1, start+j+1
	}
	if n <= maxLines && len(data)-start > maxLength {
		return n, len(data) - start
	}
	return n, 0
}

// longLineCR is longLineWithin of text where CRLF or a lone CR may end a
// line.
func longLineCR(data []byte, maxLines, maxLength int) (n, length int) {
	n, start := 1, 0
	for i := 0; i < len(data) && n <= maxLines; i++ {
		c := data[i]
		if c != '\n' && c != '\r' {
			continue
		}
		if i-start > maxLength {
			return n, i - start
		}
		if c == '\r' && i+1 < len(data) && data[i+1] == '\n' {
			i++
		}
		n, start = n+1, i+1
	}
	if n <= maxLines && len(data)-start > maxLength {
		return n, len(data) - start
	}
	return n, 0
}

func lineTooLong(n, length int, what string) *ParseError {
	return lineErrorf(n, ErrLineTooLong, "%s of %d bytes (at most %d; want a report in lines of text)", what, length, MaxLineLength)
}

// checkLimits enforces the limits on what a reader made of a document:
// the number of updates and the length of every line of prose it hands to
// the prose reader (an update's body in JSON has no raw line to check).
// It runs before the prose is read, so a refused incident costs no more
// than reading its updates.
func checkLimits(inc *Incident, texts []proseBlock) *ParseError {
	if len(inc.Updates) > MaxUpdates {
		return tooManyUpdates(inc.Updates[MaxUpdates].Line, len(inc.Updates), fmt.Sprintf("this line holds update %d", MaxUpdates+1))
	}
	for _, b := range texts {
		for _, l := range b.Lines {
			if len(l.Text) > MaxLineLength {
				return lineTooLong(l.N, len(l.Text), "an update or postmortem with a line")
			}
		}
	}
	return nil
}

func tooManyUpdates(line, n int, where string) *ParseError {
	return lineErrorf(line, ErrTooManyUpdates, "the incident has %d updates (at most %d; %s)", n, MaxUpdates, where)
}

// decodeUTF16 turns UTF-16 with a byte order mark (as Windows tools save
// "Unicode" text) into UTF-8; any other input is returned as it is.
func decodeUTF16(text string) string {
	var order func(string) uint16
	switch {
	case strings.HasPrefix(text, "\xff\xfe"):
		order = func(b string) uint16 { return uint16(b[0]) | uint16(b[1])<<8 }
	case strings.HasPrefix(text, "\xfe\xff"):
		order = func(b string) uint16 { return uint16(b[1]) | uint16(b[0])<<8 }
	default:
		return text
	}
	units := make([]uint16, 0, len(text)/2)
	for i := 2; i+1 < len(text); i += 2 {
		units = append(units, order(text[i:i+2]))
	}
	return string(utf16.Decode(units))
}

// invalidUTF8Line is the number of the first line that is not valid
// UTF-8, or 0.
func invalidUTF8Line(text string) int {
	if utf8.ValidString(text) {
		return 0
	}
	for n, l := range strings.Split(strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n"), "\n") {
		if !utf8.ValidString(l) {
			return n + 1
		}
	}
	return 0
}

// checkFrontMatter bounds a front matter block before it is decoded: its
// size, and how deeply its flow collections ([ and {) nest. line is the
// line of the opening fence. Every opening bracket counts, quoted or not,
// and a closing one counts only outside quotes, so the count can only err
// on the high side: a block whose brackets a quote hides is still bounded.
func checkFrontMatter(block string, line int) *ParseError {
	if len(block) > maxFrontMatter {
		return &ParseError{Line: line, Err: fmt.Errorf("%w: %d bytes (at most %d)", ErrFrontMatter, len(block), maxFrontMatter)}
	}
	// Only an opening bracket deepens: most front matter has none, and
	// is not scanned byte by byte.
	if strings.IndexByte(block, '[') < 0 && strings.IndexByte(block, '{') < 0 {
		return nil
	}
	if at, deep := DeepFlow(block, maxFrontMatterDepth); deep {
		return &ParseError{Line: line + at, Err: fmt.Errorf("%w: lists or maps nested more than %d deep", ErrFrontMatter, maxFrontMatterDepth)}
	}
	return nil
}

// DeepFlow reports whether YAML text nests its flow collections ([ and {)
// more than limit deep, and the 1-based line where it first does. Every
// opening bracket counts, quoted or not, and a closing one counts only
// outside quotes, so the count can only err on the high side: text whose
// brackets a quote hides is still bounded. The YAML library's cost grows
// with the square of the nesting, so a file must be refused before it
// sees it.
func DeepFlow[T string | []byte](text T, limit int) (int, bool) {
	depth, line := 0, 1
	var quote byte
	for i := 0; i < len(text); i++ {
		switch c := text[i]; {
		case c == '\n':
			line++
		case c == '[' || c == '{':
			if depth++; depth > limit {
				return line, true
			}
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == ']' || c == '}':
			depth = max(depth-1, 0)
		}
	}
	return 0, false
}
