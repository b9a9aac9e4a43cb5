package report

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

// csvHeader is the one table a CSV review is: every number of the review
// as a row, long ("tidy") so that a spreadsheet or a data frame can pivot
// it any way, with raw values (seconds, ratios, counts) and the unit of
// each. docs/report-json.md describes the sections.
var csvHeader = []string{"section", "group", "subject", "metric", "statistic", "value", "unit"}

// csvRows collects the rows of a CSV review.
type csvRows struct {
	rows [][]string
}

func (c *csvRows) add(section, group, subject, metric, stat, value, unit string) {
	c.rows = append(c.rows, []string{section, group, subject, metric, stat, value, unit})
}

func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// optNum is a number, blank when unknown.
func optNum(x *float64) string {
	if x == nil {
		return ""
	}
	return num(*x)
}

func optSecs(d *time.Duration) string { return optNum(secs(d)) }

// distribution adds the statistics of one distribution.
func (c *csvRows) distribution(section, group, subject string, d metrics.Distribution) {
	m := d.Metric.String()
	c.add(section, group, subject, m, "incidents", fmt.Sprint(d.Incidents), "incidents")
	c.add(section, group, subject, m, "known", fmt.Sprint(d.Known), "incidents")
	coverage := ""
	if d.Incidents > 0 {
		coverage = num(d.Coverage())
	}
	c.add(section, group, subject, m, "coverage", coverage, "ratio")
	lo, hi := "", ""
	if d.MedianCI != nil {
		lo, hi = num(d.MedianCI.Lo.Seconds()), num(d.MedianCI.Hi.Seconds())
	}
	for _, s := range []struct {
		name, value string
	}{
		{"median", optSecs(d.Median)}, {"median_ci_lo", lo}, {"median_ci_hi", hi}, {"p90", optSecs(d.P90)},
		{"p95", optSecs(d.P95)}, {"mean", optSecs(d.Mean)}, {"geomean", optSecs(d.GeoMean)},
		{"min", optSecs(d.Min)}, {"max", optSecs(d.Max)},
	} {
		c.add(section, group, subject, m, s.name, s.value, "seconds")
	}
}

// WriteCSV writes the review as one RFC 4180 table (CRLF line ends, fields
// quoted when they need it) of rows section, group, subject, metric,
// statistic, value, unit. A blank value is unknown.
func WriteCSV(w io.Writer, r Review) error {
	var c csvRows
	c.add("review", "", "", "", "schema_version", fmt.Sprint(ReviewSchemaVersion), "")
	c.add("review", "", "", "", "metrics_version", metrics.Version, "text")
	if r.Stamp != nil {
		c.add("review", "", "", "", "generated_at", timeString(*r.Stamp), "time")
	}
	for _, in := range r.Inputs {
		if in.Err != nil {
			c.add("input", "", in.Path, "", "error", in.Err.Error(), "text")
		} else {
			c.add("input", "", in.Path, "", "sha256", in.SHA256, "text")
		}
	}
	for _, s := range []struct {
		name string
		n    int
	}{{"read", r.Counts.Read}, {"kept", r.Counts.Kept}, {"left_out_maintenance", r.Counts.Maintenance},
		{"left_out_undated", r.Counts.Undated}, {"left_out_out_of_range", r.Counts.OutOfRange}, {"left_out_not_matching", r.Counts.NotMatch}} {
		c.add("counts", "", "", "", s.name, fmt.Sprint(s.n), "incidents")
	}
	c.thresholds(r.Thresholds)
	c.baseline(r.Baseline)
	for i := range r.Incidents.Len() {
		b := r.Incidents.At(i)
		id, title, err := r.Names.Name(b.Name)
		if err != nil {
			return err
		}
		c.incident(*b, id, title)
	}
	for _, d := range r.Summary {
		c.distribution("summary", "", "", d)
	}
	for _, g := range r.Groups {
		for _, d := range g.Distributions {
			c.distribution("group", groupLabel(r.Plan.Keys, g.Values), "", d)
		}
	}
	c.comparison(r.Comparison)
	c.reliability(r.Plan.Reliability, r.Reliability)
	c.factors(r.Recurrence)
	cw := csv.NewWriter(w)
	cw.UseCRLF = true
	if err := cw.Write(csvHeader); err != nil {
		return err
	}
	if err := cw.WriteAll(c.rows); err != nil {
		return err
	}
	return cw.Error()
}

// groupLabel names a group as "quarter=2024Q1;impact=major".
func groupLabel(keys []metrics.Key, values []string) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = keys[i].String() + "=" + v
	}
	return strings.Join(parts, ";")
}

func (c *csvRows) thresholds(ts []metrics.ThresholdResult) {
	for _, t := range ts {
		unit := unitName(t.Stat.Unit())
		g := conditions(t.Resolved)
		c.add("threshold", g, t.Expr, "", "value", optNum(t.Value), unit)
		c.add("threshold", g, t.Expr, "", "limit", num(t.Threshold.Value), unit)
		c.add("threshold", g, t.Expr, "", "incidents", fmt.Sprint(t.Incidents), "incidents")
		c.add("threshold", g, t.Expr, "", "broken", strconv.FormatBool(t.Broken), "bool")
	}
}

func (c *csvRows) baseline(b *BaselineComparison) {
	if b == nil {
		return
	}
	for _, m := range b.Metrics {
		c.comparedMetric("baseline", "baseline", "now", m)
	}
}

// comparedMetric adds one metric of two sets and the change between them.
func (c *csvRows) comparedMetric(section, a, b string, m metrics.MetricComparison) {
	c.distribution(section, a, "", m.A)
	c.distribution(section, b, "", m.B)
	metric := m.Metric.String()
	c.add(section, "change", "", metric, "median_change", optSecs(m.Change), "seconds")
	c.add(section, "change", "", metric, "median_change_pct", optNum(m.ChangePct), "percent")
	c.add(section, "change", "", metric, "verdict", m.Verdict.String(), "text")
}

func (c *csvRows) incident(b metrics.Brief, id, title string) {
	text := func(stat, v string) { c.add("incident", "", id, "", stat, v, "text") }
	text("source", fmt.Sprintf("%s:%d", b.Source(), b.Line))
	text("organization", b.Org())
	text("title", title)
	if b.Impact != ingest.ImpactUnknown {
		text("impact", b.Impact.String())
	}
	if t := b.Start(); t != nil {
		c.add("incident", "", id, "", "start", timeString(*t), "time")
	}
	c.add("incident", "", id, "", "updates", fmt.Sprint(b.Updates), "count")
	text("factors", factorNames(b.Factors()))
	for _, m := range metrics.AllMetrics() {
		v := ""
		if s := optSeconds(b.Duration(m)); s != nil {
			v = strconv.FormatInt(*s, 10)
		}
		c.add("incident", "", id, m.String(), "value", v, "seconds")
	}
}

func (c *csvRows) comparison(cmp *metrics.Comparison) {
	if cmp == nil {
		return
	}
	c.add("comparison", cmp.A.Label, "", "", "incidents", fmt.Sprint(cmp.Count.A), "incidents")
	c.add("comparison", cmp.B.Label, "", "", "incidents", fmt.Sprint(cmp.Count.B), "incidents")
	c.add("comparison", "change", "", "", "incidents_p_value", num(cmp.Count.P), "p")
	c.add("comparison", "change", "", "", "incidents_verdict", cmp.Count.Verdict.String(), "text")
	for _, m := range cmp.Metrics {
		c.comparedMetric("comparison", cmp.A.Label, cmp.B.Label, m)
	}
}

func (c *csvRows) reliability(key metrics.Key, rs []metrics.Reliability) {
	for _, r := range rs {
		g := key.String() + "=" + r.Value
		c.add("reliability", g, "", "", "incidents", fmt.Sprint(r.Incidents), "incidents")
		for _, q := range r.PerQuarter {
			c.add("reliability", g, q.Value, "", "incidents", fmt.Sprint(q.Incidents), "incidents")
		}
		c.add("reliability", g, "", "impact", "total", optSecs(r.ImpactTotal), "seconds")
		c.add("reliability", g, "", "impact", "known", fmt.Sprint(r.ImpactKnown), "incidents")
		c.add("reliability", g, "", "", "resolved", fmt.Sprint(r.Resolved), "incidents")
		c.add("reliability", g, "", "", "with_postmortem", fmt.Sprint(r.WithPostmortem), "incidents")
		rate := ""
		if x, ok := r.PostmortemRate(); ok {
			rate = num(x)
		}
		c.add("reliability", g, "", "", "postmortem_rate", rate, "ratio")
		c.distribution("reliability", g, "", r.PostmortemDelay)
		for _, x := range r.Worst {
			c.add("reliability", g, x.ID, "impact", "worst", num(x.ImpactTime.Seconds()), "seconds")
		}
	}
}

func (c *csvRows) factors(rec metrics.Recurrence) {
	c.add("factors", "", "", "", "incidents", fmt.Sprint(rec.Incidents), "incidents")
	c.add("factors", "", "", "", "with_factors", fmt.Sprint(rec.WithFactors), "incidents")
	c.add("factors", "", "", "", "repeats", fmt.Sprint(rec.RepeatCount), "incidents")
	for _, f := range rec.Factors {
		g := "factor=" + string(f.Factor)
		c.add("factor", g, "", "", "incidents", fmt.Sprint(f.Incidents), "incidents")
		c.add("factor", g, "", "", "share", num(round6(f.Share)), "ratio")
		for _, q := range f.PerQuarter {
			c.add("factor", g, q.Value, "", "incidents", fmt.Sprint(q.Incidents), "incidents")
		}
		c.add("factor", g, "", "impact", "total", optSecs(f.ImpactTotal), "seconds")
		c.add("factor", g, "", "impact", "known", fmt.Sprint(f.ImpactKnown), "incidents")
		c.distribution("factor", g, "", f.TTR)
		for _, o := range f.Orgs {
			c.add("factor", g, o.Value, "", "recurs_in_org", fmt.Sprint(o.Incidents), "incidents")
		}
		for _, o := range f.Components {
			c.add("factor", g, o.Value, "", "recurs_in_component", fmt.Sprint(o.Incidents), "incidents")
		}
	}
	for _, p := range rec.Pairs {
		c.add("factor_pair", "factor="+string(p.A)+";with="+string(p.B), "", "", "incidents", fmt.Sprint(p.Incidents), "incidents")
	}
	for _, r := range rec.Repeats {
		g := fmt.Sprintf("org=%s;component=%s;factor=%s", r.Org, r.Component, r.Factor)
		c.add("repeat", g, r.First.ID+">"+r.Then.ID, "", "gap", num(r.Gap.Seconds()), "seconds")
	}
}
