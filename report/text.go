package report

import (
	"fmt"
	"io"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/pkg/twwidth"
	"github.com/olekukonko/tablewriter/renderer"
	"github.com/olekukonko/tablewriter/tw"
)

// markdown marks a writer the text renderers write GitHub-flavoured
// Markdown to instead of terminal text. One set of renderers serves both,
// so the numbers of the two cannot drift apart.
type markdown struct{ io.Writer }

func isMarkdown(w io.Writer) bool {
	_, ok := w.(markdown)
	return ok
}

// table is a tablewriter table that escapes its cells for Markdown and
// keeps Markdown tables apart from the paragraphs around them.
type table struct {
	t   *tablewriter.Table
	w   io.Writer
	md  bool
	out *errWriter // what tablewriter writes to: it drops some write errors
}

// errWriter passes writes on and keeps the first error, which tablewriter
// does not always return (a full disk at its last line went unnoticed, and
// an atomic write would have put the short file in place).
type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

// newTable returns a table with left-aligned headers and the given
// per-column alignment: ASCII on a terminal, GitHub-flavoured Markdown for
// a markdown writer. Widths are pinned (no East Asian widths, narrow
// borders) so the bytes do not depend on LANG, TERM or RUNEWIDTH_EASTASIAN.
func newTable(w io.Writer, aligns []tw.Align) *table {
	twwidth.SetOptions(twwidth.Options{EastAsianWidth: false, ForceNarrowBorders: true})
	md := isMarkdown(w)
	var r tw.Renderer = renderer.NewBlueprint(tw.Rendition{Symbols: tw.NewSymbols(tw.StyleASCII)})
	if md {
		r = renderer.NewMarkdown()
	}
	out := &errWriter{w: w}
	return &table{w: w, md: md, out: out, t: tablewriter.NewTable(out,
		tablewriter.WithRenderer(r),
		tablewriter.WithHeaderAutoFormat(tw.Off),
		tablewriter.WithHeaderAlignment(tw.AlignLeft),
		tablewriter.WithRowAlignmentConfig(tw.CellAlignment{PerColumn: aligns}),
		tablewriter.WithTrimSpace(tw.Off),
	)}
}

// Header sets the column names.
func (t *table) Header(cols ...string) {
	t.t.Header(anySlice(t.escape(cols))...)
}

// Append adds a row.
func (t *table) Append(row []string) error {
	return t.t.Append(t.escape(row))
}

// Render writes the table; a Markdown table gets a blank line on each
// side, without which GitHub reads the next paragraph as one more row.
func (t *table) Render() error {
	if t.md {
		if _, err := fmt.Fprintln(t.w); err != nil {
			return err
		}
	}
	if err := t.t.Render(); err != nil {
		return err
	}
	if t.out.err != nil {
		return t.out.err
	}
	if t.md {
		_, err := fmt.Fprintln(t.w)
		return err
	}
	return nil
}

func (t *table) escape(cells []string) []string {
	if !t.md {
		return cells
	}
	out := make([]string, len(cells))
	for i, c := range cells {
		out[i] = mdEscape(c)
	}
	return out
}

// mdEscaper escapes what GitHub would read as Markdown or HTML in text
// taken from reports: a title such as "a|b" must not split a table cell,
// and "<script>" must stay text.
var mdEscaper = strings.NewReplacer(
	`\`, `\\`, "|", `\|`, "`", "\\`", "*", `\*`, "[", `\[`, "]", `\]`,
	"<", "&lt;", ">", "&gt;", "&", "&amp;",
)

func mdEscape(s string) string { return mdEscaper.Replace(s) }

// section writes a section heading: a blank line, the title and a rule on
// a terminal; "## title" in Markdown.
func section(w io.Writer, title string) error {
	if isMarkdown(w) {
		_, err := fmt.Fprintf(w, "\n## %s\n", mdEscape(title))
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n%s\n", title, strings.Repeat("=", len([]rune(title))))
	return err
}

// heading writes the heading of a part of a section.
func heading(w io.Writer, title string) error {
	if isMarkdown(w) {
		_, err := fmt.Fprintf(w, "\n### %s\n", mdEscape(title))
		return err
	}
	_, err := fmt.Fprintf(w, "\n%s\n", title)
	return err
}

func anySlice(ss []string) []any {
	out := make([]any, len(ss))
	for i, s := range ss {
		out[i] = s
	}
	return out
}
