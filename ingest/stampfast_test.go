package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
	"time"
)

// checkUsualStamp asserts that usualStamp, where it reads a stamp, reads
// it as parseStamp does, and reports whether it read it.
func checkUsualStamp(t *testing.T, s string, order dateOrder, zs *stampZones) bool {
	t.Helper()
	got, ok := usualStamp(s, order, zs)
	if !ok {
		return false
	}
	for _, ref := range []time.Time{{}, time.Date(2021, 6, 1, 12, 0, 0, 0, time.UTC)} {
		want, _, err := parseStamp(s, ref, order)
		if err != nil {
			t.Fatalf("usualStamp(%q) = %v; parseStamp refuses it: %v", s, got, err)
		}
		if !got.At.Equal(want.At) || got.At.Location() != want.At.Location() || got.Note != want.Note {
			t.Fatalf("usualStamp(%q) = %v %q; parseStamp reads %v %q", s, got.At, got.Note, want.At, want.Note)
		}
	}
	return true
}

func TestUsualStampMatchesParseStamp(t *testing.T) {
	var zs stampZones
	for _, s := range []string{
		"Jul 20, 2024 - 14:43 UTC", "Sep 5, 2025, 01:35 PM UTC", "Jan 1, 2024 - 09:05 CET", "Aug 12, 2023 - 23:59 CEST",
		"Mar 10, 2024 - 02:30 PST", "Mar 10, 2024 - 02:30 PDT", "Nov 3, 2024, 01:30 AM EDT", "Dec 31, 2022, 12:00 AM GMT",
		"July 4, 2021 - 12:00 Pacific", "May 2, 2022 - 10:00 utc", "June 30, 2020, 11:59 pm BST", "Oct 1, 2019 - 7:05 IST",
	} {
		if !checkUsualStamp(t, s, monthFirst, &zs) {
			t.Errorf("usualStamp declines %q", s)
		}
	}
	for _, s := range []string{
		"", "Jul 20, 2024 - 14:43", "Jul 20 2024 - 14:43 UTC", "Jul 20, 2024 14:43 UTC", "Jul 20, 2024 - 14:43:10 UTC",
		"Jul 20, 2024 - 14:43 UTC+2", "Jul 20, 2024 - 14:43 (UTC)", "Jul 20, 2024 - 14:43 UTC.", "may 2, 2022 - 10:00 UTC",
		"Feb 30, 2024 - 10:00 UTC", "Jul 20, 1969 - 14:43 UTC", "Jul 20, 2024, 00:30 AM UTC", "Jul 20, 2024, 13:30 AM UTC",
		"Jul 20, 2024 - 24:00 UTC", "Jul 20, 2024 - 14:43 Pacific Time", "Jul 20, 2024 - 14:43 est", "Sept. 3, 2024 - 10:00 UTC",
		"Jul 20, 2024 - 14:43 US/Pacific", "Jul 20th, 2024 - 14:43 UTC", "Jul 20, 2024 - 14:43 XYZ",
	} {
		if checkUsualStamp(t, s, monthFirst, &zs) {
			t.Errorf("usualStamp reads %q, which it leaves to parseStamp", s)
		}
	}
	var zsd stampZones // the zones read in day-first documents
	r := rand.New(rand.NewPCG(51, 52))
	months := []string{"Jan", "jan", "JAN", "May", "may", "March", "mar", "Sep", "Sept", "September", "Feb", "Febr", "Dec", "x"}
	days := []string{"1", "01", "9", "29", "30", "31", "32", "0", "001", "12"}
	years := []string{"2024", "2023", "1969", "1970", "2200", "2201", "202", "20245", "2000"}
	seps := []string{" - ", ", ", " – ", " at ", " ", ",", " -"}
	hours := []string{"0", "00", "1", "01", "9", "11", "12", "13", "23", "24", "123"}
	mins := []string{"00", "05", "59", "60", "5", "055"}
	mers := []string{"", "", " AM", " PM", " am", " pm", " Am", " a.m.", " AMT"}
	zones := []string{"UTC", "utc", "Utc", "GMT", "Z", "z", "EDT", "EST", "est", "CET", "CEST", "PDT", "PST", "BST", "CST",
		"IST", "AEST", "Pacific", "pacific", "Eastern", "A", "XYZ", "UTCs", "", "UTC ", "UTC."}
	pick := func(xs []string) string { return xs[r.IntN(len(xs))] }
	n := 0
	for range 600000 {
		s := pick(months) + " " + pick(days) + ", " + pick(years) + pick(seps) + pick(hours) + ":" + pick(mins) + pick(mers) + " " + pick(zones)
		if r.IntN(20) == 0 {
			k := r.IntN(len(s) + 1)
			s = s[:k] + pick([]string{" ", ",", "x", "1", ":", "-", "."}) + s[k:]
		}
		order, z := monthFirst, &zs
		if r.IntN(2) == 0 {
			order, z = dayFirst, &zsd
		}
		if checkUsualStamp(t, s, order, z) {
			n++
		}
	}
	if n < 5000 {
		t.Fatalf("usualStamp reads only %d random stamps: the test tests little", n)
	}
	if strings.Count(fmtZones(zs), "ok") < 10 {
		t.Fatalf("only these zone words were read: %s", fmtZones(zs))
	}
}

func fmtZones(zs stampZones) string {
	var b strings.Builder
	for _, e := range zs {
		b.WriteString(e.word)
		if e.ok {
			b.WriteString(" ok")
		}
		b.WriteString("; ")
	}
	return b.String()
}
