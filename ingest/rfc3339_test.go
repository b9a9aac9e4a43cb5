package ingest

import (
	"testing"
	"time"
)

// jsonTimeRef is jsonTime as it was before parseRFC3339, all through
// time.Parse: the oracle parseRFC3339 and jsonTime are checked against.
func jsonTimeRef(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < 1970 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// checkRFC3339 fails if parseRFC3339 accepts s but reads it other than
// time.Parse does, or if jsonTime differs from jsonTimeRef. It reports
// whether parseRFC3339 accepted s.
func checkRFC3339(t *testing.T, s string) bool {
	t.Helper()
	got, year, ok := parseRFC3339(s)
	if ok {
		want, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatalf("parseRFC3339(%q) accepted what time.Parse rejects: %v", s, err)
		}
		if !got.Equal(want) || got != want.UTC() || year != want.Year() {
			t.Fatalf("parseRFC3339(%q) = %v (year %d), time.Parse: %v (year %d)", s, got, year, want, want.Year())
		}
	}
	gt, gok := jsonTime(s)
	wt, wok := jsonTimeRef(s)
	if gt != wt || gok != wok {
		t.Fatalf("jsonTime(%q) = %v %v, want %v %v", s, gt, gok, wt, wok)
	}
	return ok
}

func TestParseRFC3339(t *testing.T) {
	for _, c := range []struct {
		s    string
		fast bool // read by parseRFC3339, not left to time.Parse
	}{
		{"2023-04-11T14:22:00Z", true},
		{"2023-04-11T14:22:00.123-04:00", true},
		{"2023-04-11T14:22:00.123456789+05:30", true},
		{"2023-04-11T14:22:00.1234567891234Z", true},
		{"2023-04-11T23:59:59-23:59", true},
		{"2024-02-29T00:00:00Z", true},
		{"2000-02-29T00:00:00Z", true},
		{"1970-01-01T00:00:00+01:00", true},
		{"2200-12-31T23:59:59-01:00", true},
		{"1969-12-31T23:59:59Z", true},
		{"2201-01-01T00:00:00Z", true},
		{"0000-01-01T00:00:00Z", true},
		{"2023-02-29T00:00:00Z", false},
		{"1900-02-29T00:00:00Z", false},
		{"2023-04-31T00:00:00Z", false},
		{"2023-13-01T00:00:00Z", false},
		{"2023-04-11T24:00:00Z", false},
		{"2023-04-11T14:60:00Z", false},
		{"2023-04-11T14:22:60Z", false},
		{"2023-04-11T14:22:00+24:00", false},
		{"2023-04-11T14:22:00+05:60", false},
		{"2023-04-11T14:22:00", false},
		{"2023-04-11T14:22:00z", false},
		{"2023-04-11t14:22:00Z", false},
		{"2023-04-11 14:22:00Z", false},
		{"2023-04-11T14:22:00.Z", false},
		{"2023-04-11T14:22:00,5Z", false},
		{"2023-04-11T14:22:00+0530", false},
		{"2023-04-11T14:22Z", false},
		{"+023-04-11T14:22:00Z", false},
		{"2023-04-11T14:22:00ZZ", false},
		{"2023-04-11T14:22:00.5+05:30x", false},
		{"", false},
		{"garbage", false},
	} {
		if got := checkRFC3339(t, c.s); got != c.fast {
			t.Errorf("parseRFC3339(%q) read it: %v, want %v", c.s, got, c.fast)
		}
	}
}

// FuzzParseRFC3339 checks parseRFC3339 and jsonTime against time.Parse on
// arbitrary strings.
func FuzzParseRFC3339(f *testing.F) {
	for _, s := range []string{"2023-04-11T14:22:00Z", "2023-04-11T14:22:00.123-04:00", "2024-02-29T23:59:59.999999999+14:00", "1970-01-01T00:00:00Z"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkRFC3339(t, s)
	})
}
