package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"time"
)

// proseMemDocs is the prose of the fixtures, as one block per file (a
// postmortem when it is markdown), with and without updates to date it.
func proseMemDocs(t *testing.T) []proseInput {
	t.Helper()
	files := textFixtures(t)
	if len(files) < 20 {
		t.Fatalf("only %d fixtures", len(files))
	}
	ups := []Update{{At: time.Date(2024, 3, 5, 14, 0, 0, 0, time.UTC), Status: StatusInvestigating}}
	var docs []proseInput
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		b := proseBlock{Lines: splitLines(data), Postmortem: filepath.Ext(f) == ".md"}
		docs = append(docs, proseInput{blocks: []proseBlock{b}, order: detectDateOrder(string(data))},
			proseInput{blocks: []proseBlock{b, b}, order: dayFirst, updates: ups})
	}
	return docs
}

// TestProseMemReuse reads the fixtures' prose one after the other in one
// proseMem, as the pool lends it: each must read as it does in memory of
// its own, and clearDoc must leave nothing of a document in the memory.
func TestProseMemReuse(t *testing.T) {
	m := new(proseMem)
	for _, in := range proseMemDocs(t) {
		got := readProseIn(in, m)
		want := readProseIn(in, new(proseMem))
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("%d lines: read in reused memory %+v; in memory of its own %+v", len(in.blocks[0].Lines), got, want)
		}
		m.clearDoc()
		checkCleared(t, "paras.out", m.paras.out)
		checkCleared(t, "rest", m.rest)
		checkCleared(t, "lineMs", m.lineMs)
		checkCleared(t, "sentMs", m.sentMs)
		checkCleared(t, "lineParts", m.lineParts)
		checkCleared(t, "sentParts", m.sentParts)
		checkCleared(t, "raws", m.raws)
		checkCleared(t, "bare", m.bare)
		checkCleared(t, "lows", m.lows)
	}
}

// checkCleared fails unless s is empty and every element of its array
// is zero.
func checkCleared[T any](t *testing.T, name string, s []T) {
	t.Helper()
	if len(s) != 0 {
		t.Fatalf("%s: %d elements left after clearDoc", name, len(s))
	}
	for i, v := range s[:cap(s)] {
		if !reflect.ValueOf(&v).Elem().IsZero() {
			t.Fatalf("%s[%d] is not cleared: %+v", name, i, v)
		}
	}
}

// textFixtures lists the text and markdown fixtures of every testdata
// directory.
func textFixtures(t *testing.T) []string {
	t.Helper()
	var files []string
	for _, pat := range []string{"../testdata/*/*.txt", "../testdata/*/*.md"} {
		m, err := filepath.Glob(pat)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, m...)
	}
	return files
}
