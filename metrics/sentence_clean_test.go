package metrics

import (
	"regexp"
	"strings"
	"testing"
)

// The expressions cleanSentence ran before linkWords and dropURLs read
// bytes: the oracle they are checked against.
var (
	mdLinkRef = regexp.MustCompile(`\[([^\]]*)\]\([^)]*\)`)
	urlRef    = regexp.MustCompile(`(?i)\b(?:https?://|www\.)\S+`)
)

// cleanSentenceRef is cleanSentence as it read with the expressions.
func cleanSentenceRef(s string) string {
	if strings.Contains(s, "](") {
		s = mdLinkRef.ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "WWW.") {
		s = urlRef.ReplaceAllString(s, "")
	}
	return s
}

// checkCleanSentence fails t where linkWords, dropURLs or cleanSentence
// tell s otherwise than the expressions.
func checkCleanSentence(t *testing.T, s string) {
	t.Helper()
	if got, want := linkWords(s), mdLinkRef.ReplaceAllString(s, "$1"); got != want {
		t.Fatalf("linkWords(%q) = %q; want %q", s, got, want)
	}
	if got, want := dropURLs(s), urlRef.ReplaceAllString(s, ""); got != want {
		t.Fatalf("dropURLs(%q) = %q; want %q", s, got, want)
	}
	if got, want := cleanSentence(s), cleanSentenceRef(s); got != want {
		t.Fatalf("cleanSentence(%q) = %q; want %q", s, got, want)
	}
}

// cleanSentenceCases are sentences with links and URLs and near misses:
// brackets that never close, targets without their ')', URLs in any
// case, after a word, with nothing after the opening, and "ſ" for s.
var cleanSentenceCases = []string{
	"", "[", "]", "[]", "[]()", "[a](b)", "See [the status page](https://status.example.com) for more.", "[a] (b)",
	"[a](b", "[a](b [c](d)", "[a [b](c)", "[a]](b)", "[[a]](b)", "[a](b)(c)", "[a](b)[c](d)", "x[a](b)y", "[a]\n(b)",
	"[a\n](\n)", "[é](\xff)", "[a](b))", "[[[", "]]](", "[a](", "[a]()", "[](b)", "[a]x[b](c)", "[a](b]c)", "([a](b))",
	"http://x", "https://x", "HTTPS://x", "Http://x", "www.x", "WWW.x", "Www.x", "xhttp://y", "_www.x", "1www.x",
	"http:// x", "https://", "www.", "www. x", "httpſ://x", "httpſ:// x", "ſhttp://x", "éhttp://x", "\xffwww.x",
	"a http://x.y/z b", "http://a\tb", "http://a\nb", "https://é b", "http://\xff", "see www.example.com.", "ftp://x",
	"https//x", "http:/x", "[link](http://x) and http://y", "[http://x](y)", "wwww.x", "a,www.x", "a-https://x",
}

func TestCleanSentenceMatchesExpressions(t *testing.T) {
	for _, c := range cleanSentenceCases {
		checkCleanSentence(t, c)
	}
	pieces := []string{"[", "]", "(", ")", "](", "a", "b c", " ", "\t", "\n", "http", "https", "HTTP", "://", ":", "/",
		"www", "WWW", "Www", ".", "ſ", "s", "x", "_", "1", "é", "\xff", "\u00a0"}
	for s := range randomJoins(pieces, 200000, 11, 41) {
		checkCleanSentence(t, s)
	}
}

// FuzzCleanSentence checks linkWords, dropURLs and cleanSentence against
// the expressions on arbitrary text.
func FuzzCleanSentence(f *testing.F) {
	for _, s := range cleanSentenceCases {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkCleanSentence(t, s)
	})
}

// TestLinkWordsLong checks linkWords on many '[' before one far ']', which
// it reads in one pass, and that a sentence without a link comes back as
// it is, unbuilt.
func TestLinkWordsLong(t *testing.T) {
	long := strings.Repeat("[", 200000) + "]x"
	if got, want := linkWords(long), mdLinkRef.ReplaceAllString(long, "$1"); got != want {
		t.Fatalf("linkWords of 200,000 '[' differs from the expression")
	}
	allocs := testing.AllocsPerRun(10, func() { linkWords(long) })
	if allocs != 0 {
		t.Errorf("linkWords without a link allocated %v times", allocs)
	}
}
