package ingest

import (
	"math/rand/v2"
	"slices"
	"testing"
)

// Tests of the aggregator reader's pieces kept instead of copied: a
// section's lines and the summary's "lasting ..." text.

// refSection is a section as aggregatorUpdates read it before it kept
// pieces of the page: its lines that are not blank, appended one by one.
func refSection(pieces ...[]line) []line {
	var out []line
	for _, p := range pieces {
		for _, l := range p {
			if l.Text != "" {
				out = append(out, l)
			}
		}
	}
	return out
}

func checkSection(t *testing.T, pieces ...[]line) {
	t.Helper()
	var got []line
	for _, p := range pieces {
		got = appendSection(got, p)
	}
	if want := refSection(pieces...); !slices.Equal(got, want) {
		t.Fatalf("appendSection of %v = %v; want %v", pieces, got, want)
	}
}

func TestAppendSection(t *testing.T) {
	l := func(texts ...string) []line {
		out := make([]line, len(texts))
		for i, s := range texts {
			out[i] = line{N: i + 1, Text: s}
		}
		return out
	}
	for _, tt := range [][][]line{
		{},
		{l()},
		{l("")},
		{l("", "Member Websites", "")},
		{l("A", "B")},
		{l("A", "", "B")},
		{l("", "A", "", "B", "", "")},
		{l("A"), l("", "B")},
		{l(""), l("B", "C")},
	} {
		checkSection(t, tt...)
	}
	r := rand.New(rand.NewPCG(301, 302))
	for range 20000 {
		var pieces [][]line
		for range r.IntN(3) + 1 {
			ls := make([]line, r.IntN(6))
			for i := range ls {
				ls[i] = line{N: i + 1, Text: []string{"", "", "x", "Web App"}[r.IntN(4)]}
			}
			pieces = append(pieces, ls)
		}
		checkSection(t, pieces...)
	}
}

func checkConcatIn(t *testing.T, s, a, b string) {
	t.Helper()
	if got := concatIn(s, a, b); got != a+b {
		t.Fatalf("concatIn(%q, %q, %q) = %q; want %q", s, a, b, got, a+b)
	}
}

func TestConcatIn(t *testing.T) {
	for _, tt := range [][3]string{
		{"Acme experienced a minor incident on May 1, 2024, lasting 4h 16m.", "lasting ", "4h 16m"},
		{"lasting lasting 4h", "lasting ", "4h"},
		{"lasting 4", "lasting ", "4h"},
		{"", "lasting ", "4h"},
		{"lasting ", "lasting ", ""},
		{"x", "", ""},
		{"ab", "", "b"},
		{"aab", "a", "b"},
	} {
		checkConcatIn(t, tt[0], tt[1], tt[2])
	}
	var got string
	s := "Acme had an outage on May 1, 2024, lasting 2h."
	if n := testing.AllocsPerRun(10, func() { got = concatIn(s, "lasting ", "2h") }); n != 0 {
		t.Fatalf("concatIn made %q, which the line holds (%v allocations)", got, n)
	}
	if n := testing.AllocsPerRun(10, func() { got = concatIn(s, "lasting ", "3h") }); n != 1 {
		t.Fatalf("concatIn made %q in %v allocations; want 1", got, n)
	}
}

func FuzzConcatIn(f *testing.F) {
	f.Add("Acme had an outage on May 1, 2024, lasting 2h.", "lasting ", "2h")
	f.Add("aab", "a", "b")
	f.Fuzz(func(t *testing.T, s, a, b string) { checkConcatIn(t, s, a, b) })
}
