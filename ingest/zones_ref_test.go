package ingest

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"
)

// refZoneAt is zone.at as it was before it read the region's wall time
// only when the abbreviation does not fit the season: the reference
// TestZoneAtAsReference compares with.
func refZoneAt(z zone, d date, c clock) (time.Time, string) {
	wall := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, time.UTC)
	if z.Fixed {
		return wall.Add(-time.Duration(z.Offset) * time.Second), ""
	}
	loc := z.loc
	if loc == nil {
		loc = regions[z.Region]
	}
	if loc == nil {
		return wall, "zone " + z.Name + " unknown; read as UTC"
	}
	local := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, loc)
	if z.Daylight == 0 {
		return local.UTC(), ""
	}
	std, dst, ok := seasonOffsets(loc, d.Year)
	if ok {
		claim := std
		if z.Daylight > 0 {
			claim = dst
		}
		t := wall.Add(-time.Duration(claim) * time.Second)
		if t.In(loc).IsDST() == (z.Daylight > 0) || nearTransition(loc, t) {
			return t, ""
		}
	}
	abbr, off := local.Zone()
	season := "a daylight-saving"
	if z.Daylight > 0 {
		season = "a standard-time"
	}
	return local.UTC(), fmt.Sprintf("%s written on %s date (%s): read as %s local time (%s, UTC%s)",
		z.Name, season, d, z.Region, abbr, formatOffset(off))
}

// TestZoneAtAsReference checks zone.at against the reference on every
// hour of three years, for every region of zoneAbbrevs read as standard
// time, daylight-saving time and local time, a fixed zone, an IANA name
// read in text and a region without rules.
func TestZoneAtAsReference(t *testing.T) {
	zs := []zone{{Name: "IST", Fixed: true, Offset: 5*3600 + 1800}}
	seen := map[string]bool{}
	for _, name := range slices.Sorted(maps.Keys(zoneAbbrevs)) {
		z, _ := lookupZone(name)
		if z.Region == "" || seen[z.Region] {
			continue
		}
		seen[z.Region] = true
		for _, dl := range []int{-1, 0, 1} {
			z.Daylight = dl
			zs = append(zs, z)
		}
	}
	loc, err := loadIANA("US/Pacific")
	if err != nil {
		t.Fatal(err)
	}
	zs = append(zs, zone{Name: "US/Pacific", Region: "US/Pacific", loc: loc}, zone{Name: "Nowhere", Region: "Nowhere/Else", Daylight: 1})
	years := []int{1970, 2007, 2024}
	n := 0
	for _, z := range zs {
		for _, y := range years {
			for at := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() == y; at = at.Add(time.Hour) {
				d, c := date{at.Year(), at.Month(), at.Day()}, clock{at.Hour(), at.Minute(), 0}
				got, gnote := z.at(d, c)
				want, wnote := refZoneAt(z, d, c)
				if !got.Equal(want) || got.Location() != want.Location() || gnote != wnote {
					t.Fatalf("%+v at %v %v = %v %q; the reference gives %v %q", z, d, c, got, gnote, want, wnote)
				}
				n++
			}
		}
	}
	if n < 400000 {
		t.Fatalf("only %d readings compared", n)
	}
}

// TestRegionSeasonsAsReference checks the offsets regionSeasons holds
// against seasonOffsets, which computes them, for every region and every
// year it holds, and the years either side, which it does not.
func TestRegionSeasonsAsReference(t *testing.T) {
	if len(regionSeasons) != len(regions) {
		t.Fatalf("regionSeasons holds %d regions; regions has %d", len(regionSeasons), len(regions))
	}
	iana, err := loadIANA("US/Pacific")
	if err != nil {
		t.Fatal(err)
	}
	locs := []*time.Location{iana}
	for _, name := range slices.Sorted(maps.Keys(regions)) {
		locs = append(locs, regions[name])
	}
	for _, loc := range locs {
		for y := seasonFirst - 3; y <= seasonLast+3; y++ {
			std, dst, ok := regionSeasonOffsets(loc, y)
			wstd, wdst, wok := seasonOffsets(loc, y)
			if std != wstd || dst != wdst || ok != wok {
				t.Errorf("regionSeasonOffsets(%s, %d) = %d, %d, %v; seasonOffsets says %d, %d, %v", loc, y, std, dst, ok, wstd, wdst, wok)
			}
		}
	}
}

// BenchmarkRegionSeasons is what computing all of regionSeasons costs;
// a process computes a region's table when it first reads a stamp there.
func BenchmarkRegionSeasons(b *testing.B) {
	for b.Loop() {
		for _, loc := range regions {
			for y := seasonFirst; y <= seasonLast; y++ {
				seasonOffsets(loc, y)
			}
		}
	}
}
