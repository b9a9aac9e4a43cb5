package report

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/go-echarts/go-echarts/v2/charts"
	"github.com/go-echarts/go-echarts/v2/opts"

	"github.com/mttx-dev/mttx/metrics"
)

// chart is one ECharts chart of the page: its fixed ID (a JS identifier
// and the DOM id), its height and its option, built with go-echarts and
// encoded by the page (see scriptFor).
type chart struct {
	ID     string
	Height int
	Option map[string]any
}

// missing is how ECharts is told a value is unknown: the point is left
// out of the series (a gap), never drawn as 0.
const missing = "-"

// optionOf validates a go-echarts chart and returns its option with the
// settings every chart of the page shares: no animation (screenshots and
// prints show the final state) and UTC for anything ECharts formats as a
// time.
func optionOf(c interface {
	Validate()
	JSON() map[string]any
}) map[string]any {
	c.Validate()
	o := c.JSON()
	o["useUTC"] = true
	o["animation"] = false
	return o
}

func base(title, subtitle string) []charts.GlobalOpts {
	return []charts.GlobalOpts{
		charts.WithTitleOpts(opts.Title{Title: title, Subtitle: subtitle}),
		charts.WithAnimation(false),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true)}),
		charts.WithGridOpts(opts.Grid{Left: "4%", Right: "4%", Top: "72", Bottom: "48", ContainLabel: opts.Bool(true)}),
	}
}

// unit is the unit a chart draws durations in, chosen from their size so
// that the axis reads in small numbers.
type unit struct {
	name string
	per  time.Duration
}

func unitFor(max time.Duration) unit {
	switch {
	case max <= 3*time.Hour:
		return unit{"minutes", time.Minute}
	case max <= 72*time.Hour:
		return unit{"hours", time.Hour}
	}
	return unit{"days", 24 * time.Hour}
}

// of converts d, rounded to two decimals so that the bytes stay short
// and stable.
func (u unit) of(d time.Duration) float64 {
	return math.Round(float64(d)/float64(u.per)*100) / 100
}

// boxGroup is the known values of one metric in one group.
type boxGroup struct {
	label     string
	incidents int
	vals      []time.Duration
}

// groupLabels are the groups an incident falls in under keys: one label
// per combination of values ("2024Q1", "Lumora · critical").
func groupLabels(keys []metrics.Key, b metrics.Brief) []string {
	out := []string{""}
	for i, k := range keys {
		var next []string
		for _, prefix := range out {
			for _, v := range k.Values(b) {
				if i > 0 {
					v = prefix + " · " + v
				}
				next = append(next, v)
			}
		}
		out = next
	}
	return out
}

// boxCharts draws one box plot per metric, a box per group: the groups
// of metrics.GroupBy, in its order.
func boxCharts(bs *metrics.BriefList, keys []metrics.Key) []chart {
	var order []string
	count := map[string]int{}
	for _, g := range metrics.GroupBy(bs, keys) {
		label := strings.Join(g.Values, " · ")
		order = append(order, label)
		count[label] = g.Incidents
	}
	var names []string
	for _, k := range keys {
		names = append(names, k.String())
	}
	var out []chart
	for _, m := range metrics.AllMetrics() {
		groups := map[string]*boxGroup{}
		for _, l := range order {
			groups[l] = &boxGroup{label: l, incidents: count[l]}
		}
		var maxVal time.Duration
		for i := range bs.Len() {
			b := *bs.At(i)
			d := b.Duration(m)
			if d == nil {
				continue
			}
			maxVal = max(maxVal, *d)
			for _, l := range groupLabels(keys, b) {
				if g := groups[l]; g != nil {
					g.vals = append(g.vals, *d)
				}
			}
		}
		out = append(out, boxChart(m, order, groups, unitFor(maxVal), strings.Join(names, " and ")))
	}
	return out
}

func boxChart(m metrics.Metric, order []string, groups map[string]*boxGroup, u unit, by string) chart {
	labels := make([]string, len(order))
	data := make([]opts.BoxPlotData, len(order))
	known := 0
	for i, l := range order {
		g := groups[l]
		labels[i] = fmt.Sprintf("%s (%d/%d)", l, len(g.vals), g.incidents)
		data[i] = opts.BoxPlotData{Value: fiveNumbers(g.vals, u)}
		known += len(g.vals)
	}
	b := charts.NewBoxPlot()
	b.SetGlobalOptions(append(base(m.String()+" by "+by, fmt.Sprintf("%s; %d incidents with it; (with it/incidents) under each box", u.name, known)),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: u.name}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Rotate: 30, Interval: "0"}}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(false)}),
		charts.WithGridOpts(opts.Grid{Left: "8%", Right: "6%", Top: "72", Bottom: "24", ContainLabel: opts.Bool(true)}),
	)...)
	b.SetXAxis(labels).AddSeries(m.String(), data)
	return chart{ID: "box_" + m.String(), Height: 320, Option: optionOf(b)}
}

// fiveNumbers is a box: min, first quartile, median, third quartile and
// max (quartiles by linear interpolation, as everywhere in mttx). A group
// without values is missing, not a box at zero.
func fiveNumbers(vals []time.Duration, u unit) any {
	if len(vals) == 0 {
		return []any{missing, missing, missing, missing, missing}
	}
	xs := make([]float64, len(vals))
	for i, v := range vals {
		xs[i] = v.Seconds()
	}
	slices.Sort(xs)
	out := make([]float64, 5)
	for i, q := range []float64{0, 0.25, 0.5, 0.75, 1} {
		out[i] = u.of(time.Duration(metrics.Quantile(xs, q) * float64(time.Second)))
	}
	return out
}

// months lists every month from the first dated incident's to the
// last's, so that a trend shows the months without incidents.
func months(bs *metrics.BriefList) []string { return metrics.Periods(bs, metrics.KeyMonth) }

// trendChart draws incidents per month (bars) and the month's median time
// to resolve (a line with gaps where no incident of the month has one).
func trendChart(bs *metrics.BriefList) chart {
	ms := months(bs)
	idx := map[string]int{}
	for i, m := range ms {
		idx[m] = i
	}
	counts := make([]int, len(ms))
	ttrs := make([][]time.Duration, len(ms))
	var maxTTR time.Duration
	undated := 0
	for i := range bs.Len() {
		b := bs.At(i)
		t := b.When()
		if t == nil {
			undated++
			continue
		}
		i := idx[t.UTC().Format("2006-01")]
		counts[i]++
		if d := b.Duration(metrics.TTR); d != nil {
			ttrs[i] = append(ttrs[i], *d)
			maxTTR = max(maxTTR, *d)
		}
	}
	u := unitFor(maxTTR)
	bars := make([]opts.BarData, len(ms))
	line := make([]opts.LineData, len(ms))
	for i := range ms {
		bars[i] = opts.BarData{Value: counts[i]}
		line[i] = opts.LineData{Value: missing}
		if d := metrics.Describe(metrics.TTR, counts[i], ttrs[i]); d.Median != nil {
			line[i] = opts.LineData{Value: u.of(*d.Median)}
		}
	}
	sub := "months in UTC; a gap in the line: no incident of the month has a known time to resolve"
	if undated > 0 {
		sub += fmt.Sprintf("; %d undated incidents not shown", undated)
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base("Incidents and median time to resolve per month", sub),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: "incidents", MinInterval: 1}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
	)...)
	bar.ExtendYAxis(opts.YAxis{Type: "value", Name: "median TTR (" + u.name + ")", Position: "right"})
	bar.SetXAxis(ms).AddSeries("incidents", bars)
	l := charts.NewLine()
	l.SetXAxis(ms).AddSeries("median TTR ("+u.name+")", line,
		charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1, ConnectNulls: opts.Bool(false)}))
	bar.Overlap(l)
	return chart{ID: "trend_monthly", Height: 340, Option: optionOf(bar)}
}

// paretoCharts draw the factors by incidents and by impact time, each
// with its cumulative share.
func paretoCharts(rec metrics.Recurrence) []chart {
	if len(rec.Factors) == 0 {
		return nil
	}
	var names []string
	var counts []opts.BarData
	var cum []opts.LineData
	total, run := 0, 0
	for _, f := range rec.Factors {
		total += f.Incidents
	}
	for _, f := range rec.Factors {
		run += f.Incidents
		names = append(names, string(f.Factor))
		counts = append(counts, opts.BarData{Value: f.Incidents})
		cum = append(cum, opts.LineData{Value: math.Round(1000*float64(run)/float64(total)) / 10})
	}
	byCount := pareto("pareto_incidents", "Contributing factors by incidents",
		"an incident with several factors counts in each", "incidents", names, counts, cum)

	byImpact := rec.ByImpact()
	var maxImpact, totalImpact time.Duration
	for _, f := range byImpact {
		if f.ImpactTotal != nil {
			maxImpact = max(maxImpact, *f.ImpactTotal)
			totalImpact += *f.ImpactTotal
		}
	}
	u := unitFor(maxImpact)
	names, counts, cum = nil, nil, nil
	var sum time.Duration
	for _, f := range byImpact {
		names = append(names, string(f.Factor))
		if f.ImpactTotal == nil || totalImpact == 0 {
			counts = append(counts, opts.BarData{Value: missing})
			cum = append(cum, opts.LineData{Value: missing})
			continue
		}
		sum += *f.ImpactTotal
		counts = append(counts, opts.BarData{Value: u.of(*f.ImpactTotal)})
		cum = append(cum, opts.LineData{Value: math.Round(1000*float64(sum)/float64(totalImpact)) / 10})
	}
	byTime := pareto("pareto_impact", "Contributing factors by impact time",
		"impact time: stated impact duration, else time to resolve; unknown for factors with neither", "impact time ("+u.name+")", names, counts, cum)
	return []chart{byCount, byTime}
}

func pareto(id, title, sub, yName string, names []string, bars []opts.BarData, cum []opts.LineData) chart {
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base(title, sub),
		charts.WithYAxisOpts(opts.YAxis{Type: "value", Name: yName}),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", AxisLabel: &opts.AxisLabel{Rotate: 30, Interval: "0"}}),
		charts.WithTooltipOpts(opts.Tooltip{Show: opts.Bool(true), Trigger: "axis"}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "4%", Right: "4%", Top: "72", Bottom: "40", ContainLabel: opts.Bool(true)}),
	)...)
	bar.ExtendYAxis(opts.YAxis{Type: "value", Name: "cumulative %", Min: 0, Max: 100, Position: "right"})
	bar.SetXAxis(names).AddSeries(yName, bars)
	l := charts.NewLine()
	l.SetXAxis(names).AddSeries("cumulative %", cum, charts.WithLineChartOpts(opts.LineChart{YAxisIndex: 1}))
	bar.Overlap(l)
	return chart{ID: id, Height: 380, Option: optionOf(bar)}
}

// pairsChart draws how often factors are found together: each cell the
// incidents with both factors, the diagonal the incidents with the
// factor. Pairs never found together are empty cells.
func pairsChart(rec metrics.Recurrence) (chart, bool) {
	if len(rec.Factors) < 2 {
		return chart{}, false
	}
	idx := map[metrics.Factor]int{}
	names := make([]string, len(rec.Factors))
	for i, f := range rec.Factors {
		idx[f.Factor] = i
		names[i] = string(f.Factor)
	}
	var data []opts.HeatMapData
	top := 1
	for i, f := range rec.Factors {
		data = append(data, opts.HeatMapData{Value: [3]int{i, i, f.Incidents}})
		top = max(top, f.Incidents)
	}
	for _, p := range rec.Pairs {
		a, b := idx[p.A], idx[p.B]
		data = append(data, opts.HeatMapData{Value: [3]int{a, b, p.Incidents}}, opts.HeatMapData{Value: [3]int{b, a, p.Incidents}})
	}
	slices.SortFunc(data, func(x, y opts.HeatMapData) int {
		vx, vy := x.Value.([3]int), y.Value.([3]int)
		if c := cmp.Compare(vx[0], vy[0]); c != 0 {
			return c
		}
		return cmp.Compare(vx[1], vy[1])
	})
	h := charts.NewHeatMap()
	h.SetGlobalOptions(append(base("Contributing factors found together", "incidents with both factors; diagonal: incidents with the factor"),
		charts.WithXAxisOpts(opts.XAxis{Type: "category", Data: names, AxisLabel: &opts.AxisLabel{Rotate: 30, Interval: "0"}}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: names}),
		charts.WithVisualMapOpts(opts.VisualMap{Calculable: opts.Bool(true), Min: 1, Max: float32(top), Orient: "horizontal", Left: "center", Bottom: "0",
			InRange: &opts.VisualMapInRange{Color: []string{"#e0ecf8", "#08519c"}}}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "72", Bottom: "70", ContainLabel: opts.Bool(true)}),
	)...)
	h.SetXAxis(names).AddSeries("incidents", data, charts.WithLabelOpts(opts.Label{Show: opts.Bool(true)}))
	height := max(360, 160+28*len(names))
	return chart{ID: "factor_pairs", Height: height, Option: optionOf(h)}, true
}

// The milestones of the timeline chart, in the order an incident passes
// them.
var timelineMilestones = []struct {
	name string
	get  func(metrics.Milestones) metrics.Milestone
}{
	{"start", func(m metrics.Milestones) metrics.Milestone { return m.Start }},
	{"detected", func(m metrics.Milestones) metrics.Milestone { return m.Detected }},
	{"identified", func(m metrics.Milestones) metrics.Milestone { return m.Identified }},
	{"mitigated", func(m metrics.Milestones) metrics.Milestone { return m.Mitigated }},
	{"resolved", func(m metrics.Milestones) metrics.Milestone { return m.Resolved }},
}

// longest returns the n incidents with the longest impact time (stated
// impact, else time to resolve), the longest first; incidents with
// neither cannot be ranked and are left out.
func longest(entries []Entry, n int) []Entry {
	var out []Entry
	for _, e := range entries {
		if e.Result.ImpactTime() != nil {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b Entry) int { return cmp.Compare(*b.Result.ImpactTime(), *a.Result.ImpactTime()) })
	return out[:min(n, len(out))]
}

// timelineChart draws one row per incident (the n longest): a bar from
// its start to its last known milestone and a mark at each milestone, on
// one axis of time since the start (since the first known milestone when
// the start is unknown, and the row says so). Unknown milestones have no
// mark. The tooltip of a mark gives its time in UTC.
func timelineChart(entries []Entry, n int) (chart, int) {
	rows := longest(entries, n)
	if len(rows) == 0 {
		return chart{}, 0
	}
	var maxSpan time.Duration
	for _, e := range rows {
		first, last := span(e.Result.Milestones)
		maxSpan = max(maxSpan, last.Sub(first))
	}
	u := unitFor(maxSpan)
	labels := make([]string, len(rows))
	bars := make([]opts.BarData, len(rows))
	marks := make([][]opts.ScatterData, len(timelineMilestones))
	for i, e := range rows {
		ms := e.Result.Milestones
		first, last := span(ms)
		labels[i] = timelineLabel(e, !ms.Start.Known())
		bars[i] = opts.BarData{Value: u.of(last.Sub(first))}
		for j, tm := range timelineMilestones {
			m := tm.get(ms)
			if !m.Known() {
				continue
			}
			marks[j] = append(marks[j], opts.ScatterData{
				Name:  m.At.UTC().Format("2006-01-02 15:04 UTC"),
				Value: []any{u.of(m.At.Sub(first)), i},
			})
		}
	}
	bar := charts.NewBar()
	bar.SetGlobalOptions(append(base(fmt.Sprintf("The %d longest incidents: milestones", len(rows)),
		u.name+" since the start (* start unknown: since the first known milestone); no mark: milestone unknown"),
		charts.WithXAxisOpts(opts.XAxis{Type: "value", Name: u.name, NameLocation: "middle", NameGap: 28}),
		charts.WithYAxisOpts(opts.YAxis{Type: "category", Data: labels, Inverse: opts.Bool(true)}),
		charts.WithLegendOpts(opts.Legend{Show: opts.Bool(true), Bottom: "0"}),
		charts.WithGridOpts(opts.Grid{Left: "2%", Right: "4%", Top: "72", Bottom: "80", ContainLabel: opts.Bool(true)}),
	)...)
	bar.AddSeries("start to last known milestone", bars,
		charts.WithItemStyleOpts(opts.ItemStyle{Color: "#c6dbef"}),
		charts.WithBarChartOpts(opts.BarChart{BarWidth: "40%"}))
	sc := charts.NewScatter()
	for j, tm := range timelineMilestones {
		sc.AddSeries(tm.name, marks[j], charts.WithSeriesOpts(func(s *charts.SingleSeries) { s.SymbolSize = 11 }),
			charts.WithSeriesTooltipOpts(opts.SeriesTooltip{Formatter: "{a}: {b}"}))
	}
	bar.Overlap(sc)
	return chart{ID: "timeline_longest", Height: 140 + 30*len(rows), Option: optionOf(bar)}, len(rows)
}

// span is the first and last known milestones' times (start, detected,
// identified, mitigated, resolved).
func span(ms metrics.Milestones) (first, last time.Time) {
	for _, tm := range timelineMilestones {
		m := tm.get(ms)
		if !m.Known() {
			continue
		}
		if first.IsZero() || m.At.Before(first) {
			first = *m.At
		}
		if m.At.After(last) {
			last = *m.At
		}
	}
	return first, last
}

func timelineLabel(e Entry, noStart bool) string {
	title := e.Incident.Title
	if title == "" {
		title = e.Incident.Source.Path
	}
	s := title
	if e.Incident.Organization != "" {
		s = e.Incident.Organization + ": " + title
	}
	s = cell(s, 44)
	if t := e.When(); t != nil {
		s += " " + t.UTC().Format("2006-01-02")
	}
	if noStart {
		s += " *"
	}
	return s
}
