package main

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/mttx-dev/mttx/internal/cputime"
	"github.com/mttx-dev/mttx/synth"
)

// BenchmarkPipeline reads 2,000 synthetic incidents of each format the
// generator writes (Statuspage JSON in pages of 100, the text formats a
// file each, all in a temporary directory) as mttx report does: read,
// parse, analyse (metrics and factors) on all cores, the same incident
// from several inputs kept once, and a Brief kept of each. It is the
// throughput a user sees, where the parser benchmarks of package ingest
// see one stage. It reports MB per CPU-second (which other processes on
// the machine do not stretch) and the heap each incident keeps once read:
// what memory grows by per incident.
func BenchmarkPipeline(b *testing.B) {
	for _, format := range synth.Formats() {
		b.Run(format.String(), func(b *testing.B) {
			benchPipeline(b, synth.Config{Format: format, N: 2000, Seed: 1, PerFile: 100})
		})
	}
}

func benchPipeline(b *testing.B, c synth.Config) {
	dir := b.TempDir()
	if err := synth.WriteCorpus(context.Background(), dir, c, runtime.GOMAXPROCS(0), nil); err != nil {
		b.Fatal(err)
	}
	size := int64(0)
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if info, err := d.Info(); err == nil && !d.IsDir() {
			size += info.Size()
		}
		return nil
	})
	f := inputFlags{jobs: runtime.GOMAXPROCS(0), quiet: true}
	opts, err := f.options()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(size)
	b.ReportAllocs()
	var kept uint64
	cpu0 := cputime.Of(b)
	for b.Loop() {
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		col := newCollector(false)
		read, err := collect(context.Background(), []string{dir}, nil, io.Discard, &f, opts, col)
		if err != nil || read.failed > 0 || col.briefs.Len() != c.N {
			b.Fatalf("read %d incidents, %d inputs failed, %v; want %d", col.briefs.Len(), read.failed, err, c.N)
		}
		runtime.GC()
		runtime.ReadMemStats(&after)
		kept = (after.HeapAlloc - before.HeapAlloc) / uint64(col.briefs.Len())
		runtime.KeepAlive(col)
		col.close()
	}
	cpu := cputime.Of(b) - cpu0
	b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
	b.ReportMetric(float64(kept), "kept-bytes/incident")
	b.ReportMetric(float64(size)/float64(c.N), "input-bytes/incident")
}
