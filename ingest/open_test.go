package ingest

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
)

// TestOpenRegular checks that openRegular reads a file as os.Open does
// and fails as it does, with the path in the error.
func TestOpenRegular(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.txt")
	if err := os.WriteFile(path, []byte("Resolved\nAll good.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := openRegular(path)
	if err != nil {
		t.Fatalf("openRegular(%s): %v", path, err)
	}
	got, err := io.ReadAll(f)
	if err != nil || string(got) != "Resolved\nAll good.\n" {
		t.Errorf("read %q, %v; want the file's bytes", got, err)
	}
	if err := f.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	missing := filepath.Join(dir, "missing.txt")
	_, err = openRegular(missing)
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) || !errors.As(err, &pe) || pe.Path != missing {
		t.Errorf("openRegular(missing) = %v; want a *fs.PathError for %s that is fs.ErrNotExist", err, missing)
	}
}
