package ingest

import (
	"math/rand/v2"
	"reflect"
	"testing"
)

// checkFMStamp fails t when fmStamp reads s otherwise than the scanner
// does (the one mention scanMentions finds, in both date orders), or when
// fmScan gives other mentions than scanMentions; it reports whether
// fmStamp read s.
func checkFMStamp(t *testing.T, s string) bool {
	t.Helper()
	var m mention
	quick := fmStamp(s, &m, new(mentionParts))
	for _, order := range []dateOrder{monthFirst, dayFirst} {
		want := scanMentions(s, order)
		if quick {
			got := []mention{m}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("fmStamp(%q) = %s; the scanner reads %s (order %v)", s, showMentions(got), showMentions(want), order)
			}
		}
		d := &doc{text: s, textDone: true, ord: order, ordDone: true}
		if got := d.fmScan(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("fmScan(%q) = %s; the scanner reads %s (order %v)", s, showMentions(got), showMentions(want), order)
		}
		if got := d.fmScan(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("fmScan(%q) again = %s; the scanner reads %s (order %v)", s, showMentions(got), showMentions(want), order)
		}
	}
	return quick
}

// TestFMStampTable checks fmStamp against the scanner on chosen values:
// the shapes it reads, and near misses it must leave to the scanner.
func TestFMStampTable(t *testing.T) {
	for _, c := range []struct {
		s    string
		read bool
	}{
		{"2025-09-20T23:22:00-07:00", true},
		{"2019-07-03T14:46:00Z", true},
		{"2023-10-18", true},
		{"2023-10-18T04:31:00+00:00", true},
		{"2023-10-18T04:31:00-00:00", true},
		{"2023-10-18T04:31:00+14:00", true},
		{"2023-10-18T04:31:00+05:45", true},
		{"2024-02-29T00:00:00Z", true},
		{"1970-01-01", true},
		{"2200-12-31T23:59:59Z", true},
		{"2023-10-18T04:31:00+15:00", false},
		{"2023-10-18T04:31:00+23:59", false},
		{"2023-10-18T04:31:00+24:00", false},
		{"2023-10-18T24:31:00Z", false},
		{"2023-10-18T04:60:00Z", false},
		{"2023-10-18T04:31:60Z", false},
		{"2023-02-29", false},
		{"2023-02-30T04:31:00Z", false},
		{"2023-13-01", false},
		{"2023-00-01", false},
		{"2023-01-00", false},
		{"1969-12-31", false},
		{"2201-01-01", false},
		{"0000-10-18", false},
		{"2023-10-18 04:31:00", false},
		{"2023-10-18T04:31:00.289Z", false},
		{"2023-10-18T04:31Z", false},
		{"2023-10-18T04:31:00z", false},
		{"2023-10-18T04:31:00 Z", false},
		{"2023-10-18t04:31:00Z", false},
		{"2023/10/18", false},
		{"2023-1-18", false},
		{"2023-10-18T04:31:00-0700", false},
		{"2023-10-18T04:31:00−07:00", false},
		{"+023-10-18", false},
		{"2023-10-1a", false},
		{"", false},
		{"October 18, 2023", false},
	} {
		if got := checkFMStamp(t, c.s); got != c.read {
			t.Errorf("fmStamp(%q) read it: %v; want %v", c.s, got, c.read)
		}
	}
}

// TestFMStampPieces checks fmStamp against the scanner on stamps made of
// right and wrong pieces, right ones picked more often so that many are
// read.
func TestFMStampPieces(t *testing.T) {
	skipOracleUnderRace(t)
	years := []string{"2023", "2019", "2024", "1970", "2200", "1969", "2201", "0000", "999", "20231"}
	months := []string{"10", "02", "12", "01", "00", "13", "1", "1a"}
	days := []string{"18", "29", "31", "30", "01", "00", "32", "9"}
	seps := []string{"T", "T", " ", "t", "_", ""}
	clocks := []string{"04:31:00", "23:59:59", "00:00:00", "24:00:00", "12:60:00", "12:00:60", "04:31", "4:31:00", "04:31:00.5", "04-31-00"}
	zones := []string{"Z", "-07:00", "+00:00", "+05:30", "+14:00", "-14:59", "+15:00", "-23:59", "z", "-0700", " Z", "", "+5", "UTC", "Z ", "-07:00x"}
	pick := func(r *rand.Rand, xs []string) string {
		if r.IntN(5) > 0 {
			return xs[r.IntN(min(3, len(xs)))]
		}
		return xs[r.IntN(len(xs))]
	}
	r := rand.New(rand.NewPCG(71, 72))
	quick := 0
	for range 100000 {
		s := pick(r, years) + "-" + pick(r, months) + "-" + pick(r, days)
		if r.IntN(4) > 0 {
			s += pick(r, seps) + pick(r, clocks) + pick(r, zones)
		}
		if checkFMStamp(t, s) {
			quick++
		}
	}
	if quick < 20000 {
		t.Fatalf("fmStamp read only %d stamps: the test tests little", quick)
	}
}

// FuzzFMStamp checks fmStamp and fmScan against the scanner on any text.
func FuzzFMStamp(f *testing.F) {
	for _, s := range []string{"2025-09-20T23:22:00-07:00", "2019-07-03T14:46:00Z", "2023-10-18", "2023-02-30T04:31:00Z",
		"2023-10-18T04:31:00+23:59", "1969-12-31", "2023-10-18 04:31:00", "June 3, 2021"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkFMStamp(t, s)
	})
}
