package metrics

import (
	"iter"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mttx-dev/mttx/ingest"
)

// The classifier's hot functions were rewritten for speed; each test here
// checks the fast one against the one it replaced, kept here as the
// oracle, on hand-picked cases and many random strings.

// randomStrings returns the cases followed by n random strings of up to
// maxLen runes from alphabet (an invalid byte of it stays one), the same
// on every run.
func randomStrings(cases []string, alphabet string, n, maxLen int, seed uint64) []string {
	letters := strings.Split(alphabet, "")
	r := rand.New(rand.NewPCG(seed, seed+1))
	out := slices.Clone(cases)
	var b strings.Builder
	for range n {
		b.Reset()
		for range r.IntN(maxLen + 1) {
			b.WriteString(letters[r.IntN(len(letters))])
		}
		out = append(out, b.String())
	}
	return out
}

// randomJoins yields n strings, each of up to maxPieces pieces drawn at
// random, the same on every run: the random inputs of the tests that
// compare a hand-written reader with the expression it replaced.
func randomJoins(pieces []string, n, maxPieces int, seed uint64) iter.Seq[string] {
	return func(yield func(string) bool) {
		r := rand.New(rand.NewPCG(seed, seed+1))
		var b strings.Builder
		for range n {
			b.Reset()
			for range r.IntN(maxPieces + 1) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			if !yield(b.String()) {
				return
			}
		}
	}
}

// sentenceEndRef is the regular expression sentenceEnd replaced.
var sentenceEndRef = regexp.MustCompile(`[.!?]["')\]]*\s+`)

func TestSentenceEndMatchesReference(t *testing.T) {
	cases := []string{"", ".", ". ", "A. B", "Done.) Next", "Why?\" he said. ok", "e.g. this", "3.5 GB. Then\n\nmore",
		"wait?. \tnext", "end.\f\rx", "quote.' x", "bracket.] x", "no end", "multi!!  x", "ü. é? ö! ", "\xff. \xfe? x"}
	for _, c := range randomStrings(cases, "ab .!?\"')]\t\n\f\r\vé", 100000, 24, 7) {
		var got []int
		for end := sentenceEnd(c, 0); end >= 0; end = sentenceEnd(c, end) {
			got = append(got, end)
		}
		var want []int
		for _, m := range sentenceEndRef.FindAllStringIndex(c, -1) {
			want = append(want, m[1])
		}
		if !slices.Equal(got, want) {
			t.Fatalf("sentence ends of %q: %v; want %v", c, got, want)
		}
	}
}

// refFactors adds phrases of every kind of step to the default taxonomy:
// prefixes, optional first steps, gaps, several words in a bracket.
const refFactors = `
factors:
  - name: cosmic-ray
    phrases: ['cosm* ray|rays', 'the? (bit flip|bitflip) ... memor*', '(solar flare)? radiation', 'single event upset*']
    except: ['ray* of hope']
    remedies: ['ecc|shield* ... (memory|ram)']
    names: [cosmic rays, 'radiat*']
  - name: deploy
    phrases: ['push* ... prod*']
`

// taxonomyWords returns every word the phrases of the default taxonomy
// with refFactors start a step with, and its phrases in id order.
func taxonomyWords(t testing.TB) (*Taxonomy, []string, []*phrase) {
	t.Helper()
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	if tax, err = tax.Extend("ref.yaml", []byte(refFactors)); err != nil {
		t.Fatal(err)
	}
	var vocab []string
	var all []*phrase
	for i := range tax.enabled {
		f := &tax.enabled[i]
		for _, list := range [][]phrase{f.phrases, f.except, f.remedies, f.detection, f.names} {
			for k := range list {
				all = append(all, &list[k])
				for _, s := range list[k].steps {
					for _, seq := range s.alts {
						for _, w := range seq {
							vocab = append(vocab, w.word, w.word+"s")
						}
					}
				}
			}
		}
	}
	return tax, vocab, all
}

// TestClassifierIndex checks the classifier's index of a sentence against
// what it replaced: every phrase possibleIn said possible, from
// wordIndex.present, is among the phrases the sentence anchors, and so is
// every phrase that matches it; and it tells the fixed phrases' steps as
// fixedIndex.present does.
func TestClassifierIndex(t *testing.T) {
	tax, vocab, all := taxonomyWords(t)
	for i, p := range all {
		if p.id != i {
			t.Fatalf("phrase %q numbered %d; want %d", p.text, p.id, i)
		}
	}
	vocab = append(vocab, "the", "a", "was", "not", ";", "-", "didn't", "provider's", "will", "due", "to", "caused", "by", "going",
		"forward", "we", "have", "added", "restore", "healthy", "ruled", "out", "may", "experienced")
	r := rand.New(rand.NewPCG(3, 4))
	c := classifier{tax: tax, scratch: &scratch{}}
	for range 5000 {
		n := r.IntN(30)
		text := ""
		for range n {
			text += vocab[r.IntN(len(vocab))] + " "
		}
		ws := words(text)
		c.index(ws)
		if !slices.IsSorted(c.possible) || len(slices.Compact(slices.Clone(c.possible))) != len(c.possible) {
			t.Fatalf("%q: possible phrases %v, not in order or repeated", text, c.possible)
		}
		if want := fixedIndex.present(ws); !slices.Equal(c.fixed, want) {
			t.Fatalf("%q: fixed steps %v; want %v", text, c.fixed, want)
		}
		seen := tax.words.present(ws)
		for _, p := range all {
			_, matches := p.find(ws)
			if (p.possibleIn(seen) || matches) && !slices.Contains(c.possible, int32(p.id)) {
				t.Fatalf("%q: %q possible (matches: %v) but not anchored", text, p.text, matches)
			}
		}
	}
}

// TestWordBufMatchesReference checks the words of a reused wordBuf against
// wordsRef, the first words, one call after another, so that nothing of
// one sentence leaks into the next: ASCII in both cases, letters that
// lower-case to ASCII (the Kelvin sign, the dotted capital I), spaces
// outside ASCII, clitics and invalid UTF-8.
func TestWordBufMatchesReference(t *testing.T) {
	cases := []string{"", "We DIDN'T deploy; the provider's DNS — failed (again).", "Ａ – Ｂ", "KİK", "x\u00a0-\u00a0y",
		"it'll we're they've I'd I'm", "a -b- c - d", "\xe2\x80 \xc2\xa0-\xc2\xa0 x", "\xff'a", "Q3: 99.9% uptime", "'tis", "n't"}
	var b wordBuf
	for _, c := range randomStrings(cases, "aAzZ09 KİÉü'’;:()—–-.,\u00a0\u2028\t\n\xff\xe2\x80", 100000, 24, 9) {
		if got, want := b.words(c), wordsRef(c); !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %q; want %q", c, got, want)
		}
	}
}

// listItemRef is the expression listMarker replaced.
var listItemRef = regexp.MustCompile(`^(?:[-*•+]|\d{1,2}[.)])\s+`)

func TestLineTestsMatchReference(t *testing.T) {
	cases := []string{"", "- a", "-a", "* b", "+  c", "• d", "•d", "1. e", "12) f", "123. g", "1.g", "9)\th", " - i", "1.", "-",
		"[\"log\"]", "  { \"k\": 1}", "> [ \"x\"", ">[x", "{x\"", "\t\f[\"", "one two three four five six seven eight",
		"one two three four five six seven eight nine", "a\u00a0b\u2028c\vd", "\xff \xfe"}
	for _, c := range randomStrings(cases, "-*+•12.) \t\f\v>[{\"ab\u00a0\u2028\xff", 100000, 14, 11) {
		want := -1
		if loc := listItemRef.FindStringIndex(c); loc != nil {
			want = loc[1]
		}
		if got := listMarker(c); got != want {
			t.Fatalf("listMarker(%q) = %d; want %d", c, got, want)
		}
		if got, want := isLogLine(c), logLine.MatchString(c); got != want {
			t.Fatalf("isLogLine(%q) = %v; want %v", c, got, want)
		}
		for n := range 4 {
			if got, want := fieldsAtMost(c, n), len(strings.Fields(c)) <= n; got != want {
				t.Fatalf("fieldsAtMost(%q, %d) = %v; want %v", c, n, got, want)
			}
		}
	}
}

// TestClassifyConcurrentExamples classifies the example reports on several
// goroutines at once, as the CLI's workers do: the classifiers share their
// taxonomy's pool of working memory, and each must find what it finds
// alone, evidence included (run with -race).
func TestClassifyConcurrentExamples(t *testing.T) {
	files, _ := filepath.Glob("../testdata/examples/*")
	var incs []ingest.Incident
	for _, f := range files {
		res := ingest.ReadFile(f, nil, ingest.Options{})
		if res.Err != nil {
			t.Fatalf("%s: %v", f, res.Err)
		}
		incs = append(incs, res.Incidents...)
	}
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	want := make([]Factors, len(incs))
	for i, inc := range incs {
		want[i] = tax.Classify(inc)
	}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for k := range 3 * len(incs) {
				i := (k + g*7) % len(incs)
				if got := tax.Classify(incs[i]); !reflect.DeepEqual(got, want[i]) {
					t.Errorf("%s: concurrently %+v; alone %+v", incs[i].Source.Path, got, want[i])
					return
				}
			}
		})
	}
	wg.Wait()
}
