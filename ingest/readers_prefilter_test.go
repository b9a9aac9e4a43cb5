package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refContainsFold is containsFold as it was before it looked for the first
// letter with strings.IndexByte: the oracle of the tests below.
func refContainsFold(s, word string) bool {
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

var containsFoldWords = []string{"report for", "publi", "view vendor source", "r", "@x", " a", "Ab", "\x00"}

func checkContainsFold(t *testing.T, s string) {
	t.Helper()
	for _, w := range containsFoldWords {
		if got, want := containsFold(s, w), refContainsFold(s, w); got != want {
			t.Fatalf("containsFold(%q, %q) = %v; the old one says %v", s, w, got, want)
		}
	}
}

func TestContainsFoldAsBefore(t *testing.T) {
	for _, s := range []string{"", "Incident Report for Acme", "INCIDENT REPORT FOR", "rrreport for", "report fo", "Report\tfor",
		"Published", "pUBLI", "View Vendor Source →", "view vendor ſource", "`x", "@X", "\x00a", " A", "R"} {
		checkContainsFold(t, s)
	}
	r := rand.New(rand.NewPCG(105, 106))
	pieces := []string{"r", "R", "report", "REPORT", " ", "for", "FOR", " for", "publi", "PuBlI", "view", " vendor", " source", "ſ",
		"@", "`", "x", "X", "\x00", "é", " a", " A"}
	for range 200000 {
		checkContainsFold(t, randomPieces(r, pieces, 8))
	}
}

func FuzzContainsFold(f *testing.F) {
	f.Add("Incident Report for Acme")
	f.Add("View Vendor Source")
	f.Fuzz(func(t *testing.T, s string) { checkContainsFold(t, s) })
}

func FuzzIsAgBadge(f *testing.F) {
	f.Add("Minor Resolved View vendor source →")
	f.Add("Major reſolved")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isAgBadge(s), agBadge.MatchString(s); got != want {
			t.Fatalf("isAgBadge(%q) = %v; agBadge says %v", s, got, want)
		}
	})
}

func checkOrgLine(t *testing.T, line, org string) {
	t.Helper()
	for _, kind := range []string{" incident", " maintenance"} {
		if got, want := orgLine(line, org, kind), strings.ToLower(line) == strings.ToLower(org)+kind; got != want {
			t.Fatalf("orgLine(%q, %q, %q) = %v; want %v", line, org, kind, got, want)
		}
	}
}

func TestOrgLine(t *testing.T) {
	for _, c := range [][2]string{{"Acme incident", "Acme"}, {"ACME INCIDENT", "acme"}, {"Acme maintenance", "ACME"}, {"Acme  incident", "Acme"},
		{"Acmé incident", "ACMÉ"}, {"\u212aey incident", "key"}, {"Acme", "Acme"}, {"incident", ""}, {"İx incident", "i̇x"}} {
		checkOrgLine(t, c[0], c[1])
	}
	r := rand.New(rand.NewPCG(107, 108))
	pieces := []string{"a", "A", "b", " ", "é", "É", "\u212a", "k", "İ", "i"}
	for range 100000 {
		org := randomPieces(r, pieces, 4)
		line := org + []string{" incident", " Incident", " MAINTENANCE", " x", ""}[r.IntN(5)]
		if r.IntN(3) == 0 {
			line = strings.ToUpper(line)
		}
		checkOrgLine(t, line, org)
	}
}
