package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// checkPMSection compares isPMSection with the expression it reads by
// hand, pmSection.
func checkPMSection(t *testing.T, s string) bool {
	t.Helper()
	want := pmSection.MatchString(s)
	if got := isPMSection(s); got != want {
		t.Fatalf("isPMSection(%q) = %v; the expression says %v", s, got, want)
	}
	return want
}

func TestPMSectionTable(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"Timeline", true}, {"## Timeline", true}, {"##Timeline", true}, {"#\t Timeline of events:", true},
		{"**Root Cause Analysis**", true}, {"**Root cause?:**", true}, {"Summary:", true}, {"Summary?", true},
		{"Summary:?", false}, {"Summary **", false}, {" Summary", false}, {"***Summary", false}, {"Summary.", false},
		{"Remediation and next steps", true}, {"remediation\nx", false}, {"Why did this happen?", true}, {"Why did", false},
		{"What we're doing about it", true}, {"What will we do", true}, {"How we fixed it", true}, {"Follow up items", true},
		{"Follow-up", true}, {"Followup", false}, {"Post mortem", true}, {"Postmortem:", true}, {"Post-incident review", true},
		{"RFO", true}, {"Reason for outage", true}, {"Customer Impact", true}, {"Scope of impact", true}, {"impacts", false},
		{"Lessons learned", true}, {"Lessons", false}, {"Overview", true}, {"Details**", true}, {"", false}, {"#", false},
		{"ſummary", true}, {"Ta\u212aeaways", false}, {"Root cause — ſ", false}, {"Next \u212asteps", false},
	} {
		if got := checkPMSection(t, c.s); got != c.want {
			t.Errorf("pmSection.MatchString(%q) = %v; the table says %v", c.s, got, c.want)
		}
	}
}

// TestPMSectionAsRegexp checks isPMSection on headings made of the
// expression's words and marks in any case, pieces of them, "ſ" and the
// Kelvin sign, and the fixture lines.
func TestPMSectionAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	// The expression's words, written out here rather than taken from
	// isPMSection's lists, which the test would then not check.
	words := []string{"what happened", "root cause", "analysis", "timeline", "of events", "summary", "incident", "impact",
		"service ", "customer ", "scope of", "next steps", "action items", "lessons learned", "resolution", "steps",
		"remediation", "contributing factors", "why did ", "what went wrong", "what ", "we are", "we're", "will we", " do",
		"how we", "further action", "follow", "-", "up", "prevention", "cause analysis", "overview", "details", "mitigation",
		"post", "mortem", "rfo", "reason for outage", "what we are doing", "what we're doing", "what will we do", "post-incident",
		"follow-up", "follow up", "further actions", "why did it", "how we fixed it", "root cause analysis", "timeline of events"}
	var pieces []string
	for _, w := range words {
		pieces = append(pieces, w, strings.ToUpper(w), w[:len(w)/2], w[len(w)/2:])
	}
	r := rand.New(rand.NewPCG(111, 112))
	matched := 0
	for range 300000 {
		if checkPMSection(t, randomPieces(r, pieces, 4)) {
			matched++
		}
	}
	for _, l := range refTestLines(t) {
		checkPMSection(t, l)
		checkPMSection(t, strings.ToUpper(l))
	}
	if matched < 3000 {
		t.Fatalf("only %d random headings match: the test tests little", matched)
	}
}

func FuzzPMSection(f *testing.F) {
	f.Add("## **Root Cause Analysis?:**")
	f.Add("What we're doing\nnext")
	f.Add("ſummary")
	f.Fuzz(func(t *testing.T, s string) { checkPMSection(t, s) })
}
