package report

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/mttx-dev/mttx/metrics"
)

// cell makes text safe for one table cell: one line, no tabs, at most n
// runes.
func cell(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if n > 0 && len(r) > n {
		return string(r[:n-1]) + "…"
	}
	return s
}

func stamp(t *time.Time) string {
	if t == nil {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04")
}

// WriteIncidents writes the per-incident table of `mttx report`: one row
// per incident with its start and durations. Unknown values are blank.
func WriteIncidents(w io.Writer, incidents *metrics.BriefList, names metrics.Names) error {
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, L, L, R, R, R, R, R, R, L})
	t.Header("organization", "title", "start (UTC)", "TTD", "TTI", "TTM", "TTR", "impact", "updates", "factors")
	inferred, negative := false, false
	mark := func(d *time.Duration) string {
		if d != nil && *d < 0 {
			negative = true
			return Duration(*d) + "!"
		}
		return optDuration(d)
	}
	for i := range incidents.Len() {
		b := incidents.At(i)
		start := stamp(b.Start())
		if b.StartProvenance == metrics.ProvInferredFromDuration {
			start = "~" + start
			inferred = true
		}
		_, title, err := names.Name(b.Name)
		if err != nil {
			return err
		}
		if title == "" {
			title = "(" + filepath.Base(b.Source()) + ")"
		}
		if err := t.Append([]string{
			cell(b.Org(), 24), cell(title, 40), start,
			mark(b.Duration(metrics.TTD)), mark(b.Duration(metrics.TTI)), mark(b.Duration(metrics.TTM)),
			mark(b.Duration(metrics.TTR)), mark(b.Duration(metrics.Impact)), fmt.Sprint(b.Updates),
			cell(factorNames(b.Factors()), 40),
		}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	var legend []string
	if inferred {
		legend = append(legend, "~ start inferred from a stated duration")
	}
	if negative {
		legend = append(legend, "! negative: a milestone before the start, kept as read (--warnings says why)")
	}
	legend = append(legend, "blank: unknown (not derivable from the report)")
	_, err := fmt.Fprintln(w, strings.Join(legend, "; "))
	return err
}

// factorNames writes the factors found, comma-separated.
func factorNames(names []metrics.Factor) string {
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = string(n)
	}
	return strings.Join(parts, ", ")
}

// WriteSummary writes the summary table of `mttx report`: for each metric,
// how many incidents have it, its median with a 95% confidence interval,
// and its p90, p95, mean, geometric mean, min and max.
func WriteSummary(w io.Writer, dists []metrics.Distribution) error {
	if err := writeDistributions(w, dists); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%s; quantiles by linear interpolation (as DuckDB quantile_cont); see docs/metrics.md\n", metrics.Version)
	return err
}

// writeDistributions writes one row per distribution and the legend for
// small ones.
func writeDistributions(w io.Writer, dists []metrics.Distribution) error {
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, R, R, R, R, R, R, R, R, R})
	t.Header("metric", "with it", "median", "95% CI of median", "p90", "p95", "mean", "geo mean", "min", "max")
	small := false
	for _, d := range dists {
		known := fmt.Sprintf("%d/%d", d.Known, d.Incidents)
		if d.Known > 0 && d.TooSmall() {
			known += "*"
			small = true
		}
		if err := t.Append(append([]string{d.Metric.String(), known}, distributionCells(d)...)); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	if small {
		_, err := fmt.Fprintf(w, "* fewer than %d values: shown, too small to compare\n", metrics.MinComparable)
		return err
	}
	return nil
}

// distributionCells are the statistics columns of a distribution, blank
// where unknown.
func distributionCells(d metrics.Distribution) []string {
	return []string{
		optDuration(d.Median), interval(d.MedianCI), optDuration(d.P90), optDuration(d.P95),
		optDuration(d.Mean), optDuration(d.GeoMean), optDuration(d.Min), optDuration(d.Max),
	}
}

// interval formats a confidence interval as "lo–hi", blank when unknown.
func interval(iv *metrics.Interval) string {
	if iv == nil {
		return ""
	}
	return Duration(iv.Lo) + "–" + Duration(iv.Hi)
}

// WriteParsed writes the table of `mttx parse --format table`: what was read
// from each input.
func WriteParsed(w io.Writer, entries []Entry) error {
	if len(entries) == 0 {
		return nil // nothing was read: stderr says why
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, L, L, L, R, L, L, R})
	t.Header("source", "format", "organization", "title", "updates", "first update (UTC)", "last update (UTC)", "warnings")
	for _, e := range entries {
		inc := e.Incident
		var first, last *time.Time
		if n := len(inc.Updates); n > 0 {
			first, last = &inc.Updates[0].At, &inc.Updates[n-1].At
		}
		src := fmt.Sprintf("%s:%d", inc.Source.Path, inc.Source.Line)
		if err := t.Append([]string{
			cell(src, 60), inc.Format.String(), cell(inc.Organization, 24), cell(inc.Title, 40),
			fmt.Sprint(len(inc.Updates)), stamp(first), stamp(last),
			fmt.Sprint(len(inc.Warnings) + len(e.Result.Warnings)),
		}); err != nil {
			return err
		}
	}
	return t.Render()
}
