package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func tgz(t *testing.T, files map[string]string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	tw := tar.NewWriter(zw)
	for name, body := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(body)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(body)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestExtract(t *testing.T) {
	data := tgz(t, map[string]string{"package/README.md": "r", member: "js"})
	got, err := extract(data, member)
	if err != nil || string(got) != "js" {
		t.Fatalf("extract = %q, %v; want \"js\"", got, err)
	}
	if _, err := extract(data, "package/missing.js"); err == nil {
		t.Error("extract of a missing member: no error")
	}
}

func TestCheck(t *testing.T) {
	sum := sha256.Sum256([]byte("x"))
	if err := check("x", []byte("x"), hex.EncodeToString(sum[:])); err != nil {
		t.Error(err)
	}
	if err := check("x", []byte("y"), hex.EncodeToString(sum[:])); err == nil || !strings.Contains(err.Error(), "pinned") {
		t.Errorf("check of other bytes = %v; want a pin mismatch", err)
	}
}

// TestGenerateRefusesUnpinned: a tarball that is not the pinned one writes
// nothing.
func TestGenerateRefusesUnpinned(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "echarts.tgz")
	if err := os.WriteFile(in, tgz(t, map[string]string{member: "alert(1)"}), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "echarts.min.js")
	if err := generate(context.Background(), out, in); err == nil {
		t.Fatal("an unpinned tarball was accepted")
	}
	if _, err := os.Stat(out); !os.IsNotExist(err) {
		t.Errorf("%s written after a pin mismatch", out)
	}
}
