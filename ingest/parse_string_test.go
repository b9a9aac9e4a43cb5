package ingest

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// TestParseCopiesInput checks the two entry points against each other on
// every fixture (and on each saved as UTF-16): Parse reads a copy of the
// caller's bytes, so writing them afterwards changes none of its
// incidents, and ParseString, which reads its string in place, gives the
// same incidents, detection and error.
func TestParseCopiesInput(t *testing.T) {
	var names []string
	for _, g := range []string{"../testdata/parse/*", "../testdata/examples/*", "../testdata/broken/*", "../testdata/hostile/*"} {
		files, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		names = append(names, files...)
	}
	if len(names) < 50 {
		t.Fatalf("found %d fixtures: want the testdata directories", len(names))
	}
	for _, name := range names {
		raw, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		src := string(raw)
		for _, data := range [][]byte{[]byte(src), utf16Bytes(src, false), utf16Bytes(src, true)} {
			text := string(data)
			incs, det, err := Parse(name, data, Options{})
			for i := range data {
				data[i] = 'x'
			}
			wantIncs, wantDet, wantErr := ParseString(name, text, Options{})
			if !reflect.DeepEqual(incs, wantIncs) || !reflect.DeepEqual(det, wantDet) || !reflect.DeepEqual(err, wantErr) {
				t.Errorf("%s: Parse, its input written over after, gives\n%+v, %+v, %v\nParseString gives\n%+v, %+v, %v",
					name, incs, det, err, wantIncs, wantDet, wantErr)
			}
		}
	}
}
