package cputime

import (
	"errors"
	"testing"
	"time"
)

// TestProcessGrows: CPU time spent spinning shows, and never goes back.
func TestProcessGrows(t *testing.T) {
	before, err := Process()
	if errors.Is(err, errors.ErrUnsupported) {
		t.Skip("no process CPU time on this system")
	}
	if err != nil {
		t.Fatal(err)
	}
	x := 0
	for start := time.Now(); time.Since(start) < 50*time.Millisecond; {
		x++
	}
	after, err := Process()
	if err != nil || after < before+10*time.Millisecond {
		t.Errorf("CPU time %v -> %v (%v) after spinning 50 ms (%d rounds); want at least 10 ms more", before, after, err, x)
	}
}
