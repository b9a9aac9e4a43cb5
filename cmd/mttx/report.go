package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
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
  mttx report --out summary.md --out review.json --out report.html postmortems/
  mttx report --fail-if 'p90(ttr) > 4h' --fail-if 'coverage(ttd) < 80%' postmortems/
  mttx report --baseline main-review.json --fail-on-regression postmortems/

Exit codes: 0 every input read; 1 some inputs could not be read (the rest
is reported); 2 usage error; 3 a --fail-if threshold is broken, or a
regression against --baseline with --fail-on-regression (docs/ci.md).
`

// reportFlags are the flags of mttx report beyond the input flags.
type reportFlags struct {
	format             string
	outs               []string
	stamp              bool
	groupBy            []string
	since, until       string
	orgs, components   []string
	impacts            []string
	includeMaintenance bool
	compare            string
	repeatWindow       string
	reliabilityBy      string
	failIf             []string
	baseline           string
	failOnRegression   bool
	page               htmlFlags
	parquet            string
}

func (f *reportFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.format, "format", "table", "output format: table, markdown (GitHub-flavoured), csv (RFC 4180, raw seconds) or json (docs/report-json.md)")
	fs.StringArrayVarP(&f.outs, "out", "o", nil, "write the report to this file instead of standard output, atomically; repeatable, each in the format its extension names (.md, .csv, .json, .txt, .html; others: --format)")
	fs.BoolVar(&f.stamp, "stamp", false, "say when the report was generated (left out by default, so the same input gives the same bytes)")
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
	fs.StringArrayVar(&f.failIf, "fail-if", nil, "exit 3 when this holds, e.g. 'p90(ttr) > 4h', 'coverage(ttd) < 80%', 'count(factor=deploy, quarter=last) > 3' (repeatable; docs/ci.md)")
	fs.StringVar(&f.baseline, "baseline", "", "compare each metric with an earlier report written by --format json")
	fs.BoolVar(&f.failOnRegression, "fail-on-regression", false, "with --baseline: exit 3 when a median is slower than the baseline's beyond the 95% intervals")
	f.page.register(fs)
	fs.StringVar(&f.parquet, "parquet", "", "also export the incidents of the review as Parquet tables into this directory, replacing an earlier export (mttx export has the other options; docs/warehouse.md)")
}

// reportFormat is an output format of mttx report.
type reportFormat int

const (
	reportTable reportFormat = iota
	reportMarkdown
	reportCSV
	reportJSON
)

func parseReportFormat(s string) (reportFormat, error) {
	switch strings.ToLower(s) {
	case "table":
		return reportTable, nil
	case "markdown", "md":
		return reportMarkdown, nil
	case "csv":
		return reportCSV, nil
	case "json":
		return reportJSON, nil
	}
	return 0, fmt.Errorf("unknown --format %q (want table, markdown, csv or json)", s)
}

// writer returns the renderer of the format.
func (f reportFormat) writer() func(io.Writer, report.Review) error {
	switch f {
	case reportMarkdown:
		return report.WriteMarkdown
	case reportCSV:
		return report.WriteCSV
	case reportJSON:
		return report.WriteJSON
	}
	return report.WriteText
}

// reviewPlan is what the flags ask the report to show, checked.
type reviewPlan struct {
	report.ReviewPlan
	format reportFormat
	outs   []output
}

// output is a file --out writes: a format, or the HTML page.
type output struct {
	path   string
	format reportFormat
	html   bool
}

// outputOf reads the format of an --out file from its extension; other
// extensions take --format.
func outputOf(path string, format reportFormat) output {
	o := output{path: path, format: format}
	switch strings.ToLower(filepath.Ext(path)) {
	case ".md", ".markdown":
		o.format = reportMarkdown
	case ".csv":
		o.format = reportCSV
	case ".json":
		o.format = reportJSON
	case ".txt":
		o.format = reportTable
	case ".html", ".htm":
		o.html = true
	}
	return o
}

// html reports whether the run writes an HTML page (--html, or an --out
// file named .html), which prints whole incidents.
func (p reviewPlan) html(page string) bool {
	return page != "" || slices.ContainsFunc(p.outs, func(o output) bool { return o.html })
}

func (f *reportFlags) plan() (reviewPlan, error) {
	var p reviewPlan
	var err error
	if p.format, err = parseReportFormat(f.format); err != nil {
		return p, err
	}
	for _, path := range f.outs {
		if path == "" {
			return p, errors.New("--out: want a file name")
		}
		p.outs = append(p.outs, outputOf(path, p.format))
	}
	if len(f.groupBy) > 2 {
		return p, fmt.Errorf("--group-by takes one or two keys, not %d", len(f.groupBy))
	}
	for _, g := range f.groupBy {
		k, err := metrics.ParseKey(g)
		if err != nil {
			return p, fmt.Errorf("--group-by: %w", err)
		}
		p.Keys = append(p.Keys, k)
	}
	if err := p.parseFilter(f); err != nil {
		return p, err
	}
	if p.Reliability, err = metrics.ParseKey(f.reliabilityBy); err != nil || (p.Reliability != metrics.KeyOrg && p.Reliability != metrics.KeyComponent) {
		return p, fmt.Errorf("--reliability-by %q: want org or component", f.reliabilityBy)
	}
	if p.RepeatWindow, err = parseWindow(f.repeatWindow); err != nil {
		return p, fmt.Errorf("--repeat-window: %w", err)
	}
	if err := p.parseCompare(f.compare); err != nil {
		return p, fmt.Errorf("--compare: %w", err)
	}
	for _, expr := range f.failIf {
		t, err := metrics.ParseThreshold(expr)
		if err != nil {
			return p, fmt.Errorf("--fail-if %w", err)
		}
		p.Thresholds = append(p.Thresholds, t)
	}
	if err := f.page.check(); err != nil {
		return p, err
	}
	if f.failOnRegression && f.baseline == "" {
		return p, errors.New("--fail-on-regression needs --baseline FILE")
	}
	return p, nil
}

// parseFilter reads --since, --until, --org, --component, --impact and
// --include-maintenance.
func (p *reviewPlan) parseFilter(f *reportFlags) error {
	var err error
	if p.Filter.Since, err = bound(f.since, false); err != nil {
		return fmt.Errorf("--since: %w", err)
	}
	if p.Filter.Until, err = bound(f.until, true); err != nil {
		return fmt.Errorf("--until: %w", err)
	}
	if p.Filter.Since != nil && p.Filter.Until != nil && !p.Filter.Since.Before(*p.Filter.Until) {
		return fmt.Errorf("--since %s is not before --until %s", f.since, f.until)
	}
	p.Filter.Orgs, p.Filter.Components = f.orgs, f.components
	for _, s := range f.impacts {
		imp, ok := ingest.ParseImpact(s)
		if !ok && !strings.EqualFold(strings.TrimSpace(s), "unknown") {
			return fmt.Errorf("--impact %q: want critical, major, minor, none, maintenance or unknown", s)
		}
		p.Filter.Impacts = append(p.Filter.Impacts, imp)
		if imp == ingest.ImpactMaintenance {
			p.Filter.IncludeMaintenance = true
		}
	}
	p.Filter.IncludeMaintenance = p.Filter.IncludeMaintenance || f.includeMaintenance
	return nil
}

func (p *reviewPlan) parseCompare(s string) error {
	switch s = strings.TrimSpace(s); s {
	case "":
		return nil
	case "last-quarter":
		p.Compare = report.CompareLastQuarter
		return nil
	case "last-month":
		p.Compare = report.CompareLastMonth
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
	p.Compare, p.Periods = report.ComparePeriods, [2]metrics.Period{pa, pb}
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
	plan.Taxonomy = in.tax
	if rf.baseline != "" {
		if plan.Baseline, err = readBaseline(rf.baseline); err != nil {
			return usageError(stderr, "report", fmt.Errorf("--baseline: %w", err))
		}
	}
	if fs.NArg() == 0 && len(in.statuspages) == 0 {
		return usageError(stderr, "report", errors.New("no input: give files, directories, globs or - for stdin"))
	}
	col := newCollector(plan.html(rf.page.path))
	defer col.close()
	read, review, err := reviewInputs(ctx, fs.Args(), stdin, stderr, &in, opts, plan.ReviewPlan, rf.parquet, col)
	failed, total := read.failed, read.total
	if err != nil {
		return finish(stderr, "report", failed, total, err)
	}
	kept := col.whole // the incidents the review keeps, whole, for the HTML page
	if rf.stamp {
		now := time.Now().UTC().Truncate(time.Second)
		review.Stamp = &now
	}
	pages := append(fs.Args(), in.statuspages...)
	notices := stderr // what the run says beside errors; --quiet silences it
	if in.quiet {
		notices = io.Discard
	}
	if len(plan.outs) == 0 {
		err = plan.format.writer()(stdout, review)
	}
	for _, o := range plan.outs {
		if err != nil {
			break
		}
		if o.html {
			page := rf.page
			page.path = o.path
			err = writeHTMLPage(ctx, notices, page, pages, review, kept)
			continue
		}
		err = writeFile(ctx, o.path, func(w io.Writer) error { return o.format.writer()(w, review) })
	}
	if err == nil {
		err = writeHTMLPage(ctx, notices, rf.page, pages, review, kept)
	}
	code := finish(stderr, "report", failed, total, err)
	if broken := review.Broken(rf.failOnRegression); len(broken) > 0 && err == nil {
		con := newConsole(stderr, in.quiet)
		for _, b := range broken {
			con.alert("mttx report: threshold broken: %s", b)
		}
		return exitThreshold
	}
	return code
}

// reviewInputs reads the inputs into col and computes the review. With a
// Parquet directory, the incidents the review keeps are exported there as
// they are read, as mttx export writes them, with the metrics table
// grouped as the review is (by quarter without --group-by); the export is
// renamed into place only once complete.
func reviewInputs(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer, in *inputFlags, opts ingest.Options,
	plan report.ReviewPlan, dir string, col *collector) (read readOutcome, review report.Review, err error) {
	if dir == "" {
		read, err = collect(ctx, args, stdin, stderr, in, opts, col)
		if err == nil {
			review, err = newReview(col, read.files, plan)
		}
		return read, review, err
	}
	keys := plan.Keys
	if len(keys) == 0 {
		keys = []metrics.Key{metrics.KeyQuarter}
	}
	col.rows = func(b metrics.Brief) bool { return plan.Filter.Check(b) == metrics.Included }
	xopts := report.ExportOptions{Version: version, Mode: report.ModeOverwrite}
	_, read, err = collectExport(ctx, dir, xopts, args, stdin, stderr, in, opts, col, func(_ *metrics.BriefList, files []report.Input) ([]report.MetricRow, error) {
		var err error
		if review, err = newReview(col, files, plan); err != nil {
			return nil, err
		}
		groups := review.Groups
		if len(plan.Keys) == 0 {
			groups = metrics.GroupBy(review.Incidents, keys)
		}
		return report.MetricRows(review.Summary, keys, groups), nil
	})
	if err != nil && !errors.Is(err, context.Canceled) {
		err = errors.New(targetProblem(err))
	}
	return read, review, err
}

// newReview computes the review of what col collected. The whole entries
// col keeps for the HTML page are narrowed first to the incidents the
// review keeps, by their Briefs, which NewReview then filters in place.
func newReview(col *collector, files []report.Input, plan report.ReviewPlan) (report.Review, error) {
	if col.keep {
		whole := col.whole[:0]
		for i, e := range col.whole {
			if plan.Filter.Check(*col.briefs.At(i)) == metrics.Included {
				whole = append(whole, e)
			}
		}
		clear(col.whole[len(whole):])
		col.whole = whole
	}
	return report.NewReview(&col.briefs, col.names, files, plan)
}

// readBaseline reads an earlier JSON report.
func readBaseline(path string) (*report.Baseline, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return report.ReadBaseline(path, data)
}
