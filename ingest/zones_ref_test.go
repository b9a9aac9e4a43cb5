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
	skipOracleUnderRace(t)
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

// TestWallUnixAsDate checks wallUnix against time.Date on every day from
// year 1 to 2400 at a few clocks, on days and clocks at the ends of their
// ranges, and that it declines what it does not read.
func TestWallUnixAsDate(t *testing.T) {
	skipOracleUnderRace(t)
	clocks := []clock{{0, 0, 0}, {12, 34, 56}, {23, 59, 60}, {24, 0, 0}, {24, 59, 60}}
	for at := time.Date(1, 1, 1, 0, 0, 0, 0, time.UTC); at.Year() <= 2400; at = at.AddDate(0, 0, 1) {
		for _, c := range clocks {
			checkWallUnix(t, date{at.Year(), at.Month(), at.Day()}, c)
		}
	}
	for _, y := range []int{1, 4, 100, 400, 1900, 2000, 2023, 2024, 1_000_000} {
		for m := time.January; m <= time.December; m++ {
			for day := 28; day <= 31; day++ { // 31 February is 2 or 3 March to time.Date
				checkWallUnix(t, date{y, m, day}, clock{24, 0, 0})
			}
		}
	}
	for _, d := range []date{{0, 1, 1}, {-5, 1, 1}, {1_000_001, 1, 1}, {2024, 0, 1}, {2024, 13, 1}, {2024, 1, 0}, {2024, 1, 32}} {
		if _, ok := wallUnix(d, clock{}); ok {
			t.Errorf("wallUnix(%+v) reads it; want it left to time.Date", d)
		}
	}
	for _, c := range []clock{{-1, 0, 0}, {25, 0, 0}, {0, 60, 0}, {0, -1, 0}, {0, 0, 61}, {0, 0, -1}} {
		if _, ok := wallUnix(date{2024, 1, 1}, c); ok {
			t.Errorf("wallUnix(%+v) reads it; want it left to time.Date", c)
		}
	}
}

func checkWallUnix(t *testing.T, d date, c clock) {
	t.Helper()
	want := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, time.UTC).Unix()
	got, ok := wallUnix(d, c)
	if !ok || got != want {
		t.Fatalf("wallUnix(%+v, %+v) = %d, %v; time.Date gives %d", d, c, got, ok, want)
	}
}

// TestRegionPeriodsAsTime checks that the zones each regionTable holds
// say what time.Time says, IsDST, at the start and last second of each
// zone and at every half hour of the years the table holds, and that dstAt
// reads every instant from a day before each year to a day after it.
func TestRegionPeriodsAsTime(t *testing.T) {
	skipOracleUnderRace(t)
	for _, name := range slices.Sorted(maps.Keys(regions)) {
		loc := regions[name]
		tab := regionTableOf(loc, seasonFirst)
		if tab == nil || tab.periods == nil {
			t.Fatalf("%s: no table of zones", name)
		}
		check := func(u int64, year int) {
			dst, ok := tab.dstAt(u, year)
			if want := time.Unix(u, 0).In(loc).IsDST(); !ok || dst != want {
				t.Fatalf("%s at %d (%v, year %d): dstAt = %v, %v; time says %v", name, u, time.Unix(u, 0).UTC(), year, dst, ok, want)
			}
		}
		for y := seasonFirst; y <= seasonLast; y++ {
			open := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
			next := time.Date(y+1, 1, 1, 0, 0, 0, 0, time.UTC).Unix()
			for u := open - 86400; u <= next+86400; u += 1800 {
				check(u, y)
			}
			for _, p := range tab.periods {
				for _, u := range []int64{p.start, p.end - 1} {
					if open-86400 <= u && u <= next+86400 {
						check(u, y)
					}
				}
			}
		}
	}
}

// FuzzZoneAt compares zone.at with refZoneAt, exactly (the same
// time.Time value and note), for any date and clock, in every zone of
// zoneAbbrevs read as written, as standard time, as daylight-saving time
// and as local time.
func FuzzZoneAt(f *testing.F) {
	var zs []zone
	for _, name := range slices.Sorted(maps.Keys(zoneAbbrevs)) {
		z, _ := lookupZone(name)
		zs = append(zs, z)
		if z.Region != "" {
			for _, dl := range []int{-1, 0, 1} {
				z.Daylight = dl
				zs = append(zs, z)
			}
		}
	}
	f.Add(uint8(0), 2024, 3, 10, 2, 30, 0)
	f.Add(uint8(7), 2023, 11, 5, 1, 30, 0)
	f.Add(uint8(20), 2069, 12, 31, 24, 0, 0)
	f.Add(uint8(33), 1990, 1, 1, 0, 0, 60)
	f.Add(uint8(40), 2024, 2, 30, 25, 61, -1)
	f.Fuzz(func(t *testing.T, zi uint8, y, m, d, h, mi, s int) {
		z := zs[int(zi)%len(zs)]
		if y < -100000 || y > 2000000 || m < -100 || m > 100 || d < -1000 || d > 1000 ||
			h < -1000 || h > 1000 || mi < -1000 || mi > 1000 || s < -1000 || s > 1000 {
			return // beyond what time.Date keeps in range
		}
		dd, c := date{y, time.Month(m), d}, clock{h, mi, s}
		got, gnote := z.at(dd, c)
		want, wnote := refZoneAt(z, dd, c)
		if got != want || gnote != wnote {
			t.Fatalf("%+v at %+v %+v = %v %q; the reference gives %v %q", z, dd, c, got, gnote, want, wnote)
		}
	})
}
