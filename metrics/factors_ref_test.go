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
