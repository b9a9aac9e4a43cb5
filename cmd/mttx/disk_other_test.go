//go:build !linux

package main

import "testing"

// smallDisk would mount a small tmpfs (see disk_linux_test.go): elsewhere
// the full-disk tests are skipped, and TestWriteFileCancelled and report's
// tests of injected write errors still run.
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	t.Skip("a small tmpfs is mounted on Linux only")
	return ""
}
