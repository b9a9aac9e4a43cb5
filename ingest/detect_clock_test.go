package ingest

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unsafe"

	"github.com/mttx-dev/mttx/synth"
)

// clockPieces build lines near every shape of a clock and of what is no
// clock: digits glued to ':', 'h', '.', meridiems, four digits before a
// zone, years, counts, Unicode white space and letters that fold to ASCII.
var clockPieces = []string{"1", "2", "9", "12", "30", "123", "1000", "2019", "12345", ":", ".", "h", "H", "am", "AM", "a.m.",
	"p", "P", "pm", " ", "  ", "\t", "\u2009", "\u00a0", "UTC", "utc", "EDT", "est", "Z", "(", ")", "+", "-", "−", "0530", "+05:30",
	"on", " on ", "Monday", "Apr", "Apr 11, 2023", "2023-04-11", "T", "/", ",", "ſ", "\u212a", "é", "\xff", "- ", "* ", "1. ",
	"at", "Pacific Time", "timeline", "Times are in UTC", "x", "v1.", "%", "m", "min", "s"}

// checkMayHoldClock fails when s holds a mention with a clock that
// mayHoldClock says it cannot hold, in either date order.
func checkMayHoldClock(t *testing.T, s string) {
	t.Helper()
	if mayHoldClock(s) {
		return
	}
	d := indexDigit(s)
	if d < 0 {
		return
	}
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		for _, f := range scanFound(s, d, order, nil, -1) {
			if f.hasC {
				t.Fatalf("mayHoldClock(%q) = false, but the scanner reads the clock %q", s, s[f.ctFrom:f.ctTo])
			}
		}
	}
}

func TestMayHoldClock(t *testing.T) {
	for _, c := range []struct {
		s    string
		want bool
	}{
		{"", false}, {"1", false}, {"x", false}, {"12:30", true}, {"at 9:05 we", true}, {"14h05", true}, {"14H05", true},
		{"14.05", true}, {"9am", true}, {"9 AM", true}, {"9\u2009am", true}, {"9 a.m.", true}, {"12 Pm", true},
		{"1000 UTC", true}, {"1000UTC", true}, {"1000 (UTC)", true}, {"1000 +0200", true}, {"1000 −0200", true},
		{"3 services", false}, {"99.9%", false}, {"v1.2", false}, {"123:45", false}, {"12345 UTC", false},
		{"2019.", false}, {"2019, then", false}, {"2019 we", true}, {"12:3", false}, {"12:", false},
		{"9 \u212aelvin", true}, {"9 ſ", true}, {"9 b", false}, {"\xff12:30", true}, {"12\xff", true}, {"1 2 3", false},
		{strings.Repeat("1 item, ", 5000) + "9:30", true}, {strings.Repeat("1 item, ", 5000), false},
	} {
		if got := mayHoldClock(c.s); got != c.want {
			t.Errorf("mayHoldClock(%.40q) = %v, want %v", c.s, got, c.want)
		}
		checkMayHoldClock(t, c.s)
	}
	r := rand.New(rand.NewPCG(7, 11))
	for range 300000 {
		checkMayHoldClock(t, randomPieces(r, clockPieces, 10))
	}
}

func FuzzMayHoldClock(f *testing.F) {
	for _, s := range []string{"12:30 UTC", "9am", "1000 EDT", "2019 we", "99.9%", "9\u2009pm"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkMayHoldClock(t, s) })
}

// checkDetectText compares detectText with its oracle (refDetectText,
// which scans every line) on a document.
func checkDetectText(t *testing.T, text string) {
	t.Helper()
	checkDetectorAsBefore(t, "detectText", text, detectText, refDetectText)
}

// checkDetectorAsBefore compares a detector with its oracle on a
// document, each given a doc of its own.
func checkDetectorAsBefore(t *testing.T, name, text string, detector, oracle func(*doc) (int, string)) {
	t.Helper()
	newDoc := func() *doc {
		d := &doc{data: unsafe.Slice(unsafe.StringData(text), len(text)), text: text, textDone: true}
		_ = d.check() // a document check refuses is still detected alike
		return d
	}
	a, b := newDoc(), newDoc()
	defer a.release()
	defer b.release()
	gs, gw := detector(a)
	ws, ww := oracle(b)
	if gs != ws || gw != ww {
		t.Fatalf("%s(%.80q) = %d, %q; the old one says %d, %q", name, text, gs, gw, ws, ww)
	}
}

func TestDetectTextAsBefore(t *testing.T) {
	lines := append(clockPieces, "\n", "\n", "\n", "- 14:05 UTC: we restarted it\n", "09:30 - rolled back\n",
		"at 14h05 PDT we paged\n", "1000 (UTC): paged\n", "9\u2009pm EST\n", "- 1000 GMT - up\n", "{\"a\":1}")
	for _, text := range detectTestTexts(t, 20000, lines) {
		checkDetectText(t, text)
	}
}

// detectTestTexts are documents to compare a detector with its oracle
// on: the testdata, the corpus when it is beside the project, synthetic
// documents of each format and n documents of random pieces.
func detectTestTexts(t *testing.T, n int, pieces []string) []string {
	var texts []string
	for _, dir := range []string{"../testdata/*/*", corpusDir + "/*"} {
		files, _ := filepath.Glob(dir)
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				texts = append(texts, string(data))
			}
		}
	}
	for _, f := range synth.Formats() {
		c := synth.Config{Format: f, N: 20, Seed: 3, PerFile: 10}
		for k := range c.Files() {
			var b strings.Builder
			if err := synth.Write(&b, f, c.File(k)); err != nil {
				t.Fatal(err)
			}
			texts = append(texts, b.String())
		}
	}
	r := rand.New(rand.NewPCG(13, 17))
	for range n {
		texts = append(texts, randomPieces(r, pieces, 30))
	}
	return texts
}

func FuzzDetectText(f *testing.F) {
	f.Add("# Outage\n\n- 14:05: paged\n- 14:30: fixed\n")
	f.Add("We saw errors at 9am PDT.\n")
	f.Add("All times are in UTC.\n1000 things failed\n")
	f.Fuzz(func(t *testing.T, text string) { checkDetectText(t, text) })
}
