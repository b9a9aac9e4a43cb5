package ingest

import (
	"os"
	"path/filepath"
	"testing"
)

func benchFiles(b *testing.B, glob string) {
	files, _ := filepath.Glob(glob)
	var datas [][]byte
	size := 0
	for _, f := range files {
		d, _ := os.ReadFile(f)
		datas = append(datas, d)
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range datas {
			if _, _, err := Parse(files[i], d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkStatuspage(b *testing.B) { benchFiles(b, "../testdata/parse/sp-*.txt") }
func BenchmarkAggregator(b *testing.B) { benchFiles(b, "../testdata/parse/ag-*.txt") }
