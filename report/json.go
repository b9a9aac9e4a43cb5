package report

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

// Entry is one incident with what metrics derived from it and how its
// input was recognised: the unit every renderer works on.
type Entry struct {
	metrics.Analysis
	Detection ingest.Detection
}

// NewEntry computes the metrics and factors of inc (tax may be nil: no
// factors).
func NewEntry(inc ingest.Incident, det ingest.Detection, tax *metrics.Taxonomy) Entry {
	return Entry{Analysis: metrics.Analyze(inc, tax), Detection: det}
}

// The JSON record of one incident, documented in docs/json.md. Field order
// is the key order; nil pointers are JSON null ("unknown", never 0).
type incidentJSON struct {
	ID                    string         `json:"id"`
	Source                string         `json:"source"`
	SourceLine            int            `json:"source_line"`
	Sources               []string       `json:"sources"`
	Format                string         `json:"format"`
	Detection             string         `json:"detection"`
	Organization          *string        `json:"organization"`
	Title                 *string        `json:"title"`
	Impact                *string        `json:"impact"`
	Components            []string       `json:"components"`
	ComponentGroups       []groupJSON    `json:"component_groups"`
	Updates               []updateJSON   `json:"updates"`
	Postmortem            *string        `json:"postmortem"`
	ImpactStart           *string        `json:"impact_start"`
	ImpactEnd             *string        `json:"impact_end"`
	StatedDurationSeconds *int64         `json:"stated_duration_seconds"`
	StatedDurationApprox  *bool          `json:"stated_duration_approximate"`
	Timeline              []timelineJSON `json:"timeline"`
	MetricsVersion        string         `json:"metrics_version"`
	Milestones            milestonesJSON `json:"milestones"`
	Durations             durationsJSON  `json:"durations_seconds"`
	UpdateCount           int            `json:"update_count"`
	Factors               []string       `json:"factors"`
	FactorEvidence        []evidenceJSON `json:"factor_evidence"`
	FactorsRuledOut       []evidenceJSON `json:"factors_ruled_out"`
	Warnings              []warningJSON  `json:"warnings"`
}

type groupJSON struct {
	Name       string   `json:"name"`
	Components []string `json:"components"`
}

type updateJSON struct {
	Status   string `json:"status"`
	Type     string `json:"status_type"`
	Word     string `json:"status_text"`
	Inferred bool   `json:"status_inferred"`
	At       string `json:"at"`
	Text     string `json:"text"`
	Line     int    `json:"line"`
}

type timelineJSON struct {
	Line      int     `json:"line"`
	Time      string  `json:"time"`
	Local     string  `json:"local"`
	Zone      *string `json:"zone"`
	ZoneSrc   string  `json:"zone_source"`
	At        *string `json:"at"`
	Milestone *string `json:"milestone"`
	Text      string  `json:"text"`
}

type milestoneJSON struct {
	At         string `json:"at"`
	Provenance string `json:"provenance"`
	Line       int    `json:"line"`
	Detail     string `json:"detail"`
}

type milestonesJSON struct {
	Start      *milestoneJSON `json:"start"`
	Detected   *milestoneJSON `json:"detected"`
	Identified *milestoneJSON `json:"identified"`
	Mitigated  *milestoneJSON `json:"mitigated"`
	Resolved   *milestoneJSON `json:"resolved"`
	Postmortem *milestoneJSON `json:"postmortem"`
	ImpactEnd  *milestoneJSON `json:"impact_end"`
}

type durationsJSON struct {
	TTD              *int64 `json:"ttd"`
	TTI              *int64 `json:"tti"`
	TTM              *int64 `json:"ttm"`
	TTR              *int64 `json:"ttr"`
	Impact           *int64 `json:"impact"`
	PostmortemDelay  *int64 `json:"postmortem_delay"`
	FirstUpdateDelay *int64 `json:"first_update_delay"`
	LongestSilence   *int64 `json:"longest_silence"`
}

type evidenceJSON struct {
	Factor   string `json:"factor"`
	Strength string `json:"strength"`
	Section  string `json:"section"`
	Line     int    `json:"line"`
	Text     string `json:"text"`
	Phrase   string `json:"phrase"`
}

func evidence(es []metrics.Evidence) []evidenceJSON {
	out := make([]evidenceJSON, 0, len(es))
	for _, e := range es {
		out = append(out, evidenceJSON{Factor: string(e.Factor), Strength: e.Strength.String(), Section: e.Section, Line: e.Line, Text: e.Text, Phrase: e.Phrase})
	}
	return out
}

type warningJSON struct {
	Line    int    `json:"line"`
	Message string `json:"message"`
}

func optString(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func timeString(t time.Time) string { return t.UTC().Format(time.RFC3339) }

func optTime(t *time.Time) *string {
	if t == nil {
		return nil
	}
	s := timeString(*t)
	return &s
}

func optSeconds(d *time.Duration) *int64 {
	if d == nil {
		return nil
	}
	s := int64(d.Round(time.Second) / time.Second)
	return &s
}

func milestone(m metrics.Milestone) *milestoneJSON {
	if !m.Known() {
		return nil
	}
	return &milestoneJSON{At: timeString(*m.At), Provenance: m.Provenance.String(), Line: m.Line, Detail: m.Detail}
}

// record builds the JSON record of an entry.
func record(e Entry) incidentJSON {
	inc := e.Incident
	r := incidentJSON{
		ID:              inc.ID,
		Source:          inc.Source.Path,
		SourceLine:      inc.Source.Line,
		Sources:         []string{inc.Source.Path},
		Format:          inc.Format.String(),
		Detection:       e.Detection.Reason,
		Organization:    optString(inc.Organization),
		Title:           optString(inc.Title),
		Components:      []string{},
		ComponentGroups: []groupJSON{},
		Updates:         []updateJSON{},
		Timeline:        []timelineJSON{},
		MetricsVersion:  metrics.Version,
		Factors:         []string{},
		FactorEvidence:  []evidenceJSON{},
		FactorsRuledOut: evidence(e.Factors.RuledOut),
		Warnings:        []warningJSON{},
		UpdateCount:     e.Result.Updates,
	}
	for _, f := range e.Factors.Found {
		r.Factors = append(r.Factors, string(f.Factor))
		r.FactorEvidence = append(r.FactorEvidence, evidence(f.Evidence)...)
	}
	if len(inc.Sources) > 1 {
		r.Sources = r.Sources[:0]
		for _, src := range inc.Sources {
			r.Sources = append(r.Sources, src.Path)
		}
	}
	if inc.Impact != ingest.ImpactUnknown {
		r.Impact = optString(inc.Impact.String())
	}
	for _, c := range inc.Components {
		r.Components = append(r.Components, c.Name)
	}
	for _, g := range inc.Groups {
		r.ComponentGroups = append(r.ComponentGroups, groupJSON{Name: g.Name, Components: g.Components})
	}
	for _, u := range inc.Updates {
		r.Updates = append(r.Updates, updateJSON{Status: statusWord(u), Type: u.Status.String(), Word: u.Word, Inferred: u.Inferred, At: timeString(u.At), Text: u.Text, Line: u.Line})
	}
	if inc.Postmortem != nil {
		r.Postmortem = &inc.Postmortem.Body
	}
	if inc.ImpactStart != nil {
		r.ImpactStart = optTime(&inc.ImpactStart.At)
	}
	if inc.ImpactEnd != nil {
		r.ImpactEnd = optTime(&inc.ImpactEnd.At)
	}
	if inc.StatedDuration != nil {
		r.StatedDurationSeconds = optSeconds(&inc.StatedDuration.Duration)
		r.StatedDurationApprox = &inc.StatedDuration.Approximate
	}
	for _, t := range inc.Timeline {
		r.Timeline = append(r.Timeline, timelineEntry(t))
	}
	ms := e.Result.Milestones
	r.Milestones = milestonesJSON{milestone(ms.Start), milestone(ms.Detected), milestone(ms.Identified),
		milestone(ms.Mitigated), milestone(ms.Resolved), milestone(ms.Postmortem), milestone(ms.ImpactEnd)}
	r.Durations = durationsDoc(e.Result.Durations)
	for _, w := range e.Warnings() {
		r.Warnings = append(r.Warnings, warningJSON{Line: w.Line, Message: w.Msg})
	}
	return r
}

// statusWord is an update's status as the page words it, lower case with
// single spaces ("in progress", "starting"), or the typed status when the
// page shows no word.
func statusWord(u ingest.Update) string {
	if u.Word == "" {
		return u.Status.String()
	}
	w := strings.NewReplacer("_", " ", "-", " ").Replace(strings.ToLower(u.Word))
	return strings.Join(strings.Fields(w), " ")
}

func timelineEntry(t ingest.TimelineEntry) timelineJSON {
	local := ""
	if t.Local.HasDate {
		local = time.Date(t.Local.Year, t.Local.Month, t.Local.Day, t.Local.Hour, t.Local.Min, t.Local.Second, 0, time.UTC).Format("2006-01-02T15:04:05")
	} else {
		local = time.Date(2000, 1, 1, t.Local.Hour, t.Local.Min, t.Local.Second, 0, time.UTC).Format("15:04:05")
	}
	out := timelineJSON{Line: t.Line, Time: t.Clock, Local: local, Zone: optString(t.Zone), ZoneSrc: t.ZoneSrc.String(), At: optTime(t.At), Text: t.Text}
	if t.Milestone != ingest.MilestoneNone {
		out.Milestone = optString(t.Milestone.String())
	}
	return out
}

// encode writes v as JSON without HTML escaping (the output is data, not
// a web page), indented by indent ("" for one line).
func encode(v any, indent string) ([]byte, error) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if indent != "" {
		enc.SetIndent("", indent)
	}
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimRight(buf.Bytes(), "\n"), nil
}

// JSONLWriter writes one JSON object per incident per line.
type JSONLWriter struct{ w io.Writer }

// NewJSONLWriter returns a writer of JSON Lines to w.
func NewJSONLWriter(w io.Writer) *JSONLWriter { return &JSONLWriter{w: w} }

// Write writes one entry.
func (j *JSONLWriter) Write(e Entry) error {
	b, err := encode(record(e), "")
	if err != nil {
		return err
	}
	_, err = j.w.Write(append(b, '\n'))
	return err
}

// Close finishes the output; JSON Lines needs nothing more.
func (j *JSONLWriter) Close() error { return nil }

// JSONWriter writes all incidents as one indented JSON array, streaming
// them as they come.
type JSONWriter struct {
	w io.Writer
	n int
}

// NewJSONWriter returns a writer of a JSON array to w.
func NewJSONWriter(w io.Writer) *JSONWriter { return &JSONWriter{w: w} }

// Write writes one entry as an element of the array.
func (j *JSONWriter) Write(e Entry) error {
	b, err := encode(record(e), "  ")
	if err != nil {
		return err
	}
	sep := ",\n  "
	if j.n == 0 {
		sep = "[\n  "
	}
	j.n++
	b = bytes.ReplaceAll(b, []byte("\n"), []byte("\n  "))
	_, err = j.w.Write(append([]byte(sep), b...))
	return err
}

// Close ends the array; an empty input gives "[]".
func (j *JSONWriter) Close() error {
	end := "\n]\n"
	if j.n == 0 {
		end = "[]\n"
	}
	_, err := io.WriteString(j.w, end)
	return err
}
