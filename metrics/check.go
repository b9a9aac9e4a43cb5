package metrics

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/mttx-dev/mttx/ingest"
)

// Field is something a postmortem repository can require of every
// report (mttx check --require).
type Field int

// The fields a report can be required to give.
const (
	FieldTitle Field = iota
	FieldOrg
	FieldImpact
	FieldComponents
	FieldStart
	FieldDetected
	FieldIdentified
	FieldMitigated
	FieldResolved
	FieldPostmortem
	FieldFactors
	numFields
)

var fieldNames = [...]string{"title", "org", "impact", "components", "start", "detected", "identified", "mitigated", "resolved", "postmortem", "factors"}

// fieldHints say how a report gives each field.
var fieldHints = [...]string{
	"a title line, or title: in the front matter",
	"the organisation's name, or organization: in the front matter",
	"an impact or severity (critical, major, minor, none)",
	"the components affected",
	"when impact began: a stated start, or a first update with a time and zone",
	"when the problem was detected: an investigating update or a timeline entry that says so",
	"when the cause was identified: an identified update or a timeline entry that says so",
	"when impact was mitigated: a monitoring update or a timeline entry that says so",
	"when the incident was resolved: a resolved update or a stated end",
	"a postmortem: a postmortem update or the date the postmortem was published",
	"a contributing factor the taxonomy knows (docs/factors.md)",
}

func (f Field) String() string {
	if f >= 0 && f < numFields {
		return fieldNames[f]
	}
	return "unknown"
}

// ParseField reads a field name as --require writes it.
func ParseField(s string) (Field, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for i, n := range fieldNames {
		if s == n {
			return Field(i), nil
		}
	}
	switch s {
	case "organization", "organisation":
		return FieldOrg, nil
	case "severity":
		return FieldImpact, nil
	}
	return 0, fmt.Errorf("unknown field %q (want %s)", s, strings.Join(fieldNames[:], ", "))
}

// DefaultRequired is what mttx check asks of every report unless told
// otherwise: enough to measure its time to resolve.
var DefaultRequired = []Field{FieldTitle, FieldStart, FieldResolved}

// Problem is something wrong with a report, at a line of its file (the
// incident's first line when nothing narrower applies).
type Problem struct {
	Line int
	Msg  string
	// Warning marks what the readers warned about (an assumption made, a
	// value not used) rather than a rule of the check.
	Warning bool
}

// Check returns the problems of one incident: required fields it lacks,
// narrative times without a zone, and every warning of reading and
// measuring it (times out of order among them), ordered by line.
func Check(a Analysis, required []Field) []Problem {
	var out []Problem
	for _, f := range required {
		if !a.has(f) {
			out = append(out, Problem{Line: a.Incident.Source.Line, Msg: fmt.Sprintf("missing %s: want %s", f, fieldHints[f])})
		}
	}
	out = append(out, timelineProblems(a.Incident.Timeline)...)
	for _, w := range a.Warnings() {
		out = append(out, Problem{Line: w.Line, Msg: w.Msg, Warning: true})
	}
	slices.SortStableFunc(out, func(x, y Problem) int { return cmp.Compare(x.Line, y.Line) })
	return slices.CompactFunc(out, func(x, y Problem) bool { return x.Line == y.Line && x.Msg == y.Msg })
}

// has reports whether the incident gives field f.
func (a Analysis) has(f Field) bool {
	inc, ms := a.Incident, a.Result.Milestones
	switch f {
	case FieldTitle:
		return strings.TrimSpace(inc.Title) != ""
	case FieldOrg:
		return strings.TrimSpace(inc.Organization) != ""
	case FieldImpact:
		return inc.Impact != ingest.ImpactUnknown
	case FieldComponents:
		return len(inc.Components) > 0
	case FieldStart:
		return ms.Start.Known()
	case FieldDetected:
		return ms.Detected.Known()
	case FieldIdentified:
		return ms.Identified.Known()
	case FieldMitigated:
		return ms.Mitigated.Known()
	case FieldResolved:
		return ms.Resolved.Known()
	case FieldPostmortem:
		return ms.Postmortem.Known() || inc.Postmortem != nil
	case FieldFactors:
		return len(a.Factors.Found) > 0
	}
	return false
}

// timelineProblems finds narrative times that state no zone. (Times out
// of order are the readers' warning "narrative timeline goes back in
// time", which Check passes on.)
func timelineProblems(tl []ingest.TimelineEntry) []Problem {
	var out []Problem
	for _, e := range tl {
		if e.ZoneSrc == ingest.ZoneUnknown {
			out = append(out, Problem{Line: e.Line, Msg: fmt.Sprintf("time %q states no zone: write one (14:05 UTC) or name the zone in the timeline's heading", e.Clock)})
		}
	}
	return out
}
