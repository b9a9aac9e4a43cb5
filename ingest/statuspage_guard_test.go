package ingest

import (
	"math/rand/v2"
	"strings"
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

// inlineStatusOracle is inlineStatus without its guard, mayInlineStatus.
func inlineStatusOracle(s string) (word, rest string, st Status, ok bool) {
	if m := spInline.FindStringSubmatch(s); m != nil {
		if st, ok := ParseStatus(m[1]); ok {
			return m[1], m[2], st, true
		}
	}
	if m := spHeadWord.FindStringSubmatch(s); m != nil {
		st, _ := ParseStatus(m[1])
		return m[1], m[2], st, true
	}
	return "", "", StatusUnknown, false
}

func checkInlineStatus(t *testing.T, s string) {
	t.Helper()
	w, r, st, ok := inlineStatus(s)
	ww, wr, wst, wok := inlineStatusOracle(s)
	if w != ww || r != wr || st != wst || ok != wok {
		t.Fatalf("inlineStatus(%q) = %q, %q, %v, %v; without its guard %q, %q, %v, %v", s, w, r, st, ok, ww, wr, wst, wok)
	}
}

func TestMayInlineStatusGuardsInlineStatus(t *testing.T) {
	skipOracleUnderRace(t)
	// Every status word ParseStatus reads, written inline, in any case and
	// with "-" or "_" for its spaces.
	for _, w := range []string{"investigating", "identified", "monitoring", "watching", "recovering", "update", "updated",
		"resolved", "fixed", "postmortem", "post mortem", "post incident report", "rca", "scheduled", "soon", "upcoming",
		"planned", "in progress", "starting", "started", "underway", "verifying", "completed", "complete", "finished"} {
		if _, ok := ParseStatus(w); !ok {
			t.Fatalf("ParseStatus does not read %q: the list is out of date", w)
		}
		for _, v := range []string{w, strings.ToUpper(w), strings.ReplaceAll(w, " ", "-"), strings.ReplaceAll(w, " ", "_")} {
			for _, s := range []string{v + " - Body text.", v + ". Body", v + ": body", v + " — body"} {
				if _, _, _, ok := inlineStatusOracle(s); ok && !mayInlineStatus(s) {
					t.Fatalf("inlineStatus reads %q but mayInlineStatus is false", s)
				}
				checkInlineStatus(t, s)
			}
		}
	}
	if mayInlineStatus("We are investigating this issue.") || mayInlineStatus("The fix is in - done") {
		t.Fatal("mayInlineStatus lets through lines that open with no status word: it guards nothing")
	}
	r := rand.New(rand.NewPCG(213, 214))
	pieces := []string{"Resolved", "resolved", "In", "progress", "Post", "mortem", "Update", "Updated", "We", "Identified",
		"Investigating", "rca", " ", "  ", "-", "_", " - ", " – ", " — ", ".", ":", "\t", "This", "x", "é", "K", "ſ", "A"}
	matched := 0
	for range 200000 {
		s := randomPieces(r, pieces, 6)
		if _, _, _, ok := inlineStatusOracle(s); ok {
			matched++
		}
		checkInlineStatus(t, s)
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

func FuzzMayInlineStatus(f *testing.F) {
	f.Add("Resolved - This incident has been resolved.")
	f.Add("In-Progress: work started")
	f.Add("Resolved This incident has been resolved.")
	f.Fuzz(func(t *testing.T, s string) { checkInlineStatus(t, s) })
}
