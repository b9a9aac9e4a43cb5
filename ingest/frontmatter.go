package ingest

// Front matter: the YAML ("---") or TOML ("+++") block at the top of a
// markdown file, as Hugo, Jekyll and postmortem repositories write it.

import (
	"errors"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/BurntSushi/toml"
	"github.com/goccy/go-yaml"
)

// frontMatter is a decoded front matter block, keys lower-cased: the
// pieces plainYAML read, or the values as the libraries decode them; and
// the line where the body starts.
type frontMatter struct {
	fields map[string]any // decoded by a library; nil when plain holds the block
	plain  []plainPiece   // the plain subset, as plainYAML read it
	line   int            // first line of the front matter
	body   int            // index in the lines of the first body line
}

// readFrontMatter finds and decodes front matter at the top of ls, the
// lines of text. ok is false when there is none; err reports a block that
// is not valid YAML or TOML, with its line.
func readFrontMatter(text string, ls []line) (fm frontMatter, ok bool, err *ParseError) {
	i := firstNonBlank(ls, 0)
	if i >= len(ls) || (ls[i].Text != "---" && ls[i].Text != "+++") {
		return fm, false, nil
	}
	fence := ls[i].Text
	end := -1
	for j := i + 1; j < len(ls); j++ {
		if ls[j].Text == fence || (fence == "---" && ls[j].Text == "...") {
			end = j
			break
		}
	}
	if end < 0 {
		return fm, false, nil
	}
	block := rawBlock(text, i+1, end)
	if err := checkFrontMatter(block, ls[i].N); err != nil {
		return fm, false, err
	}
	if fence == "---" {
		if fm, ok := plainFrontMatter(block); ok {
			fm.line, fm.body = ls[i].N, end+1
			return fm, true, nil
		}
	}
	raw := map[string]any{}
	var derr error
	if fence == "+++" {
		_, derr = toml.Decode(block, &raw)
	} else {
		derr = decodeYAML([]byte(block), &raw)
	}
	if derr != nil {
		return fm, false, frontMatterError(ls[i].N, derr)
	}
	fm = frontMatter{fields: raw, line: ls[i].N, body: end + 1}
	if !lowerKeys(raw) {
		fm.fields = lowerFields(raw)
	}
	return fm, true, nil
}

// lowerFields is m with its keys lower-cased. Keys that lower-case alike
// ("Title" and "title") keep one value, the same on every run (a map's
// order is random): the key written in lower case if there is one, else
// the first in byte order ("TITLE" before "Title").
func lowerFields(m map[string]any) map[string]any {
	out := make(map[string]any, len(m))
	for _, k := range slices.Sorted(maps.Keys(m)) {
		lk := strings.ToLower(k)
		if _, dup := out[lk]; dup && lk != k {
			continue
		}
		out[lk] = m[k]
	}
	return out
}

// plainFrontMatter is the front matter of a YAML block of the plain
// subset, as plainYAML reads it as the library would decode it, keys
// lower-cased; ok is false for any other block. plainYAML leaves keys that
// lower-case alike to the library.
func plainFrontMatter(block string) (frontMatter, bool) {
	ps, ok := plainYAML(block)
	if !ok {
		return frontMatter{}, false
	}
	for k := range ps {
		ps[k].key = lowerASCII(ps[k].key)
	}
	return frontMatter{plain: ps}, true
}

// lowerKeys reports whether every key of m is its own strings.ToLower, as
// most front matter writes them: the decoded map is then the fields as
// they are, with no copy made to lower-case them.
func lowerKeys(m map[string]any) bool {
	for k := range m {
		if isASCII(k) {
			if hasASCIIUpper(k) {
				return false
			}
		} else if strings.ToLower(k) != k {
			return false
		}
	}
	return true
}

// lowerASCII is strings.ToLower of an ASCII key, which is the key itself,
// with no copy, when it holds no capital, as most keys are written.
func lowerASCII(k string) string {
	if hasASCIIUpper(k) {
		return strings.ToLower(k)
	}
	return k
}

// hasASCIIUpper reports whether s holds a capital A to Z: an ASCII key
// without one is its own strings.ToLower.
func hasASCIIUpper(s string) bool {
	for i := 0; i < len(s); i++ {
		if 'A' <= s[i] && s[i] <= 'Z' {
			return true
		}
	}
	return false
}

// rawBlock returns lines [from, to) of text as written, indentation
// kept: YAML needs it, and the trimmed lines have lost it. Lines are
// numbered from 0 after a UTF-8 byte order mark and end at "\r\n", "\r"
// or "\n"; each line of the block ends with "\n". Text without carriage
// returns, as good as all, gives a slice of itself: only a block whose
// line breaks must be rewritten, or that runs to the end of the text, is
// copied.
func rawBlock(text string, from, to int) string {
	if from >= to {
		return ""
	}
	text = strings.TrimPrefix(text, "\xef\xbb\xbf")
	if strings.IndexByte(text, '\r') >= 0 {
		return rawBlockCR(text, from, to)
	}
	start := 0
	for range from {
		i := strings.IndexByte(text[start:], '\n')
		if i < 0 {
			return "" // fewer than from+1 lines
		}
		start += i + 1
	}
	end := start
	for range to - from {
		i := strings.IndexByte(text[end:], '\n')
		if i < 0 {
			return text[start:] + "\n"
		}
		end += i + 1
	}
	return text[start:end]
}

// rawBlockCR is rawBlock of text where "\r\n" or a lone "\r" may end a
// line: the block is copied with each line break written "\n".
func rawBlockCR(text string, from, to int) string {
	start, end := -1, len(text)
	if from == 0 {
		start = 0
	}
	n := 0 // line breaks passed
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c != '\n' && c != '\r' {
			continue
		}
		brk := i
		if c == '\r' && i+1 < len(text) && text[i+1] == '\n' {
			i++
		}
		n++
		if n == to {
			end = brk
			break
		}
		if n == from {
			start = i + 1
		}
	}
	if start < 0 {
		return "" // fewer than from+1 lines
	}
	block := text[start:end]
	var b strings.Builder
	b.Grow(len(block) + 1)
	for len(block) > 0 {
		i := strings.IndexByte(block, '\r')
		if i < 0 {
			b.WriteString(block)
			break
		}
		b.WriteString(block[:i])
		b.WriteByte('\n')
		block = block[i+1:]
		if len(block) > 0 && block[0] == '\n' {
			block = block[1:]
		}
	}
	b.WriteByte('\n')
	return b.String()
}

// yamlPos is the "[line:column]" a YAML error starts with.
var yamlPos = regexp.MustCompile(`^\[(\d+):(\d+)\]\s*`)

// frontMatterError places a YAML or TOML error at its line in the file:
// the libraries count from the line after the opening fence.
func frontMatterError(fence int, err error) *ParseError {
	msg := firstLine(err.Error())
	pe := &ParseError{Line: fence}
	if m := yamlPos.FindStringSubmatch(msg); m != nil {
		l, _ := strconv.Atoi(m[1])
		c, _ := strconv.Atoi(m[2])
		pe.Line, pe.Column = fence+l, c
		msg = msg[len(m[0]):]
	}
	var te toml.ParseError
	if errors.As(err, &te) {
		pe.Line, pe.Column = fence+te.Position.Line, te.Position.Col
		msg = te.Message
	}
	pe.Err = fmt.Errorf("%w: %s", ErrFrontMatter, msg)
	return pe
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}

// frontMatterRead is what readFrontMatter returned for a document.
type frontMatterRead struct {
	fm  frontMatter
	ok  bool
	err *ParseError
}

// frontMatter is readFrontMatter of the document, read at the first call.
// Callers only read what it returns.
func (d *doc) frontMatter() (frontMatter, bool, *ParseError) {
	if !d.fmDone {
		fm, ok, err := readFrontMatter(d.str(), d.lines())
		d.fm, d.fmDone = frontMatterRead{fm: fm, ok: ok, err: err}, true
	}
	return d.fm.fm, d.fm.ok, d.fm.err
}

// splitFrontMatter returns a document's front matter, if it has one, and
// the lines of its body after it.
func splitFrontMatter(d *doc) (fm frontMatter, ok bool, body []line, err *ParseError) {
	fm, ok, err = d.frontMatter()
	body = d.lines()
	if ok {
		body = d.lines()[fm.body:]
	}
	return fm, ok, body, err
}

// str returns the first of keys present as a string.
func (fm frontMatter) str(keys ...string) (string, string) {
	for _, k := range keys {
		if fm.fields == nil {
			if s := fm.plainStr(k); s != "" {
				return s, k
			}
			continue
		}
		v, ok := fm.fields[k]
		if !ok || v == nil {
			continue
		}
		switch x := v.(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" {
				return s, k
			}
		case time.Time:
			return tomlTime(x), k
		case bool:
			return fmt.Sprint(x), k
		case int, int64, uint64, float64:
			return fmt.Sprint(x), k
		}
	}
	return "", ""
}

// plainStr is str of one key of a plain block: a number as written (the
// library's uint64 printed again), a boolean as fmt prints it; "" for
// none, null, a list or a blank string.
func (fm frontMatter) plainStr(k string) string {
	i := fm.plainAt(k)
	if i < 0 {
		return ""
	}
	switch p := fm.plain[i]; p.kind {
	case plainString:
		return strings.TrimSpace(p.text)
	case plainUint:
		return p.text
	case plainTrue:
		return "true"
	case plainFalse:
		return "false"
	}
	return ""
}

// plainAt is the index of key k among the plain pieces, or -1.
func (fm frontMatter) plainAt(k string) int {
	if k == "" {
		return -1 // list items have no key
	}
	for i := range fm.plain {
		if fm.plain[i].key == k {
			return i
		}
	}
	return -1
}

// tomlTime writes a TOML date or date-time back as text, keeping "local"
// values (no offset) without a zone.
func tomlTime(t time.Time) string {
	switch t.Location().String() {
	case "date-local":
		return t.Format("2006-01-02")
	case "datetime-local":
		return t.Format("2006-01-02T15:04:05")
	}
	return t.Format(time.RFC3339Nano)
}

// components returns the first of keys present as a list of component
// names (a single string counts as a list of one), trimmed, blanks left
// out: the one slice the incident keeps, with no list of strings made
// first.
func (fm frontMatter) components(keys ...string) []Component {
	for _, k := range keys {
		if cs := fm.componentsOf(k); len(cs) > 0 {
			return cs
		}
	}
	return nil
}

// componentsOf is components of one key.
func (fm frontMatter) componentsOf(k string) []Component {
	if fm.fields != nil {
		switch x := fm.fields[k].(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" {
				return []Component{{Name: s}}
			}
		case []any:
			var out []Component
			for _, e := range x {
				if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
					out = append(out, Component{Name: strings.TrimSpace(s)})
				}
			}
			return out
		}
		return nil
	}
	i := fm.plainAt(k)
	if i < 0 {
		return nil
	}
	switch fm.plain[i].kind {
	case plainString:
		if s := strings.TrimSpace(fm.plain[i].text); s != "" {
			return []Component{{Name: s}}
		}
	case plainList:
		items := fm.plain[i+1:]
		n := 0
		for n < len(items) && items[n].key == "" {
			n++
		}
		var out []Component
		for _, e := range items[:n] {
			if s := strings.TrimSpace(e.text); e.kind == plainString && s != "" {
				if out == nil {
					out = make([]Component, 0, n)
				}
				out = append(out, Component{Name: s})
			}
		}
		return out
	}
	return nil
}

// truthy reads a boolean that may be written as a string ("true").
func (fm frontMatter) truthy(key string) bool {
	if fm.fields == nil {
		i := fm.plainAt(key)
		if i < 0 {
			return false
		}
		switch p := fm.plain[i]; p.kind {
		case plainTrue:
			return true
		case plainString:
			return yesWord(p.text)
		}
		return false
	}
	switch x := fm.fields[key].(type) {
	case bool:
		return x
	case string:
		return yesWord(x)
	}
	return false
}

// yesWord reports whether s is "true" or "yes" in any case, spaces
// around.
func yesWord(s string) bool {
	return strings.EqualFold(strings.TrimSpace(s), "true") || strings.EqualFold(strings.TrimSpace(s), "yes")
}

// has reports whether any of keys is present.
func (fm frontMatter) has(keys ...string) bool {
	for _, k := range keys {
		if fm.fields == nil {
			if fm.plainAt(k) >= 0 {
				return true
			}
			continue
		}
		if _, ok := fm.fields[k]; ok {
			return true
		}
	}
	return false
}

// keys lists the keys, sorted, for messages.
func (fm frontMatter) keys() []string {
	var out []string
	if fm.fields == nil {
		out = make([]string, 0, len(fm.plain))
		for _, p := range fm.plain {
			if p.key != "" {
				out = append(out, p.key)
			}
		}
	} else {
		out = make([]string, 0, len(fm.fields))
		for k := range fm.fields {
			out = append(out, k)
		}
	}
	sort.Strings(out)
	return out
}

// timeValue reads a front matter time ("2023-01-19T23:58:02.289Z",
// "2021-05-30T08:13:00-00:00", "2018-04-25 04:13:00") with the shared date
// reader. A time without a zone takes the assumed zone if there is one;
// otherwise it is not a UTC instant and ok is false, with the local time in
// m for messages.
func timeValue(s string, order dateOrder, assume *zone) (t time.Time, note string, m mention, ok bool) {
	return timeValueOf(scanMentions(s, order), assume)
}

// timeValueOf is timeValue given the mentions of the text.
func timeValueOf(ms []mention, assume *zone) (t time.Time, note string, m mention, ok bool) {
	if len(ms) == 0 || ms[0].Date == nil || ms[0].Date.Year == 0 || ms[0].Clock == nil {
		return time.Time{}, "", mention{}, false
	}
	m = ms[0]
	z := m.Zone
	if z == nil {
		z = assume
	}
	if z == nil {
		return time.Time{}, "", m, false
	}
	t, note = z.at(*m.Date, *m.Clock)
	return t, note, m, true
}

// decodeYAML decodes front matter. The YAML library panics on some
// malformed input (goccy/go-yaml issue 735, not fixed in v1.19.2): that is
// an error in the file, reported as one, not a crash.
func decodeYAML(data []byte, v any) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("not valid YAML (the YAML reader failed: %v)", r)
		}
	}()
	return yaml.Unmarshal(data, v)
}

// fmScan is scanMentions of a front matter value in the document's date
// order, remembered: the stated window's values are read for the window
// and again for the date the document is about. A value fmStamp reads (an
// RFC 3339 stamp or a date, as templates write them) is not lexed, and its
// mention is kept in its entry of the list: one allocation for the usual
// two values, a start and an end, where there were three.
func (d *doc) fmScan(s string) []mention {
	for i := range d.fmScans {
		if d.fmScans[i].s == s {
			return d.fmScans[i].ms
		}
	}
	if d.fmScans == nil {
		// Room for the usual two: one allocation, not one at each growth.
		d.fmScans = make([]scanned, 0, 2)
	}
	d.fmScans = append(d.fmScans, scanned{s: s})
	e := &d.fmScans[len(d.fmScans)-1]
	if fmStamp(s, &e.one[0], &e.parts) {
		e.ms = e.one[:]
	} else {
		e.ms = scanMentions(s, d.order())
	}
	return e.ms
}

// scanned is a text and its mentions. A text fmStamp read keeps its one
// mention and the mention's parts here, and ms is one[:]: an append that
// grows the list copies the entries to a new array, but the mentions
// callers hold, and the copies' ms, still point into the old one, which
// nothing writes again (entries are only appended).
type scanned struct {
	s     string
	ms    []mention
	one   [1]mention
	parts mentionParts
}
