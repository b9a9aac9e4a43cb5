package ingest

import "testing"

// TestIsAgHeadingByLength checks isAgHeading against agHeading on the
// headings in every spelling its length test must let through: capitals,
// "ſ" for an "s", the Kelvin sign, and a byte more or less.
func TestIsAgHeadingByLength(t *testing.T) {
	for _, s := range []string{"affected components", "Affected Componentſ", "affected component", "affected componentss",
		"ſtarted", "STARTED", "started ", "reſolved", "Resolved", "resolve", "duration", "Duration\n", "update timeline",
		"Update Timelines", "ended", "ende", "Ended!", "detected by x", "Detected By", "detected by ", "detected by \n",
		"Detected by é", "detected by \xff", "d\u212aected by x", "é", "e\xff", "resolved\xff", "ſtartedé"} {
		if got, want := isAgHeading(s), agHeading.MatchString(s); got != want {
			t.Errorf("isAgHeading(%q) = %v; agHeading says %v", s, got, want)
		}
	}
}

func FuzzIsAgHeading(f *testing.F) {
	f.Add("Affected components")
	f.Add("reſolved")
	f.Add("Detected by the vendor")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := isAgHeading(s), agHeading.MatchString(s); got != want {
			t.Fatalf("isAgHeading(%q) = %v; agHeading says %v", s, got, want)
		}
	})
}
