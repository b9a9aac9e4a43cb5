//go:build !unix

package ingest

import "os"

// openRegular opens a file openInput has found regular (see open_unix.go
// for why Unix systems open it another way).
func openRegular(path string) (*os.File, error) { return os.Open(path) }
