package report

import (
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/mttx-dev/mttx/metrics"
)

// CompareKind says which two periods a review compares.
type CompareKind int

// The comparisons a review can make.
const (
	CompareNone        CompareKind = iota
	ComparePeriods                 // two named periods: ReviewPlan.Periods
	CompareLastQuarter             // the latest quarter of the data against the one before
	CompareLastMonth               // the latest month of the data against the one before
)

// ReviewPlan is what a review covers and shows.
type ReviewPlan struct {
	Filter       metrics.Filter
	Keys         []metrics.Key // --group-by; none: no groups
	Compare      CompareKind
	Periods      [2]metrics.Period // with ComparePeriods
	RepeatWindow time.Duration
	Reliability  metrics.Key // org or component
	Taxonomy     *metrics.Taxonomy
	Thresholds   []metrics.Threshold
	Baseline     *Baseline
}

// Input is one input a review was generated from: its SHA-256 when it was
// read, the error when it could not be.
type Input struct {
	Path   string
	SHA256 string
	Err    error
}

// Review is everything `mttx report` shows, computed once so that every
// format (table, Markdown, CSV, JSON) writes the same numbers.
type Review struct {
	Plan   ReviewPlan
	Inputs []Input
	// Stamp is when the review was generated: nil unless asked for, so
	// the same inputs give the same bytes.
	Stamp  *time.Time
	Counts metrics.FilterCounts
	// Incidents are the incidents the filter kept, in input order.
	Incidents *metrics.BriefList
	// Names holds the incidents' IDs and titles.
	Names   metrics.Names
	Summary []metrics.Distribution
	Groups  []metrics.Group
	// Comparison is nil when none was asked for, or when last-quarter or
	// last-month found no dated incident (NoDatedComparison).
	Comparison        *metrics.Comparison
	NoDatedComparison bool
	Reliability       []metrics.Reliability
	Recurrence        metrics.Recurrence
	Thresholds        []metrics.ThresholdResult
	Baseline          *BaselineComparison
}

// NewReview computes the review of briefs, whose IDs and titles names
// holds, that plan asks for. It takes ownership of briefs: the incidents
// the filter keeps are moved to its front, in order, and become
// Review.Incidents, so that a review of a million incidents does not copy
// them. The error is that of looking up the names of the incidents the
// findings cite.
func NewReview(briefs *metrics.BriefList, names metrics.Names, inputs []Input, plan ReviewPlan) (Review, error) {
	r := Review{Plan: plan, Inputs: inputs, Names: names}
	kept := briefs
	r.Incidents, r.Counts = kept, plan.Filter.Keep(kept)
	// The parts are independent and only read kept. They run in two
	// lanes: the recurrence, the longest part, beside all the others one
	// after another. A million incidents take about the time of the
	// longest part, and memory holds the working buffers of two parts at
	// a time, not of all of them (together 90 bytes an incident).
	r.Thresholds = make([]metrics.ThresholdResult, len(plan.Thresholds))
	var wg sync.WaitGroup
	wg.Go(func() { r.Recurrence = metrics.Recur(kept, plan.RepeatWindow, plan.Taxonomy) })
	r.Summary = metrics.Distributions(kept)
	if len(plan.Keys) > 0 {
		r.Groups = metrics.GroupBy(kept, plan.Keys)
	}
	r.Comparison, r.NoDatedComparison = compare(kept, plan)
	r.Reliability = metrics.ReliabilityBy(kept, plan.Reliability, metrics.WorstPerGroup)
	for i, t := range plan.Thresholds {
		r.Thresholds[i] = t.Evaluate(kept)
	}
	wg.Wait()
	if plan.Baseline != nil {
		r.Baseline = plan.Baseline.Compare(r.Summary)
	}
	return r, r.nameRefs()
}

// nameRefs fills in the IDs and titles of the incidents the recurrence and
// reliability findings cite.
func (r *Review) nameRefs() error {
	var refs []*metrics.Ref
	for i := range r.Recurrence.Repeats {
		refs = append(refs, &r.Recurrence.Repeats[i].First, &r.Recurrence.Repeats[i].Then)
	}
	for i := range r.Reliability {
		for j := range r.Reliability[i].Worst {
			refs = append(refs, &r.Reliability[i].Worst[j].Ref)
		}
	}
	for _, ref := range refs {
		var err error
		if ref.ID, ref.Title, err = r.Names.Name(ref.Name); err != nil {
			return err
		}
	}
	return nil
}

func compare(kept *metrics.BriefList, plan ReviewPlan) (*metrics.Comparison, bool) {
	a, b := plan.Periods[0], plan.Periods[1]
	switch plan.Compare {
	case CompareNone:
		return nil, false
	case CompareLastQuarter, CompareLastMonth:
		var ok bool
		if a, b, ok = metrics.LastPeriods(kept, plan.Compare == CompareLastMonth); !ok {
			return nil, true
		}
	}
	c := metrics.Compare(kept, a, b)
	return &c, false
}

// Broken lists what fails the review: each broken threshold, and each
// metric slower than the baseline beyond its interval when
// regressions count.
func (r Review) Broken(regressions bool) []string {
	var out []string
	for _, t := range r.Thresholds {
		if t.Broken {
			out = append(out, fmt.Sprintf("%s (is %s)", t.Expr, thresholdValue(t)))
		}
	}
	if regressions && r.Baseline != nil {
		for _, m := range r.Baseline.Regressions() {
			out = append(out, fmt.Sprintf("%s median slower than the baseline beyond its 95%% interval (%s, was %s)",
				m.Metric, sideCell(m.B), sideCell(m.A)))
		}
	}
	return out
}

// WriteText writes the review as terminal tables.
func WriteText(w io.Writer, r Review) error { return writeText(w, r) }

// WriteMarkdown writes the review as GitHub-flavoured Markdown, for a pull
// request comment or a job summary, with a note on how to read it.
func WriteMarkdown(w io.Writer, r Review) error {
	md := markdown{w}
	if _, err := fmt.Fprintln(md, "# Reliability review"); err != nil {
		return err
	}
	if err := writeText(md, r); err != nil {
		return err
	}
	_, err := fmt.Fprintf(md, "\n---\n\n%s\n", howToRead)
	return err
}

// howToRead is the footnote of a Markdown review.
var howToRead = "How to read this: TTD, TTI, TTM and TTR are the times from the start of impact to detection, " +
	"identification, mitigation and resolution. A blank cell is unknown: mttx never turns what a report does " +
	"not say into 0. Medians come with a 95% bootstrap interval; a change between periods counts only when the " +
	"intervals do not overlap, and fewer than " + fmt.Sprint(metrics.MinComparable) + " values (*) are too few to compare. " +
	"Definitions: " + metrics.Version + " (docs/metrics.md), factors: docs/factors.md."

// writeText writes every section of the review as text or, for a
// markdown writer, Markdown.
func writeText(w io.Writer, r Review) error {
	steps := []func() error{
		func() error { return WriteFilter(w, r.Counts) },
		func() error { return writeThresholds(w, r.Thresholds) },
		func() error { return writeBaseline(w, r.Baseline) },
		func() error { return heading(w, fmt.Sprintf("Incidents (%d)", r.Incidents.Len())) },
		func() error { return WriteIncidents(w, r.Incidents, r.Names) },
		func() error { return heading(w, "Summary") },
		func() error { return WriteSummary(w, r.Summary) },
	}
	if len(r.Plan.Keys) > 0 {
		steps = append(steps, func() error { return WriteGroups(w, r.Plan.Keys, r.Groups) })
	}
	if r.Comparison != nil {
		steps = append(steps, func() error { return WriteComparison(w, *r.Comparison) })
	}
	if r.NoDatedComparison {
		steps = append(steps, func() error { return heading(w, "Comparison: no dated incident to compare") })
	}
	steps = append(steps,
		func() error { return WriteReliability(w, r.Plan.Reliability, r.Reliability, r.Recurrence.Quarters) },
		func() error { return WriteFactors(w, r.Recurrence) },
	)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}
