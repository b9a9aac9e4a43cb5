package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// entries lists what dir holds, hidden temporary files included.
func entries(t *testing.T, dir string) []string {
	t.Helper()
	des, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, d := range des {
		names = append(names, d.Name())
	}
	return names
}

// TestWriteFileCancelled: Ctrl-C in the middle of writing a report leaves
// the file as it was, and no temporary file, whether the renderer notices
// the failed write or ignores it.
func TestWriteFileCancelled(t *testing.T) {
	for _, ignores := range []bool{false, true} {
		t.Run(fmt.Sprintf("renderer ignores write errors: %v", ignores), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "review.md")
			writeTestFile(t, path, []byte("last quarter's review\n"))
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			chunk := bytes.Repeat([]byte("| row |\n"), 16<<10) // 128 KB, past any buffer
			err := writeFile(ctx, path, func(w io.Writer) error {
				for i := range 8 {
					if i == 2 {
						cancel() // the signal arrives half-way
					}
					if _, err := w.Write(chunk); err != nil && !ignores {
						return err
					}
				}
				return nil
			})
			if !errors.Is(err, context.Canceled) {
				t.Errorf("error %v; want context.Canceled", err)
			}
			if got, _ := os.ReadFile(path); string(got) != "last quarter's review\n" {
				t.Errorf("the file holds %d bytes; want its earlier content", len(got))
			}
			if names := entries(t, dir); len(names) != 1 {
				t.Errorf("directory holds %v; want only review.md", names)
			}
		})
	}
}

// TestReportInterrupted: a run cancelled before it writes leaves no output.
func TestReportInterrupted(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var out, errb bytes.Buffer
	code := run(ctx, []string{"report", "--out", filepath.Join(dir, "review.md"), "--html", filepath.Join(dir, "page.html"),
		"--parquet", filepath.Join(dir, "wh"), "../../testdata/examples"}, nil, &out, &errb)
	if code != exitPartial || !strings.Contains(errb.String(), "interrupted") {
		t.Errorf("exit %d, stderr %q; want %d and interrupted", code, errb.String(), exitPartial)
	}
	if names := entries(t, dir); len(names) != 0 {
		t.Errorf("an interrupted run left %v", names)
	}
}

// TestWritersOnFullDisk: each writer of mttx report on a disk too small
// for its output fails with the disk's error, exit 1, and leaves nothing
// behind: no partial file, no temporary file or directory.
func TestWritersOnFullDisk(t *testing.T) {
	tests := []struct{ name, flag, target string }{
		{"table", "--out", "review.txt"},
		{"markdown", "--out", "review.md"},
		{"csv", "--out", "review.csv"},
		{"json", "--out", "review.json"},
		{"html", "--html", "page.html"},
		{"parquet", "--parquet", "warehouse"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			disk := smallDisk(t, 8<<10)
			code, _, stderr := mttx(t, "", "report", "-q", tt.flag, filepath.Join(disk, tt.target), "../../testdata/examples")
			if code != exitPartial || !strings.Contains(stderr, "no space left on device") {
				t.Errorf("exit %d, stderr:\n%s\nwant exit %d and the disk's error", code, stderr, exitPartial)
			}
			if names := entries(t, disk); len(names) != 0 {
				t.Errorf("a failed write left %v", names)
			}
		})
	}
}
