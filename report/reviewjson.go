package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

// ReviewSchemaVersion is the version of the JSON review of
// docs/report-json.md. It changes when a field changes meaning or goes
// away; new fields do not change it.
const ReviewSchemaVersion = 1

// The JSON review, documented in docs/report-json.md. Durations are
// seconds (numbers, fractional for statistics), times RFC 3339 in UTC, and
// null is unknown: never 0.
type reviewJSON struct {
	Schema         string               `json:"schema"`
	SchemaVersion  int                  `json:"schema_version"`
	MetricsVersion string               `json:"metrics_version"`
	GeneratedAt    *string              `json:"generated_at"`
	Inputs         []inputJSON          `json:"inputs"`
	Filter         filterJSON           `json:"filter"`
	Counts         countsJSON           `json:"counts"`
	Thresholds     []thresholdJSON      `json:"thresholds"`
	Baseline       *baselineJSON        `json:"baseline"`
	Incidents      []reviewIncidentJSON `json:"incidents"`
	Summary        []distributionJSON   `json:"summary"`
	Groups         *groupsJSON          `json:"groups"`
	Comparison     *comparisonJSON      `json:"comparison"`
	Reliability    reliabilityJSON      `json:"reliability"`
	Factors        factorsJSON          `json:"factors"`
}

type inputJSON struct {
	Path   string  `json:"path"`
	SHA256 *string `json:"sha256"`
	Error  *string `json:"error"`
}

type filterJSON struct {
	Since              *string  `json:"since"`
	Until              *string  `json:"until"`
	Orgs               []string `json:"orgs"`
	Components         []string `json:"components"`
	Impacts            []string `json:"impacts"`
	IncludeMaintenance bool     `json:"include_maintenance"`
}

type countsJSON struct {
	Read        int `json:"read"`
	Kept        int `json:"kept"`
	Maintenance int `json:"left_out_maintenance"`
	Undated     int `json:"left_out_undated"`
	OutOfRange  int `json:"left_out_out_of_range"`
	NotMatching int `json:"left_out_not_matching"`
}

type conditionJSON struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

type thresholdJSON struct {
	Expr       string          `json:"expr"`
	Statistic  string          `json:"statistic"`
	Metric     *string         `json:"metric"`
	Conditions []conditionJSON `json:"conditions"`
	Op         string          `json:"op"`
	Limit      float64         `json:"limit"`
	Unit       string          `json:"unit"`
	Incidents  int             `json:"incidents"`
	Value      *float64        `json:"value"`
	Broken     bool            `json:"broken"`
}

type baselineJSON struct {
	Path        string                 `json:"path"`
	Metrics     []metricComparisonJSON `json:"metrics"`
	Regressions []string               `json:"regressions"`
}

type reviewIncidentJSON struct {
	ID              string        `json:"id"`
	Source          string        `json:"source"`
	SourceLine      int           `json:"source_line"`
	Organization    *string       `json:"organization"`
	Title           *string       `json:"title"`
	Impact          *string       `json:"impact"`
	Components      []string      `json:"components"`
	Start           *string       `json:"start"`
	StartProvenance *string       `json:"start_provenance"`
	Quarter         *string       `json:"quarter"`
	Durations       durationsJSON `json:"durations_seconds"`
	Updates         int           `json:"updates"`
	Factors         []string      `json:"factors"`
	Maintenance     bool          `json:"maintenance"`
}

type intervalJSON struct {
	Lo float64 `json:"lo"`
	Hi float64 `json:"hi"`
}

type distributionJSON struct {
	Metric    string        `json:"metric"`
	Incidents int           `json:"incidents"`
	Known     int           `json:"known"`
	Coverage  *float64      `json:"coverage"`
	TooSmall  bool          `json:"too_small"`
	Median    *float64      `json:"median"`
	MedianCI  *intervalJSON `json:"median_ci"`
	P90       *float64      `json:"p90"`
	P95       *float64      `json:"p95"`
	Mean      *float64      `json:"mean"`
	GeoMean   *float64      `json:"geomean"`
	Min       *float64      `json:"min"`
	Max       *float64      `json:"max"`
}

type groupsJSON struct {
	Keys   []string          `json:"keys"`
	Groups []reviewGroupJSON `json:"groups"`
}

type reviewGroupJSON struct {
	Values        []string           `json:"values"`
	Incidents     int                `json:"incidents"`
	Distributions []distributionJSON `json:"distributions"`
}

type periodJSON struct {
	Label string `json:"label"`
	From  string `json:"from"`
	To    string `json:"to"`
}

type metricComparisonJSON struct {
	Metric        string           `json:"metric"`
	A             distributionJSON `json:"a"`
	B             distributionJSON `json:"b"`
	ChangeSeconds *float64         `json:"change_seconds"`
	ChangePct     *float64         `json:"change_pct"`
	Verdict       string           `json:"verdict"`
}

type comparisonJSON struct {
	A       periodJSON             `json:"a"`
	B       periodJSON             `json:"b"`
	Count   countComparisonJSON    `json:"incidents"`
	Metrics []metricComparisonJSON `json:"metrics"`
}

type countComparisonJSON struct {
	A       int     `json:"a"`
	B       int     `json:"b"`
	P       float64 `json:"p"`
	Verdict string  `json:"verdict"`
}

type countJSON struct {
	Value     string `json:"value"`
	Incidents int    `json:"incidents"`
}

type refJSON struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Source string `json:"source"`
	When   string `json:"when"`
}

type worstJSON struct {
	refJSON
	ImpactSeconds float64 `json:"impact_seconds"`
}

type reliabilityRowJSON struct {
	Value              string           `json:"value"`
	Incidents          int              `json:"incidents"`
	PerQuarter         []countJSON      `json:"per_quarter"`
	ImpactTotalSeconds *float64         `json:"impact_total_seconds"`
	ImpactKnown        int              `json:"impact_known"`
	Resolved           int              `json:"resolved"`
	WithPostmortem     int              `json:"with_postmortem"`
	PostmortemRate     *float64         `json:"postmortem_rate"`
	PostmortemDelay    distributionJSON `json:"postmortem_delay"`
	Worst              []worstJSON      `json:"worst"`
}

type reliabilityJSON struct {
	Key      string               `json:"key"`
	Quarters []string             `json:"quarters"`
	Rows     []reliabilityRowJSON `json:"rows"`
}

type factorStatsJSON struct {
	Factor             string           `json:"factor"`
	Incidents          int              `json:"incidents"`
	Share              float64          `json:"share"`
	PerQuarter         []countJSON      `json:"per_quarter"`
	TTR                distributionJSON `json:"ttr"`
	ImpactTotalSeconds *float64         `json:"impact_total_seconds"`
	ImpactKnown        int              `json:"impact_known"`
	Orgs               []countJSON      `json:"recurs_in_orgs"`
	Components         []countJSON      `json:"recurs_in_components"`
}

type pairJSON struct {
	A         string `json:"a"`
	B         string `json:"b"`
	Incidents int    `json:"incidents"`
}

type repeatJSON struct {
	Org        string  `json:"organization"`
	Component  string  `json:"component"`
	Factor     string  `json:"factor"`
	First      refJSON `json:"first"`
	Then       refJSON `json:"then"`
	GapSeconds float64 `json:"gap_seconds"`
}

type factorsJSON struct {
	Incidents     int               `json:"incidents"`
	WithFactors   int               `json:"with_factors"`
	Quarters      []string          `json:"quarters"`
	WindowSeconds float64           `json:"repeat_window_seconds"`
	Factors       []factorStatsJSON `json:"factors"`
	Pairs         []pairJSON        `json:"pairs"`
	RepeatCount   int               `json:"repeat_count"`
	Repeats       []repeatJSON      `json:"repeats"`
}

// WriteJSON writes the review as one JSON document (docs/report-json.md).
// The incidents are encoded one at a time into the document around them,
// so that a review of a million incidents never holds its JSON whole; the
// bytes are those of encoding the whole document at once.
func WriteJSON(w io.Writer, r Review) error {
	doc, err := encode(reviewDoc(r), "  ")
	if err != nil {
		return err
	}
	// The document's own "incidents" key is the first at the top level's
	// indent: a raw newline cannot occur inside a JSON string.
	const key = "\n  \"incidents\": ["
	at := bytes.Index(doc, []byte(key+"]"))
	if at < 0 {
		return errors.New("review JSON: no incidents key") // cannot happen: reviewJSON has one
	}
	at += len(key)
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.Write(doc[:at])
	if err := writeIncidentsJSON(bw, r.Incidents, r.Names); err != nil {
		return err
	}
	if r.Incidents.Len() > 0 {
		bw.WriteString("\n  ")
	}
	bw.Write(doc[at:])
	return bw.Flush()
}

// writeIncidentsJSON writes the elements of the review's incidents array:
// chunks of incidents encoded side by side on every core, written in
// order.
func writeIncidentsJSON(w io.Writer, bs *metrics.BriefList, names metrics.Names) error {
	const chunk = 2048
	workers := runtime.GOMAXPROCS(0)
	bufs := make([]bytes.Buffer, workers)
	errs := make([]error, workers)
	for start := 0; start < bs.Len(); start += chunk * workers {
		var wg sync.WaitGroup
		for k := range workers {
			from := start + k*chunk
			if from >= bs.Len() {
				break
			}
			wg.Go(func() { errs[k] = encodeIncidents(&bufs[k], bs, from, min(from+chunk, bs.Len()), names) })
		}
		wg.Wait()
		for k := range workers {
			if errs[k] != nil {
				return errs[k]
			}
			if _, err := w.Write(bufs[k].Bytes()); err != nil {
				return err
			}
			bufs[k].Reset()
		}
	}
	return nil
}

// encodeIncidents encodes the incidents from index from to index to as
// elements of the review's incidents array, each after a comma but the
// first of all.
func encodeIncidents(buf *bytes.Buffer, bs *metrics.BriefList, from, to int, names metrics.Names) error {
	var one bytes.Buffer
	enc := json.NewEncoder(&one)
	enc.SetEscapeHTML(false)
	enc.SetIndent("    ", "  ")
	for i := from; i < to; i++ {
		b := *bs.At(i)
		one.Reset()
		id, title, err := names.Name(b.Name)
		if err != nil {
			return err
		}
		if err := enc.Encode(reviewIncident(b, id, title)); err != nil {
			return err
		}
		if i > 0 {
			buf.WriteByte(',')
		}
		buf.WriteString("\n    ")
		buf.Write(bytes.TrimSuffix(one.Bytes(), []byte("\n")))
	}
	return nil
}

func reviewDoc(r Review) reviewJSON {
	doc := reviewJSON{
		Schema: "mttx.review", SchemaVersion: ReviewSchemaVersion, MetricsVersion: metrics.Version,
		GeneratedAt: optTime(r.Stamp),
		Inputs:      make([]inputJSON, len(r.Inputs)),
		Filter:      filterDoc(r.Plan.Filter),
		Counts: countsJSON{Read: r.Counts.Read, Kept: r.Counts.Kept, Maintenance: r.Counts.Maintenance,
			Undated: r.Counts.Undated, OutOfRange: r.Counts.OutOfRange, NotMatching: r.Counts.NotMatch},
		Thresholds:  make([]thresholdJSON, len(r.Thresholds)),
		Incidents:   []reviewIncidentJSON{}, // written one by one (WriteJSON)
		Summary:     distributionDocs(r.Summary),
		Reliability: reliabilityDoc(r.Plan.Reliability, r.Reliability, r.Recurrence.Quarters),
		Factors:     factorsDoc(r.Recurrence),
	}
	for i, in := range r.Inputs {
		doc.Inputs[i] = inputJSON{Path: in.Path, SHA256: optString(in.SHA256)}
		if in.Err != nil {
			doc.Inputs[i].Error = optString(in.Err.Error())
		}
	}
	for i, t := range r.Thresholds {
		doc.Thresholds[i] = thresholdDoc(t)
	}
	if r.Baseline != nil {
		doc.Baseline = &baselineJSON{Path: r.Baseline.Path, Regressions: []string{}}
		for _, m := range r.Baseline.Metrics {
			doc.Baseline.Metrics = append(doc.Baseline.Metrics, metricComparisonDoc(m))
		}
		for _, m := range r.Baseline.Regressions() {
			doc.Baseline.Regressions = append(doc.Baseline.Regressions, m.Metric.String())
		}
	}
	if len(r.Plan.Keys) > 0 {
		doc.Groups = groupsDoc(r.Plan.Keys, r.Groups)
	}
	if c := r.Comparison; c != nil {
		doc.Comparison = &comparisonJSON{A: periodDoc(c.A), B: periodDoc(c.B),
			Count: countComparisonJSON{A: c.Count.A, B: c.Count.B, P: c.Count.P, Verdict: c.Count.Verdict.String()}}
		for _, m := range c.Metrics {
			doc.Comparison.Metrics = append(doc.Comparison.Metrics, metricComparisonDoc(m))
		}
	}
	return doc
}

func filterDoc(f metrics.Filter) filterJSON {
	out := filterJSON{Since: optTime(f.Since), Until: optTime(f.Until), Orgs: nonNil(f.Orgs),
		Components: nonNil(f.Components), Impacts: []string{}, IncludeMaintenance: f.IncludeMaintenance}
	for _, i := range f.Impacts {
		out.Impacts = append(out.Impacts, i.String())
	}
	return out
}

func nonNil(ss []string) []string {
	if ss == nil {
		return []string{}
	}
	return ss
}

func thresholdDoc(t metrics.ThresholdResult) thresholdJSON {
	out := thresholdJSON{Expr: t.Expr, Statistic: t.Stat.String(), Conditions: []conditionJSON{}, Op: t.Op.String(),
		Limit: t.Threshold.Value, Unit: unitName(t.Stat.Unit()), Incidents: t.Incidents, Value: t.Value, Broken: t.Broken}
	if t.Stat != metrics.StatCount {
		out.Metric = optString(t.Metric.String())
	}
	for _, c := range t.Resolved {
		out.Conditions = append(out.Conditions, conditionJSON{Key: c.Key.String(), Value: c.Value})
	}
	return out
}

func unitName(u metrics.Unit) string {
	switch u {
	case metrics.UnitSeconds:
		return "seconds"
	case metrics.UnitRatio:
		return "ratio"
	}
	return "incidents"
}

func reviewIncident(b metrics.Brief, id, title string) reviewIncidentJSON {
	start := b.Start()
	out := reviewIncidentJSON{
		ID: id, Source: b.Source(), SourceLine: int(b.Line),
		Organization: optString(b.Org()), Title: optString(title), Components: []string{},
		Start: optTime(start), Updates: int(b.Updates), Factors: []string{}, Maintenance: b.IsMaintenance(),
		Durations: durationsDoc(b.Durations()),
	}
	if b.Impact != ingest.ImpactUnknown {
		out.Impact = optString(b.Impact.String())
	}
	for _, c := range b.Components() {
		out.Components = append(out.Components, c.Name)
	}
	if start != nil {
		out.StartProvenance = optString(b.StartProvenance.String())
	}
	if t := b.When(); t != nil {
		out.Quarter = optString(metrics.Quarter(*t))
	}
	for _, f := range b.Factors() {
		out.Factors = append(out.Factors, string(f))
	}
	return out
}

func durationsDoc(d metrics.Durations) durationsJSON {
	return durationsJSON{
		TTD: optSeconds(d.Get(metrics.TTD)), TTI: optSeconds(d.Get(metrics.TTI)), TTM: optSeconds(d.Get(metrics.TTM)),
		TTR: optSeconds(d.Get(metrics.TTR)), Impact: optSeconds(d.Get(metrics.Impact)),
		PostmortemDelay:  optSeconds(d.Get(metrics.PostmortemDelay)),
		FirstUpdateDelay: optSeconds(d.Get(metrics.FirstUpdateDelay)), LongestSilence: optSeconds(d.Get(metrics.LongestSilence)),
	}
}

// secs is a duration in seconds, nil when unknown.
func secs(d *time.Duration) *float64 {
	if d == nil {
		return nil
	}
	s := d.Seconds()
	return &s
}

func distributionDoc(d metrics.Distribution) distributionJSON {
	out := distributionJSON{Metric: d.Metric.String(), Incidents: d.Incidents, Known: d.Known, TooSmall: d.TooSmall(),
		Median: secs(d.Median), P90: secs(d.P90), P95: secs(d.P95), Mean: secs(d.Mean), GeoMean: secs(d.GeoMean),
		Min: secs(d.Min), Max: secs(d.Max)}
	if d.Incidents > 0 {
		c := d.Coverage()
		out.Coverage = &c
	}
	if d.MedianCI != nil {
		out.MedianCI = &intervalJSON{Lo: d.MedianCI.Lo.Seconds(), Hi: d.MedianCI.Hi.Seconds()}
	}
	return out
}

func distributionDocs(ds []metrics.Distribution) []distributionJSON {
	out := make([]distributionJSON, len(ds))
	for i, d := range ds {
		out[i] = distributionDoc(d)
	}
	return out
}

func groupsDoc(keys []metrics.Key, gs []metrics.Group) *groupsJSON {
	out := &groupsJSON{Groups: []reviewGroupJSON{}}
	for _, k := range keys {
		out.Keys = append(out.Keys, k.String())
	}
	for _, g := range gs {
		out.Groups = append(out.Groups, reviewGroupJSON{Values: g.Values, Incidents: g.Incidents, Distributions: distributionDocs(g.Distributions)})
	}
	return out
}

func periodDoc(p metrics.Period) periodJSON {
	return periodJSON{Label: p.Label, From: timeString(p.From), To: timeString(p.To)}
}

func metricComparisonDoc(m metrics.MetricComparison) metricComparisonJSON {
	out := metricComparisonJSON{Metric: m.Metric.String(), A: distributionDoc(m.A), B: distributionDoc(m.B),
		ChangeSeconds: secs(m.Change), ChangePct: m.ChangePct, Verdict: m.Verdict.String()}
	return out
}

func countDocs(cs []metrics.Count) []countJSON {
	out := make([]countJSON, len(cs))
	for i, c := range cs {
		out[i] = countJSON{Value: c.Value, Incidents: c.Incidents}
	}
	return out
}

func refDoc(r metrics.Ref) refJSON {
	return refJSON{ID: r.ID, Title: r.Title, Source: r.Source, When: timeString(r.When)}
}

func reliabilityDoc(key metrics.Key, rs []metrics.Reliability, quarters []string) reliabilityJSON {
	out := reliabilityJSON{Key: key.String(), Quarters: nonNil(quarters), Rows: []reliabilityRowJSON{}}
	for _, r := range rs {
		row := reliabilityRowJSON{Value: r.Value, Incidents: r.Incidents, PerQuarter: countDocs(r.PerQuarter),
			ImpactTotalSeconds: secs(r.ImpactTotal), ImpactKnown: r.ImpactKnown, Resolved: r.Resolved,
			WithPostmortem: r.WithPostmortem, PostmortemDelay: distributionDoc(r.PostmortemDelay), Worst: []worstJSON{}}
		if x, ok := r.PostmortemRate(); ok {
			row.PostmortemRate = &x
		}
		for _, x := range r.Worst {
			row.Worst = append(row.Worst, worstJSON{refJSON: refDoc(x.Ref), ImpactSeconds: x.ImpactTime.Seconds()})
		}
		out.Rows = append(out.Rows, row)
	}
	return out
}

func factorsDoc(rec metrics.Recurrence) factorsJSON {
	out := factorsJSON{Incidents: rec.Incidents, WithFactors: rec.WithFactors, Quarters: nonNil(rec.Quarters),
		WindowSeconds: rec.Window.Seconds(), Factors: []factorStatsJSON{}, Pairs: []pairJSON{},
		RepeatCount: rec.RepeatCount, Repeats: []repeatJSON{}}
	for _, f := range rec.Factors {
		out.Factors = append(out.Factors, factorStatsJSON{Factor: string(f.Factor), Incidents: f.Incidents,
			Share: round6(f.Share), PerQuarter: countDocs(f.PerQuarter), TTR: distributionDoc(f.TTR),
			ImpactTotalSeconds: secs(f.ImpactTotal), ImpactKnown: f.ImpactKnown,
			Orgs: countDocs(f.Orgs), Components: countDocs(f.Components)})
	}
	for _, p := range rec.Pairs {
		out.Pairs = append(out.Pairs, pairJSON{A: string(p.A), B: string(p.B), Incidents: p.Incidents})
	}
	for _, r := range rec.Repeats {
		out.Repeats = append(out.Repeats, repeatJSON{Org: r.Org, Component: r.Component, Factor: string(r.Factor),
			First: refDoc(r.First), Then: refDoc(r.Then), GapSeconds: r.Gap.Seconds()})
	}
	return out
}

// round6 keeps shares to six decimals, so that they read as written.
func round6(x float64) float64 { return math.Round(x*1e6) / 1e6 }

// Baseline is the summary of an earlier JSON review that a new one is
// compared with.
type Baseline struct {
	Path    string
	Summary []metrics.Distribution
}

// BaselineComparison compares each metric's median with the baseline's.
type BaselineComparison struct {
	Path    string
	Metrics []metrics.MetricComparison // A: the baseline, B: now
}

// Compare compares the current summary with the baseline's, metric by
// metric (metrics the baseline lacks are left out).
func (b *Baseline) Compare(now []metrics.Distribution) *BaselineComparison {
	out := &BaselineComparison{Path: b.Path}
	for _, d := range now {
		for _, base := range b.Summary {
			if base.Metric == d.Metric {
				out.Metrics = append(out.Metrics, metrics.CompareDistributions(base, d))
			}
		}
	}
	return out
}

// Regressions are the metrics slower than the baseline beyond chance: the
// 95% intervals of the two medians do not overlap.
func (c *BaselineComparison) Regressions() []metrics.MetricComparison {
	var out []metrics.MetricComparison
	for _, m := range c.Metrics {
		if m.Verdict == metrics.VerdictWorse {
			out = append(out, m)
		}
	}
	return out
}

// ReadBaseline reads the summary of a JSON review written by WriteJSON.
// Errors name the file and, for bad JSON, the line and column.
func ReadBaseline(path string, data []byte) (*Baseline, error) {
	var doc struct {
		Schema        string             `json:"schema"`
		SchemaVersion int                `json:"schema_version"`
		Summary       []distributionJSON `json:"summary"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		return nil, jsonError(path, data, err)
	}
	if doc.Schema != "mttx.review" || doc.SchemaVersion < 1 {
		return nil, fmt.Errorf("%s: not a JSON review of mttx report --format json (want \"schema\": \"mttx.review\")", path)
	}
	if doc.SchemaVersion > ReviewSchemaVersion {
		return nil, fmt.Errorf("%s: schema_version %d is newer than this mttx reads (%d)", path, doc.SchemaVersion, ReviewSchemaVersion)
	}
	b := &Baseline{Path: path}
	for _, d := range doc.Summary {
		m, ok := metrics.ParseMetric(d.Metric)
		if !ok {
			continue // a metric of a later definition: nothing to compare with
		}
		b.Summary = append(b.Summary, d.distribution(m))
	}
	return b, nil
}

func (d distributionJSON) distribution(m metrics.Metric) metrics.Distribution {
	dur := func(x *float64) *time.Duration {
		if x == nil {
			return nil
		}
		v := time.Duration(math.Round(*x * 1e9))
		return &v
	}
	out := metrics.Distribution{Metric: m, Incidents: d.Incidents, Known: d.Known, Median: dur(d.Median), P90: dur(d.P90),
		P95: dur(d.P95), Mean: dur(d.Mean), GeoMean: dur(d.GeoMean), Min: dur(d.Min), Max: dur(d.Max)}
	if d.MedianCI != nil {
		out.MedianCI = &metrics.Interval{Lo: *dur(&d.MedianCI.Lo), Hi: *dur(&d.MedianCI.Hi)}
	}
	return out
}

// jsonError locates a JSON decoding error as file:line:col.
func jsonError(path string, data []byte, err error) error {
	var off int64 = -1
	switch e := err.(type) {
	case *json.SyntaxError:
		off = e.Offset
	case *json.UnmarshalTypeError:
		off = e.Offset
	}
	if off < 0 {
		return fmt.Errorf("%s: %w", path, err)
	}
	// Offset counts the bytes read, the offending one included.
	line, col := 1, 1
	for _, c := range data[:max(0, min(int(off)-1, len(data)))] {
		if c == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
	}
	return fmt.Errorf("%s:%d:%d: %w", path, line, col, err)
}
