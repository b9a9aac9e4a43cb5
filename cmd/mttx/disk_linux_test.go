//go:build linux

package main

import (
	"fmt"
	"syscall"
	"testing"
)

// smallDisk mounts a tmpfs of size bytes on a new directory, for a real
// full disk. It needs root (or CAP_SYS_ADMIN); elsewhere the test is
// skipped, and TestWriteFileCancelled and report's tests of injected write
// errors still run.
func smallDisk(t *testing.T, size int) string {
	t.Helper()
	dir := t.TempDir()
	if err := syscall.Mount("tmpfs", dir, "tmpfs", 0, fmt.Sprintf("size=%d", size)); err != nil {
		t.Skipf("cannot mount a small tmpfs (needs root): %v", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(dir, 0); err != nil {
			t.Errorf("unmount %s: %v", dir, err)
		}
	})
	return dir
}
