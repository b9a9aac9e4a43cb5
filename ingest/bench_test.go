package ingest

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

// fixtures returns the example and fixture reports as (name, bytes).
func fixtures(b *testing.B, globs ...string) ([]string, [][]byte) {
	var names []string
	var datas [][]byte
	for _, g := range globs {
		files, _ := filepath.Glob(g)
		for _, f := range files {
			d, err := os.ReadFile(f)
			if err != nil {
				b.Fatal(err)
			}
			names, datas = append(names, f), append(datas, d)
		}
	}
	if len(names) == 0 {
		b.Fatal("no fixtures")
	}
	return names, datas
}

func benchParse(b *testing.B, globs ...string) {
	names, datas := fixtures(b, globs...)
	size := 0
	for _, d := range datas {
		size += len(d)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for i, d := range datas {
			if _, _, err := Parse(names[i], d, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

// BenchmarkStatuspage parses the Statuspage fixtures and examples; bytes/s
// is over their total size.
func BenchmarkStatuspage(b *testing.B) {
	benchParse(b, "../testdata/parse/sp-*.txt")
}

// BenchmarkAggregator parses the aggregator fixtures.
func BenchmarkAggregator(b *testing.B) { benchParse(b, "../testdata/parse/ag-*.txt") }

// BenchmarkExamples parses the README's example reports (mostly prose).
func BenchmarkExamples(b *testing.B) { benchParse(b, "../testdata/examples/*.txt") }

// BenchmarkReadAll reads a generated corpus of report files from disk
// through ReadAll, as the CLI does, with one and with all cores. It reports
// the peak live heap: it must stay flat as the corpus grows, since results
// are handed on in order and not kept.
func BenchmarkReadAll(b *testing.B) {
	names, datas := fixtures(b, "../testdata/examples/*.txt", "../testdata/parse/*.txt")
	for _, n := range []int{1000, 4000} {
		dir := b.TempDir()
		var paths []string
		size := 0
		for i := range n {
			k := i % len(datas)
			p := filepath.Join(dir, fmt.Sprintf("%05d-%s", i, filepath.Base(names[k])))
			if err := os.WriteFile(p, datas[k], 0o644); err != nil {
				b.Fatal(err)
			}
			paths = append(paths, p)
			size += len(datas[k])
		}
		for _, workers := range []int{1, runtime.GOMAXPROCS(0)} {
			b.Run(fmt.Sprintf("files=%d/workers=%d", n, workers), func(b *testing.B) {
				b.SetBytes(int64(size))
				b.ReportAllocs()
				var peak uint64
				var ms runtime.MemStats
				for b.Loop() {
					count := 0
					err := ReadAll(context.Background(), paths, nil, Options{}, workers, func(r FileResult) error {
						if r.Err != nil {
							return r.Err
						}
						if count++; count%250 == 0 {
							runtime.ReadMemStats(&ms)
							peak = max(peak, ms.HeapAlloc)
						}
						return nil
					})
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(peak)/(1<<20), "peak-heap-MB")
			})
		}
	}
}
