package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// stampOfOracle is stampOf as it was, reading every mention of the line:
// the oracle of the tests below.
func stampOfOracle(text string, order dateOrder) (mention, bool) {
	if len(text) > 60 || text == "" {
		return mention{}, false
	}
	t := strings.TrimRight(strings.TrimLeft(text, "-*•[( "), ".])* ")
	if !mayStartMention(t) || !mayEndMention(t) {
		return mention{}, false
	}
	ms := scanMentions(t, order)
	if len(ms) != 1 || ms[0].Clock == nil || ms[0].Start != 0 || ms[0].End != len(t) {
		return mention{}, false
	}
	if ms[0].Date == nil && ms[0].Zone == nil {
		return mention{}, false
	}
	return ms[0], true
}

func checkStampOf(t *testing.T, text string) {
	t.Helper()
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		m, ok := stampOf(text, order)
		wm, wok := stampOfOracle(text, order)
		if ok != wok || !reflect.DeepEqual(m, wm) {
			t.Fatalf("stampOf(%q, %v) = %s, %v; want %s, %v", text, order, showMentions([]mention{m}), ok, showMentions([]mention{wm}), wok)
		}
	}
}

func TestStampOfTable(t *testing.T) {
	for _, s := range []string{"", "05/07/2020 12:58PM UTC", "3 Oct 2022 12:35 PDT", "3:23 PM PST", "Thu, Aug 25, 2022, 09:06 PM",
		"- [10:05 UTC].", "10:05", "10:05 UTC 11:00 UTC", "2024-01-02 10:00 - 11:00 UTC", "All times are UTC.", "Monday 8th January",
		"• 2024-01-02T10:00:00Z", "(3pm PST)", "12:58PM UTC and more", "Resolved 10:05 UTC", "May 3 10:00 UTC", "١٢:٣٠ UTC"} {
		checkStampOf(t, s)
	}
}

func TestStampOfRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(227, 228))
	pieces := []string{"05/07/2020", "12:58PM", "3", "Oct", "2022", "12:35", " ", "UTC", "PDT", "Thu,", "Aug", "25,", "09:06", "PM",
		"- ", "• ", "[", "]", ".", "(", ")", "*", "at", "and", "-", "2024-01-02T10:00:00Z", "é", "Monday", "8th"}
	stamps := 0
	for range 50000 {
		s := randomPieces(r, pieces, 6)
		if _, ok := stampOfOracle(s, monthFirst); ok {
			stamps++
		}
		checkStampOf(t, s)
	}
	if stamps < 500 {
		t.Fatalf("only %d random lines are stamps: the test tests little", stamps)
	}
}

func FuzzStampOf(f *testing.F) {
	f.Add("05/07/2020 12:58PM UTC")
	f.Add("- [Thu, Aug 25, 2022, 09:06 PM].")
	f.Fuzz(checkStampOf)
}
