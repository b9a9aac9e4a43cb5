package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
	"github.com/mttx-dev/mttx/report"
)

const reportHelp = `Usage: mttx report [flags] PATH...

Read incident reports and print the reliability review: one row per
incident (start, TTD, TTI, TTM, TTR, impact, factors), the distribution of
every metric (median with its 95% bootstrap interval, p90, p95, mean,
geometric mean, min, max), the reliability of each organisation, and the
contributing factors (Pareto tables, recurrence, factors found together,
repeat incidents). Durations read 7m12s, 4h16m, 3d1h15m; a blank cell is
unknown, never zero. Planned maintenance is left out unless asked for.
Definitions: docs/metrics.md and docs/factors.md.

Examples:
  mttx report testdata/examples
  mttx report --compare 2024Q1,2024Q2 testdata/examples
  mttx report --compare last-quarter --group-by org postmortems/
  mttx report --group-by quarter,impact --since 2024-01-01 status-exports/
  mttx report --factors our-factors.yaml --repeat-window 60d postmortems/
`

// reportFlags are the flags of mttx report beyond the input flags.
type reportFlags struct {
	format             string
	groupBy            []string
	since, until       string
	orgs, components   []string
	impacts            []string
	includeMaintenance bool
	compare            string
	repeatWindow       string
	reliabilityBy      string
	page               htmlFlags
}

func (f *reportFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.format, "format", "table", "output format: table")
	fs.StringSliceVar(&f.groupBy, "group-by", nil, "group the metrics by one or two of: quarter, month, week, org, impact, component, format, factor")
	fs.StringVar(&f.since, "since", "", "only incidents from this date on (2024-01-01, or the start of 2024Q1 / 2024-03 / 2024)")
	fs.StringVar(&f.until, "until", "", "only incidents before this date (2024-07-01, or the end of 2024Q2 / 2024-06 / 2024)")
	fs.StringSliceVar(&f.orgs, "org", nil, "only these organisations (repeatable or comma-separated)")
	fs.StringSliceVar(&f.components, "component", nil, "only incidents affecting these components or component groups")
	fs.StringSliceVar(&f.impacts, "impact", nil, "only these impacts: critical, major, minor, none, maintenance, unknown")
	fs.BoolVar(&f.includeMaintenance, "include-maintenance", false, "keep planned maintenance (left out by default)")
	fs.StringVar(&f.compare, "compare", "", "compare two periods: 2024Q1,2024Q2 (quarters, months 2024-03 or years), last-quarter or last-month")
	fs.StringVar(&f.repeatWindow, "repeat-window", "90d", "repeat incidents: same organisation, component and factor within this window (90d, 12w, 36h)")
	fs.StringVar(&f.reliabilityBy, "reliability-by", "org", "reliability summary per org or per component")
	f.page.register(fs)
}

// reviewPlan is what the flags ask the report to show, checked.
type reviewPlan struct {
	filter  metrics.Filter
	keys    []metrics.Key
	compare string // "" none, else "last-quarter", "last-month" or "A,B"
	periods [2]metrics.Period
	window  time.Duration
	// reliability is the key of the reliability summary: org or
	// component.
	reliability metrics.Key
}

func (f *reportFlags) plan() (reviewPlan, error) {
	var p reviewPlan
	if f.format != "table" {
		return p, fmt.Errorf("unknown --format %q (want table)", f.format)
	}
	if len(f.groupBy) > 2 {
		return p, fmt.Errorf("--group-by takes one or two keys, not %d", len(f.groupBy))
	}
	for _, g := range f.groupBy {
		k, err := metrics.ParseKey(g)
		if err != nil {
			return p, fmt.Errorf("--group-by: %w", err)
		}
		p.keys = append(p.keys, k)
	}
	var err error
	if p.filter.Since, err = bound(f.since, false); err != nil {
		return p, fmt.Errorf("--since: %w", err)
	}
	if p.filter.Until, err = bound(f.until, true); err != nil {
		return p, fmt.Errorf("--until: %w", err)
	}
	if p.filter.Since != nil && p.filter.Until != nil && !p.filter.Since.Before(*p.filter.Until) {
		return p, fmt.Errorf("--since %s is not before --until %s", f.since, f.until)
	}
	p.filter.Orgs, p.filter.Components = f.orgs, f.components
	for _, s := range f.impacts {
		imp, ok := ingest.ParseImpact(s)
		if !ok && !strings.EqualFold(strings.TrimSpace(s), "unknown") {
			return p, fmt.Errorf("--impact %q: want critical, major, minor, none, maintenance or unknown", s)
		}
		p.filter.Impacts = append(p.filter.Impacts, imp)
		if imp == ingest.ImpactMaintenance {
			p.filter.IncludeMaintenance = true
		}
	}
	p.filter.IncludeMaintenance = p.filter.IncludeMaintenance || f.includeMaintenance
	if p.reliability, err = metrics.ParseKey(f.reliabilityBy); err != nil || (p.reliability != metrics.KeyOrg && p.reliability != metrics.KeyComponent) {
		return p, fmt.Errorf("--reliability-by %q: want org or component", f.reliabilityBy)
	}
	if p.window, err = parseWindow(f.repeatWindow); err != nil {
		return p, fmt.Errorf("--repeat-window: %w", err)
	}
	if err := p.parseCompare(f.compare); err != nil {
		return p, fmt.Errorf("--compare: %w", err)
	}
	return p, nil
}

func (p *reviewPlan) parseCompare(s string) error {
	s = strings.TrimSpace(s)
	switch s {
	case "", "last-quarter", "last-month":
		p.compare = s
		return nil
	}
	a, b, ok := strings.Cut(s, ",")
	if !ok {
		return fmt.Errorf("%q: want two periods (2024Q1,2024Q2), last-quarter or last-month", s)
	}
	pa, err := metrics.ParsePeriod(a)
	if err != nil {
		return err
	}
	pb, err := metrics.ParsePeriod(b)
	if err != nil {
		return err
	}
	if pa.From.Before(pb.To) && pb.From.Before(pa.To) {
		return fmt.Errorf("%s and %s overlap", pa.Label, pb.Label)
	}
	p.compare, p.periods = s, [2]metrics.Period{pa, pb}
	return nil
}

// bound reads a --since or --until value: a date (2024-01-01), an RFC 3339
// time, or a period (2024Q1, 2024-03, 2024), whose start --since takes and
// whose end --until takes.
func bound(s string, end bool) (*time.Time, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil, nil
	}
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return &t, nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		t = t.UTC()
		return &t, nil
	}
	p, err := metrics.ParsePeriod(s)
	if err != nil {
		return nil, fmt.Errorf("%q: want a date (2024-01-01), a time (2024-01-01T09:00:00Z) or a period (2024Q1, 2024-03, 2024)", s)
	}
	if end {
		return &p.To, nil
	}
	return &p.From, nil
}

// parseWindow reads 90d, 12w or a Go duration (36h).
func parseWindow(s string) (time.Duration, error) {
	s = strings.TrimSpace(s)
	for suffix, unit := range map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour} {
		if n, ok := strings.CutSuffix(s, suffix); ok {
			v, err := strconv.Atoi(n)
			if err != nil || v <= 0 {
				return 0, fmt.Errorf("%q: want a positive whole number of days (90d) or weeks (12w)", s)
			}
			return time.Duration(v) * unit, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("%q: want 90d, 12w or a duration such as 36h", s)
	}
	return d, nil
}

func runReport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("report", reportHelp, stderr)
	var in inputFlags
	in.register(fs)
	var rf reportFlags
	rf.register(fs)
	if code, stop := parseFlags(fs, args, stderr); stop {
		return code
	}
	plan, err := rf.plan()
	if err != nil {
		return usageError(stderr, "report", err)
	}
	opts, err := in.options()
	if err != nil {
		return usageError(stderr, "report", err)
	}
	if fs.NArg() == 0 && len(in.statuspages) == 0 {
		return usageError(stderr, "report", errors.New("no input: give files, directories, globs or - for stdin"))
	}
	entries, failed, total, err := inputs(ctx, fs.Args(), stdin, stderr, &in, opts)
	if err == nil {
		err = writeReport(stdout, entries, plan, in.tax)
	}
	if err == nil {
		err = writeHTMLPage(stderr, rf.page, append(fs.Args(), in.statuspages...), entries, plan, in.tax)
	}
	return finish(stderr, "report", failed, total, err)
}

// writeReport writes every section of the review for the entries the plan
// keeps.
func writeReport(w io.Writer, entries []report.Entry, plan reviewPlan, tax *metrics.Taxonomy) error {
	var counts metrics.FilterCounts
	var kept []metrics.Analysis
	var keptEntries []report.Entry
	for _, e := range entries {
		if counts.Add(plan.filter.Check(e.Analysis)) {
			kept = append(kept, e.Analysis)
			keptEntries = append(keptEntries, e)
		}
	}
	results := make([]metrics.Result, len(kept))
	for i, a := range kept {
		results[i] = a.Result
	}
	steps := []func() error{
		func() error { return report.WriteFilter(w, counts) },
		func() error { _, err := fmt.Fprintf(w, "\nIncidents (%d)\n", len(keptEntries)); return err },
		func() error { return report.WriteIncidents(w, keptEntries) },
		func() error { _, err := fmt.Fprintln(w, "\nSummary"); return err },
		func() error { return report.WriteSummary(w, metrics.Distributions(results)) },
	}
	if len(plan.keys) > 0 {
		steps = append(steps, func() error { return report.WriteGroups(w, plan.keys, metrics.GroupBy(kept, plan.keys)) })
	}
	if plan.compare != "" {
		steps = append(steps, func() error { return writeComparison(w, kept, plan) })
	}
	rec := metrics.Recur(kept, plan.window, tax)
	steps = append(steps,
		func() error {
			return report.WriteReliability(w, plan.reliability, metrics.ReliabilityBy(kept, plan.reliability, metrics.WorstPerGroup), rec.Quarters)
		},
		func() error { return report.WriteFactors(w, rec) },
	)
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	return nil
}

func writeComparison(w io.Writer, kept []metrics.Analysis, plan reviewPlan) error {
	a, b := plan.periods[0], plan.periods[1]
	if plan.compare == "last-quarter" || plan.compare == "last-month" {
		var ok bool
		a, b, ok = metrics.LastPeriods(kept, plan.compare == "last-month")
		if !ok {
			_, err := fmt.Fprintln(w, "\nComparison: no dated incident to compare")
			return err
		}
	}
	return report.WriteComparison(w, metrics.Compare(kept, a, b))
}
