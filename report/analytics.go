package report

import (
	"fmt"
	"io"
	"math"
	"path/filepath"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/mttx-dev/mttx/metrics"
)

func percent(x float64) string { return fmt.Sprintf("%.0f%%", 100*x) }

// plural writes "1 incident", "3 incidents".
func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// WriteFilter says how many incidents the report covers and which it left
// out, so that nothing is dropped silently.
func WriteFilter(w io.Writer, c metrics.FilterCounts) error {
	var out []string
	if c.Maintenance > 0 {
		out = append(out, fmt.Sprintf("%d maintenance (--include-maintenance keeps them)", c.Maintenance))
	}
	if c.Undated > 0 {
		out = append(out, fmt.Sprintf("%d with no date, outside --since/--until", c.Undated))
	}
	if c.OutOfRange > 0 {
		out = append(out, fmt.Sprintf("%d outside --since/--until", c.OutOfRange))
	}
	if c.NotMatch > 0 {
		out = append(out, fmt.Sprintf("%d not matching --org/--component/--impact", c.NotMatch))
	}
	line := fmt.Sprintf("%d incidents read, %d in this report", c.Read, c.Kept)
	if len(out) > 0 {
		line += "; left out: " + strings.Join(out, ", ")
	}
	_, err := fmt.Fprintln(w, line)
	return err
}

// WriteGroups writes, for incidents grouped by keys, an overview of the
// medians of every group and then the full distributions of each.
func WriteGroups(w io.Writer, keys []metrics.Key, groups []metrics.Group) error {
	var names []string
	for _, k := range keys {
		names = append(names, k.String())
	}
	if err := section(w, "By "+strings.Join(names, " and ")); err != nil {
		return err
	}
	aligns := make([]tw.Align, 0, len(keys)+1+len(metrics.AllMetrics()))
	header := make([]string, 0, cap(aligns))
	for _, k := range keys {
		aligns = append(aligns, tw.AlignLeft)
		header = append(header, k.String())
	}
	aligns = append(aligns, tw.AlignRight)
	header = append(header, "incidents")
	for _, m := range metrics.AllMetrics() {
		aligns = append(aligns, tw.AlignRight)
		header = append(header, m.String())
	}
	t := newTable(w, aligns)
	t.Header(header...)
	for _, g := range groups {
		row := append(cells(g.Values, 32), fmt.Sprint(g.Incidents))
		for _, d := range g.Distributions {
			row = append(row, medianCell(d))
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "each cell: median (incidents with the metric); * fewer than %d: too small to compare\n", metrics.MinComparable); err != nil {
		return err
	}
	for _, g := range groups {
		var label []string
		for i, k := range keys {
			label = append(label, k.String()+" "+g.Values[i])
		}
		if err := heading(w, fmt.Sprintf("%s (%s)", cell(strings.Join(label, ", "), 100), plural(g.Incidents, "incident"))); err != nil {
			return err
		}
		if err := writeDistributions(w, g.Distributions); err != nil {
			return err
		}
	}
	return nil
}

// medianCell writes "1h5m (7)", marked * when too small to compare.
func medianCell(d metrics.Distribution) string {
	if d.Median == nil {
		return ""
	}
	s := fmt.Sprintf("%s (%d)", Duration(*d.Median), d.Known)
	if d.TooSmall() {
		s += "*"
	}
	return s
}

func cells(vals []string, n int) []string {
	out := make([]string, len(vals))
	for i, v := range vals {
		out[i] = cell(v, n)
	}
	return out
}

// WriteComparison writes a comparison of two periods: incident counts,
// each metric side by side with its change, and a verdict in words that
// says "no detectable change" when the intervals overlap.
func WriteComparison(w io.Writer, c metrics.Comparison) error {
	if err := section(w, fmt.Sprintf("Comparison: %s against %s", c.B.Label, c.A.Label)); err != nil {
		return err
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, R, R, R, R, L})
	t.Header("metric", c.A.Label+" median [95% CI] (n)", c.B.Label+" median [95% CI] (n)", "change", "change %", "verdict")
	if err := t.Append([]string{"incidents", fmt.Sprint(c.Count.A), fmt.Sprint(c.Count.B),
		fmt.Sprintf("%+d", c.Count.B-c.Count.A), pctChange(c.Count.A, c.Count.B), countVerdict(c.Count)}); err != nil {
		return err
	}
	for _, m := range c.Metrics {
		if err := t.Append(comparisonRow(m)); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, comparisonSummary(c))
	return err
}

// comparisonRow is one metric of two sets side by side: medians, change
// and verdict.
func comparisonRow(m metrics.MetricComparison) []string {
	change, pct := "", ""
	if m.Change != nil {
		change = signed(*m.Change)
	}
	if m.ChangePct != nil {
		pct = fmt.Sprintf("%+.0f%%", *m.ChangePct)
	}
	return []string{m.Metric.String(), sideCell(m.A), sideCell(m.B), change, pct, metricVerdict(m)}
}

func sideCell(d metrics.Distribution) string {
	if d.Median == nil {
		return fmt.Sprintf("(%d)", d.Known)
	}
	s := Duration(*d.Median)
	if d.MedianCI != nil {
		s += " [" + Duration(d.MedianCI.Lo) + "–" + Duration(d.MedianCI.Hi) + "]"
	}
	return s + fmt.Sprintf(" (%d)", d.Known)
}

func signed(d time.Duration) string {
	if d > 0 {
		return "+" + Duration(d)
	}
	return Duration(d)
}

func pctChange(a, b int) string {
	if a == 0 {
		return ""
	}
	return fmt.Sprintf("%+.0f%%", 100*float64(b-a)/float64(a))
}

func metricVerdict(m metrics.MetricComparison) string {
	switch m.Verdict {
	case metrics.VerdictBetter:
		return "faster (intervals do not overlap)"
	case metrics.VerdictWorse:
		return "slower (intervals do not overlap)"
	case metrics.VerdictNoChange:
		return "no detectable change"
	}
	return fmt.Sprintf("too few to compare (<%d)", metrics.MinComparable)
}

func countVerdict(c metrics.CountComparison) string {
	switch c.Verdict {
	case metrics.VerdictBetter:
		return fmt.Sprintf("fewer incidents (p=%.3f)", c.P)
	case metrics.VerdictWorse:
		return fmt.Sprintf("more incidents (p=%.3f)", c.P)
	case metrics.VerdictNoChange:
		return fmt.Sprintf("no detectable change (p=%.2f)", c.P)
	}
	return fmt.Sprintf("too few to compare (<%d)", metrics.MinComparable)
}

// comparisonSummary is the verdict in plain words.
func comparisonSummary(c metrics.Comparison) string {
	var better, worse, same, few []string
	for _, m := range c.Metrics {
		switch m.Verdict {
		case metrics.VerdictBetter:
			better = append(better, m.Metric.String())
		case metrics.VerdictWorse:
			worse = append(worse, m.Metric.String())
		case metrics.VerdictNoChange:
			same = append(same, m.Metric.String())
		default:
			few = append(few, m.Metric.String())
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Verdict: %s against %s: ", c.B.Label, c.A.Label)
	switch {
	case len(better) == 0 && len(worse) == 0 && len(same) > 0:
		b.WriteString("no detectable change in any metric that has enough incidents; the differences above are within the noise of samples this size (the 95% intervals of the medians overlap).")
	case len(better) == 0 && len(worse) == 0:
		fmt.Fprintf(&b, "too few incidents to compare (each metric needs at least %d values in both periods).", metrics.MinComparable)
	default:
		var parts []string
		if len(better) > 0 {
			parts = append(parts, "faster on "+strings.Join(better, ", "))
		}
		if len(worse) > 0 {
			parts = append(parts, "slower on "+strings.Join(worse, ", "))
		}
		if len(same) > 0 {
			parts = append(parts, "no detectable change on "+strings.Join(same, ", "))
		}
		b.WriteString(strings.Join(parts, "; ") + " (a change counts only when the 95% intervals of the medians do not overlap).")
	}
	if len(few) > 0 && (len(better)+len(worse)+len(same)) > 0 {
		fmt.Fprintf(&b, " Too few incidents to compare: %s.", strings.Join(few, ", "))
	}
	return b.String()
}

// WriteReliability writes the per-organisation (or per-component)
// summary: incidents per quarter, total impact time, the worst incidents,
// postmortem rate and delay.
func WriteReliability(w io.Writer, key metrics.Key, rs []metrics.Reliability, quarters []string) error {
	if err := section(w, "Reliability by "+key.String()); err != nil {
		return err
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, R, L, R, R, R, R, L})
	t.Header(key.String(), "incidents", "per quarter "+quarterRange(quarters), "impact time", "impact known",
		"postmortem rate", "postmortem delay median", "worst incident")
	for _, r := range rs {
		rate := ""
		if x, ok := r.PostmortemRate(); ok {
			rate = fmt.Sprintf("%s (%d/%d)", percent(x), r.WithPostmortem, r.Resolved)
		}
		worst := ""
		if len(r.Worst) > 0 {
			worst = fmt.Sprintf("%s %s (%s)", r.Worst[0].When.Format("2006-01-02"), Duration(r.Worst[0].ImpactTime), refTitle(r.Worst[0].Ref))
		}
		if err := t.Append([]string{cell(r.Value, 28), fmt.Sprint(r.Incidents), trend(r.PerQuarter),
			optDuration(r.ImpactTotal), fmt.Sprintf("%d/%d", r.ImpactKnown, r.Incidents), rate,
			optDuration(r.PostmortemDelay.Median), cell(worst, 60)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(w, "impact time: stated impact duration, else time to resolve; postmortem rate: resolved incidents with a postmortem"); err != nil {
		return err
	}
	return writeWorst(w, key, rs)
}

// writeWorst lists the longest incidents of each organisation or
// component that has more than one.
func writeWorst(w io.Writer, key metrics.Key, rs []metrics.Reliability) error {
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, L, R, L, L})
	t.Header(key.String(), "date", "impact time", "title", "source")
	rows := 0
	for _, r := range rs {
		if len(r.Worst) < 2 {
			continue
		}
		for _, x := range r.Worst {
			if err := t.Append([]string{cell(r.Value, 28), x.When.Format("2006-01-02"), Duration(x.ImpactTime),
				cell(refTitle(x.Ref), 48), cell(filepath.Base(x.Source), 48)}); err != nil {
				return err
			}
			rows++
		}
	}
	if rows == 0 {
		return nil
	}
	if err := heading(w, fmt.Sprintf("Worst incidents (longest impact time, up to %d per %s with several)", metrics.WorstPerGroup, key)); err != nil {
		return err
	}
	return t.Render()
}

// refTitle is an incident's title, or its file's name when it has none.
func refTitle(r metrics.Ref) string {
	if r.Title != "" {
		return r.Title
	}
	return filepath.Base(r.Source)
}

// trend writes counts per quarter as "0 2 1 3".
func trend(cs []metrics.Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprint(c.Incidents)
	}
	return strings.Join(parts, " ")
}

func quarterRange(qs []string) string {
	switch len(qs) {
	case 0:
		return ""
	case 1:
		return "(" + qs[0] + ")"
	}
	return "(" + qs[0] + "…" + qs[len(qs)-1] + ")"
}

// WriteFactors writes what the review reads about contributing factors:
// the Pareto tables (by incidents and by impact time), each factor's
// trend, time to resolve and where it recurs, the factors found together,
// and repeat incidents.
func WriteFactors(w io.Writer, rec metrics.Recurrence) error {
	if err := section(w, "Contributing factors"); err != nil {
		return err
	}
	if _, err := fmt.Fprintf(w, "%d of %d incidents have at least one factor (definitions: docs/factors.md)\n", rec.WithFactors, rec.Incidents); err != nil {
		return err
	}
	if len(rec.Factors) == 0 {
		return nil
	}
	for _, step := range []func(io.Writer, metrics.Recurrence) error{writeParetoIncidents, writeParetoImpact, writeFactorDetail, writePairs, writeRepeats} {
		if err := step(w, rec); err != nil {
			return err
		}
	}
	return nil
}

func writeParetoIncidents(w io.Writer, rec metrics.Recurrence) error {
	if err := heading(w, "Pareto by incidents"); err != nil {
		return err
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, R, R, R, R, R})
	t.Header("factor", "incidents", "share of incidents", "cumulative %", "impact time", "ttr median")
	total := 0
	for _, f := range rec.Factors {
		total += f.Incidents
	}
	cum := 0
	for _, f := range rec.Factors {
		cum += f.Incidents
		if err := t.Append([]string{string(f.Factor), fmt.Sprint(f.Incidents), percent(f.Share),
			percent(float64(cum) / float64(total)), optDuration(f.ImpactTotal), optDuration(f.TTR.Median)}); err != nil {
			return err
		}
	}
	return t.Render()
}

func writeParetoImpact(w io.Writer, rec metrics.Recurrence) error {
	if err := heading(w, "Pareto by impact time"); err != nil {
		return err
	}
	byImpact := rec.ByImpact()
	var total time.Duration
	for _, f := range byImpact {
		if f.ImpactTotal != nil {
			total += *f.ImpactTotal
		}
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, R, R, R, R})
	t.Header("factor", "impact time", "share of impact time", "cumulative share", "incidents (impact known)")
	var cum time.Duration
	for _, f := range byImpact {
		share, cumShare := "", ""
		if f.ImpactTotal != nil && total > 0 {
			cum += *f.ImpactTotal
			share = percent(float64(*f.ImpactTotal) / float64(total))
			cumShare = percent(float64(cum) / float64(total))
		}
		if err := t.Append([]string{string(f.Factor), optDuration(f.ImpactTotal), share, cumShare,
			fmt.Sprintf("%d (%d)", f.Incidents, f.ImpactKnown)}); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintln(w, "an incident with several factors counts in each; impact time: stated impact duration, else time to resolve")
	return err
}

func writeFactorDetail(w io.Writer, rec metrics.Recurrence) error {
	if err := heading(w, "Recurrence"); err != nil {
		return err
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, L, R, R, R, L, L})
	t.Header("factor", "per quarter "+quarterRange(rec.Quarters), "ttr median", "ttr p90", "ttr known", "recurs in organizations", "recurs in components")
	for _, f := range rec.Factors {
		if err := t.Append([]string{string(f.Factor), trend(f.PerQuarter), optDuration(f.TTR.Median), optDuration(f.TTR.P90),
			fmt.Sprintf("%d/%d", f.TTR.Known, f.Incidents), cell(countList(f.Orgs), 40), cell(countList(f.Components), 40)}); err != nil {
			return err
		}
	}
	return t.Render()
}

// countList writes "Lumora (3), Pondrel (2)".
func countList(cs []metrics.Count) string {
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("%s (%d)", c.Value, c.Incidents)
	}
	return strings.Join(parts, ", ")
}

// writePairs writes the factors found together in two incidents or more;
// pairs seen once are counted, not listed.
func writePairs(w io.Writer, rec metrics.Recurrence) error {
	if len(rec.Pairs) == 0 {
		return nil
	}
	if err := heading(w, "Factors found together"); err != nil {
		return err
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, L, R})
	t.Header("factor", "with factor", "incidents")
	once := 0
	for _, p := range rec.Pairs {
		if p.Incidents < 2 {
			once++
			continue
		}
		if err := t.Append([]string{string(p.A), string(p.B), fmt.Sprint(p.Incidents)}); err != nil {
			return err
		}
	}
	if once == len(rec.Pairs) {
		_, err := fmt.Fprintf(w, "no two factors found together in more than one incident (%s once)\n", plural(once, "pair"))
		return err
	}
	if err := t.Render(); err != nil {
		return err
	}
	if once > 0 {
		_, err := fmt.Fprintf(w, "and %s found together once\n", plural(once, "more pair"))
		return err
	}
	return nil
}

func writeRepeats(w io.Writer, rec metrics.Recurrence) error {
	if err := heading(w, fmt.Sprintf("Repeat incidents (same organization, component and factor within %s)", days(rec.Window))); err != nil {
		return err
	}
	if len(rec.Repeats) == 0 {
		_, err := fmt.Fprintln(w, "none")
		return err
	}
	if rec.RepeatCount > len(rec.Repeats) {
		if _, err := fmt.Fprintf(w, "The latest %d of %d repeat incidents:\n\n", len(rec.Repeats), rec.RepeatCount); err != nil {
			return err
		}
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, L, L, L, L, R})
	t.Header("organization", "component", "factor", "first", "again", "days between")
	for _, r := range rec.Repeats {
		comp := r.Component
		if comp == "" {
			comp = "(none named)"
		}
		if err := t.Append([]string{cell(r.Org, 24), cell(comp, 24), string(r.Factor),
			cell(r.First.When.Format("2006-01-02")+" "+r.First.Title, 44), cell(r.Then.When.Format("2006-01-02")+" "+r.Then.Title, 44),
			fmt.Sprintf("%.0f", math.Floor(r.Gap.Hours()/24))}); err != nil {
			return err
		}
	}
	return t.Render()
}

// days writes a window in days ("90 days").
func days(d time.Duration) string {
	n := d.Hours() / 24
	if n == math.Trunc(n) {
		return fmt.Sprintf("%.0f days", n)
	}
	return Duration(d)
}
