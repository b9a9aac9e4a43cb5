package report

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"

	"github.com/mttx-dev/mttx/metrics"
)

// NameFile keeps the IDs and titles of a review's incidents out of memory:
// at a million incidents they would be a third of what the Briefs keep, and
// only the incident lists read them, once, in order, at the end. The first
// MiB is kept in memory, so a small run writes no file; past it, records go
// to a temporary file that is removed as soon as it is created (it lives as
// long as the NameFile holds it open, and is gone even if the process is
// killed). A key is the offset of its record: a length-prefixed ID and
// title. Add is for one goroutine; Name is safe for several, also while Add
// runs.
type NameFile struct {
	dir string // for the temporary file; "" is os.TempDir
	mu  sync.Mutex
	f   *os.File // nil until mem first outgrows memLimit
	// mem holds the records from offset base on, not yet in f.
	mem  []byte
	base int64
	// memLimit is how many bytes of records it holds before it writes
	// them to its file.
	memLimit int
}

// NewNameFile returns an empty NameFile whose temporary file, if it needs
// one, is made in dir ("" for the system's temporary directory).
func NewNameFile(dir string) *NameFile { return &NameFile{dir: dir, memLimit: 1 << 20} }

// Add keeps an incident's ID and title and returns their key.
func (n *NameFile) Add(id, title string) (metrics.NameKey, error) {
	n.mu.Lock()
	defer n.mu.Unlock()
	k := n.base + int64(len(n.mem))
	n.mem = binary.AppendUvarint(n.mem, uint64(len(id)))
	n.mem = append(n.mem, id...)
	n.mem = binary.AppendUvarint(n.mem, uint64(len(title)))
	n.mem = append(n.mem, title...)
	if len(n.mem) >= n.memLimit {
		if err := n.spill(); err != nil {
			return 0, err
		}
	}
	return metrics.NameKey(k), nil
}

// spill writes the records in memory to the file. n.mu is held.
func (n *NameFile) spill() error {
	if n.f == nil {
		f, err := os.CreateTemp(n.dir, "mttx-names-*")
		if err != nil {
			return fmt.Errorf("keeping incident names: %w", err)
		}
		// Unlinked at once: the open file stays readable, and nothing is
		// left behind whatever ends the process.
		if err := os.Remove(f.Name()); err != nil {
			f.Close()
			return fmt.Errorf("keeping incident names: %w", err)
		}
		n.f = f
	}
	if _, err := n.f.WriteAt(n.mem, n.base); err != nil {
		return fmt.Errorf("keeping incident names: %w", err)
	}
	n.base += int64(len(n.mem))
	n.mem = n.mem[:0]
	return nil
}

// errNameKey is the error of a key that is no record's.
var errNameKey = errors.New("no incident name under this key")

// Name returns the ID and title kept under k.
func (n *NameFile) Name(k metrics.NameKey) (id, title string, err error) {
	n.mu.Lock()
	if int64(k) >= n.base {
		id, title, err = nameRecord(n.mem[min(int64(k)-n.base, int64(len(n.mem))):])
		n.mu.Unlock()
		return id, title, wrapNameErr(k, err)
	}
	f := n.f
	n.mu.Unlock()
	if k < 0 || f == nil {
		return "", "", wrapNameErr(k, errNameKey)
	}
	// Most records are a few dozen bytes: one read of a small window
	// holds them; for a longer one the window grows to what its length
	// prefixes say.
	buf := make([]byte, 256)
	for {
		m, err := f.ReadAt(buf, int64(k))
		if err != nil && !errors.Is(err, io.EOF) {
			return "", "", wrapNameErr(k, err)
		}
		if id, title, err = nameRecord(buf[:m]); err == nil {
			return id, title, nil
		}
		need, ok := recordSize(buf[:m])
		if !ok || need <= m || m < len(buf) {
			return "", "", wrapNameErr(k, errNameKey)
		}
		buf = make([]byte, need)
	}
}

func wrapNameErr(k metrics.NameKey, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("incident name %d: %w", k, err)
}

// nameRecord decodes the record at the start of b.
func nameRecord(b []byte) (id, title string, err error) {
	id, rest, ok := nameField(b)
	if !ok {
		return "", "", errNameKey
	}
	if title, _, ok = nameField(rest); !ok {
		return "", "", errNameKey
	}
	return id, title, nil
}

// nameField decodes one length-prefixed string.
func nameField(b []byte) (s string, rest []byte, ok bool) {
	l, w := binary.Uvarint(b)
	if w <= 0 || l > uint64(len(b)-w) {
		return "", nil, false
	}
	return string(b[w : w+int(l)]), b[w+int(l):], true
}

// recordSize is how many bytes the record starting b needs to be read:
// all of it once both length prefixes are in b, else enough for the
// title's prefix. ok is false for a length no record has.
func recordSize(b []byte) (need int, ok bool) {
	l1, w1 := binary.Uvarint(b)
	if w1 <= 0 || l1 > 1<<30 {
		return 0, false
	}
	at := w1 + int(l1)
	if at >= len(b) {
		return at + binary.MaxVarintLen64, true
	}
	l2, w2 := binary.Uvarint(b[at:])
	if w2 < 0 || l2 > 1<<30 {
		return 0, false
	}
	if w2 == 0 { // the prefix is cut by the end of b
		return at + binary.MaxVarintLen64, true
	}
	return at + w2 + int(l2), true
}

// Close removes the NameFile's file, if it has one.
func (n *NameFile) Close() error {
	n.mu.Lock()
	defer n.mu.Unlock()
	n.mem = nil
	if n.f == nil {
		return nil
	}
	err := n.f.Close()
	n.f = nil
	return err
}
