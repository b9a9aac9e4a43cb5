//go:build race

package ingest

// raceDetector reports whether the tests were built with -race.
const raceDetector = true
