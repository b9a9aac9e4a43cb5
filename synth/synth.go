package synth

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"time"
)

// Format is a report format the generator writes.
type Format int

// The formats, named as mttx names them.
const (
	StatuspageJSON Format = iota
	StatuspageText
	AggregatorText
	MarkdownPostmortem
)

var formatNames = [...]string{"statuspage-json", "statuspage-text", "aggregator-text", "markdown-postmortem"}

func (f Format) String() string {
	if int(f) >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// Formats lists every format the generator writes.
func Formats() []Format {
	return []Format{StatuspageJSON, StatuspageText, AggregatorText, MarkdownPostmortem}
}

// ParseFormat reads a format name as mttx writes it.
func ParseFormat(s string) (Format, error) {
	for _, f := range Formats() {
		if f.String() == strings.ToLower(strings.TrimSpace(s)) {
			return f, nil
		}
	}
	return 0, fmt.Errorf("unknown format %q (want %s)", s, strings.Join(formatNames[:], ", "))
}

// ext is the file extension of the format.
func (f Format) ext() string {
	switch f {
	case StatuspageJSON:
		return ".json"
	case MarkdownPostmortem:
		return ".md"
	}
	return ".txt"
}

// Incident is the truth of one generated incident: what the report says,
// and the metrics docs/metrics.md derives from it. Times are UTC; a nil
// pointer is unknown (the report does not let it be derived).
type Incident struct {
	// Index is the incident's number in the corpus, from 0.
	Index       int        `json:"index"`
	File        string     `json:"file"` // relative to the corpus directory
	Format      string     `json:"format"`
	Org         string     `json:"org"`
	Title       string     `json:"title"`
	Impact      string     `json:"impact"` // as mttx names it; "unknown" when the report does not say
	Components  []string   `json:"components"`
	Factor      string     `json:"factor"` // the cause the report states; "" when it states none
	Updates     []Update   `json:"updates"`
	StatedStart *time.Time `json:"stated_start"`
	StatedEnd   *time.Time `json:"stated_end"`
	// The durations mttx must derive, in seconds.
	TTD             *int64 `json:"ttd_seconds"`
	TTI             *int64 `json:"tti_seconds"`
	TTM             *int64 `json:"ttm_seconds"`
	TTR             *int64 `json:"ttr_seconds"`
	ImpactSeconds   *int64 `json:"impact_seconds"`
	PostmortemDelay *int64 `json:"postmortem_delay_seconds"`

	// What the writers need beyond the truth.
	zone        *time.Location
	start       time.Time // the true impact start
	end         time.Time // the true impact end
	maintenance bool
	timeline    []entry // a markdown postmortem's narrative timeline
}

// Update is one status update, oldest first, postmortem included.
type Update struct {
	Status string    `json:"status"` // as mttx names it ("in progress")
	At     time.Time `json:"at"`
	Text   string    `json:"text"`
}

// entry is one line of a postmortem's narrative timeline.
type entry struct {
	at   time.Time
	text string
}

// Config says what to generate.
type Config struct {
	Format Format
	N      int    // incidents
	Seed   uint64 // the same seed gives the same corpus
	// PerFile is the number of incidents per Statuspage JSON document (an
	// incidents.json page); the text formats hold one incident per file.
	PerFile int
}

// perFile is the number of incidents in each file of the corpus.
func (c Config) perFile() int {
	if c.Format != StatuspageJSON {
		return 1
	}
	return max(1, c.PerFile)
}

// Files is the number of files of the corpus.
func (c Config) Files() int { return (c.N + c.perFile() - 1) / c.perFile() }

// vendors is how many organisations a corpus spreads over.
const vendors = 400

var (
	syllables  = []string{"kal", "vor", "bri", "mos", "tel", "quin", "dar", "lum", "pex", "sor", "nim", "gal", "rho", "ves", "tor", "fen", "ald", "zan", "cor", "mira"}
	endings    = []string{"a", "o", "ix", "ly", "ora", "ent", "io", "ana", "ware", "base"}
	components = []string{"API", "Dashboard", "Webhooks", "Login", "Search", "Notifications", "Billing", "Data Exports",
		"Mobile Sync", "Email Delivery", "File Uploads", "Build Runners", "Payments", "Reporting", "Realtime Events"}
	zones = []string{"UTC", "America/New_York", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "America/Chicago"}
	// zoneLocs holds the rules of zones, loaded once and only read after:
	// loading a location parses tzdata, and every incident names its vendor.
	zoneLocs = loadZones()
	// symptoms name what customers saw, for titles and bodies.
	symptoms = []string{"Elevated error rates", "Degraded performance", "Delays", "Failures", "Partial outage", "Increased latency"}
)

// vendor returns the organisation name and time zone of vendor v.
func vendor(v int) (string, *time.Location) {
	r := rand.New(rand.NewPCG(0x76656e646f72, uint64(v)))
	name := syllables[r.IntN(len(syllables))] + syllables[r.IntN(len(syllables))] + endings[r.IntN(len(endings))]
	name = strings.ToUpper(name[:1]) + name[1:]
	if v >= len(syllables)*len(syllables)*len(endings)/4 {
		name += fmt.Sprint(v) // keep names distinct in huge corpora
	}
	return name, zoneLocs[r.IntN(len(zones))]
}

// loadZones loads the rules of zones, in their order.
func loadZones() []*time.Location {
	locs := make([]*time.Location, len(zones))
	for i, z := range zones {
		loc, err := time.LoadLocation(z)
		if err != nil {
			loc = time.UTC // tzdata is embedded by the command; never reached in practice
		}
		locs[i] = loc
	}
	return locs
}

// factors are the causes a report may state, with a sentence that states
// each ("%s" is a component), in mttx's taxonomy names.
var factors = []struct{ name, sentence string }{
	{"deploy", "A new release of the %s service rolled out earlier introduced a bug in request handling."},
	{"config-change", "A configuration change to the %s load balancers rejected valid requests."},
	{"database", "The primary database behind %s was overloaded by slow queries."},
	{"certificate", "An expired TLS certificate on the %s endpoint made connections fail."},
	{"capacity", "A surge in traffic exhausted the capacity of the %s worker pool."},
	{"dns", "A DNS resolution failure made the %s hosts unreachable."},
}

// lognormal draws a duration whose median is median and whose logarithm
// has standard deviation sigma, at least min.
func lognormal(r *rand.Rand, median time.Duration, sigma float64, min time.Duration) time.Duration {
	d := time.Duration(float64(median) * math.Exp(sigma*r.NormFloat64()))
	return max(d, min)
}

// span of incident start times.
var (
	spanStart = time.Date(2019, 1, 1, 0, 0, 0, 0, time.UTC)
	spanEnd   = time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)
)

// Draw returns incident i of the corpus: the same config and index always
// give the same incident.
func (c Config) Draw(i int) Incident {
	r := rand.New(rand.NewPCG(c.Seed, uint64(i)<<8|uint64(c.Format)))
	inc := Incident{Index: i, Format: c.Format.String(), Impact: "unknown"}
	v := r.IntN(vendors)
	if c.Format == StatuspageJSON {
		v = (i / c.perFile()) % vendors // one page per file, as incidents.json is
	}
	inc.Org, inc.zone = vendor(v)
	res := time.Second
	if c.Format != StatuspageJSON {
		res = time.Minute // text formats write minutes
	}
	inc.start = spanStart.Add(time.Duration(r.Int64N(int64(spanEnd.Sub(spanStart))))).Truncate(res)
	n := 1 + r.IntN(3)
	for _, k := range r.Perm(len(components))[:n] {
		inc.Components = append(inc.Components, components[k])
	}
	inc.maintenance = (c.Format == StatuspageJSON || c.Format == StatuspageText) && r.Float64() < 0.08
	if inc.maintenance {
		c.drawMaintenance(r, &inc, res)
	} else {
		c.drawIncident(r, &inc, res)
	}
	inc.derive(c.Format)
	return inc
}

func (c Config) drawIncident(r *rand.Rand, inc *Incident, res time.Duration) {
	comp := inc.Components[0]
	inc.Title = fmt.Sprintf("%s on %s", symptoms[r.IntN(len(symptoms))], comp)
	if c.Format == StatuspageJSON || c.Format == AggregatorText || c.Format == MarkdownPostmortem {
		inc.Impact = []string{"minor", "minor", "minor", "major", "major", "critical", "none"}[r.IntN(7)]
	}
	if c.Format == AggregatorText && inc.Impact == "none" {
		inc.Impact = "minor"
	}
	cause := ""
	if r.Float64() < 0.7 {
		f := factors[r.IntN(len(factors))]
		inc.Factor, cause = f.name, fmt.Sprintf(f.sentence, comp)
	}
	step := func(t time.Time, median time.Duration, sigma float64) time.Time {
		return t.Add(lognormal(r, median, sigma, res)).Truncate(res)
	}
	t := step(inc.start, 6*time.Minute, 1.0) // detection delay
	if c.Format == StatuspageJSON && r.Float64() < 0.15 {
		t = inc.start.Add(30 * time.Second).Truncate(res) // started_at equal to created_at: start unknown
	}
	add := func(status, text string) {
		inc.Updates = append(inc.Updates, Update{Status: status, At: t, Text: text})
	}
	add("investigating", fmt.Sprintf("We are investigating reports of %s with %s. Some customers may see errors.",
		strings.ToLower(inc.Title[:strings.Index(inc.Title, " on ")]), comp))
	if r.Float64() < 0.7 {
		t = step(t, 20*time.Minute, 1.0)
		body := "We have found the cause and are working on a fix."
		if cause != "" {
			body = "We have found the cause. " + cause + " We are working on a fix."
		}
		add("identified", body)
	}
	for range r.IntN(3) {
		t = step(t, 25*time.Minute, 0.8)
		add("update", "Work on the fix continues. We will share more as we learn it.")
	}
	if r.Float64() < 0.75 {
		t = step(t, 25*time.Minute, 1.0)
		add("monitoring", fmt.Sprintf("A fix is in place and %s is recovering. We are watching the results closely.", comp))
	}
	inc.end = t
	t = step(t, 30*time.Minute, 0.9)
	add("resolved", fmt.Sprintf("This incident has been resolved. %s is working normally.", comp))
	if c.Format == StatuspageText || c.Format == StatuspageJSON {
		if r.Float64() < 0.25 {
			t = step(t, 72*time.Hour, 0.8)
			add("postmortem", postmortem(c.Format, inc, cause))
		}
	}
	if c.Format == MarkdownPostmortem {
		inc.timeline = c.timeline(r, inc)
		return // the summary states the cause
	}
	if !slices.ContainsFunc(inc.Updates, func(u Update) bool { return cause != "" && strings.Contains(u.Text, cause) }) {
		inc.Factor = "" // drawn, but no update says it
	}
}

// postmortem is the text of a postmortem post. The text format states the
// impact window; the JSON's started_at already does.
func postmortem(f Format, inc *Incident, cause string) string {
	var b strings.Builder
	if f == StatuspageText {
		fmt.Fprintf(&b, "Impact start: %s UTC\nImpact end: %s UTC\n\n", inc.start.UTC().Format("2006-01-02 15:04"), inc.end.UTC().Format("2006-01-02 15:04"))
	}
	fmt.Fprintf(&b, "Customers using %s saw errors until the service recovered.", inc.Components[0])
	if cause != "" {
		b.WriteString(" " + cause)
	}
	b.WriteString("\n\nWe are sorry for the disruption.")
	return b.String()
}

// timeline turns a markdown postmortem's updates into its narrative
// timeline; the postmortem has no status updates of its own.
func (c Config) timeline(r *rand.Rand, inc *Incident) []entry {
	comp := inc.Components[0]
	es := []entry{{inc.start, comp + " requests started failing"}}
	for _, u := range inc.Updates {
		switch u.Status {
		case "investigating":
			es = append(es, entry{u.At, "An alert fired and the on-call engineer was paged"})
		case "identified":
			es = append(es, entry{u.At, "Root cause identified"})
		case "monitoring":
			es = append(es, entry{u.At, "Service restored for all customers"})
		case "resolved":
			es = append(es, entry{u.At, "Incident resolved"})
		}
	}
	return es
}

func (c Config) drawMaintenance(r *rand.Rand, inc *Incident, res time.Duration) {
	comp := inc.Components[0]
	inc.Title = fmt.Sprintf("Scheduled maintenance of %s", comp)
	inc.Impact = "maintenance"
	t := inc.start.Add(-time.Duration(2+r.IntN(6)) * 24 * time.Hour).Truncate(res)
	add := func(status, text string) {
		inc.Updates = append(inc.Updates, Update{Status: status, At: t, Text: text})
	}
	add("scheduled", fmt.Sprintf("We will carry out planned work on %s. Some requests may be slower while it runs.", comp))
	t = inc.start
	add("in progress", "The planned work is underway.")
	if r.Float64() < 0.5 {
		t = t.Add(lognormal(r, 40*time.Minute, 0.6, res)).Truncate(res)
		add("verifying", "The work is done and we are checking that everything works.")
	}
	t = t.Add(lognormal(r, 30*time.Minute, 0.6, res)).Truncate(res)
	add("completed", "The planned work is complete.")
	inc.end = t
}

// derive fills in the truth: what the report states and the metrics the
// rules of docs/metrics.md give.
func (inc *Incident) derive(f Format) {
	at := func(status string, last bool) *time.Time {
		var found *time.Time
		for i := range inc.Updates {
			if inc.Updates[i].Status == status {
				found = &inc.Updates[i].At
				if !last {
					break
				}
			}
		}
		return found
	}
	var start, end *time.Time
	s, e := inc.start, inc.end
	switch {
	case inc.maintenance:
		start, end = at("in progress", false), at("completed", true)
	case f == StatuspageText:
		if at("postmortem", false) != nil {
			start, end = &s, &e
		}
	case f == StatuspageJSON:
		if inc.Updates[0].At.Sub(inc.start) >= time.Minute {
			start = &s
		}
	case f == AggregatorText:
		start = &s // resolved minus the stated duration
	case f == MarkdownPostmortem:
		start, end = &s, &e
	}
	if f != AggregatorText {
		inc.StatedStart, inc.StatedEnd = start, end
	}
	first := &inc.Updates[0].At
	if inc.maintenance {
		first = at("in progress", false)
	}
	resolved := at("resolved", true)
	if inc.maintenance {
		resolved = at("completed", true)
	}
	inc.TTD = seconds(start, first)
	inc.TTI = seconds(start, at("identified", false))
	inc.TTM = seconds(start, at("monitoring", false))
	inc.TTR = seconds(start, resolved)
	inc.ImpactSeconds = seconds(start, end)
	inc.PostmortemDelay = seconds(resolved, at("postmortem", false))
	if f == MarkdownPostmortem {
		inc.Updates = nil // a written postmortem has a timeline, not updates
		inc.PostmortemDelay = nil
	}
}

func seconds(from, to *time.Time) *int64 {
	if from == nil || to == nil {
		return nil
	}
	s := int64(to.Sub(*from) / time.Second)
	return &s
}
