//go:build !unix

package main

import "errors"

// mkfifo reports that this system has no named pipes in its file system.
func mkfifo(path string) error { return errors.ErrUnsupported }
