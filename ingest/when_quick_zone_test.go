package ingest

import "testing"

// TestQuickZone checks quickZone against zoneAbbrevs, which it reads
// UTC's abbreviations without: every key, and words that are none.
func TestQuickZone(t *testing.T) {
	ins := []string{"", "U", "UTCX", "utc", "Utc", "GM", "GMTS", "XYZ", "EDT "}
	for k := range zoneAbbrevs {
		ins = append(ins, k)
	}
	for _, in := range ins {
		got, ok := quickZone(in)
		want, wok := zoneAbbrevs[in]
		if got != want || ok != wok {
			t.Errorf("quickZone(%q) = %+v, %v; zoneAbbrevs has %+v, %v", in, got, ok, want, wok)
		}
	}
}
