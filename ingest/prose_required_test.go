package ingest

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"regexp/syntax"
	"strings"
	"testing"
)

// requiredOf is requiredWords of expr as newWordCue parses it.
func requiredOf(t testing.TB, expr string) []string {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		t.Fatal(err)
	}
	return requiredWords(re.Simplify())
}

// TestRequiredWords checks the words read from a few expressions.
func TestRequiredWords(t *testing.T) {
	for _, c := range []struct {
		expr string
		want []string
	}{
		{`abc`, []string{"abc"}},
		{`a(?:b|c)d`, []string{"abd", "acd"}},
		{`\bfor\s+`, []string{"for"}},
		{`x?`, nil},
		{`a*`, nil},
		{`(?i)abc`, nil},
		{`.+`, nil},
		{`(?:ab|c*)`, nil},
		{`(?:ab|cd)+e*`, []string{"ab", "cd"}},
		{`x\s+(?:later|afterwards?)`, []string{"later", "afterward"}},
		{`[0-9]+ minutes`, []string{" minutes"}},
		{`(?:abc|a)`, []string{"a"}},
	} {
		if got := requiredOf(t, c.expr); !reflect.DeepEqual(got, c.want) {
			t.Errorf("requiredWords(%q) = %q; want %q", c.expr, got, c.want)
		}
	}
}

// TestRequiredWordsHeld checks on random expressions and random texts
// that every match holds one of the required words.
func TestRequiredWordsHeld(t *testing.T) {
	parts := []string{"a", "b", "ab", "ba", "c", "x", `\b`, `\s+`, `\s*`, " ", "$", "^", "[ab]", "[a-z]", ".", `\w+`, "é", "(?i)b"}
	ops := []string{"(?:%s|%s)", "(?:%s)?", "(?:%s)*", "(?:%s)+", "(?:%s){2}", "(?:%s){0,2}", "%s%s", "(%s)"}
	r := rand.New(rand.NewPCG(63, 64))
	var gen func(depth int) string
	gen = func(depth int) string {
		if depth == 0 || r.IntN(3) == 0 {
			return parts[r.IntN(len(parts))]
		}
		op := ops[r.IntN(len(ops))]
		if strings.Count(op, "%s") == 2 {
			return strings.Replace(strings.Replace(op, "%s", gen(depth-1), 1), "%s", gen(depth-1), 1)
		}
		return strings.Replace(op, "%s", gen(depth-1), 1)
	}
	letters := []string{"a", "b", "c", "x", " ", "é", "B", "ab", "ba"}
	checked := 0
	for range 3000 {
		expr := gen(4)
		need := requiredOf(t, expr)
		if need == nil {
			continue
		}
		re := regexp.MustCompile(expr)
		h := newHintSet(need...)
		for range 40 {
			var b strings.Builder
			for range r.IntN(10) {
				b.WriteString(letters[r.IntN(len(letters))])
			}
			s := b.String()
			if re.MatchString(s) {
				checked++
				if !h.in(s) {
					t.Fatalf("%q matches %q, which holds none of %q", expr, s, need)
				}
			}
		}
	}
	if checked < 1000 {
		t.Errorf("only %d matches checked", checked)
	}
}

// gatedREs are the expressions searched as gatedREs.
func gatedREs() map[string]*gatedRE {
	return map[string]*gatedRE{"observedCue": observedCue, "labelZone": labelZone, "notCue": notCue}
}

// checkGated compares every gatedRE with its expression on s.
func checkGated(t *testing.T, s string) (matched map[string]bool) {
	t.Helper()
	matched = map[string]bool{}
	for name, g := range gatedREs() {
		if got, want := g.MatchString(s), g.re.MatchString(s); got != want {
			t.Fatalf("%s.MatchString(%q) = %v; want %v", name, s, got, want)
		}
		if got, want := g.FindStringSubmatch(s), g.re.FindStringSubmatch(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s.FindStringSubmatch(%q) = %q; want %q", name, s, got, want)
		}
		matched[name] = g.re.MatchString(s)
	}
	return matched
}

// TestGatedREs compares the gatedREs with their expressions on the texts
// before every time of the fixture lines, and random texts of the cues'
// words.
func TestGatedREs(t *testing.T) {
	skipOracleUnderRace(t)
	texts := endCueTexts(t, 20000)
	words := append(cueWords(), "we observed ", "users saw ", "our team noticed ", "customers first experienced ", "not ", "never", "n't",
		"(utc): ", "(pst) : about ", "(", ")", ":")
	r := rand.New(rand.NewPCG(73, 74))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(10) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	hits := map[string]int{}
	for _, s := range texts {
		for name, ok := range checkGated(t, s) {
			if ok {
				hits[name]++
			}
		}
	}
	for name := range gatedREs() {
		if hits[name] < 100 {
			t.Errorf("%s matched only %d texts", name, hits[name])
		}
	}
}

// FuzzGatedREs compares the gatedREs with their expressions on arbitrary
// text.
func FuzzGatedREs(f *testing.F) {
	for _, s := range endCueTexts(f, 100) {
		f.Add(s)
	}
	f.Add("at 16:25 utc we observed errors")
	f.Fuzz(func(t *testing.T, s string) { checkGated(t, s) })
}
