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
