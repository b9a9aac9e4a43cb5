//go:build windows

package cputime

import (
	"syscall"
	"time"
)

// Process is the user and kernel CPU time the process has used.
func Process() (time.Duration, error) {
	h, err := syscall.GetCurrentProcess()
	if err != nil {
		return 0, err
	}
	var created, exited, kernel, user syscall.Filetime
	if err := syscall.GetProcessTimes(h, &created, &exited, &kernel, &user); err != nil {
		return 0, err
	}
	return ticks(kernel) + ticks(user), nil
}

// ticks is a FILETIME holding a span, not a date: a count of 100 ns ticks
// (Filetime.Nanoseconds would take the 1601 epoch off it).
func ticks(f syscall.Filetime) time.Duration {
	return time.Duration(uint64(f.HighDateTime)<<32|uint64(f.LowDateTime)) * 100
}
