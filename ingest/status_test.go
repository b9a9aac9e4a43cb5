package ingest

import "testing"

func FuzzParseStatus(f *testing.F) {
	for _, s := range []string{"Resolved", " In_Progress ", "post\vincident\freport", "Post\u00a0Mortem", "R C A", "İnvestigating"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		st, ok := ParseStatus(s)
		wst, wok := parseStatusOracle(s)
		if st != wst || ok != wok {
			t.Fatalf("ParseStatus(%q) = %v, %v; want %v, %v", s, st, ok, wst, wok)
		}
	})
}
