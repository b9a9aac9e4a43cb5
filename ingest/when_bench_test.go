package ingest

import (
	"strings"
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

// BenchmarkScanMentions scans lines of the kinds reports hold: timeline
// entries, prose with and without times, numbers that are no times.
func BenchmarkScanMentions(b *testing.B) {
	lines := []string{
		"- 2025-09-21 06:22 - Payments requests started failing",
		"From 16:05 to 18:19 UTC (2 h 14 min) about 12% of API requests failed with 503 errors.",
		"We are investigating reports of partial outage with Email Delivery. Some customers may see errors.",
		"Posted Feb 09, 2019 - 14:37 GMT",
		"Version 1.14.2 raised the limit to 500 requests per second for 3 regions.",
		"At 20:52 UTC on Thursday, November 6 we observed elevated error rates.",
	}
	b.ReportAllocs()
	for b.Loop() {
		for _, s := range lines {
			scanMentions(s, monthFirst)
		}
	}
}

// BenchmarkScanCorpusLines scans every line of the real reports of
// ../shared/corpus for mentions (skipped without the corpus): long
// sentences with numbers that are no dates, the scanner's real load.
func BenchmarkScanCorpusLines(b *testing.B) {
	paths, texts := corpusReports(b)
	var lines []string
	size := 0
	for i, f := range paths {
		if strings.HasSuffix(f, ".json") {
			continue // JSON, whose text is no sentence
		}
		for l := range strings.Lines(texts[i]) {
			lines = append(lines, l)
			size += len(l)
		}
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, l := range lines {
			scanMentions(l, monthFirst)
		}
	}
}
