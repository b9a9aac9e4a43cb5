package metrics

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"unicode"
)

// wordsRef is words as first written (a string per word), the oracle for
// the faster one.
func wordsRef(text string) []string {
	var out []string
	var b strings.Builder
	flush := func() {
		if b.Len() > 0 {
			out = append(out, b.String())
			b.Reset()
		}
	}
	rs := []rune(text)
	for i, r := range rs {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			b.WriteRune(unicode.ToLower(r))
		case (r == '\'' || r == '’') && b.Len() > 0 && i+1 < len(rs) && unicode.IsLetter(rs[i+1]):
			b.WriteRune('\'')
		case endsClause(rs, i):
			flush()
			if len(out) > 0 && out[len(out)-1] != clauseMark {
				out = append(out, clauseMark)
			}
		default:
			flush()
		}
	}
	flush()
	return splitClitics(out)
}

func TestWordsMatchesReference(t *testing.T) {
	cases := []string{"", "We didn't deploy; the provider's DNS — failed (again).", "A - B: c – d", "it's O'Brien’s", "'s", "x'", "ÉCOLE Ünïcödé 42ms", "\xff\xfe bad utf8"}
	alphabet := []rune("abZ9 '’;:()—–-.,éÜ\t\n")
	r := rand.New(rand.NewPCG(5, 6))
	for range 100000 {
		rs := make([]rune, r.IntN(20))
		for i := range rs {
			rs[i] = alphabet[r.IntN(len(alphabet))]
		}
		cases = append(cases, string(rs))
	}
	for _, c := range cases {
		if got, want := words(c), wordsRef(c); !slices.Equal(got, want) {
			t.Fatalf("words(%q) = %q; want %q", c, got, want)
		}
	}
}

// FuzzWordsMatchesReference splits arbitrary text with a reused wordBuf,
// two texts one after the other, and with wordsRef, which must agree.
func FuzzWordsMatchesReference(f *testing.F) {
	for _, s := range []string{"", "We DIDN'T deploy; the provider’s DNS — failed (again).", "KİK Ａ – Ｂ x\u00a0-\u00a0y",
		"\xe2\x80 \xc2\xa0-\xc2\xa0 x", "\xff'a it'll ÉCOLE's", "a -b- c - d: e:f"} {
		f.Add(s, "Q3: 99.9% uptime")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		var buf wordBuf
		for _, text := range []string{a, b, a} {
			if got, want := buf.words(text), wordsRef(text); !slices.Equal(got, want) {
				t.Fatalf("words(%q) = %q; want %q", text, got, want)
			}
		}
	})
}
