//go:build unix

package ingest

import (
	"os"
	"syscall"
)

// openRegular opens a file openInput has found regular. os.Open would
// make the descriptor non-blocking, try to register it with the network
// poller (which refuses regular files), and make it blocking again: four
// fcntl calls and a failed epoll_ctl for every input, where a short report
// costs little more than those system calls to parse. os.NewFile on a
// blocking descriptor asks one fcntl and registers nothing.
func openRegular(path string) (*os.File, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC, 0)
		switch err {
		case nil:
			return os.NewFile(uintptr(fd), path), nil
		case syscall.EINTR: // as os.Open retries
			continue
		}
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
}
