//go:build !unix && !windows

package cputime

import (
	"errors"
	"time"
)

// Process is not known on this system.
func Process() (time.Duration, error) {
	return 0, errors.ErrUnsupported
}
