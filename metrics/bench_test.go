package metrics

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/internal/cputime"
	"github.com/mttx-dev/mttx/synth"
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

// synthIncidents reads n synthetic Statuspage JSON incidents (generated
// here, never committed), in pages of 100 as the API serves them.
func synthIncidents(b *testing.B, n int) []ingest.Incident {
	c := synth.Config{Format: synth.StatuspageJSON, N: n, Seed: 1, PerFile: 100}
	var incs []ingest.Incident
	for k := range c.Files() {
		var buf bytes.Buffer
		if err := synth.Write(&buf, c.Format, c.File(k)); err != nil {
			b.Fatal(err)
		}
		got, _, err := ingest.Parse(c.Path(k), buf.Bytes(), ingest.Options{})
		if err != nil {
			b.Fatal(err)
		}
		incs = append(incs, got...)
	}
	if len(incs) != n {
		b.Fatalf("read %d incidents; want %d", len(incs), n)
	}
	return incs
}

// BenchmarkClassifySynthetic classifies 1,000 synthetic Statuspage JSON
// incidents, the input of the 1M-incident run, on one goroutine. cpu-ns/incident
// is over the CPU time the process used (garbage collection included),
// which other processes on a shared machine do not stretch as they do
// ns/incident.
func BenchmarkClassifySynthetic(b *testing.B) {
	const n = 1000
	incs := synthIncidents(b, n)
	tax, err := DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	cpu0 := cputime.Of(b)
	for b.Loop() {
		for _, inc := range incs {
			tax.Classify(inc)
		}
	}
	cpu := cputime.Of(b) - cpu0
	runtime.ReadMemStats(&m1)
	per := float64(b.N * n)
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/per, "ns/incident")
	b.ReportMetric(float64(cpu.Nanoseconds())/per, "cpu-ns/incident")
	b.ReportMetric(float64(m1.Mallocs-m0.Mallocs)/per, "allocs/incident")
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
