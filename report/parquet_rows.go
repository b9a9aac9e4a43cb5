package report

import (
	"strings"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

// SchemaVersion names the layout of the warehouse tables documented in
// docs/warehouse.md. It changes whenever a column is added, removed,
// renamed or retyped, so that a loader can tell exports apart; every file
// carries it in its key-value metadata (mttx.schema_version).
const SchemaVersion = "1"

// The row types below are the tables of mttx export --parquet. Their
// parquet tags are the schema; their doc tags are the column descriptions
// of docs/warehouse.md, which a test generates from them. Pointers are
// optional columns: nil is NULL, "unknown", never 0 or the zero time.
// Times are TIMESTAMP(MICROS, isAdjustedToUTC=true).

// IncidentRow is one row of the incidents table: one incident.
type IncidentRow struct {
	ID                        string     `parquet:"id" doc:"stable 16-hex-digit hash of organisation, title and first update time: the key to upsert on"`
	Organization              *string    `parquet:"organization,optional" doc:"organisation, NULL when the report does not name it"`
	Title                     *string    `parquet:"title,optional" doc:"incident title"`
	Impact                    *string    `parquet:"impact,optional,dict" doc:"critical, major, minor, none or maintenance; NULL when the report does not say"`
	Components                []string   `parquet:"components,list" doc:"affected components (children of a group, not the group); empty when none are named"`
	Source                    string     `parquet:"source" doc:"the input path as given (- for standard input)"`
	SourceLine                int64      `parquet:"source_line" doc:"1-based line where the incident begins in source"`
	Sources                   []string   `parquet:"sources,list" doc:"every input the incident was read from, source first"`
	Format                    string     `parquet:"format,dict" doc:"input format the report was read as (statuspage-text, markdown, ...)"`
	DatedAt                   *time.Time `parquet:"dated_at,optional,timestamp(microsecond)" doc:"the time the incident is dated by for quarters and filters: start, else detected, else first update, else resolved; NULL when none is known (the quarter partition is then __HIVE_DEFAULT_PARTITION__)"`
	StartAt                   *time.Time `parquet:"start_at,optional,timestamp(microsecond)" doc:"start of impact (docs/metrics.md)"`
	StartProvenance           *string    `parquet:"start_provenance,optional,dict" doc:"where start_at comes from: stated, inferred from stated duration, ...; NULL when start_at is"`
	DetectedAt                *time.Time `parquet:"detected_at,optional,timestamp(microsecond)" doc:"detection"`
	DetectedProvenance        *string    `parquet:"detected_provenance,optional,dict" doc:"where detected_at comes from"`
	IdentifiedAt              *time.Time `parquet:"identified_at,optional,timestamp(microsecond)" doc:"cause identified"`
	IdentifiedProvenance      *string    `parquet:"identified_provenance,optional,dict" doc:"where identified_at comes from"`
	MitigatedAt               *time.Time `parquet:"mitigated_at,optional,timestamp(microsecond)" doc:"impact mitigated (monitoring)"`
	MitigatedProvenance       *string    `parquet:"mitigated_provenance,optional,dict" doc:"where mitigated_at comes from"`
	ResolvedAt                *time.Time `parquet:"resolved_at,optional,timestamp(microsecond)" doc:"resolved"`
	ResolvedProvenance        *string    `parquet:"resolved_provenance,optional,dict" doc:"where resolved_at comes from"`
	PostmortemAt              *time.Time `parquet:"postmortem_at,optional,timestamp(microsecond)" doc:"postmortem posted"`
	PostmortemProvenance      *string    `parquet:"postmortem_provenance,optional,dict" doc:"where postmortem_at comes from"`
	ImpactEndAt               *time.Time `parquet:"impact_end_at,optional,timestamp(microsecond)" doc:"stated end of impact"`
	TTDSeconds                *int64     `parquet:"ttd_seconds,optional" doc:"time to detect: detected_at - start_at"`
	TTISeconds                *int64     `parquet:"tti_seconds,optional" doc:"time to identify: identified_at - start_at"`
	TTMSeconds                *int64     `parquet:"ttm_seconds,optional" doc:"time to mitigate: mitigated_at - start_at"`
	TTRSeconds                *int64     `parquet:"ttr_seconds,optional" doc:"time to resolve: resolved_at - start_at"`
	ImpactSeconds             *int64     `parquet:"impact_seconds,optional" doc:"impact duration: impact_end_at - start_at"`
	PostmortemDelaySeconds    *int64     `parquet:"postmortem_delay_seconds,optional" doc:"postmortem_at - resolved_at"`
	FirstUpdateDelaySeconds   *int64     `parquet:"first_update_delay_seconds,optional" doc:"first public update - start_at"`
	LongestSilenceSeconds     *int64     `parquet:"longest_silence_seconds,optional" doc:"longest gap between consecutive live updates"`
	StatedDurationSeconds     *int64     `parquet:"stated_duration_seconds,optional" doc:"a duration the text states (lasting 4h 16m = 15360)"`
	StatedDurationApproximate *bool      `parquet:"stated_duration_approximate,optional" doc:"the text hedges the stated duration (about, ~); NULL when none is stated"`
	UpdateCount               int64      `parquet:"update_count" doc:"status updates, postmortem included (rows in updates)"`
	TimelineCount             int64      `parquet:"timeline_count" doc:"narrative timeline entries (rows in timeline)"`
	Factors                   []string   `parquet:"factors,list" doc:"contributing factors found, in taxonomy order (docs/factors.md)"`
	Maintenance               bool       `parquet:"maintenance" doc:"planned maintenance: left out of the metrics table, as mttx report leaves it out by default"`
	HasPostmortem             bool       `parquet:"has_postmortem" doc:"the report holds a postmortem text"`
	WarningCount              int64      `parquet:"warning_count" doc:"assumptions made and inconsistencies kept (mttx parse --warnings lists them)"`
}

// UpdateRow is one row of the updates table: one status update.
type UpdateRow struct {
	IncidentID     string     `parquet:"incident_id" doc:"incidents.id"`
	Seq            int64      `parquet:"seq" doc:"1-based position among the incident's updates, oldest first; (incident_id, seq) is the key"`
	Status         string     `parquet:"status,dict" doc:"typed status: investigating, identified, monitoring, update, resolved, postmortem, scheduled, in progress, verifying, completed"`
	StatusText     *string    `parquet:"status_text,optional" doc:"the status word exactly as the page writes it; NULL when the page shows none"`
	StatusInferred bool       `parquet:"status_inferred" doc:"the status was read from the text or the update's place on the page"`
	At             *time.Time `parquet:"at,optional,timestamp(microsecond)" doc:"when the update was posted"`
	Text           string     `parquet:"text" doc:"the update's text"`
	SourceLine     int64      `parquet:"source_line" doc:"1-based line of the update in the incident's source"`
}

// TimelineRow is one row of the timeline table: one narrative timeline
// entry ("13h03: users start reporting errors").
type TimelineRow struct {
	IncidentID string     `parquet:"incident_id" doc:"incidents.id"`
	Seq        int64      `parquet:"seq" doc:"1-based position in document order; (incident_id, seq) is the key"`
	SourceLine int64      `parquet:"source_line" doc:"1-based line of the entry in the incident's source"`
	Clock      string     `parquet:"clock" doc:"the time as written (13h03, 2:55 PM)"`
	Local      string     `parquet:"local" doc:"wall-clock time in the entry's own zone: 2021-09-21T13:03:00, or 13:03:00 when no date is known"`
	Zone       *string    `parquet:"zone,optional,dict" doc:"the zone as written (UTC, PDT, UTC+2); NULL when none"`
	ZoneSource string     `parquet:"zone_source,dict" doc:"stated, inferred, assumed or unknown"`
	At         *time.Time `parquet:"at,optional,timestamp(microsecond)" doc:"the entry's time in UTC; NULL when its zone is unknown"`
	Milestone  *string    `parquet:"milestone,optional,dict" doc:"start, detected, identified, mitigated or resolved; NULL when the entry marks none"`
	Text       string     `parquet:"text" doc:"the entry's text"`
}

// FactorRow is one row of the factors table: one sentence that shows a
// contributing factor of an incident.
type FactorRow struct {
	IncidentID       string  `parquet:"incident_id" doc:"incidents.id"`
	Factor           string  `parquet:"factor,dict" doc:"contributing factor (docs/factors.md)"`
	Strength         string  `parquet:"strength,dict" doc:"the factor's strongest evidence in this incident: stated, mentioned or hedged"`
	Seq              int64   `parquet:"seq" doc:"1-based rank of this evidence among the factor's, strongest first; (incident_id, factor, seq) is the key"`
	EvidenceStrength *string `parquet:"evidence_strength,optional,dict" doc:"strength of this sentence; NULL when the factor has no evidence sentence"`
	Section          *string `parquet:"section,optional" doc:"the heading the sentence stands under, title, or update: <status>"`
	SourceLine       *int64  `parquet:"source_line,optional" doc:"1-based line of the sentence in the incident's source"`
	Evidence         *string `parquet:"evidence,optional" doc:"the sentence (at most 300 characters)"`
	Phrase           *string `parquet:"phrase,optional" doc:"the taxonomy phrase that matched"`
}

// MetricRow is one row of the metrics table: the distribution of one
// metric over one group of incidents, as mttx report --group-by shows it.
type MetricRow struct {
	GroupBy     string   `parquet:"group_by,dict" doc:"the grouping keys joined by a comma (quarter, quarter,impact), or all for the row over every incident"`
	GroupKey1   *string  `parquet:"group_key_1,optional,dict" doc:"first grouping key (quarter, month, week, org, impact, component, format, factor); NULL in the all rows"`
	GroupValue1 *string  `parquet:"group_value_1,optional" doc:"the group's value of the first key (2024Q1, (undated), ...); NULL in the all rows"`
	GroupKey2   *string  `parquet:"group_key_2,optional,dict" doc:"second grouping key; NULL with one key"`
	GroupValue2 *string  `parquet:"group_value_2,optional" doc:"the group's value of the second key; NULL with one key"`
	Metric      string   `parquet:"metric,dict" doc:"ttd, tti, ttm, ttr, impact, postmortem_delay, first_update_delay or longest_silence"`
	Incidents   int64    `parquet:"incidents" doc:"incidents in the group (maintenance left out)"`
	Known       int64    `parquet:"known" doc:"incidents in the group that have the metric"`
	Coverage    *float64 `parquet:"coverage,optional" doc:"known / incidents; NULL for an empty set"`
	Median      *int64   `parquet:"median_seconds,optional" doc:"median (linear interpolation, as DuckDB's median), rounded to the second; NULL when known = 0"`
	P90         *int64   `parquet:"p90_seconds,optional" doc:"90th percentile (quantile_cont), rounded to the second"`
	P95         *int64   `parquet:"p95_seconds,optional" doc:"95th percentile (quantile_cont), rounded to the second"`
	Mean        *int64   `parquet:"mean_seconds,optional" doc:"arithmetic mean, rounded to the second"`
	GeoMean     *int64   `parquet:"geomean_seconds,optional" doc:"geometric mean of the positive values; NULL when there is none"`
	Min         *int64   `parquet:"min_seconds,optional" doc:"smallest value"`
	Max         *int64   `parquet:"max_seconds,optional" doc:"largest value"`
	CILo        *int64   `parquet:"median_ci_lo_seconds,optional" doc:"lower end of the 95% bootstrap interval of the median (fixed seed); NULL with fewer than 2 values"`
	CIHi        *int64   `parquet:"median_ci_hi_seconds,optional" doc:"upper end of that interval"`
	TooSmall    bool     `parquet:"too_small" doc:"fewer than 5 known values: shown, but too few to compare"`
}

// incidentRow builds the incidents row of an entry.
func incidentRow(e Entry) IncidentRow {
	inc := e.Incident
	r := IncidentRow{
		ID:            inc.ID,
		Organization:  optString(inc.Organization),
		Title:         optString(inc.Title),
		Components:    []string{},
		Source:        inc.Source.Path,
		SourceLine:    int64(inc.Source.Line),
		Sources:       []string{inc.Source.Path},
		Format:        inc.Format.String(),
		DatedAt:       utc(e.When()),
		UpdateCount:   int64(e.Result.Updates),
		TimelineCount: int64(len(inc.Timeline)),
		Factors:       []string{},
		Maintenance:   e.IsMaintenance(),
		HasPostmortem: inc.Postmortem != nil,
		WarningCount:  int64(len(inc.Warnings) + len(e.Result.Warnings)),
	}
	if inc.Impact != ingest.ImpactUnknown {
		r.Impact = optString(inc.Impact.String())
	}
	for _, c := range inc.Components {
		r.Components = append(r.Components, c.Name)
	}
	if len(inc.Sources) > 1 {
		r.Sources = r.Sources[:0]
		for _, src := range inc.Sources {
			r.Sources = append(r.Sources, src.Path)
		}
	}
	ms := e.Result.Milestones
	r.StartAt, r.StartProvenance = milestoneCols(ms.Start)
	r.DetectedAt, r.DetectedProvenance = milestoneCols(ms.Detected)
	r.IdentifiedAt, r.IdentifiedProvenance = milestoneCols(ms.Identified)
	r.MitigatedAt, r.MitigatedProvenance = milestoneCols(ms.Mitigated)
	r.ResolvedAt, r.ResolvedProvenance = milestoneCols(ms.Resolved)
	r.PostmortemAt, r.PostmortemProvenance = milestoneCols(ms.Postmortem)
	r.ImpactEndAt, _ = milestoneCols(ms.ImpactEnd)
	d := e.Result.Durations
	r.TTDSeconds = optSeconds(d.Get(metrics.TTD))
	r.TTISeconds = optSeconds(d.Get(metrics.TTI))
	r.TTMSeconds = optSeconds(d.Get(metrics.TTM))
	r.TTRSeconds = optSeconds(d.Get(metrics.TTR))
	r.ImpactSeconds = optSeconds(d.Get(metrics.Impact))
	r.PostmortemDelaySeconds = optSeconds(d.Get(metrics.PostmortemDelay))
	r.FirstUpdateDelaySeconds = optSeconds(d.Get(metrics.FirstUpdateDelay))
	r.LongestSilenceSeconds = optSeconds(d.Get(metrics.LongestSilence))
	if sd := inc.StatedDuration; sd != nil {
		r.StatedDurationSeconds = optSeconds(&sd.Duration)
		approx := sd.Approximate
		r.StatedDurationApproximate = &approx
	}
	for _, f := range e.Factors.Found {
		r.Factors = append(r.Factors, string(f.Factor))
	}
	return r
}

// utc returns t in UTC, or nil for a nil or zero time: parquet-go turns
// the zero time into 1754-08-30 (dependencies.md), so it never reaches a
// column.
func utc(t *time.Time) *time.Time {
	if t == nil || t.IsZero() {
		return nil
	}
	u := t.UTC()
	return &u
}

func milestoneCols(m metrics.Milestone) (*time.Time, *string) {
	at := utc(m.At)
	if at == nil {
		return nil, nil
	}
	return at, optString(m.Provenance.String())
}

// updateRows appends the updates rows of an entry to rows.
func updateRows(rows []UpdateRow, e Entry) []UpdateRow {
	for i, u := range e.Incident.Updates {
		rows = append(rows, UpdateRow{
			IncidentID:     e.Incident.ID,
			Seq:            int64(i + 1),
			Status:         u.Status.String(),
			StatusText:     optString(strings.TrimSpace(u.Word)),
			StatusInferred: u.Inferred,
			At:             utc(&u.At),
			Text:           u.Text,
			SourceLine:     int64(u.Line),
		})
	}
	return rows
}

// timelineRows appends the timeline rows of an entry to rows.
func timelineRows(rows []TimelineRow, e Entry) []TimelineRow {
	for i, t := range e.Incident.Timeline {
		j := timelineEntry(t)
		r := TimelineRow{
			IncidentID: e.Incident.ID,
			Seq:        int64(i + 1),
			SourceLine: int64(t.Line),
			Clock:      t.Clock,
			Local:      j.Local,
			Zone:       j.Zone,
			ZoneSource: j.ZoneSrc,
			At:         utc(t.At),
			Milestone:  j.Milestone,
			Text:       t.Text,
		}
		rows = append(rows, r)
	}
	return rows
}

// factorRows appends the factors rows of an entry to rows: one per
// evidence sentence, or one with NULL evidence for a factor without any.
func factorRows(rows []FactorRow, e Entry) []FactorRow {
	for _, f := range e.Factors.Found {
		base := FactorRow{IncidentID: e.Incident.ID, Factor: string(f.Factor), Strength: f.Strength.String(), Seq: 1}
		if len(f.Evidence) == 0 {
			rows = append(rows, base)
			continue
		}
		for i, ev := range f.Evidence {
			r := base
			r.Seq = int64(i + 1)
			r.EvidenceStrength = optString(ev.Strength.String())
			r.Section = optString(ev.Section)
			line := int64(ev.Line)
			r.SourceLine = &line
			r.Evidence = optString(ev.Text)
			r.Phrase = optString(ev.Phrase)
			rows = append(rows, r)
		}
	}
	return rows
}

// GroupByAll is the group_by value of the metrics rows over every
// incident.
const GroupByAll = "all"

// MetricRows builds the metrics table: the distributions over every
// incident (group_by "all") and then those of each group of incidents
// grouped by keys, one row per metric. keys may be empty: then only the
// "all" rows.
func MetricRows(overall []metrics.Distribution, keys []metrics.Key, groups []metrics.Group) []MetricRow {
	var rows []MetricRow
	for _, d := range overall {
		rows = append(rows, metricRow(GroupByAll, d))
	}
	if len(keys) == 0 {
		return rows
	}
	names := make([]string, len(keys))
	for i, k := range keys {
		names[i] = k.String()
	}
	by := strings.Join(names, ",")
	for _, g := range groups {
		for _, d := range g.Distributions {
			r := metricRow(by, d)
			r.GroupKey1, r.GroupValue1 = optString(names[0]), optString(g.Values[0])
			if len(keys) > 1 {
				r.GroupKey2, r.GroupValue2 = optString(names[1]), optString(g.Values[1])
			}
			rows = append(rows, r)
		}
	}
	return rows
}

func metricRow(by string, d metrics.Distribution) MetricRow {
	r := MetricRow{
		GroupBy:   by,
		Metric:    d.Metric.String(),
		Incidents: int64(d.Incidents),
		Known:     int64(d.Known),
		Median:    optSeconds(d.Median),
		P90:       optSeconds(d.P90),
		P95:       optSeconds(d.P95),
		Mean:      optSeconds(d.Mean),
		GeoMean:   optSeconds(d.GeoMean),
		Min:       optSeconds(d.Min),
		Max:       optSeconds(d.Max),
		TooSmall:  d.TooSmall(),
	}
	if d.Incidents > 0 {
		c := d.Coverage()
		r.Coverage = &c
	}
	if d.MedianCI != nil {
		r.CILo, r.CIHi = optSeconds(&d.MedianCI.Lo), optSeconds(&d.MedianCI.Hi)
	}
	return r
}
