package metrics

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// The classifier's hot functions were rewritten for speed; each test here
// checks the fast one against the one it replaced, kept here as the
// oracle, on hand-picked cases and many random strings.

// randomStrings returns the cases followed by n random strings of up to
// maxLen runes from alphabet, the same on every run.
func randomStrings(cases []string, alphabet string, n, maxLen int, seed uint64) []string {
	letters := []rune(alphabet)
	r := rand.New(rand.NewPCG(seed, seed+1))
	out := slices.Clone(cases)
	for range n {
		rs := make([]rune, r.IntN(maxLen+1))
		for i := range rs {
			rs[i] = letters[r.IntN(len(letters))]
		}
		out = append(out, string(rs))
	}
	return out
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
func taxonomyWords(t *testing.T) (*Taxonomy, []string, []*phrase) {
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
// what it replaced: a phrase is possible exactly when possibleIn said so
// of wordIndex.present, and every match of a phrase starts inside the
// window starts gives it.
func TestClassifierIndex(t *testing.T) {
	tax, vocab, all := taxonomyWords(t)
	for i, p := range all {
		if p.id != i {
			t.Fatalf("phrase %q numbered %d; want %d", p.text, p.id, i)
		}
	}
	vocab = append(vocab, "the", "a", "was", "not", ";", "-", "didn't", "provider's")
	r := rand.New(rand.NewPCG(3, 4))
	c := classifier{tax: tax}
	for range 20000 {
		n := r.IntN(30)
		text := ""
		for range n {
			text += vocab[r.IntN(len(vocab))] + " "
		}
		ws := words(text)
		c.index(ws)
		seen := tax.words.present(ws)
		var want []int32
		for _, p := range all {
			if p.possibleIn(seen) {
				want = append(want, int32(p.id))
			}
		}
		if !slices.Equal(c.possible, want) {
			t.Fatalf("%q: possible phrases %v; want %v", text, c.possible, want)
		}
		for _, id := range c.possible {
			p := all[id]
			from, to := c.starts(p, ws)
			for i := range ws {
				if _, ok := p.at(ws, i); ok && (i < from || i >= to) {
					t.Fatalf("%q: %q matches at word %d, outside [%d, %d)", text, p.text, i, from, to)
				}
			}
		}
	}
}
