//go:build unix

package ingest

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestReadSmallAsOpenInput reads files of every kind with a scratch buffer
// (readSmall first) and without (openInput's way): the bytes and the
// errors must be the same, whatever the file's size against the scratch.
func TestReadSmallAsOpenInput(t *testing.T) {
	dir := t.TempDir()
	scratch := make([]byte, 64)
	line := "Resolved - the API answers again.\n"
	files := map[string]string{
		"empty.txt":  "",
		"one.txt":    "x",
		"short.txt":  line,
		"fits.txt":   strings.Repeat("y", len(scratch)-1),
		"exact.txt":  strings.Repeat("z", len(scratch)),
		"over.txt":   strings.Repeat("w", len(scratch)+1),
		"long.txt":   strings.Repeat(line, 50),
		"binary.txt": "\x00\xff\xfe" + line,
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Mkdir(filepath.Join(dir, "sub.txt"), 0o755); err != nil {
		t.Fatal(err)
	}
	paths := []string{filepath.Join(dir, "missing.txt"), filepath.Join(dir, "sub.txt"), "/dev/null", "/dev/zero"}
	for name := range files {
		paths = append(paths, filepath.Join(dir, name))
	}
	for _, p := range paths {
		if _, err := os.Stat(p); err != nil && !strings.HasSuffix(p, "missing.txt") {
			continue // no such device here
		}
		want, wantErr := readInput(p, nil, nil)
		got, err := readInput(p, nil, scratch)
		if !bytes.Equal(got, want) || errString(err) != errString(wantErr) {
			t.Errorf("%s: read %d bytes, %v; want %d bytes, %v", p, len(got), err, len(want), wantErr)
		}
		text, ok := files[filepath.Base(p)]
		if !ok || text == "" {
			continue
		}
		clear(scratch) // what was read must not be the scratch's
		if string(got) != text || cap(got) > len(text)+len(text)/4+16 {
			t.Errorf("%s: read %q (capacity %d) after the scratch was cleared; want the file's %d bytes in a buffer of their size", p, got, cap(got), len(text))
		}
	}
}

func errString(err error) string {
	if err == nil {
		return "<nil>"
	}
	return err.Error()
}

// TestReadSmallPipes reads named pipes with a scratch buffer: one nobody
// writes to reads as empty at once, one whose writer writes slowly, in
// more than the scratch holds, reads whole.
func TestReadSmallPipes(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	scratch := make([]byte, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		if got, err := readInput(fifo, nil, scratch); len(got) != 0 || err != nil {
			t.Errorf("pipe nobody writes to: %q, %v; want nothing", got, err)
		}
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("reading a named pipe with no writer hangs")
	}

	// A writer that has the pipe open before the reader reads (as the
	// command of a shell's <(command) has), writing slowly: the first
	// read finds no data yet. A reader the test holds lets the writer
	// open first; it never reads.
	hold, err := os.OpenFile(fifo, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer hold.Close()
	// With a writer and no data yet, readSmall keeps the pipe open and
	// hands it back to read on: closing it to start again could leave the
	// writer without a reader, and its command would die of SIGPIPE.
	w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	r, err := readSmall(fifo, scratch)
	if err != nil || r.rest == nil || r.done || len(r.data) != 0 {
		t.Errorf("pipe with a writer, no data yet: %+v, %v; want the pipe handed back to read on", r, err)
	}
	if r.rest != nil {
		r.rest.Close()
	}
	w.Close()
	for _, s := range [][]byte{scratch, nil} {
		text := strings.Repeat("Monitoring - a fix is out.\n", 10)
		w, err := os.OpenFile(fifo, os.O_WRONLY, 0)
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			defer w.Close()
			for _, part := range []string{text[:10], text[10:100], text[100:]} {
				time.Sleep(20 * time.Millisecond)
				w.WriteString(part)
			}
		}()
		got, err := readInput(fifo, nil, s)
		if string(got) != text || err != nil {
			t.Errorf("pipe written slowly, scratch of %d: %q, %v; want %q", len(s), got, err, text)
		}
	}
}

// TestReadSmallRefusesHugeFile: a file over MaxInputSize found past the
// scratch is refused from its size, as openInput refuses it.
func TestReadSmallRefusesHugeFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(MaxInputSize + 1); err != nil { // sparse: no disk used
		t.Fatal(err)
	}
	f.Close()
	_, err = readInput(path, nil, make([]byte, scratchSize))
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "33554433 bytes (at most 33554432)") {
		t.Errorf("error %v; want input too large naming both sizes", err)
	}
}
