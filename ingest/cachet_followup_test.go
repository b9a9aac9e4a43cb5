package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// cachetFollowUpOracle is cachetFollowUp as it was, reading every mention
// of the line: the oracle of the tests below.
func cachetFollowUpOracle(text string, order dateOrder) (mention, string, bool) {
	if !mayStartMention(text) {
		return mention{}, "", false
	}
	ms := scanMentions(text, order)
	if len(ms) == 0 || ms[0].Start != 0 || ms[0].Clock == nil || ms[0].Zone == nil {
		return mention{}, "", false
	}
	sep := entrySep.FindString(text[ms[0].End:])
	if sep == "" || !strings.ContainsAny(sep, ":-–—") {
		return mention{}, "", false
	}
	return ms[0], strings.TrimSpace(text[ms[0].End+len(sep):]), true
}

func checkCachetFollowUp(t *testing.T, text string) {
	t.Helper()
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		m, rest, ok := cachetFollowUp(text, order)
		wm, wrest, wok := cachetFollowUpOracle(text, order)
		if ok != wok || rest != wrest || !reflect.DeepEqual(m, wm) {
			t.Fatalf("cachetFollowUp(%q, %v) = %s, %q, %v; want %s, %q, %v", text, order,
				showMentions([]mention{m}), rest, ok, showMentions([]mention{wm}), wrest, wok)
		}
	}
}

func TestCachetFollowUpTable(t *testing.T) {
	for _, s := range []string{"", "15:22 UTC: We are looking into it.", "15:22 UTC - Fixed at 16:00 UTC.", "15:22: no zone",
		"At 15:22 UTC: not first", "15:22 UTC", "15:22 UTC:", "3pm PST — restored, 4pm PST: checked", "Monday 8th January 2024",
		"08/01/2024 10:00 GMT: day first or month first", "15:22UTC:x", "1000 UTC: military", "15:22 Europe/London - text"} {
		checkCachetFollowUp(t, s)
	}
}

func TestCachetFollowUpRandom(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(223, 224))
	pieces := []string{"15:22", "3pm", "10", ":", " ", "-", "—", "UTC", "PST", "Z", "GMT", "+02:00", "Monday", "8th", "January",
		"2024", "08/01/2024", "text", "at", ".", ",", "é", "Europe/London", "1000"}
	found := 0
	for range 50000 {
		s := randomPieces(r, pieces, 8)
		if r.IntN(2) == 0 {
			s = pieces[r.IntN(2)] + " " + pieces[7+r.IntN(5)] + pieces[4+r.IntN(3)] + s
		}
		if _, _, ok := cachetFollowUpOracle(s, monthFirst); ok {
			found++
		}
		checkCachetFollowUp(t, s)
	}
	if found < 500 {
		t.Fatalf("only %d random lines are follow-ups: the test tests little", found)
	}
}

func FuzzCachetFollowUp(f *testing.F) {
	f.Add("15:22 UTC: We are looking into it. Next update at 16:00 UTC.")
	f.Add("3pm PST — restored")
	f.Fuzz(checkCachetFollowUp)
}
