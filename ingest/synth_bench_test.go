package ingest

import (
	"bytes"
	"runtime"
	"sync"
	"testing"

	"github.com/mttx-dev/mttx/internal/cputime"
	"github.com/mttx-dev/mttx/synth"
)

// synthDocs generates n incidents of format f as documents: pages of 100
// incidents for Statuspage JSON, one report per document otherwise.
func synthDocs(b *testing.B, f synth.Format, n int) ([]string, [][]byte, int) {
	c := synth.Config{Format: f, N: n, Seed: 1, PerFile: 100}
	var names []string
	var docs [][]byte
	size := 0
	for k := range c.Files() {
		var buf bytes.Buffer
		if err := synth.Write(&buf, f, c.File(k)); err != nil {
			b.Fatal(err)
		}
		names, docs = append(names, c.Path(k)), append(docs, buf.Bytes())
		size += buf.Len()
	}
	return names, docs, size
}

// synthTexts is synthDocs as strings, the documents as ParseString reads
// them.
func synthTexts(b *testing.B, f synth.Format, n int) ([]string, []string, int) {
	names, docs, size := synthDocs(b, f, n)
	texts := make([]string, len(docs))
	for i, d := range docs {
		texts[i] = string(d)
	}
	return names, texts, size
}

// BenchmarkParseSynthetic parses 1,000 synthetic incidents of each format
// (generated here, never committed) on one goroutine: MB/s is the parser's
// single-core throughput over the documents' bytes, allocs/op its
// allocations for the 1,000. It calls ParseString, as ReadInput does with
// the buffer it reads a file into, so the documents are read in place.
func BenchmarkParseSynthetic(b *testing.B) {
	for _, f := range synth.Formats() {
		b.Run(f.String(), func(b *testing.B) {
			names, docs, size := synthTexts(b, f, 1000)
			b.SetBytes(int64(size))
			b.ReportAllocs()
			cpu0 := cputime.Of(b)
			for b.Loop() {
				n := 0
				for i, d := range docs {
					incs, _, err := ParseString(names[i], d, Options{})
					if err != nil {
						b.Fatal(err)
					}
					n += len(incs)
				}
				if n != 1000 {
					b.Fatalf("read %d incidents; want 1000", n)
				}
			}
			cpu := cputime.Of(b) - cpu0
			b.ReportMetric(float64(size)/1000, "bytes/incident")
			// MB/s is over wall time, which other processes on the machine
			// stretch; MB/cpu-s is over the CPU time this process used
			// (garbage collection included), which they do not.
			b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
		})
	}
}

// BenchmarkParseSyntheticCores is BenchmarkParseSynthetic on every core
// (GOMAXPROCS goroutines, each parsing its share of the documents): its
// MB/s is the wall-clock throughput issue 9's "100 MB/s on two cores"
// speaks of. Other processes on the machine lower it; MB/cpu-s shows by
// how much.
func BenchmarkParseSyntheticCores(b *testing.B) {
	for _, f := range synth.Formats() {
		b.Run(f.String(), func(b *testing.B) {
			names, docs, size := synthTexts(b, f, 1000)
			parseOnCores(b, names, docs, size)
		})
	}
}

// parseOnCores parses docs on GOMAXPROCS goroutines, each taking its share
// of the documents, and reports MB/s over the wall clock, MB/cpu-s and how
// many documents there were (metrics are reported after the loop, which
// would reset them). It calls ParseString, as ReadInput does.
//
// The goroutines live for the whole benchmark and are handed each pass,
// as ReadEach's workers live for the whole run and are handed each file: a
// goroutine started for every pass would grow its stack from the minimum
// again each time, a cost the pipeline does not have (it was 5% of the CPU
// over the real reports, a few documents a pass).
func parseOnCores(b *testing.B, names, docs []string, size int) {
	workers := runtime.GOMAXPROCS(0)
	b.SetBytes(int64(size))
	passes := make([]chan struct{}, workers)
	var done sync.WaitGroup
	var stopped sync.WaitGroup
	for w := range workers {
		passes[w] = make(chan struct{})
		stopped.Go(func() {
			for range passes[w] {
				for i := w; i < len(docs); i += workers {
					if _, _, err := ParseString(names[i], docs[i], Options{}); err != nil {
						b.Error(err)
						break
					}
				}
				done.Done()
			}
		})
	}
	defer stopped.Wait()
	for _, c := range passes {
		defer close(c)
	}
	cpu0 := cputime.Of(b)
	for b.Loop() {
		done.Add(workers)
		for _, c := range passes {
			c <- struct{}{}
		}
		done.Wait()
	}
	cpu := cputime.Of(b) - cpu0
	b.ReportMetric(float64(workers), "cores")
	b.ReportMetric(float64(len(docs)), "docs")
	b.ReportMetric(float64(size)*float64(b.N)/1e6/cpu.Seconds(), "MB/cpu-s")
}
