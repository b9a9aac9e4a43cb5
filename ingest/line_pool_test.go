package ingest

import (
	"reflect"
	"testing"
)

// TestResultsHoldNoLines checks what linePool's safety rests on: nothing
// Parse returns can hold a document's lines, whose buffer it gives back to
// the pool. No type reachable from an incident, a detection or a parse
// error is a line.
func TestResultsHoldNoLines(t *testing.T) {
	lineType := reflect.TypeFor[line]()
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(ty reflect.Type, path string) {
		if seen[ty] {
			return
		}
		seen[ty] = true
		if ty == lineType {
			t.Errorf("%s is a line: a result would hold a pooled buffer", path)
		}
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array:
			walk(ty.Elem(), path+"[]")
		case reflect.Map:
			walk(ty.Key(), path+"{key}")
			walk(ty.Elem(), path+"{}")
		case reflect.Struct:
			for i := range ty.NumField() {
				walk(ty.Field(i).Type, path+"."+ty.Field(i).Name)
			}
		}
	}
	walk(reflect.TypeFor[[]Incident](), "[]Incident")
	walk(reflect.TypeFor[Detection](), "Detection")
	walk(reflect.TypeFor[ParseError](), "ParseError")
	if !seen[reflect.TypeFor[Update]()] || !seen[reflect.TypeFor[Attempt]()] {
		t.Fatal("the walk missed the updates or the attempts: it tests nothing")
	}
}

// TestLinePoolReuse parses every fixture twice, the second time after the
// others, whose lines are split into the buffers the first gave back: the
// incidents of the first reading must be unchanged, and the same as the
// second's.
func TestLinePoolReuse(t *testing.T) {
	names, texts := fixtureTexts(t)
	type result struct {
		incs []Incident
		det  Detection
		err  error
	}
	first := make([]result, len(texts))
	for i, s := range texts {
		incs, det, err := ParseString(names[i], s, Options{})
		first[i] = result{incs, det, err}
	}
	for i := len(texts) - 1; i >= 0; i-- {
		incs, det, err := ParseString(names[i], texts[i], Options{})
		if got := (result{incs, det, err}); !reflect.DeepEqual(got, first[i]) {
			t.Errorf("%s: read again after the others, gives\n%+v\nfirst read\n%+v", names[i], got, first[i])
		}
	}
}
