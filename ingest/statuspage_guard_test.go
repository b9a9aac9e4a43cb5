package ingest

import (
	"math/rand/v2"
	"testing"
)

// checkComponentField checks that mayComponentField holds wherever the
// expression it guards matches.
func checkComponentField(t *testing.T, s string) {
	t.Helper()
	if spComponentField.MatchString(s) && !mayComponentField(s) {
		t.Fatalf("spComponentField matches %q but mayComponentField is false", s)
	}
}

func TestMayComponentFieldGuardsRegexp(t *testing.T) {
	for _, s := range []string{"Component(s): Customer Support Portal", "• Affected components: API, Web", "COMPONENTS : x",
		"componentſ: x", "- component:", "Components:", "", ":", "component"} {
		checkComponentField(t, s)
	}
	if mayComponentField("We are investigating the issue.") || mayComponentField("Posted at 14:00 UTC") {
		t.Fatal("mayComponentField lets through lines without a component field: it guards nothing")
	}
	r := rand.New(rand.NewPCG(211, 212))
	pieces := []string{"component", "Component", "COMPONENT", "s", "ſ", "(s)", "affected ", "Affected ", ":", " ", "\t", "•", "*", "-",
		"API", "x", "é", "K", "\n"}
	matched := 0
	for range 200000 {
		s := randomPieces(r, pieces, 6)
		if spComponentField.MatchString(s) {
			matched++
		}
		checkComponentField(t, s)
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

func FuzzMayComponentField(f *testing.F) {
	f.Add("Component(s): Customer Support Portal")
	f.Add("• affected COMPONENTſ : x")
	f.Fuzz(func(t *testing.T, s string) { checkComponentField(t, s) })
}
