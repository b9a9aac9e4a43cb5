package metrics

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The expressions that told blockSentences' headings and labels, before
// they were read by hand: the oracle the readers are checked against.
var (
	mdHeadingRef    = regexp.MustCompile(`^#{1,6}\s+(.+?)\s*#*\s*$`)
	inlineMDHeadRef = regexp.MustCompile(`\s#{1,6}\s`)
	boldHeadingRef  = regexp.MustCompile(`^(?:\*\*|__)([^*_]{2,80})(?:\*\*|__)\s*:?\s*$`)
	labelHeadingRef = regexp.MustCompile(`^(?:[-*•]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z /&'’-]{1,48}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(\S.*)$`)
)

// splitInlineHeadingsRef is splitInlineHeadings as it read with
// inlineMDHeadRef.
func splitInlineHeadingsRef(out []string, raw string) []string {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "#") {
		return append(out, raw)
	}
	start := 0
	for _, m := range inlineMDHeadRef.FindAllStringIndex(raw, -1) {
		out = append(out, strings.TrimSpace(raw[start:m[0]]))
		start = m[0] + 1
	}
	return append(out, strings.TrimSpace(raw[start:]))
}

// checkHeadingLine fails t where a reader of headings and labels tells ln
// otherwise than its expression.
func checkHeadingLine(t *testing.T, ln string) {
	t.Helper()
	m := mdHeadingRef.FindStringSubmatch(ln)
	if got, ok := mdHeadingMatch(ln); ok != (m != nil) || ok && got != m[1] {
		t.Fatalf("mdHeadingMatch(%q) = %q, %v; want %q", ln, got, ok, m)
	}
	bm := boldHeadingRef.FindStringSubmatch(ln)
	if got, ok := boldHeadingMatch(ln); ok != (bm != nil) || ok && got != bm[1] {
		t.Fatalf("boldHeadingMatch(%q) = %q, %v; want %q", ln, got, ok, bm)
	}
	lm := labelHeadingRef.FindStringSubmatch(ln)
	if label, rest, ok := labelMatch(ln); ok != (lm != nil) || ok && (label != lm[1] || rest != lm[2]) {
		t.Fatalf("labelMatch(%q) = %q, %q, %v; want %q", ln, label, rest, ok, lm)
	}
	var got [][2]int
	for from := 0; ; {
		at, end := inlineHeadingMark(ln, from)
		if at < 0 {
			break
		}
		got = append(got, [2]int{at, end})
		from = end
	}
	var want [][2]int
	for _, m := range inlineMDHeadRef.FindAllStringIndex(ln, -1) {
		want = append(want, [2]int{m[0], m[1]})
	}
	if !slices.Equal(got, want) {
		t.Fatalf("inline heading marks of %q: %v; want %v", ln, got, want)
	}
	if got, want := splitInlineHeadings(nil, ln), splitInlineHeadingsRef(nil, ln); !slices.Equal(got, want) {
		t.Fatalf("splitInlineHeadings(%q) = %q; want %q", ln, got, want)
	}
}

// headingLineCases are headings, labels and lines like them: markdown
// headings with closing '#'s, white space and line breaks about them.
var headingLineCases = []string{
	"", "#", "# ", "#  ", "# a", "#a", "## Root cause", "###### Six", "####### Seven", "# a #", "# a ##  ", "# # #",
	"#\t#", "# a#", "# a # b", "#  \n", "# \na", "# a\nb", "# a \n", "#\n\na", "# a\n#", "#\n#", "# \t x \t# \t",
	"## Root Cause: A deploy", "a ## b", "a ####### b", "a ###### b", "a # # b", "a #\t#\t# b", " # ", "a #", "a #b",
	"## Root Cause: A deploy ## Next steps: fix", "x ##", "x  ## y ##",
	"Root cause: a deploy", "- Root cause: x", "-Root cause: x", "* **Root cause**: x", "**Root cause:** x", "__Why__ : x",
	"• Next steps: x", "•Next steps: x", "A: x", "A : x", "AB: x", "A** : x", "Ab** : x", "Ab* : x", "Root cause:x",
	"Root cause:  ", "Root cause: x\ny", "Root cause:\nx", "Root cause:**\tx", "Root cause:** x", "Root cause:* x",
	"Root cause\t: x", "Root\tcause: x", "Root cause \t : x", "Root’s cause: x", "Root\u2019s: x", "R/&'-: x",
	"1. Root cause: x", "At 14:05 we saw: x", "Root cause: é", "Root cause: \xff", "Ré: x", "Root: x: y",
	"Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvw: x", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwx: x",
	"Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuv  : x", "Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvw  : x",
	"**Root cause**", "__Root cause__", "**Root cause__", "**Root cause*", "**Root cause** :", "**Root cause**:\t",
	"**Root cause**: x", "**Root cause**::", "**R**", "**Rc**", "**é**", "**\xff\xfe**", "**a_b**", "**a\nb**",
	"**Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzab**",
	"**Abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabc**",
	"**ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé**", "****", "**  **", "__ab**\n",
	"A                                                  : x", "- \t**Why** :** x", "** Why: x", "*\t*Why: x", "##\u00a0x", "# é", "# \xff", "## x ##", "#\fx", "## ## x", "#   #", "# ##",
}

func TestHeadingLinesMatchExpressions(t *testing.T) {
	for _, c := range headingLineCases {
		checkHeadingLine(t, c)
	}
	// The bounds on the length of a bold heading (runes) and of a label.
	for n := range 84 {
		for _, r := range []string{"a", "é", " ", "\xff"} {
			checkHeadingLine(t, "**"+strings.Repeat(r, n)+"**")
			checkHeadingLine(t, "__A"+strings.Repeat(r, n)+"__:")
			checkHeadingLine(t, "A"+strings.Repeat(r, n)+": x")
		}
	}
	pieces := []string{"#", "##", "###", " ", "  ", "\t", "\n", "\f", "\r", "\v", "a", "Root", "cause", ":", ": ", "*", "**",
		"_", "__", "-", "•", "’", "'", "/", "&", "é", "\xff", "\u00a0", "x", "1", ")", "](", "Why", "A", "b", "\xe2\x80"}
	for s := range randomJoins(pieces, 200000, 9, 31) {
		checkHeadingLine(t, s)
	}
}

// FuzzHeadingLines checks the readers of headings and labels against
// their expressions on arbitrary text.
func FuzzHeadingLines(f *testing.F) {
	for _, s := range headingLineCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkHeadingLine(t, s)
	})
}
