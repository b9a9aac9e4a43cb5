package metrics

import (
	"strings"
	"testing"
)

// evidenceTextRef is evidenceText as first written, its oracle.
func evidenceTextRef(s string) string {
	return clip(strings.Join(strings.Fields(s), " "), 300)
}

func TestEvidenceTextMatchesReference(t *testing.T) {
	long := strings.Repeat("word ", 70)
	cases := []string{"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00a0b", "a\u0085b", "é b", long, long + "x",
		strings.Repeat("é", 301), strings.Repeat("ab", 150), strings.Repeat("ab", 151), strings.Repeat("é ", 200)}
	for _, c := range randomStrings(cases, "ab é\t\n\v\f\r\u00a0\u0085\u2028\xff", 100000, 40, 13) {
		if got, want := evidenceText(c), evidenceTextRef(c); got != want {
			t.Fatalf("evidenceText(%q) = %q; want %q", c, got, want)
		}
	}
}

func FuzzEvidenceTextMatchesReference(f *testing.F) {
	f.Add("The deploy  failed.\n")
	f.Add(strings.Repeat("x ", 160))
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := evidenceText(s), evidenceTextRef(s); got != want {
			t.Fatalf("evidenceText(%q) = %q; want %q", s, got, want)
		}
	})
}
