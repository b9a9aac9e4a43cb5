package ingest

import (
	"errors"
	"slices"
	"testing"
)

// TestDetectionTriedEveryFormat checks that a document no reader takes
// lists every format tried, in order, each printed as "format: why", the
// way --explain prints them.
func TestDetectionTriedEveryFormat(t *testing.T) {
	_, det, err := Parse("x.txt", []byte("hello world\nnothing here\n"), Options{})
	if !errors.Is(err, ErrUnknownFormat) {
		t.Fatalf("err = %v; want ErrUnknownFormat", err)
	}
	var got []Format
	for _, a := range det.Tried {
		got = append(got, a.Format)
		if want := a.Format.String() + ": " + a.Why; a.String() != want || a.Why == "" {
			t.Errorf("attempt prints %q; want %q with a reason", a.String(), want)
		}
	}
	if !slices.Equal(got, Formats()) {
		t.Fatalf("tried %v; want %v", got, Formats())
	}
	if s := (Attempt{Format: FormatCachetText, Why: "no date heading"}).String(); s != "cachet-text: no date heading" {
		t.Fatalf("Attempt.String() = %q", s)
	}
}
