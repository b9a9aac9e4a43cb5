package ingest

import (
	"testing"
	"unsafe"

	"github.com/mttx-dev/mttx/synth"
)

// BenchmarkDetect runs detection alone (with the line split it needs) on
// 1,000 synthetic incidents of each format and on the real reports of
// ../shared/corpus: the later formats of Formats() run every detector
// before theirs, and detection is a share of every input's cost that the
// whole-parse benchmarks hide among the readers'.
func BenchmarkDetect(b *testing.B) {
	for _, f := range synth.Formats() {
		b.Run(f.String(), func(b *testing.B) {
			_, docs, size := synthTexts(b, f, 1000)
			benchDetect(b, docs, size)
		})
	}
	b.Run("corpus", func(b *testing.B) {
		_, docs := corpusReports(b)
		size := 0
		for _, d := range docs {
			size += len(d)
		}
		benchDetect(b, docs, size)
	})
}

// benchDetect detects the format of each document as ParseString does.
func benchDetect(b *testing.B, docs []string, size int) {
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, text := range docs {
			d := &doc{data: unsafe.Slice(unsafe.StringData(text), len(text)), text: text, textDone: true}
			if err := d.check(); err != nil {
				b.Fatal(err)
			}
			if _, _, err := detect(d, FormatUnknown); err != nil {
				b.Fatal(err)
			}
			d.release()
		}
	}
}
