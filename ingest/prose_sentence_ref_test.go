package ingest

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// eachSentenceRef is eachSentence as it was before it looked for the
// next stop with indexStop, testing each byte: its oracle.
func eachSentenceRef(p paragraph, f func(sentence)) {
	t := p.Text
	start := 0
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if i+2 >= len(t) || t[i+1] != ' ' {
			continue
		}
		next := rune(t[i+2])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && next != '*' && next != '"' && next != '(' {
			continue
		}
		if c == '.' {
			w := i
			for w > start && (unicode.IsLetter(rune(t[w-1])) || t[w-1] == '.') {
				w--
			}
			if abbrevBefore(t[w:i]) {
				continue
			}
		}
		f(sentence{Text: t[start : i+1], p: p, off: start})
		start = i + 2
	}
	if start < len(t) {
		f(sentence{Text: t[start:], p: p, off: start})
	}
}

// sentenceSpans lists the offsets and texts split gives of s.
func sentenceSpans(s string, split func(paragraph, func(sentence))) []string {
	var out []string
	split(paragraph{Text: s}, func(st sentence) {
		out = append(out, strings.Repeat(" ", st.off)+st.Text)
	})
	return out
}

// checkSentences fails when eachSentence splits s otherwise than its
// oracle, or indexStop finds another stop than strings.IndexAny.
func checkSentences(t *testing.T, s string) {
	t.Helper()
	if got, want := indexStop(s), strings.IndexAny(s, ".!?"); got != want {
		t.Fatalf("indexStop(%q) = %d; want %d", s, got, want)
	}
	if got, want := sentenceSpans(s, eachSentence), sentenceSpans(s, eachSentenceRef); !slices.Equal(got, want) {
		t.Fatalf("eachSentence(%q) = %q; want %q", s, got, want)
	}
}

func TestEachSentenceAsRef(t *testing.T) {
	for _, s := range []string{
		"", ".", "!", "?", "a", ". A", "a. B", "a.B", "a.  B", "It broke. We fixed it! Why? 2 users. (Aside.) \"Quote.\" *Bold*",
		"It broke at approx. 10:00. It was 5 p.m. Then it ended.", "e.g. This", "Ends with a stop.", "Ends with a stop. ",
		"0123456.", "01234567.", "012345678.", "0123456789abcdef.", "abcdefg! Hi", "abcdefgh? Hi", "-./!?>=<",
		"\x2e\x2e\x2e\x2e\x2e\x2e\x2e\x2e", "\xae\xa1\xbf\x6e\x61\x7f. X", "é. É", "x. \u212a", "x. ſ", "x\xff. Y", "Mr. Smith. Dr. Who",
		strings.Repeat("word ", 3000) + "end. Next", strings.Repeat("a.", 3000) + " B",
	} {
		checkSentences(t, s)
	}
}

// TestEachSentenceRandom compares eachSentence with its oracle on fixture
// lines and random paragraphs of words, stops, spaces and capitals, with
// bytes next to each stop (one more or less than it) that a wrong word
// test would take for one.
func TestEachSentenceRandom(t *testing.T) {
	skipOracleUnderRace(t)
	for _, l := range refTestLines(t) {
		checkSentences(t, l)
	}
	pieces := []string{"word", "It", "we", " ", " ", ".", "!", "?", ". ", "! ", "? ", "A", "7", "(", "\"", "*", "approx", "e.g", "a.m",
		"-", "/", " ", ">", "@", "\x2d", "\x2f", "\x20", "\x22", "\x40", "\x3e", "\xae", "\xa1", "\xbf", "é", "É", "\u212a", "ſ"}
	r := rand.New(rand.NewPCG(95, 96))
	split := 0
	for range 100000 {
		s := randomPieces(r, pieces, 30)
		checkSentences(t, s)
		if len(sentenceSpans(s, eachSentence)) > 1 {
			split++
		}
	}
	if split < 10000 {
		t.Errorf("only %d paragraphs split", split)
	}
}

func FuzzEachSentence(f *testing.F) {
	for _, s := range []string{"", "It broke. We fixed it! Why? 2 users.", "approx. 10 minutes. Then", "abcdefgh? Hi"} {
		f.Add(s)
	}
	f.Fuzz(checkSentences)
}
