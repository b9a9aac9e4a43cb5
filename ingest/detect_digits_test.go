package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// The detectors of the formats built on dates pass over the lines without
// an ASCII digit (doc.digitLines). A doc whose memo marks every line it
// covers tries every one of them, as they did before the memo: it is the
// oracle here, and every detector that reads the memo must score, explain
// and keep what it finds alike on both. The lines after the memo's are
// tested as they are asked for, alike on both: checkDigitMemo checks the
// lines next gives, those too, against a plain search for a digit.

// allDigitLines is a doc of text whose digit memo marks every line it
// covers.
func allDigitLines(text string) *doc {
	d := &doc{data: []byte(text), text: text, textDone: true}
	for i := range d.digits.bits {
		d.digits.bits[i] = ^uint64(0)
	}
	d.digits.upto = digitMemoLines
	return d
}

// checkDigitMemo compares the detectors that read the memo on text, with
// the memo and with every line tried, and checks the memo's lines.
func checkDigitMemo(t *testing.T, text string) {
	t.Helper()
	m := &doc{data: []byte(text), text: text, textDone: true}
	ls, digits := m.digitLines()
	var got, want []int
	for i := digits.next(ls, 0); i < len(ls); i = digits.next(ls, i+1) {
		got = append(got, i)
	}
	for i, l := range ls {
		if strings.ContainsAny(l.Text, "0123456789") {
			want = append(want, i)
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("memo gives lines %v; want %v", got, want)
	}
	// Asked first from any line, a memo marks the lines before it too:
	// the lines of the first two words and around the memo's end.
	for k := range len(ls) {
		if k > 130 && (k < digitMemoLines-3 || k > digitMemoLines+3) {
			continue
		}
		_, digits := (&doc{data: []byte(text), text: text, textDone: true}).digitLines()
		j, _ := slices.BinarySearch(want, k)
		if w := append(want, len(ls))[j]; digits.next(ls, k) != w || digits.next(ls, 0) != append(want, len(ls))[0] {
			t.Fatalf("next(%d) on a new memo = %d; want %d", k, digits.next(ls, k), w)
		}
	}
	// The detectors, on a new memo filled as they ask.
	d, o := &doc{data: []byte(text), text: text, textDone: true}, allDigitLines(text)
	for _, det := range []struct {
		name string
		fn   func(*doc) (int, string)
	}{{"aggregator", detectAggregator}, {"history", detectHistory}, {"stamped", detectStamped}} {
		gs, gw := det.fn(d)
		ws, ww := det.fn(o)
		if gs != ws || gw != ww {
			t.Fatalf("%s: got %d %q; every line tried gives %d %q", det.name, gs, gw, ws, ww)
		}
	}
	if !reflect.DeepEqual(d.summary, o.summary) {
		t.Fatalf("summary %+v; every line tried gives %+v", d.summary, o.summary)
	}
	if !reflect.DeepEqual(d.stampLines(), o.stampLines()) {
		t.Fatalf("stamps %+v; every line tried gives %+v", d.stampLines(), o.stampLines())
	}
}

// TestDigitMemo runs the comparison on documents of every format, on
// lines around the memo's end and on documents longer than it.
func TestDigitMemo(t *testing.T) {
	long := func(n int, at map[int]string) string {
		var b strings.Builder
		for i := range n {
			if s, ok := at[i]; ok {
				b.WriteString(s)
			} else {
				b.WriteString("some prose without a number in it")
			}
			b.WriteByte('\n')
		}
		return b.String()
	}
	cases := map[string]string{
		"empty":                        "",
		"no digits":                    "a title\n\nsome prose\n",
		"aggregator":                   "Acme experienced a minor incident on September 21, 2021 affecting API, lasting 4h 16m.\n- resolved Sep 21, 2021, 11:40 AM UTC\n",
		"updates":                      "Title\n\n- investigating Sep 21, 2021, 11:40 AM UTC\nLooking.\n- resolved Sep 21, 2021, 12:40 PM UTC\n",
		"history":                      "April 2024\nAPI errors\nResolved - fixed.\nApr 11, 16:10 EDT\n",
		"stamped":                      "Outage\n05/07/2020 12:58PM UTC\nWe are looking.\n05/07/2020 1:58PM UTC\nFixed.\n",
		"digit at every word boundary": "0\n\n1 a\nb 2\n٣ arabic digit\n１ fullwidth\n",
		"memo end": long(600, map[int]string{
			62: "- investigating Sep 21, 2021, 11:40 AM UTC", 63: "April 2024", 64: "Apr 11, 16:10 EDT",
			511: "05/07/2020 12:58PM UTC", 512: "05/07/2020 1:58PM UTC", 513: "Apr 12, 10:10 EDT",
		}),
		"summary after the memo": long(700, map[int]string{
			650: "Acme experienced a major outage on May 2, 2022.",
		}),
	}
	for name, text := range cases {
		t.Run(name, func(t *testing.T) { checkDigitMemo(t, text) })
	}
	files, _ := filepath.Glob("../testdata/*/*")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			continue // a directory
		}
		t.Run(p, func(t *testing.T) { checkDigitMemo(t, string(data)) })
	}
}

// FuzzDigitMemo runs the comparison on arbitrary input.
func FuzzDigitMemo(f *testing.F) {
	seedFuzz(f, "../testdata/parse/*", "../testdata/examples/*")
	f.Add([]byte("April 2024\nAPI errors\nResolved - fixed.\nApr 11, 16:10 EDT\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkDigitMemo(t, string(data))
	})
}
