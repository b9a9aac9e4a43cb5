package metrics

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/ingest"
)

// BenchmarkClassify classifies every example report: the cost the factor
// classifier adds to each incident read.
func BenchmarkClassify(b *testing.B) {
	files, _ := filepath.Glob("../testdata/examples/*")
	var incs []ingest.Incident
	size := 0
	for _, f := range files {
		res := ingest.ReadFile(f, nil, ingest.Options{})
		if res.Err != nil {
			b.Fatalf("%s: %v", f, res.Err)
		}
		incs = append(incs, res.Incidents...)
		if st, err := os.Stat(f); err == nil {
			size += int(st.Size())
		}
	}
	tax, err := DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(size))
	b.ReportAllocs()
	for b.Loop() {
		for _, inc := range incs {
			tax.Classify(inc)
		}
	}
}

// BenchmarkDescribe is the cost of one distribution of 1,000 values, the
// bootstrap interval included.
func BenchmarkDescribe(b *testing.B) {
	vals := crossCheckSets()[len(crossCheckSets())-2] // 501 values
	in := make([]float64, 0, 1000)
	for len(in) < 1000 {
		in = append(in, vals...)
	}
	dur := make([]time.Duration, len(in[:1000]))
	for i, v := range in[:1000] {
		dur[i] = time.Duration(v * 1e9)
	}
	b.ReportAllocs()
	for b.Loop() {
		Describe(TTR, len(dur), dur)
	}
}
