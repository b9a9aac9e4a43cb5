package ingest

import (
	"math/rand/v2"
	"reflect"
	"regexp/syntax"
	"strings"
	"testing"
)

// TestCuePhrasesSpelledOut checks which cue expressions are searched as
// phrases: the milestone cues and narrativeEndCue must be (they are most
// of the time spent on narrative timelines), and an expression refused
// must be one phrasesOf cannot spell out or whose runs could end short.
func TestCuePhrasesSpelledOut(t *testing.T) {
	must := map[string]bool{"zoneCue": true, "narrativeEndCue": true, "impactCtx": true, "recoveryCtx": true, "detectionCtx": true, "notDurCtx": true}
	for _, c := range milestoneCues {
		must["milestone "+c.m.String()] = true
	}
	for name, c := range wordCues() {
		if must[name] && c.phrases == nil {
			t.Errorf("%s is not searched as phrases", name)
		}
	}
}

// randomCueExpr is a random expression of the kind wordCues hold: \b,
// then alternatives of words, optional parts, small classes, runs of a
// class, words in any case, \b, \B and $.
func randomCueExpr(r *rand.Rand) string {
	words := []string{"a", "ab", "abc", "b", "ba", "c", "x", "not", "no"}
	var part func(depth int) string
	part = func(depth int) string {
		switch k := r.IntN(12); {
		case k < 4 || depth > 2:
			return words[r.IntN(len(words))]
		case k == 4:
			return `\s+`
		case k == 5:
			return []string{`\w*`, `\w+`, `[a-c]*`, `\d+`, ` *`, `[- ]?`, `[ab]`}[r.IntN(7)]
		case k == 6:
			return []string{`\b`, `\B`, ` `, `-`, `(?i:ks)`, `(?i:ab)`, `(?i:s)?`, `(?i:é)`}[r.IntN(8)]
		case k == 7:
			return `(?:` + part(depth+1) + `)?`
		case k == 8:
			return `(?:` + part(depth+1) + `)??`
		default:
			var alts []string
			for range 1 + r.IntN(3) {
				var seq string
				for range 1 + r.IntN(3) {
					seq += part(depth + 1)
				}
				alts = append(alts, seq)
			}
			return `(?:` + strings.Join(alts, "|") + `)`
		}
	}
	expr := `\b(?:` + words[r.IntN(len(words))] + part(0) + `|` + words[r.IntN(len(words))] + part(0) + `)` + part(1)
	switch r.IntN(4) {
	case 0:
		expr += `\b`
	case 1:
		expr += `$`
	}
	return expr
}

// TestPhraseSetsAsRegexp checks the phrase search against the regexp
// package on random expressions and random text of their words: every
// expression spelled out must find what the expression finds.
func TestPhraseSetsAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(75, 76))
	pieces := []string{"a", "ab", "abc", "b", "ba", "c", "x", "not", "no", "7", " ", " ", "  ", "\t", "-", "_", "é", ".", "\v", "A", "KS", "k", "\u212a", "ſ", "É", "\xc5"}
	spelled := 0
	for range 3000 {
		expr := randomCueExpr(r)
		re, err := syntax.Parse(expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		if newPhraseSet(re.Simplify()) == nil {
			continue
		}
		c := newWordCue(expr)
		spelled++
		for range 40 {
			var b strings.Builder
			for range r.IntN(10) {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
			s := b.String()
			if got, want := c.FindAllStringIndex(s, -1), c.re.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: FindAllStringIndex(%q) = %v; the expression finds %v", expr, s, got, want)
			}
		}
	}
	if spelled < 1000 {
		t.Errorf("only %d of 3000 expressions were spelled out", spelled)
	}
}
