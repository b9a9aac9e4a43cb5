//go:build unix

package ingest

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"slices"
	"syscall"
)

// openRegular opens a file openInput has found regular. os.Open would
// make the descriptor non-blocking, try to register it with the network
// poller (which refuses regular files), and make it blocking again: four
// fcntl calls and a failed epoll_ctl for every input, where a short report
// costs little more than those system calls to parse. os.NewFile on a
// blocking descriptor asks one fcntl and registers nothing.
func openRegular(path string) (*os.File, error) {
	fd, err := openRead(path, 0)
	if err != nil {
		return nil, &os.PathError{Op: "open", Path: path, Err: err}
	}
	return os.NewFile(uintptr(fd), path), nil
}

// scratchSize is the buffer each reading goroutine reads files into first
// (see readSmall): most reports are smaller.
const scratchSize = 32 << 10

// readSmall reads a file shorter than scratch in four system calls (open,
// read, read again to see its end, close) where openInput and reading take
// six (a stat to refuse what is not a regular file, open, the fcntl of
// os.NewFile, two reads, close): on a virtual machine each costs about as
// much as parsing a short report. It opens without blocking, so that a
// named pipe cannot hang the open, and copies the bytes out of scratch
// into a buffer of their size, which the incidents read keep.
//
// It reads nothing and returns neither data nor rest when there is no
// scratch, when the open fails, or when the first read fails or ends at
// once (a directory, an empty file, a pipe nobody writes to): openInput
// then tells those apart and names the problem as it always has. When the
// file does not end within scratch or still has a writer, fstat says what
// it is: a regular file or a named pipe comes back as rest, to read on
// after data (which is scratch's: read it before the next file), anything
// else is refused as openInput refuses it.
func readSmall(path string, scratch []byte) (smallRead, error) {
	if len(scratch) == 0 {
		return smallRead{}, nil
	}
	fd, err := openRead(path, syscall.O_NONBLOCK)
	if err != nil {
		return smallRead{}, nil
	}
	n, ended, err := readFull(fd, scratch)
	switch {
	case n == 0 && err != syscall.EAGAIN:
		syscall.Close(fd)
		return smallRead{}, nil
	case ended && err == nil:
		syscall.Close(fd)
		return smallRead{data: slices.Clone(scratch[:n]), done: true}, nil
	}
	return readOn(fd, path, scratch[:n])
}

// readOn hands back a file readSmall has begun, as rest after data, once
// fstat has said it may be read on.
func readOn(fd int, path string, data []byte) (smallRead, error) {
	var st syscall.Stat_t
	if err := fstat(fd, &st); err != nil {
		syscall.Close(fd)
		return smallRead{}, fmt.Errorf("cannot read: %w", err)
	}
	mode := fileMode(uint32(st.Mode)) // uint16 on some systems
	if err := refuse(mode, st.Size); err != nil {
		syscall.Close(fd)
		return smallRead{}, err
	}
	if mode.IsRegular() {
		return smallRead{data: data, rest: rawFile(fd), size: int(min(st.Size, MaxInputSize))}, nil
	}
	// A named pipe: os.File parks reads of its non-blocking descriptor in
	// the network poller until the writer writes or closes.
	return smallRead{data: data, rest: os.NewFile(uintptr(fd), path)}, nil
}

// openRead opens path to read, with flags beside O_RDONLY and O_CLOEXEC,
// retried when interrupted as os.Open retries.
func openRead(path string, flags int) (int, error) {
	for {
		fd, err := syscall.Open(path, syscall.O_RDONLY|syscall.O_CLOEXEC|flags, 0)
		if err != syscall.EINTR {
			return fd, err
		}
	}
}

// readFull reads fd into buf until buf is full, the file ends (ended) or a
// read fails; n is what was read.
func readFull(fd int, buf []byte) (n int, ended bool, err error) {
	for n < len(buf) {
		k, err := rawFile(fd).Read(buf[n:])
		switch {
		case err == io.EOF:
			return n, true, nil
		case err != nil:
			return n, false, err
		}
		n += k
	}
	return n, false, nil
}

// fstat is syscall.Fstat retried when interrupted.
func fstat(fd int, st *syscall.Stat_t) error {
	for {
		if err := syscall.Fstat(fd, st); err != syscall.EINTR {
			return err
		}
	}
}

// fileMode is the type part of fs.FileMode for a stat mode, as os.Stat
// would give it: what refuse and fileKind look at.
func fileMode(m uint32) fs.FileMode {
	switch m & syscall.S_IFMT {
	case syscall.S_IFREG:
		return 0
	case syscall.S_IFDIR:
		return fs.ModeDir
	case syscall.S_IFIFO:
		return fs.ModeNamedPipe
	case syscall.S_IFCHR:
		return fs.ModeDevice | fs.ModeCharDevice
	case syscall.S_IFBLK:
		return fs.ModeDevice
	case syscall.S_IFSOCK:
		return fs.ModeSocket
	case syscall.S_IFLNK:
		return fs.ModeSymlink
	}
	return fs.ModeIrregular
}

// rawFile reads a regular file's descriptor with read(2) and nothing
// else: os.NewFile on a descriptor opened non-blocking would try to
// register it with the network poller, two more system calls that fail.
type rawFile int

func (f rawFile) Read(p []byte) (int, error) {
	for {
		n, err := syscall.Read(int(f), p)
		switch {
		case err == syscall.EINTR:
			continue
		case err != nil:
			return 0, err
		case n == 0 && len(p) > 0:
			return 0, io.EOF
		}
		return n, nil
	}
}

func (f rawFile) Close() error { return syscall.Close(int(f)) }
