package ingest

import (
	"fmt"
	"strings"
	"sync"
	"time"
	_ "time/tzdata" // zone rules travel with the binary: a bare CI image may lack /usr/share/zoneinfo
)

// zone is a time zone as a report writes it: a fixed offset ("UTC", "+02:00",
// "IST") or a region's local time ("EDT", "PT", "CET").
type zone struct {
	// Name is the zone as written, normalised to upper case for
	// abbreviations ("EDT", "UTC+2").
	Name string
	// Fixed zones have an offset in seconds east of UTC.
	Fixed  bool
	Offset int
	// Region is the IANA name whose rules give the offset on a date, for
	// abbreviations of zones that observe daylight saving time.
	Region string
	// Daylight says what the abbreviation claims: +1 daylight/summer time,
	// -1 standard time, 0 the region's local time whatever the season
	// ("PT", "Eastern time").
	Daylight int
	// loc is the region's rules when they are not among the regions the
	// abbreviations name (an IANA name in the text, --assume-zone).
	loc *time.Location
}

// zoneAbbrevs maps upper-case abbreviations to zones. Ambiguous
// abbreviations take the reading most common in English-language incident
// reports: IST is India, CST is US Central, BST is British Summer Time.
var zoneAbbrevs = map[string]zone{
	"UTC": {Fixed: true}, "GMT": {Fixed: true}, "Z": {Fixed: true}, "UT": {Fixed: true},
	"EST": {Region: "America/New_York", Daylight: -1}, "EDT": {Region: "America/New_York", Daylight: 1}, "ET": {Region: "America/New_York"},
	"CST": {Region: "America/Chicago", Daylight: -1}, "CDT": {Region: "America/Chicago", Daylight: 1}, "CT": {Region: "America/Chicago"},
	"MST": {Region: "America/Denver", Daylight: -1}, "MDT": {Region: "America/Denver", Daylight: 1}, "MT": {Region: "America/Denver"},
	"PST": {Region: "America/Los_Angeles", Daylight: -1}, "PDT": {Region: "America/Los_Angeles", Daylight: 1}, "PT": {Region: "America/Los_Angeles"},
	"AKST": {Region: "America/Anchorage", Daylight: -1}, "AKDT": {Region: "America/Anchorage", Daylight: 1},
	"HST": {Fixed: true, Offset: -10 * 3600},
	"AST": {Region: "America/Halifax", Daylight: -1}, "ADT": {Region: "America/Halifax", Daylight: 1},
	"NST": {Region: "America/St_Johns", Daylight: -1}, "NDT": {Region: "America/St_Johns", Daylight: 1},
	"BST": {Region: "Europe/London", Daylight: 1},
	"WET": {Region: "Europe/Lisbon", Daylight: -1}, "WEST": {Region: "Europe/Lisbon", Daylight: 1},
	"CET": {Region: "Europe/Berlin", Daylight: -1}, "CEST": {Region: "Europe/Berlin", Daylight: 1},
	"MET": {Region: "Europe/Berlin", Daylight: -1}, "MEST": {Region: "Europe/Berlin", Daylight: 1},
	"EET": {Region: "Europe/Athens", Daylight: -1}, "EEST": {Region: "Europe/Athens", Daylight: 1},
	"MSK":  {Fixed: true, Offset: 3 * 3600},
	"IST":  {Fixed: true, Offset: 5*3600 + 1800},
	"PKT":  {Fixed: true, Offset: 5 * 3600},
	"ICT":  {Fixed: true, Offset: 7 * 3600},
	"WIB":  {Fixed: true, Offset: 7 * 3600},
	"SGT":  {Fixed: true, Offset: 8 * 3600},
	"HKT":  {Fixed: true, Offset: 8 * 3600},
	"AWST": {Fixed: true, Offset: 8 * 3600},
	"PHT":  {Fixed: true, Offset: 8 * 3600},
	"JST":  {Fixed: true, Offset: 9 * 3600},
	"KST":  {Fixed: true, Offset: 9 * 3600},
	"ACST": {Region: "Australia/Adelaide", Daylight: -1}, "ACDT": {Region: "Australia/Adelaide", Daylight: 1},
	"AEST": {Region: "Australia/Sydney", Daylight: -1}, "AEDT": {Region: "Australia/Sydney", Daylight: 1},
	"NZST": {Region: "Pacific/Auckland", Daylight: -1}, "NZDT": {Region: "Pacific/Auckland", Daylight: 1},
	"WAT":  {Fixed: true, Offset: 1 * 3600},
	"CAT":  {Fixed: true, Offset: 2 * 3600},
	"SAST": {Fixed: true, Offset: 2 * 3600},
	"EAT":  {Fixed: true, Offset: 3 * 3600},
	"GST":  {Fixed: true, Offset: 4 * 3600},
	"NPT":  {Fixed: true, Offset: 5*3600 + 45*60},
	"MYT":  {Fixed: true, Offset: 8 * 3600},
	"AKT":  {Region: "America/Anchorage"},
	"HDT":  {Region: "America/Adak", Daylight: 1},
	"BRT":  {Fixed: true, Offset: -3 * 3600},
	"ART":  {Fixed: true, Offset: -3 * 3600},
}

// zoneNames maps zone names written in words (lower case, single spaces) to
// abbreviations. The longest name that matches wins.
var zoneNames = map[string]string{
	"coordinated universal time": "UTC", "universal time": "UTC", "greenwich mean time": "GMT",
	"eastern time": "ET", "eastern standard time": "EST", "eastern daylight time": "EDT", "eastern": "ET",
	"central time": "CT", "central standard time": "CST", "central daylight time": "CDT", "central": "CT",
	"mountain time": "MT", "mountain standard time": "MST", "mountain daylight time": "MDT", "mountain": "MT",
	"pacific time": "PT", "pacific standard time": "PST", "pacific daylight time": "PDT", "pacific": "PT",
	"british summer time": "BST", "central european time": "CET", "central european summer time": "CEST",
	"india standard time": "IST", "japan standard time": "JST",
	"australian eastern standard time": "AEST", "australian eastern daylight time": "AEDT",
}

// regions holds the loaded rules of every region the abbreviations name,
// built once when the package is initialised and only read afterwards:
// loading a location parses tzdata, far too slow to repeat per timestamp.
var regions = loadRegions()

func loadRegions() map[string]*time.Location {
	out := map[string]*time.Location{}
	for _, z := range zoneAbbrevs {
		if z.Region == "" || out[z.Region] != nil {
			continue
		}
		if loc, err := time.LoadLocation(z.Region); err == nil {
			out[z.Region] = loc
		}
	}
	return out
}

// ianaLocations memoises the IANA names read in text ("US/Pacific",
// "America/New_York"): time.LoadLocation opens and parses tzdata on every
// call, which took a third of the time spent on a report that names its
// zone that way. Only names that load are kept, so the memo holds at most
// the few hundred names tzdata has, whatever the input; and a loaded
// location never changes, so sharing one between goroutines changes no
// output.
var ianaLocations sync.Map // string -> *time.Location

// loadIANA is time.LoadLocation(name), memoised in ianaLocations.
func loadIANA(name string) (*time.Location, error) {
	if loc, ok := ianaLocations.Load(name); ok {
		return loc.(*time.Location), nil
	}
	loc, err := time.LoadLocation(name)
	if err != nil {
		return nil, err
	}
	ianaLocations.Store(name, loc)
	return loc, nil
}

// lookupZone resolves an abbreviation ("edt", "UTC") to a zone.
func lookupZone(abbrev string) (zone, bool) {
	z, asWritten, ok := zoneAbbrev(abbrev)
	if asWritten {
		z.Name = abbrev
	}
	return z, ok
}

// maxAbbrev is the length of the longest key of zoneAbbrevs.
const maxAbbrev = 4

// zoneAbbrev is lookupZone that leaves the name out when it is abbrev as
// written (asWritten), and never returns abbrev itself: an ASCII
// abbreviation is upper-cased without allocating, and one written in
// capitals is not copied.
func zoneAbbrev(abbrev string) (z zone, asWritten, ok bool) {
	if !isASCII(abbrev) {
		up := strings.ToUpper(abbrev) // "ſ" upper-cases to "S"
		if z, ok = zoneAbbrevs[up]; !ok {
			return zone{}, false, false
		}
		z.Name = strings.Clone(up)
		return z, false, true
	}
	if len(abbrev) > maxAbbrev {
		return zone{}, false, false
	}
	var buf [maxAbbrev]byte
	up := buf[:len(abbrev)]
	asWritten = true
	for i := 0; i < len(abbrev); i++ {
		c := abbrev[i]
		if 'a' <= c && c <= 'z' {
			c -= 'a' - 'A'
			asWritten = false
		}
		up[i] = c
	}
	if z, ok = zoneAbbrevs[string(up)]; !ok {
		return zone{}, false, false
	}
	if !asWritten {
		z.Name = string(up)
	}
	return z, asWritten, true
}

// fixedZone is a numeric offset as written ("+02:00", "UTC-4").
func fixedZone(name string, offset int) zone {
	return zone{Name: name, Fixed: true, Offset: offset}
}

// at returns the instant that the wall-clock time d c names in z.
//
// For a regional abbreviation the abbreviation picks the offset (EST is
// UTC-5, EDT UTC-4), which also settles the hour a DST switch repeats or
// skips. When the abbreviation does not fit the season of that date ("PST"
// in July) the writer nearly always means the region's local time: the time
// is read that way and a note says so.
func (z zone) at(d date, c clock) (time.Time, string) {
	wall := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, time.UTC)
	if z.Fixed {
		return wall.Add(-time.Duration(z.Offset) * time.Second), ""
	}
	loc := z.loc
	if loc == nil {
		loc = regions[z.Region]
	}
	if loc == nil { // cannot happen with time/tzdata linked in
		return wall, "zone " + z.Name + " unknown; read as UTC"
	}
	if z.Daylight == 0 {
		return time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, loc).UTC(), ""
	}
	// The region's reading of the wall time is needed only when the
	// abbreviation does not fit the season: most stamps never make it.
	std, dst, ok := regionSeasonOffsets(loc, d.Year)
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
	local := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, loc)
	abbr, off := local.Zone()
	season := "a daylight-saving"
	if z.Daylight > 0 {
		season = "a standard-time"
	}
	return local.UTC(), fmt.Sprintf("%s written on %s date (%s): read as %s local time (%s, UTC%s)",
		z.Name, season, d, z.Region, abbr, formatOffset(off))
}

// seasonOffsets returns a region's standard and daylight-saving offsets in a
// year (the smaller and the larger of January's and July's); ok is false
// when the region keeps one offset all year.
func seasonOffsets(loc *time.Location, year int) (std, dst int, ok bool) {
	_, jan := time.Date(year, time.January, 1, 12, 0, 0, 0, loc).Zone()
	_, jul := time.Date(year, time.July, 1, 12, 0, 0, 0, loc).Zone()
	if jan == jul {
		return jan, jan, false
	}
	return min(jan, jul), max(jan, jul), true
}

// seasonFirst and seasonLast bound the years whose season offsets
// regionSeasons holds: the years incident reports are written about, and
// more.
const seasonFirst, seasonLast = 1990, 2069

// seasons is what seasonOffsets returns for a region and a year.
type seasons struct {
	std, dst int32
	ok       bool
}

// seasonTable is seasonOffsets of a region for each year from seasonFirst
// to seasonLast.
type seasonTable [seasonLast - seasonFirst + 1]seasons

// regionSeasons holds, for every region of regions, its seasonTable,
// computed when a stamp first needs it (some 40 µs a region) and only read
// afterwards, so goroutines share it safely. It saves the two time.Date
// calls (each a search of the region's transitions) seasonOffsets made for
// every regional stamp, a twentieth of the time spent reading a status
// page.
var regionSeasons = func() map[*time.Location]func() *seasonTable {
	out := make(map[*time.Location]func() *seasonTable, len(regions))
	for _, loc := range regions {
		out[loc] = sync.OnceValue(func() *seasonTable {
			tab := new(seasonTable)
			for y := seasonFirst; y <= seasonLast; y++ {
				std, dst, ok := seasonOffsets(loc, y)
				tab[y-seasonFirst] = seasons{int32(std), int32(dst), ok}
			}
			return tab
		})
	}
	return out
}()

// regionSeasonOffsets is seasonOffsets(loc, year), read from
// regionSeasons when it holds them.
func regionSeasonOffsets(loc *time.Location, year int) (std, dst int, ok bool) {
	if seasonFirst <= year && year <= seasonLast {
		if tab := regionSeasons[loc]; tab != nil {
			s := tab()[year-seasonFirst]
			return int(s.std), int(s.dst), s.ok
		}
	}
	return seasonOffsets(loc, year)
}

// nearTransition reports whether the region changes offset within two
// hours of t: there, a wall time is repeated or skipped and the written
// abbreviation is the only guide.
func nearTransition(loc *time.Location, t time.Time) bool {
	// Most times lie hours from any change of zone: then none of the
	// times tried below can have another offset.
	lt := t.In(loc)
	if start, end := lt.ZoneBounds(); (start.IsZero() || !t.Add(-2*time.Hour).Before(start)) &&
		(end.IsZero() || t.Add(2*time.Hour).Before(end)) {
		return false
	}
	_, off := lt.Zone()
	for _, d := range []time.Duration{-2 * time.Hour, -time.Hour, time.Hour, 2 * time.Hour} {
		if _, o := t.Add(d).In(loc).Zone(); o != off {
			return true
		}
	}
	return false
}

// offsetOn is the zone's offset from UTC in seconds on date d at clock c.
func (z zone) offsetOn(d date, c clock) int {
	t, _ := z.at(d, c)
	local := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, time.UTC)
	return int(local.Sub(t) / time.Second)
}

// formatOffset writes an offset in seconds as "+2", "-4" or "+5:30".
func formatOffset(off int) string {
	sign := "+"
	if off < 0 {
		sign, off = "-", -off
	}
	h, m := off/3600, off%3600/60
	if m == 0 {
		return fmt.Sprintf("%s%d", sign, h)
	}
	return fmt.Sprintf("%s%d:%02d", sign, h, m)
}
