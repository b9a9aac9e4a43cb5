package ingest

// Saved HTML pages: the visible text is extracted with golang.org/x/net/html
// (scripts, styles and other invisible parts dropped; block elements end
// lines; headings, list items and table rows keep a markdown shape) and read
// by the other readers, detected from the text. Line numbers in what is
// reported are the HTML file's.

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// detectHTML recognises an HTML document.
func detectHTML(d *doc) (int, string) {
	var buf [2048]byte
	b := d.data[:min(len(d.data), len(buf))]
	if bytes.IndexByte(b, '<') < 0 {
		// Every tag looked for starts with "<", which the head holds only
		// where the bytes do.
		return 0, "not HTML"
	}
	if i := skipLead(b); i >= len(b) || b[i] != '<' {
		// Of the tags looked for, only "<body" may open anywhere but at
		// the start: a text that does not open with "<" (any report but
		// a page) is searched for it in place, without htmlHead.
		if hasBodyTag(b[i:]) {
			return 4, "HTML markup"
		}
		return 0, "not HTML"
	}
	head := htmlHead(buf[:0], b)
	switch {
	case bytes.HasPrefix(head, []byte("<!doctype html")), bytes.HasPrefix(head, []byte("<html")):
		return 4, "an HTML document"
	case bytes.Contains(head, []byte("<body")) || (bytes.HasPrefix(head, []byte("<")) && bytes.Contains(head, []byte("</div>"))):
		return 4, "HTML markup"
	}
	return 0, "not HTML"
}

// skipLead returns where b's first character that is no ASCII white space
// and no byte order mark is, or len(b): where htmlHead stops dropping.
func skipLead(b []byte) int {
	i := 0
	for i < len(b) {
		switch {
		case b[i] == ' ' || b[i] == '\t' || b[i] == '\r' || b[i] == '\n':
			i++
		case bytes.HasPrefix(b[i:], []byte("\uFEFF")):
			i += len("\uFEFF")
		default:
			return i
		}
	}
	return i
}

// hasBodyTag reports whether htmlHead(b) holds "<body", b opening with no
// white space or byte order mark: htmlHead writes each ASCII byte of b,
// lower-cased, where it was among the others, and nothing else as "<" or
// as a letter of "body", so "<body" is there exactly where b holds "<" and
// "body" in any ASCII case.
func hasBodyTag(b []byte) bool {
	for {
		i := bytes.IndexByte(b, '<')
		if i < 0 || len(b)-i < len("<body") {
			return false
		}
		if t := b[i+1:]; t[0]|0x20 == 'b' && t[1]|0x20 == 'o' && t[2]|0x20 == 'd' && t[3]|0x20 == 'y' {
			return true
		}
		b = b[i+1:]
	}
}

// htmlHead appends to buf the start of a document as detectHTML reads it,
// bytes.TrimLeft(bytes.ToLower(b), " \t\r\n\uFEFF"), but with every
// character outside ASCII written as the one byte 0x80: the tags it looks
// for are ASCII, and no other character lower-cases into ASCII but "İ" and
// the Kelvin sign (written "i" and "k"), so each is found where it was,
// without allocating or lower-casing the text rune by rune.
func htmlHead(buf, b []byte) []byte {
	lead := true // still in the leading white space and byte order marks
	for i := 0; i < len(b); {
		c := b[i]
		if c < utf8.RuneSelf {
			i++
			if lead && (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
				continue
			}
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf, lead = append(buf, c), false
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		i += n
		switch {
		case lead && r == '\uFEFF':
			continue
		case r == 'İ':
			c = 'i'
		case r == '\u212A': // Kelvin sign
			c = 'k'
		default:
			c = 0x80
		}
		buf, lead = append(buf, c), false
	}
	return buf
}

// parseHTML reads the visible text of an HTML page with the other readers.
func parseHTML(d *doc) ([]Incident, error) {
	text, srcLine := visibleText(d.data)
	remap := func(n int) int {
		if n >= 1 && n <= len(srcLine) {
			return srcLine[n-1]
		}
		return n
	}
	if err := checkLines(text); err != nil {
		err.Line = remap(err.Line)
		err.Err = fmt.Errorf("HTML page: visible text: %w", err.Err)
		return nil, err
	}
	// text is a buffer visibleText made and nobody writes again: the
	// inner doc's string shares it (ownedString) rather than copying it,
	// and the readers' strings are slices of it.
	inner := &doc{data: text, text: ownedString(text), textDone: true, opts: d.opts}
	det, rd, err := detect(inner, FormatUnknown, FormatHTML)
	det.Reason = "HTML page, text read as " + det.Format.String() + ": " + det.Reason
	if err != nil {
		err.Line = remap(err.Line)
		err.Err = fmt.Errorf("HTML page: %w", err.Err)
		return nil, err
	}
	incs, perr := rd.parse(inner)
	if inner.limit != nil {
		perr = inner.limit
	}
	if perr != nil {
		if pe, ok := perr.(*ParseError); ok {
			pe.Line = remap(pe.Line)
			pe.Err = fmt.Errorf("HTML page read as %s: %w", det.Format, pe.Err)
			return nil, pe
		}
		return nil, perr
	}
	for i := range incs {
		remapLines(&incs[i], remap)
	}
	return incs, nil
}

// remapLines moves every line number of an incident through f.
func remapLines(inc *Incident, f func(int) int) {
	inc.Source.Line = f(inc.Source.Line)
	for i := range inc.Updates {
		inc.Updates[i].Line = f(inc.Updates[i].Line)
	}
	for i := range inc.Timeline {
		inc.Timeline[i].Line = f(inc.Timeline[i].Line)
	}
	for i := range inc.Warnings {
		inc.Warnings[i].Line = f(inc.Warnings[i].Line)
	}
	for _, s := range []*Stated{inc.ImpactStart, inc.ImpactEnd} {
		if s != nil {
			s.Line = f(s.Line)
		}
	}
	if inc.StatedDuration != nil {
		inc.StatedDuration.Line = f(inc.StatedDuration.Line)
	}
	if inc.Postmortem != nil {
		inc.Postmortem.Line = f(inc.Postmortem.Line)
	}
}

// invisible elements: nothing inside them is shown.
var invisible = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true, atom.Svg: true,
	atom.Iframe: true, atom.Head: true, atom.Object: true, atom.Canvas: true, atom.Select: true,
	atom.Button: true, atom.Nav: true, // navigation is site chrome, never the report
}

// blocks end the line before and after them.
var blocks = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Main: true, atom.Aside: true, atom.Nav: true, atom.Ul: true, atom.Ol: true, atom.Li: true,
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tr: true, atom.Br: true, atom.Hr: true,
	atom.Blockquote: true, atom.Pre: true, atom.Dl: true, atom.Dt: true, atom.Dd: true, atom.Form: true,
	atom.Details: true, atom.Summary: true, atom.Figure: true, atom.Figcaption: true, atom.Time: false,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true, atom.Body: true,
	atom.Small: false,
}

// paragraphLike blocks are separated by a blank line, as paragraphs are in
// text, so their sentences never run together.
var paragraphLike = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Blockquote: true, atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Pre: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
}

var headingLevel = map[atom.Atom]int{atom.H1: 1, atom.H2: 2, atom.H3: 3, atom.H4: 4, atom.H5: 5, atom.H6: 6}

// textBuilder collects visible text line by line, remembering the source
// line each output line starts at.
type textBuilder struct {
	out     bytes.Buffer
	line    strings.Builder
	srcLine []int // source line of each output line
	start   int   // source line where the current line started
	cell    bool  // a table cell was written on this row
	space   bool  // the last text ended in white space
}

// text adds a run of text; white space around it in the source separates
// it from its neighbours, its absence glues them ("<b>Res</b>olved").
func (b *textBuilder) text(s string, src int) {
	lead := s != "" && strings.ContainsRune(" \t\r\n", rune(s[0]))
	trail := s != "" && strings.ContainsRune(" \t\r\n", rune(s[len(s)-1]))
	s = strings.Join(strings.Fields(s), " ")
	if s == "" {
		b.space = b.space || lead || trail
		return
	}
	if b.line.Len() == 0 {
		b.start = src
	} else if (lead || b.space) && !strings.HasSuffix(b.line.String(), " ") {
		b.line.WriteByte(' ')
	}
	b.line.WriteString(s)
	b.space = trail
}

func (b *textBuilder) prefix(p string, src int) {
	if b.line.Len() == 0 {
		b.start = src
	}
	b.line.WriteString(p)
}

// newline ends the current line, if it holds anything.
func (b *textBuilder) newline() {
	t := strings.TrimSpace(b.line.String())
	b.line.Reset()
	b.cell = false
	b.space = false
	if t == "" || t == "-" || strings.Trim(t, "#") == "" {
		return
	}
	b.out.WriteString(t)
	b.out.WriteByte('\n')
	b.srcLine = append(b.srcLine, b.start)
}

// blank ends a paragraph with an empty line, once.
func (b *textBuilder) blank(src int) {
	if b.out.Len() == 0 || bytes.HasSuffix(b.out.Bytes(), []byte("\n\n")) {
		return
	}
	b.out.WriteByte('\n')
	b.srcLine = append(b.srcLine, src)
}

// visibleText extracts the visible text of an HTML document, one line per
// block, and the source line of each.
func visibleText(data []byte) ([]byte, []int) {
	z := html.NewTokenizer(bytes.NewReader(data))
	var b textBuilder
	src := 1
	skip := 0
	pre := 0
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			break // the end, or malformed HTML: what came before stands
		}
		raw := z.Raw()
		line := src
		src += bytes.Count(raw, []byte("\n"))
		switch tt {
		case html.TextToken:
			if skip > 0 {
				continue
			}
			if pre > 0 {
				for i, part := range strings.Split(string(z.Text()), "\n") {
					if i > 0 {
						b.newline()
					}
					b.text(part, line+i)
				}
				continue
			}
			lead := len(raw) - len(bytes.TrimLeft(raw, " \t\r\n"))
			b.text(string(z.Text()), line+bytes.Count(raw[:lead], []byte("\n")))
		case html.StartTagToken, html.SelfClosingTagToken, html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if invisible[a] {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			if skip > 0 {
				continue
			}
			if a == atom.Pre {
				if tt == html.StartTagToken {
					pre++
				} else if tt == html.EndTagToken && pre > 0 {
					pre--
				}
			}
			switch {
			case a == atom.Td || a == atom.Th:
				if tt == html.StartTagToken {
					if b.cell {
						b.prefix(" | ", line)
					}
					b.cell = true
				}
			case blocks[a]:
				b.newline()
				if paragraphLike[a] {
					b.blank(line) // prose blocks stay paragraphs of their own
				}
				if tt == html.StartTagToken {
					if lvl := headingLevel[a]; lvl > 0 {
						b.prefix(strings.Repeat("#", lvl)+" ", line)
					} else if a == atom.Li {
						b.prefix("- ", line)
					}
				}
			}
		}
	}
	b.newline()
	return b.out.Bytes(), b.srcLine
}
