package main

import (
	"bytes"
	"context"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/report"
)

// TestStreamMergesAsDedup reads the examples with some of them repeated
// (copies under other names, and one given on standard input first) and
// checks that the stream hands on exactly what reading everything, then
// ingest.Dedup, then analysing gives: the same incidents, merged the same
// way, in the same order. The merged ones are read again from their files
// (or kept, for standard input), not held from the start.
func TestStreamMergesAsDedup(t *testing.T) {
	examples, _ := filepath.Glob("../../testdata/examples/*")
	if len(examples) < 20 {
		t.Fatal("want the example reports of testdata/examples")
	}
	dir := t.TempDir()
	var copies []string
	for i, src := range examples {
		if i%4 != 0 {
			continue
		}
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		dst := filepath.Join(dir, "again-"+filepath.Base(src))
		if err := os.WriteFile(dst, data, 0o644); err != nil {
			t.Fatal(err)
		}
		copies = append(copies, dst)
	}
	stdinFile := examples[1]
	stdinData, err := os.ReadFile(stdinFile)
	if err != nil {
		t.Fatal(err)
	}
	paths := append(append([]string{ingest.Stdin}, examples...), copies...)

	f := inputFlags{jobs: 2, warnings: true, explain: true}
	opts, err := f.options()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	got, _, failed, _, err := inputs(context.Background(), paths, bytes.NewReader(stdinData), &stderr, &f, opts)
	if err != nil || failed > 0 {
		t.Fatalf("%d inputs failed, %v: %s", failed, err, stderr.String())
	}

	var incs []ingest.Incident
	dets := map[ingest.Source]ingest.Detection{}
	err = ingest.ReadAll(context.Background(), paths, bytes.NewReader(stdinData), opts, 1, func(r ingest.FileResult) error {
		for _, inc := range r.Incidents {
			dets[inc.Source] = r.Detection
			incs = append(incs, inc)
		}
		return r.Err
	})
	if err != nil {
		t.Fatal(err)
	}
	var want []report.Entry
	for _, inc := range ingest.Dedup(incs) {
		want = append(want, report.NewEntry(inc, dets[inc.Source], f.tax))
	}
	if len(got) != len(want) {
		t.Fatalf("%d incidents; want %d", len(got), len(want))
	}
	merged := 0
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("incident %d (%s) differs from Dedup's", i, want[i].Incident.Source.Path)
		}
		if len(want[i].Incident.Sources) > 1 {
			merged++
		}
	}
	if merged < len(copies) {
		t.Errorf("%d merged incidents; want at least %d", merged, len(copies))
	}
	if n := strings.Count(stderr.String(), "was also read from"); n != merged {
		t.Errorf("--warnings printed %d merges; want %d:\n%s", n, merged, stderr.String())
	}
	if n := strings.Count(stderr.String(), ": read as "); n != len(want) {
		t.Errorf("--explain told how %d incidents were read; want each of the %d once", n, len(want))
	}
}

// TestExportRepeatedInputs exports the examples followed by copies of
// some of them, partitioned and not: each incident must be in the tables
// once, merged (its sources listing the copy too), with every update of
// the incidents read once and the stats counting the rows there are.
func TestExportRepeatedInputs(t *testing.T) {
	examples, _ := filepath.Glob("../../testdata/examples/*")
	dir := t.TempDir()
	for _, src := range examples[:6] {
		data, err := os.ReadFile(src)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "again-"+filepath.Base(src)), data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	single := filepath.Join(t.TempDir(), "single")
	expectRun(t, "", []string{"export", "--parquet", single, "../../testdata/examples"}, exitOK, "", "")
	once := readTable[report.IncidentRow](t, single, "incidents")
	updates := len(readTable[report.UpdateRow](t, single, "updates"))
	for _, part := range []string{"none", "quarter"} {
		out := filepath.Join(t.TempDir(), part)
		expectRun(t, "", []string{"export", "--parquet", out, "--partition", part, "../../testdata/examples", dir}, exitOK, "", "")
		rows := readTable[report.IncidentRow](t, out, "incidents")
		ids, merged := map[string]bool{}, 0
		for _, r := range rows {
			if ids[r.ID] {
				t.Errorf("%s: incident %s twice", part, r.ID)
			}
			ids[r.ID] = true
			if len(r.Sources) > 1 {
				merged++
			}
		}
		if len(rows) != len(once) || merged < 6 {
			t.Errorf("%s: %d incidents, %d merged; want %d, at least 6", part, len(rows), merged, len(once))
		}
		if n := len(readTable[report.UpdateRow](t, out, "updates")); n != updates {
			t.Errorf("%s: %d updates; want %d", part, n, updates)
		}
	}
}

// readTable reads every Parquet file of table under dir.
func readTable[T any](t *testing.T, dir, table string) []T {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, table+".parquet"))
	more, _ := filepath.Glob(filepath.Join(dir, table, "*", "*.parquet"))
	var out []T
	for _, f := range append(files, more...) {
		rows, err := parquet.ReadFile[T](f)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, rows...)
	}
	if len(out) == 0 {
		t.Fatalf("no rows in %s of %s", table, dir)
	}
	return out
}

// TestPositions checks positions against the two numbers per incident it
// stands for, over inputs with no incidents, all kept back, and kept back
// between and around the ones handed on.
func TestPositions(t *testing.T) {
	rng := rand.New(rand.NewPCG(8, 9))
	var p positions
	var from, nth []int
	for file := range 300 {
		for i := range rng.IntN(6) {
			if rng.IntN(4) == 0 {
				p.skip(file, i)
				continue
			}
			p.add(file)
			from, nth = append(from, file), append(nth, i)
		}
	}
	if p.n != len(from) {
		t.Fatalf("%d positions; want %d", p.n, len(from))
	}
	for pos := range from {
		if f, n := p.of(pos); f != from[pos] || n != nth[pos] {
			t.Fatalf("position %d: input %d, incident %d; want %d, %d", pos, f, n, from[pos], nth[pos])
		}
	}
}
