package ingest

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"unsafe"
)

// Stdin is the path that names standard input.
const Stdin = "-"

// reportExts are the file extensions a directory walk reads.
var reportExts = []string{".txt", ".md", ".markdown", ".json", ".html", ".htm"}

// Expand turns command-line paths into the list of inputs to read: files as
// given, directories walked recursively for report files (.txt, .md,
// .markdown, .json, .html, .htm; hidden files and directories skipped),
// glob patterns expanded, "-" for standard input, and URLs of live status
// pages as they are. The list keeps the
// argument order; each directory's and glob's files are sorted. Paths that
// name nothing are returned as errors, and the rest are still listed.
func Expand(args []string) ([]string, []error) {
	var out []string
	var errs []error
	for _, a := range args {
		if a == Stdin || IsURL(a) {
			out = append(out, a)
			continue
		}
		info, err := os.Stat(a)
		switch {
		case err == nil && info.IsDir():
			files, werrs := walk(a)
			out = append(out, files...)
			errs = append(errs, werrs...)
		case err == nil:
			out = append(out, a)
		case strings.ContainsAny(a, "*?["):
			matches, gerr := filepath.Glob(a)
			if gerr != nil {
				errs = append(errs, &ParseError{File: a, Err: fmt.Errorf("bad glob pattern: %w", gerr)})
				continue
			}
			if len(matches) == 0 {
				errs = append(errs, &ParseError{File: a, Err: errors.New("the pattern matches no file")})
			}
			slices.Sort(matches)
			for _, m := range matches {
				if fi, err := os.Stat(m); err == nil && fi.IsDir() {
					files, werrs := walk(m)
					out = append(out, files...)
					errs = append(errs, werrs...)
					continue
				}
				out = append(out, m)
			}
		default:
			errs = append(errs, &ParseError{File: a, Err: fmt.Errorf("cannot read: %w", unwrapPathError(err))})
		}
	}
	return out, errs
}

func unwrapPathError(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// walk lists the report files under dir, sorted. A part of the tree it
// cannot read (a directory without permission) is an error at its path,
// and the walk goes on with the rest.
func walk(dir string) ([]string, []error) {
	var files []string
	var errs []error
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			errs = append(errs, &ParseError{File: p, Err: fmt.Errorf("cannot read: %w", unwrapPathError(err))})
			if d != nil && d.IsDir() && p != dir {
				return filepath.SkipDir
			}
			return nil
		}
		if p != dir && strings.HasPrefix(d.Name(), ".") {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if !d.IsDir() && slices.Contains(reportExts, strings.ToLower(filepath.Ext(p))) {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		errs = append(errs, &ParseError{File: dir, Err: fmt.Errorf("cannot read: %w", unwrapPathError(err))})
	}
	return files, errs
}

// FileResult is what reading one input gave: its incidents, or an error
// (a *ParseError naming the file).
type FileResult struct {
	Path      string
	Incidents []Incident
	Detection Detection
	// SHA256 is the hex SHA-256 of the input's bytes, so that a report can
	// say exactly what it was generated from; empty for live pages, which
	// are many requests.
	SHA256 string
	Err    error
}

// ReadFile reads and parses one input; path "-" reads stdin, a URL is
// fetched as a live status page.
func ReadFile(path string, stdin io.Reader, opts Options) FileResult {
	return ReadInput(context.Background(), path, stdin, opts)
}

// ReadInput is ReadFile with a context, which a live page's requests obey.
func ReadInput(ctx context.Context, path string, stdin io.Reader, opts Options) FileResult {
	return readInputWith(ctx, path, stdin, opts, nil)
}

// readInputWith is ReadInput reading a file through scratch, a buffer the
// caller reuses from file to file (see readSmall); nil is none.
func readInputWith(ctx context.Context, path string, stdin io.Reader, opts Options, scratch []byte) (res FileResult) {
	defer func() {
		// A safety net only: the parsers are fuzzed not to panic. One bad
		// input must not take down a batch of thousands.
		if r := recover(); r != nil {
			res = FileResult{Path: path, Err: &ParseError{File: path, Err: fmt.Errorf("internal error while reading (please report it): %v", r)}}
		}
	}()
	if IsURL(path) {
		return readLive(ctx, path, opts)
	}
	res = FileResult{Path: path}
	data, err := readInput(path, stdin, scratch)
	if err != nil {
		res.Err = err
		return res
	}
	sum := sha256.Sum256(data)
	var sumHex [2 * sha256.Size]byte // the hex on the stack: one string made, not two
	hex.Encode(sumHex[:], sum[:])
	res.SHA256 = string(sumHex[:])
	res.Incidents, res.Detection, err = ParseString(path, ownedString(data), opts)
	res.Err = err
	return res
}

// ownedString is data as a string that shares its bytes, for a buffer
// readInput made and nobody writes again: ReadInput reads each file into
// a buffer of its own and drops it once parsed, so ParseString can read
// it in place instead of Parse copying it (as many bytes of garbage as
// the inputs hold). data must not be written after.
func ownedString(data []byte) string {
	return unsafe.String(unsafe.SliceData(data), len(data))
}

func readInput(path string, stdin io.Reader, scratch []byte) ([]byte, error) {
	var r io.Reader
	size := 0 // of a regular file, to read it into one buffer of its size
	switch {
	case path == Stdin:
		if stdin == nil {
			return nil, &ParseError{File: path, Err: errors.New("no standard input")}
		}
		r = stdin
	default:
		short, err := readSmall(path, scratch)
		if err != nil {
			return nil, &ParseError{File: path, Err: err}
		}
		if short.done {
			return short.data, nil
		}
		if short.rest != nil { // begun in scratch, to be read to its end
			defer short.rest.Close()
			r, size = io.MultiReader(bytes.NewReader(short.data), short.rest), short.size
			break
		}
		f, fileSize, err := openInput(path)
		if err != nil {
			return nil, &ParseError{File: path, Err: err}
		}
		defer f.Close()
		size = int(min(fileSize, MaxInputSize))
		r = f
	}
	return readLimited(path, r, size)
}

// smallRead is what readSmall made of a file: all of it (done), or the
// part read so far with the file to read on (rest, of size bytes when
// known), or nothing (neither: read it the way of openInput).
type smallRead struct {
	data []byte
	done bool
	rest io.ReadCloser
	size int
}

// readLimited reads r to its end into a buffer sized for size bytes (0:
// unknown). Reading stops one byte past the limit: memory stays bounded by
// it whatever the source (a pipe, a device), and Parse names the excess.
func readLimited(path string, r io.Reader, size int) ([]byte, error) {
	data, err := readAll(io.LimitReader(r, MaxInputSize+1), size)
	if err != nil {
		return nil, &ParseError{File: path, Err: fmt.Errorf("cannot read: %w", unwrapPathError(err))}
	}
	if len(data) > MaxInputSize {
		return nil, &ParseError{File: path, Err: fmt.Errorf("%w: over %d bytes", ErrTooLarge, MaxInputSize)}
	}
	return data, nil
}

// readAll reads r to its end into a buffer sized for size bytes, as
// os.ReadFile does for a regular file: io.ReadAll starts small and grows
// by copying, which for a million incidents' pages is twice their bytes
// in garbage. Without a size it is io.ReadAll.
func readAll(r io.Reader, size int) ([]byte, error) {
	if size <= 0 { // not a regular file, or an empty one
		return io.ReadAll(r)
	}
	data := make([]byte, 0, size+1) // +1: EOF is seen without growing
	for {
		n, err := r.Read(data[len(data):cap(data)])
		data = data[:len(data)+n]
		if err == io.EOF {
			return data, nil
		}
		if err != nil {
			return data, err
		}
		if len(data) == cap(data) {
			data = append(data, 0)[:len(data)]
		}
	}
}

// openInput opens a file to read. A regular file over MaxInputSize is
// refused from its size, unread. A named pipe is opened without blocking,
// so a pipe nobody writes to reads as empty instead of hanging the run,
// while a shell's <(command) still streams; directories and devices are
// refused. size is a regular file's size as the check found it, the
// buffer readAll starts with (0 for a pipe): the file is not stat'ed
// again once open, a system call per input that costs as much as
// parsing a short report on a slow virtual machine. A file that grows
// in between is still read whole, up to the limit.
func openInput(path string) (f *os.File, size int64, err error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, 0, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	if err := refuse(info.Mode(), info.Size()); err != nil {
		return nil, 0, err
	}
	if info.Mode()&fs.ModeNamedPipe != 0 {
		f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
		if err != nil {
			return nil, 0, fmt.Errorf("cannot read: %w", unwrapPathError(err))
		}
		return f, 0, nil
	}
	if f, err = openRegular(path); err != nil {
		return nil, 0, fmt.Errorf("cannot read: %w", unwrapPathError(err))
	}
	return f, info.Size(), nil
}

// refuse says why a file of this mode and size is not read, nil when it
// is: a regular file up to MaxInputSize, or a named pipe.
func refuse(mode fs.FileMode, size int64) error {
	switch {
	case mode.IsRegular():
		if size > MaxInputSize {
			return fmt.Errorf("%w: %d bytes (at most %d)", ErrTooLarge, size, MaxInputSize)
		}
	case mode&fs.ModeNamedPipe != 0:
	default:
		return fmt.Errorf("cannot read: not a regular file (%s): want a report file, a directory of them, or - for standard input", fileKind(mode))
	}
	return nil
}

// fileKind names a file mode that is not a regular file.
func fileKind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a directory"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	}
	return "mode " + m.Type().String()
}

// ReadAll reads paths with up to workers goroutines and calls fn with each
// result in the order of paths, as soon as it and all before it are done,
// so output is deterministic and memory stays bounded by the few results
// in flight. It stops early when ctx is cancelled or fn returns an error,
// and returns that error.
func ReadAll(ctx context.Context, paths []string, stdin io.Reader, opts Options, workers int, fn func(FileResult) error) error {
	return ReadEach(ctx, paths, stdin, opts, workers, func(r FileResult) FileResult { return r }, fn)
}

// ReadEach is ReadAll with more work done on the reading goroutines: work
// turns each result into a T as soon as it is read, in parallel, and fn
// receives the Ts in the order of paths. What work returns is all that
// stays of a result, so it can drop what fn does not need before the
// next files are read. fn is called on the reading goroutines, one call
// at a time, never after ReadEach returns.
func ReadEach[T any](ctx context.Context, paths []string, stdin io.Reader, opts Options, workers int, work func(FileResult) T, fn func(T) error) error {
	workers = max(1, workers)
	scratch := make([][]byte, workers) // each goroutine's, made on its first file
	return inOrder(ctx, len(paths), workers, readWindow*workers, func(ctx context.Context, w, i int) T {
		if scratch[w] == nil {
			scratch[w] = make([]byte, scratchSize)
		}
		return work(readInputWith(ctx, paths[i], stdin, opts, scratch[w]))
	}, fn)
}

// readWindow is how many results per worker ReadEach lets be read ahead of
// the one fn waits for: enough that a slow file does not leave the other
// workers idle, few enough that memory stays that of a handful of files.
const readWindow = 4
