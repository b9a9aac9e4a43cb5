package ingest

import (
	"reflect"
	"regexp"
	"regexp/syntax"
	"slices"
	"testing"
)

// TestEndSetWords checks the words newEndSet reads from expressions, and
// that it refuses what it cannot tell.
func TestEndSetWords(t *testing.T) {
	for _, tc := range []struct {
		expr  string
		words []string // nil: no endSet
	}{
		{`\bsince\s+$`, []string{"since"}},
		{`\b(?:by|as of)\s*$`, []string{"by", "as of"}},
		{`\b(?:starting|began) at\s+x?$`, []string{"x", "starting at", "began at"}},
		{`\bend(?:ed)?:\s*$`, []string{"end:", "ended:"}},
		{`[a-z]+ing\s+$`, []string{"ing"}},
		{`\bfrom\s+(?:(?:about|~)\s*)*$`, []string{"about", "~", "from"}},
		{`\bfrom\s+`, nil},           // not anchored at the end
		{`\s*$`, nil},                // may be blank
		{`(?i)from\s+$`, nil},        // case-folded
		{`\([^)]{1,20}\)?\s*$`, nil}, // a wide class may end it
		{`\(x\)$|\bat$`, []string{"(x)", "at"}},
		{`\bat$|\bfrom`, nil}, // one alternative not anchored
	} {
		re, err := syntax.Parse(tc.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		e := newEndSet(re.Simplify())
		switch {
		case tc.words == nil && e != nil:
			t.Errorf("%s: endSet %q, want none", tc.expr, e.words)
		case tc.words != nil && e == nil:
			t.Errorf("%s: no endSet, want %q", tc.expr, tc.words)
		case e != nil:
			got, want := slices.Sorted(slices.Values(e.words)), slices.Sorted(slices.Values(tc.words))
			if !reflect.DeepEqual(got, want) {
				t.Errorf("%s: endSet %q, want %q", tc.expr, got, want)
			}
		}
	}
}

// endSetREs are the expressions the prose reader searches with an
// endSet in front.
func endSetREs(t testing.TB) map[string]struct {
	re   *regexp.Regexp
	ends *endSet
} {
	out := map[string]struct {
		re   *regexp.Regexp
		ends *endSet
	}{}
	for name, c := range wordCues() {
		if c.ends != nil {
			out[name] = struct {
				re   *regexp.Regexp
				ends *endSet
			}{c.re, c.ends}
		}
	}
	for name, g := range gatedREs() {
		if g.ends != nil {
			out[name] = struct {
				re   *regexp.Regexp
				ends *endSet
			}{g.re, g.ends}
		}
	}
	if len(out) < len(endCues()) {
		t.Fatalf("only %d expressions have an endSet", len(out))
	}
	return out
}

// TestEndSetsNeeded checks that no text an expression matches is ruled
// out by its endSet, on the texts before every time of the fixture lines
// and random texts of the cues' words.
func TestEndSetsNeeded(t *testing.T) {
	skipOracleUnderRace(t)
	sets := endSetREs(t)
	ruledOut := 0
	for _, s := range endCueTexts(t, 30000) {
		for name, x := range sets {
			m := x.re.MatchString(s)
			if m && x.ends.cannot(s) {
				t.Fatalf("%s matches %q, which its endSet %q rules out", name, s, x.ends.words)
			}
			if !m && x.ends.cannot(s) {
				ruledOut++
			}
		}
	}
	if ruledOut < 1000 {
		t.Errorf("the endSets ruled out only %d texts", ruledOut)
	}
}

// FuzzEndSets checks the endSets on arbitrary text.
func FuzzEndSets(f *testing.F) {
	for _, s := range endCueTexts(f, 100) {
		f.Add(s)
	}
	sets := endSetREs(f)
	f.Fuzz(func(t *testing.T, s string) {
		for name, x := range sets {
			if x.re.MatchString(s) && x.ends.cannot(s) {
				t.Fatalf("%s matches %q, which its endSet %q rules out", name, s, x.ends.words)
			}
		}
	})
}
