//go:build !unix

package ingest

import "os"

// openRegular opens a file openInput has found regular (see open_unix.go
// for why Unix systems open it another way).
func openRegular(path string) (*os.File, error) { return os.Open(path) }

// scratchSize is 0: readSmall's four system calls are a Unix matter.
const scratchSize = 0

// readSmall reads nothing here: files are read the way of openInput.
func readSmall(path string, scratch []byte) (smallRead, error) { return smallRead{}, nil }
