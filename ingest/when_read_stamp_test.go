package ingest

import (
	"fmt"
	"testing"
	"time"
)

// parseStamp is readStamp with the stamp's whole mention, which the
// readers once took from it and the stamp tests describe their failures
// with (wtDescribe).
func parseStamp(s string, ref time.Time, order dateOrder) (resolved, mention, error) {
	var f found
	r, ok, err := stampFound(s, ref, order, &f)
	if !ok {
		return r, mention{}, err
	}
	return r, f.mention(s, new(mentionParts)), err
}

// TestReadStampYearless checks readStamp against the mention the readers
// once read its yearless from: the same time, note and error, and
// yearless exactly when the mention has a date without a year.
func TestReadStampYearless(t *testing.T) {
	ref := time.Date(2023, 4, 1, 12, 0, 0, 0, time.UTC)
	ins := []string{
		"Apr 11, 2023 - 14:55 EDT", "Jun 18, 2019, 08:53 AM UTC", "Sep 21, 2021, 11:40 AM UTC",
		"7 Sep at 07:24pm UTC.", "Sep 21 11:40 AM UTC", "Sep 21 11:40 AM", "Apr 11 - 14:55 EDT",
		"Feb 30, 2023 10:00 UTC", "10:00 UTC", "Jun 1, 2024 10:00", "version 1.14.2", "",
		"2024-01-02 10:00 UTC", "Jun 1, 2024 10:00-11:00 UTC", "Thursday, November 6, 2019 10:00 UTC",
		"Feb 29 10:00 UTC", "31/03 10:00 UTC", "3 days ago",
	}
	for _, in := range ins {
		for _, r := range []time.Time{{}, ref} {
			for _, order := range []dateOrder{monthFirst, dayFirst} {
				got, yearless, err := readStamp(in, r, order)
				want, m, werr := parseStamp(in, r, order)
				if got != want || fmt.Sprint(err) != fmt.Sprint(werr) {
					t.Errorf("readStamp(%q, %v, %d) = %v, %v; parseStamp gives %v, %v", in, r, order, got, err, want, werr)
				}
				if w := m.Date != nil && m.Date.Year == 0; yearless != w {
					t.Errorf("readStamp(%q, %v, %d) yearless = %v; the mention says %v", in, r, order, yearless, w)
				}
			}
		}
	}
}
