package ingest

import (
	"fmt"
	"math"
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
	if z.Fixed {
		if u, ok := wallUnix(d, c); ok {
			return time.Unix(u-int64(z.Offset), 0).UTC(), ""
		}
		wall := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, time.UTC)
		return wall.Add(-time.Duration(z.Offset) * time.Second), ""
	}
	loc := z.loc
	if loc == nil {
		loc = regions[z.Region]
	}
	if loc != nil && z.Daylight != 0 {
		if t, ok := claimedAt(loc, d, c, z.Daylight > 0); ok {
			return t, ""
		}
	}
	wall := time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0, time.UTC)
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

// regionTable is what a region's rules say about the years from
// seasonFirst to seasonLast, kept so that a stamp there is read without
// searching the rules: the season offsets of each year, and the region's
// zones in order, each as the instants it starts and ends and whether it
// is daylight-saving time, as time.Time's ZoneBounds and IsDST give them.
type regionTable struct {
	seasons seasonTable
	// periods runs from the zone in force two days before seasonFirst
	// opens (in UTC) to the one in force two days after seasonLast
	// ends; it is nil when the rules could not be walked that way.
	periods []zonePeriod
	// yearFrom is, for each year, the index in periods of the zone in
	// force a day before the year opens in UTC: a wall time of the year
	// less any offset (at most 26 hours either way) is at or after it.
	yearFrom [seasonLast - seasonFirst + 1]int32
}

// zonePeriod is a stretch of time, from start (included) to end
// (excluded) in Unix seconds, over which a region keeps one zone.
type zonePeriod struct {
	start, end int64
	dst        bool
}

// newRegionTable computes loc's regionTable (some 60 µs).
func newRegionTable(loc *time.Location) *regionTable {
	tab := new(regionTable)
	for y := seasonFirst; y <= seasonLast; y++ {
		std, dst, ok := seasonOffsets(loc, y)
		tab.seasons[y-seasonFirst] = seasons{int32(std), int32(dst), ok}
	}
	const day = 24 * 3600
	from := time.Date(seasonFirst, time.January, 1, 0, 0, 0, 0, time.UTC).Unix() - 2*day
	until := time.Date(seasonLast+1, time.January, 1, 0, 0, 0, 0, time.UTC).Unix() + 2*day
	var periods []zonePeriod
	for t := from; ; {
		lt := time.Unix(t, 0).In(loc)
		start, end := lt.ZoneBounds()
		p := zonePeriod{start: math.MinInt64, end: math.MaxInt64, dst: lt.IsDST()}
		if !start.IsZero() {
			p.start = start.Unix()
		}
		if !end.IsZero() {
			p.end = end.Unix()
		}
		if p.end <= t && !end.IsZero() {
			// Past its last transition a region's zone comes from a
			// rule (time's tzset), which ends the zone in force at the
			// end of a year 365 days after the year opens: on 31
			// December of a leap year it gives an end already passed.
			// The zone holds to the end of the year (in UTC, as the
			// rule counts), where the next year's rule takes over.
			p.end = time.Date(time.Unix(t, 0).UTC().Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()
		}
		if p.start > t || p.end <= t {
			return tab // bounds that do not hold t: leave the rules to the time package
		}
		periods = append(periods, p)
		if p.end > until {
			break
		}
		t = p.end
	}
	k := 0
	for y := seasonFirst; y <= seasonLast; y++ {
		open := time.Date(y, time.January, 1, 0, 0, 0, 0, time.UTC).Unix() - day
		for periods[k].end <= open {
			k++
		}
		tab.yearFrom[y-seasonFirst] = int32(k)
	}
	tab.periods = periods
	return tab
}

// dstAt reports whether the region is on daylight-saving time at Unix
// second t, an instant of the given year (between seasonFirst and
// seasonLast) less an offset; ok is false when the table cannot say.
func (tab *regionTable) dstAt(t int64, year int) (dst, ok bool) {
	if tab.periods == nil {
		return false, false
	}
	k := int(tab.yearFrom[year-seasonFirst])
	for k < len(tab.periods) && tab.periods[k].end <= t {
		k++
	}
	if k == len(tab.periods) || tab.periods[k].start > t {
		return false, false
	}
	return tab.periods[k].dst, true
}

// regionSeasons holds, for every region of regions, its regionTable,
// computed when a stamp first needs it and only read afterwards, so
// goroutines share it safely. It saves the two time.Date calls (each a
// search of the region's transitions) seasonOffsets made for every
// regional stamp, a twentieth of the time spent reading a status page,
// and the search of the transitions that tells whether the season fits
// the abbreviation.
var regionSeasons = func() map[*time.Location]func() *regionTable {
	out := make(map[*time.Location]func() *regionTable, len(regions))
	for _, loc := range regions {
		out[loc] = sync.OnceValue(func() *regionTable { return newRegionTable(loc) })
	}
	return out
}()

// regionTableOf is loc's regionTable, or nil when regionSeasons does not
// hold loc or the year.
func regionTableOf(loc *time.Location, year int) *regionTable {
	if seasonFirst <= year && year <= seasonLast {
		if tab := regionSeasons[loc]; tab != nil {
			return tab()
		}
	}
	return nil
}

// regionSeasonOffsets is seasonOffsets(loc, year), read from
// regionSeasons when it holds them.
func regionSeasonOffsets(loc *time.Location, year int) (std, dst int, ok bool) {
	if tab := regionTableOf(loc, year); tab != nil {
		s := tab.seasons[year-seasonFirst]
		return int(s.std), int(s.dst), s.ok
	}
	return seasonOffsets(loc, year)
}

// claimedAt is what at returns for the wall-clock time d c in a region
// whose abbreviation claims daylight-saving time (daylight) or standard
// time, in the common case where the region is on that time then: the
// instant at the claimed offset. It computes it from regionSeasons, by
// arithmetic, without a time.Date or a search of the region's
// transitions; ok is false in every other case, which at settles as
// before.
func claimedAt(loc *time.Location, d date, c clock, daylight bool) (time.Time, bool) {
	tab := regionTableOf(loc, d.Year)
	if tab == nil {
		return time.Time{}, false
	}
	s := tab.seasons[d.Year-seasonFirst]
	if !s.ok {
		return time.Time{}, false
	}
	claim := s.std
	if daylight {
		claim = s.dst
	}
	u, ok := wallUnix(d, c)
	if !ok {
		return time.Time{}, false
	}
	t := u - int64(claim)
	if dst, ok := tab.dstAt(t, d.Year); !ok || dst != daylight {
		return time.Time{}, false
	}
	return time.Unix(t, 0).UTC(), true
}

// wallUnix is time.Date(d.Year, d.Month, d.Day, c.Hour, c.Min, c.Sec, 0,
// time.UTC).Unix() computed by arithmetic, for the dates and clocks the
// scanner reads (a year from 1 to 1,000,000, a month, a day from 1 to 31,
// a clock up to 24:00:00 with up to 60 seconds); ok is false for others.
// time.Date normalises a day or a clock beyond its range by carrying it
// into the next unit, which changes the sum of seconds not at all: only
// the month must be in range for the days before it to be counted as
// below. The days are counted as in Howard Hinnant's days_from_civil, from
// March, so that a leap day ends its year.
func wallUnix(d date, c clock) (int64, bool) {
	if d.Year < 1 || d.Year > 1_000_000 || d.Month < time.January || d.Month > time.December ||
		d.Day < 1 || d.Day > 31 || c.Hour < 0 || c.Hour > 24 || c.Min < 0 || c.Min > 59 || c.Sec < 0 || c.Sec > 60 {
		return 0, false
	}
	// Unsigned: y is 0 at the least, so the divisions need no flooring,
	// and unsigned ones by a constant take fewer instructions.
	y, m := uint64(d.Year), uint64(d.Month)
	if m <= 2 {
		y--
		m += 9
	} else {
		m -= 3
	}
	era, yoe := y/400, y%400
	doy := (153*m+2)/5 + uint64(d.Day) - 1
	doe := yoe*365 + yoe/4 - yoe/100 + doy
	days := int64(era*146097+doe) - 719468 // days since 1970-01-01
	return days*86400 + int64(c.Hour*3600+c.Min*60+c.Sec), true
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
