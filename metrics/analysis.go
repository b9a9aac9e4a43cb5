package metrics

import "github.com/mttx-dev/mttx/ingest"

// Analysis is one incident with everything metrics derives from it: the
// unit grouping, comparison and recurrence work on.
type Analysis struct {
	Incident ingest.Incident
	Result   Result
	Factors  Factors
}

// Analyze computes the milestones, durations and contributing factors of
// an incident.
func Analyze(inc ingest.Incident, tax *Taxonomy) Analysis {
	a := Analysis{Incident: inc, Result: Compute(inc)}
	if tax != nil {
		a.Factors = tax.Classify(inc)
	}
	return a
}

// Warnings are what reading the incident and measuring it warned about,
// the readers' first.
func (a Analysis) Warnings() []ingest.Warning {
	return append(append([]ingest.Warning(nil), a.Incident.Warnings...), a.Result.Warnings...)
}
