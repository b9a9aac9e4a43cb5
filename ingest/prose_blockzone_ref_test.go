package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// blockZoneRef is blockZone as it was written before its tokens were
// kept on the stack: a range over zoneCue.All, lex and zoneOf. It is the
// oracle blockZone is compared with.
func blockZoneRef(ls []line, order dateOrder) *zone {
	for _, l := range ls {
		if !mayNameTime(l.Text) || !mayCueZone(l.Text) {
			continue
		}
		for _, locEnd := range zoneCue.All(l.Text) {
			rest := l.Text[locEnd:]
			sc := scanner{src: rest, toks: lex(rest), order: order}
			for i := 0; i < len(sc.toks) && i < 6; i++ {
				if sc.toks[i].kind == tkNum {
					break
				}
				if h, _, ok := sc.zone(i, true); ok {
					z := sc.zoneOf(h)
					return &z
				}
			}
		}
	}
	return nil
}

// checkBlockZone compares blockZone with blockZoneRef on s, one line, in
// both date orders, and reports whether a zone was found.
func checkBlockZone(t *testing.T, s string) bool {
	t.Helper()
	found := false
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		ls := []line{{N: 1, Text: s}}
		got, want := blockZone(ls, order), blockZoneRef(ls, order)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("blockZone(%q) = %+v; the reference reads %+v", s, got, want)
		}
		found = found || got != nil
	}
	return found
}

func TestBlockZoneAsRef(t *testing.T) {
	table := []string{"All times are in UTC", "Timeline (UTC)", "(all times in PDT)", "Times shown in Pacific Time",
		"all times are UTC+05:30 unless noted", "timeline: 10:00 UTC", "All times in EST. All times in CET",
		"Times in (GMT-03:00) local", "the timeline is below.", "All times America/Los_Angeles", "time line UTC",
		"TIMESTAMPS utc", "Chronology (CEST)", "times listed " + strings.Repeat("x ", 40) + "UTC"}
	for _, s := range table {
		checkBlockZone(t, s)
	}
}

// TestBlockZoneCorpus compares blockZone with its reference on the
// fixture lines and on random lines that open with a zone cue and go on
// with date words, zones and marks, some with more tokens than the
// stack holds.
func TestBlockZoneCorpus(t *testing.T) {
	skipOracleUnderRace(t)
	lines := refTestLines(t)
	r := rand.New(rand.NewPCG(45, 46))
	cues := []string{"All times are ", "Timeline (", "times in ", "Times shown ", "timestamps ", "chronology ", "time line ", "Time ("}
	zones := []string{"UTC", "PST", "utc", "EDT)", "(UTC)", "+02:00", "UTC-3", "Pacific Time", "Europe/Berlin", "Z", "est", "IST"}
	for range 20000 {
		var b strings.Builder
		b.WriteString(cues[r.IntN(len(cues))])
		for range r.IntN(3) {
			b.WriteString(zones[r.IntN(len(zones))] + " ")
		}
		b.WriteString(randomDateText(r, r.IntN(40)))
		lines = append(lines, b.String())
	}
	found := 0
	for _, s := range lines {
		if checkBlockZone(t, s) {
			found++
		}
	}
	if found < 2000 {
		t.Errorf("only %d lines name a zone", found)
	}
}

func FuzzBlockZone(f *testing.F) {
	for _, s := range []string{"All times are in UTC", "Timeline (PDT)", "times in UTC+05:30", "All times America/Los_Angeles"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkBlockZone(t, s)
	})
}
