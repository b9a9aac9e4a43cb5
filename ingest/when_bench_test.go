package ingest

import (
	"testing"
	"time"
)

// BenchmarkParseStamp reads the stamp shapes status pages write most.
func BenchmarkParseStamp(b *testing.B) {
	stamps := []string{"Feb 09, 2019 - 14:37 GMT", "Jun 18, 2019, 08:53 AM UTC", "Apr 11, 2023 - 14:55 EDT", "2023-04-11T18:14:48Z"}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range stamps {
			if _, _, err := parseStamp(s, time.Time{}, monthFirst); err != nil {
				b.Fatal(err)
			}
		}
	}
}
