// Package cputime reads the CPU time the process has used, user and system
// together, for the benchmarks that report throughput per CPU-second: other
// processes on a shared machine stretch wall time but not CPU time.
package cputime

import (
	"errors"
	"testing"
	"time"
)

// Of is Process for a benchmark or test: it skips tb where the system does
// not tell CPU time, and fails it on any other error.
func Of(tb testing.TB) time.Duration {
	tb.Helper()
	d, err := Process()
	if errors.Is(err, errors.ErrUnsupported) {
		tb.Skip("no process CPU time on this system: the benchmark reports per CPU-second")
	}
	if err != nil {
		tb.Fatal(err)
	}
	return d
}
