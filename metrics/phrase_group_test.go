package metrics

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"testing"
)

// ungrouped returns p with its steps' sequences tried all in turn, as
// before step.byFirst grouped them, and every word tried, as before
// step.starts ruled words out by their shape: the oracle of the indexed
// match.
func ungrouped(p *phrase) *phrase {
	q := *p
	q.steps = slices.Clone(p.steps)
	all := ^uint64(0)
	for k := range q.steps {
		q.steps[k].byFirst = nil
		q.steps[k].starts = wordShape{lens: all, first: [4]uint64{all, all, all, all}}
	}
	return &q
}

// groupedPhrases returns every phrase of the default taxonomy with
// refFactors and every fixed phrase, each with its ungrouped oracle, and
// words to make sentences of.
func groupedPhrases(t testing.TB) (fast, ref []*phrase, vocab []string) {
	_, vocab, all := taxonomyWords(t)
	all = append(all, fixedPhrases.phrases...)
	grouped := false
	for _, p := range all {
		fast, ref = append(fast, p), append(ref, ungrouped(p))
		grouped = grouped || slices.ContainsFunc(p.steps, func(s step) bool { return s.byFirst != nil })
	}
	if !grouped {
		t.Fatal("no phrase groups its sequences")
	}
	for _, p := range fixedPhrases.phrases {
		for _, s := range p.steps {
			for _, seq := range s.alts {
				for _, w := range seq {
					vocab = append(vocab, w.word)
				}
			}
		}
	}
	vocab = append(vocab, "the", "a", clauseMark)
	return fast, ref, vocab
}

// checkGrouped compares the grouped phrases with their oracles at every
// word of ws, at and endAt.
func checkGrouped(t *testing.T, fast, ref []*phrase, ws []string) {
	t.Helper()
	for k, p := range fast {
		for i := range len(ws) + 1 {
			got, gok := p.at(ws, i)
			want, wok := ref[k].at(ws, i)
			if gok != wok || !reflect.DeepEqual(got, want) {
				t.Fatalf("%q at %d of %q: %v %v; want %v %v", p.text, i, ws, got, gok, want, wok)
			}
			if end, ok := p.endAt(ws, i); ok != wok || end != want.to {
				t.Fatalf("%q endAt %d of %q: %d %v; want %d %v", p.text, i, ws, end, ok, want.to, wok)
			}
		}
		for _, w := range ws {
			for j := range p.steps {
				if got, want := p.steps[j].matchesWord(w), ref[k].steps[j].matchesWord(w); got != want {
					t.Fatalf("%q step %d matchesWord(%q) = %v; want %v", p.text, j, w, got, want)
				}
			}
		}
	}
}

// TestGroupedSequencesMatchUngrouped checks the phrases, whose steps
// group their sequences by first word and rule words out by their shape,
// against the same phrases trying every sequence at every word, on random
// sentences of their words.
func TestGroupedSequencesMatchUngrouped(t *testing.T) {
	fast, ref, vocab := groupedPhrases(t)
	r := rand.New(rand.NewPCG(21, 22))
	for range 3000 {
		ws := make([]string, r.IntN(12))
		for i := range ws {
			ws[i] = vocab[r.IntN(len(vocab))]
		}
		checkGrouped(t, fast, ref, ws)
	}
}

// FuzzGroupedSequencesMatchUngrouped does the same on arbitrary text.
func FuzzGroupedSequencesMatchUngrouped(f *testing.F) {
	f.Add("we have since added alerting; they are working on it")
	f.Add("We've put in place a fix. The team would like to thank")
	fast, ref, _ := groupedPhrases(f)
	f.Fuzz(func(t *testing.T, text string) {
		checkGrouped(t, fast, ref, words(text))
	})
}
