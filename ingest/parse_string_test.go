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
	names, texts := fixtureTexts(t)
	for i, src := range texts {
		name := names[i]
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

// fixtureTexts returns the names and the contents of the reports in the
// testdata directories.
func fixtureTexts(t *testing.T) ([]string, []string) {
	var names, texts []string
	for _, g := range []string{"../testdata/parse/*", "../testdata/examples/*", "../testdata/broken/*", "../testdata/hostile/*"} {
		files, err := filepath.Glob(g)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range files {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			names, texts = append(names, name), append(texts, string(data))
		}
	}
	if len(names) < 50 {
		t.Fatalf("found %d fixtures: want the testdata directories", len(names))
	}
	return names, texts
}
