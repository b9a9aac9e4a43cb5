package ingest

import "testing"

// skipOracleUnderRace skips a long oracle test (a hand-written matcher
// compared with the code it replaced on hundreds of thousands of generated
// inputs) when the tests run under the race detector. Such a test calls pure
// functions on one goroutine, so the detector has nothing to find in it,
// and it runs about ten times slower there: together these tests took the
// race run of this package past go test's ten-minute limit. The plain run
// (the README's test command) and the fuzz targets still check every
// comparison; the race run keeps the tests where goroutines share data
// (ReadAll, the corpus, the lazily built tables).
func skipOracleUnderRace(t *testing.T) {
	t.Helper()
	if raceDetector {
		t.Skip("a single-goroutine oracle comparison: the run without -race checks it")
	}
}
