package ingest

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"
)

// csHead is the expression csHeadParts reads by hand, its oracle: an
// emphasised status word, an optional dash, and the text.
var csHead = regexp.MustCompile(`^(?:[*_]{1,3})([^*_]{1,40}?)(?:[*_]{1,3})\s*[-–—:]?\s*(.*)$`)

// checkCSHead compares csHeadParts with csHead's submatches.
func checkCSHead(t *testing.T, s string) bool {
	t.Helper()
	word, text, ok := csHeadParts(s)
	m := csHead.FindStringSubmatch(s)
	if ok != (m != nil) || ok && (word != m[1] || text != m[2]) {
		t.Fatalf("csHeadParts(%q) = %q, %q, %v; the expression says %q", s, word, text, ok, m)
	}
	return ok
}

func TestCSHeadTable(t *testing.T) {
	for _, c := range []struct {
		s, word, text string
		ok            bool
	}{
		{`***Update*** {{< track "2025-06-24T20:02:00+00:00" >}} text`, "Update", `{{< track "2025-06-24T20:02:00+00:00" >}} text`, true},
		{`**Resolved** - We fixed it.`, "Resolved", "We fixed it.", true},
		{`__Monitoring__: ok`, "Monitoring", "ok", true},
		{"**Investigating** — looking", "Investigating", "looking", true},
		{"**Investigating**– looking", "Investigating", "looking", true},
		{"**a****b", "a", "*b", true},
		{"**a**\n b", "a", "b", true},
		{"**a**\nb\nc", "", "", false},
		{"****a**", "", "", false},
		{"**" + strings.Repeat("é", 40) + "**", strings.Repeat("é", 40), "", true},
		{"**" + strings.Repeat("x", 41) + "**", "", "", false},
		{"**\xff\xfe**x", "\xff\xfe", "x", true},
		{"**a", "", "", false}, {"****", "", "", false}, {"", "", "", false}, {"x **a**", "", "", false},
		{"*a\nb* - -c", "a\nb", "-c", true},
	} {
		word, text, ok := csHeadParts(c.s)
		if word != c.word || text != c.text || ok != c.ok {
			t.Errorf("csHeadParts(%q) = %q, %q, %v; want %q, %q, %v", c.s, word, text, ok, c.word, c.text, c.ok)
		}
		checkCSHead(t, c.s)
	}
}

func TestCSHeadAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(121, 122))
	pieces := []string{"*", "**", "***", "_", "__", "Update", "Resolved", "word ", " ", "\t", "\n", "-", "–", "—", ":", "x",
		"é", "\xff", "{{< track \"2025\" >}}", strings.Repeat("y", 19), "text."}
	matched := 0
	for range 300000 {
		if checkCSHead(t, randomPieces(r, pieces, 8)) {
			matched++
		}
	}
	for _, l := range refTestLines(t) {
		checkCSHead(t, l)
	}
	if matched < 5000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

func FuzzCSHead(f *testing.F) {
	f.Add(`***Update*** {{< track "2025-06-24T20:02:00+00:00" >}} text`)
	f.Add("**Resolved** — done\n")
	f.Add("_a_\n\t: b")
	f.Fuzz(func(t *testing.T, s string) { checkCSHead(t, s) })
}
