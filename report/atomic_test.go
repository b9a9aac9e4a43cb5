package report

import (
	"bytes"
	"errors"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/metrics"
)

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.md")
	if err := WriteFile(path, func(w io.Writer) error { _, err := io.WriteString(w, "first\n"); return err }); err != nil {
		t.Fatal(err)
	}
	boom := errors.New("disk full")
	err := WriteFile(path, func(w io.Writer) error {
		if _, err := io.WriteString(w, "half of the sec"); err != nil {
			return err
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want it to wrap %v", err, boom)
	}
	got, _ := os.ReadFile(path)
	if string(got) != "first\n" {
		t.Errorf("after a failed write the file holds %q, want the earlier %q", got, "first\n")
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Errorf("directory holds %v, want only report.md (no temporary file left)", names)
	}
	if fi, _ := os.Stat(path); fi.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", fi.Mode().Perm())
	}
	if err := WriteFile(filepath.Join(dir, "missing", "x.md"), func(io.Writer) error { return nil }); err == nil {
		t.Error("writing into a missing directory succeeded")
	}
}

// TestWriteFileFailsLate: an error after much of the file reached the
// disk (past the buffer) still leaves no file and no temporary file.
func TestWriteFileFailsLate(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "page.html")
	boom := errors.New("renderer failed")
	err := WriteFile(path, func(w io.Writer) error {
		for range 64 {
			if _, err := w.Write(make([]byte, 16<<10)); err != nil {
				return err
			}
		}
		return boom
	})
	if !errors.Is(err, boom) {
		t.Fatalf("error %v, want it to wrap %v", err, boom)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("a write that failed after 1 MB left %d entries; want none", len(entries))
	}
}

// failAfter is a writer whose writes fail once n bytes were written: a
// disk filling up.
type failAfter struct{ n int }

var errDiskFull = errors.New("injected: no space left on device")

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		k := f.n
		f.n = 0
		return k, errDiskFull
	}
	f.n -= len(p)
	return len(p), nil
}

// TestRenderersReportWriteErrors: every renderer of a review returns the
// writer's error instead of dropping it, at whatever byte the disk fills,
// so WriteFile never renames a short file into place.
func TestRenderersReportWriteErrors(t *testing.T) {
	page := reviewOf(t, "../testdata/examples")
	tax, err := metrics.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	names := &metrics.NameList{}
	review, err := NewReview(briefsOf(names, page.Entries), names, nil, ReviewPlan{Keys: []metrics.Key{metrics.KeyQuarter}, RepeatWindow: 90 * 24 * time.Hour, Taxonomy: tax})
	if err != nil {
		t.Fatal(err)
	}
	renderers := map[string]func(io.Writer) error{
		"html":     func(w io.Writer) error { return WriteHTML(w, page) },
		"text":     func(w io.Writer) error { return WriteText(w, review) },
		"markdown": func(w io.Writer) error { return WriteMarkdown(w, review) },
		"csv":      func(w io.Writer) error { return WriteCSV(w, review) },
		"json":     func(w io.Writer) error { return WriteJSON(w, review) },
	}
	for _, name := range slices.Sorted(maps.Keys(renderers)) {
		render := renderers[name]
		var full bytes.Buffer
		if err := render(&full); err != nil {
			t.Fatal(err)
		}
		for _, n := range []int{0, 1, 100, full.Len() / 2, full.Len() - 1} {
			if err := render(&failAfter{n: n}); !errors.Is(err, errDiskFull) {
				t.Errorf("%s: disk full after %d of %d bytes: error %v; want the writer's", name, n, full.Len(), err)
			}
		}
	}
}
