package report

import (
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"html/template"
	"io"
	"regexp"
	"strings"
	"time"

	"github.com/mttx-dev/mttx/metrics"
)

// HTMLReport is what the HTML review page shows: the incidents a review
// keeps and how they were chosen.
type HTMLReport struct {
	// Title heads the page; "" gives "Incident review".
	Title string
	// Inputs are the inputs as the command line named them.
	Inputs []string
	// Since and Until are the review's bounds (--since, --until), if set.
	Since, Until *time.Time
	// Counts says how many incidents were read and which were left out.
	Counts metrics.FilterCounts
	// Entries are the incidents the review keeps.
	Entries []Entry
	// Keys group the box plots (--group-by); none groups by quarter.
	Keys []metrics.Key
	// Recurrence is metrics.Recur over Entries.
	Recurrence metrics.Recurrence
	// Longest is how many incidents the timeline chart shows (the longest
	// ones); 0 gives DefaultLongest.
	Longest int
	// Href links an incident's source path; "" or a nil Href: no link.
	Href func(path string) string
	// Stamp, when set, is written on the page as the time it was made; a
	// page without it is the same bytes for the same input.
	Stamp *time.Time
}

// DefaultLongest is how many incidents the timeline chart shows unless
// asked otherwise.
const DefaultLongest = 20

// chartID is what go-echarts and the page's scripts accept as a chart ID:
// it becomes part of a JS identifier.
var chartID = regexp.MustCompile(`^[A-Za-z0-9_]+$`)

// WriteHTML writes the review as one HTML page: header, headline numbers,
// charts (ECharts options built with go-echarts) and a sortable table of
// the incidents. ECharts is inlined when the binary embeds it (see
// EchartsInlined), else loaded from EchartsCDN with its integrity hash.
//
// Every string from a report reaches the page escaped: text and
// attributes by html/template, chart options as JSON whose <, > and & are
// \u escapes (so no report text can close a script element or open a
// comment). A Content-Security-Policy allows only the page's own scripts,
// by hash: text that escaped anyway could still not run.
func WriteHTML(w io.Writer, r HTMLReport) error { return writeHTML(w, r, echartsJS()) }

// writeHTML writes the page with ECharts js inlined, or, when js is nil,
// loaded from the CDN.
func writeHTML(w io.Writer, r HTMLReport, js []byte) error {
	p, err := buildPage(r, js)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := pageTemplate.Execute(&buf, p); err != nil {
		return fmt.Errorf("html report: %w", err)
	}
	_, err = w.Write(escapeOptionLines(buf.Bytes()))
	return err
}

// escapeOptionLines is a second guard on the chart options (the notes on
// go-echarts' templates): on a line that declares an option, "</" and
// "<!--" become "<\/" and "<\!--", the same string values in JS. The JSON
// encoder has already written every < as \u003c, so this finds nothing
// unless that ever changes.
func escapeOptionLines(page []byte) []byte {
	lines := bytes.Split(page, []byte("\n"))
	for i, l := range lines {
		if bytes.HasPrefix(bytes.TrimSpace(l), []byte("let option_")) {
			l = bytes.ReplaceAll(l, []byte("</"), []byte(`<\/`))
			lines[i] = bytes.ReplaceAll(l, []byte("<!--"), []byte(`<\!--`))
		}
	}
	return bytes.Join(lines, []byte("\n"))
}

// page is what the template fills in.
type page struct {
	Title      string
	Period     string
	Inputs     []string
	Counts     string
	Version    string
	Stamp      string
	Headlines  []headline
	Coverage   []coverage
	BoxBy      string
	Boxes      []chartBlock
	Trend      chartBlock
	Paretos    []chartBlock
	Pairs      *chartBlock
	Factors    string
	Timeline   *chartBlock
	Rows       []row
	Echarts    template.JS // inline ECharts, or "" for the CDN
	CDN        string
	SRI        string
	CSP        string
	TableJS    template.JS
	Charts     int
	EchartsVer string
}

type headline struct {
	Name, Median, CI, P90, Known string
}

type coverage struct {
	Metric  string
	Known   int
	Of      int
	Percent string
}

// chartBlock is a chart's element and its script.
type chartBlock struct {
	ID     string
	Height int
	Script template.JS
}

func buildPage(r HTMLReport, js []byte) (page, error) {
	z := metrics.NewBriefer()
	bs := &metrics.BriefList{}
	for i, e := range r.Entries {
		bs.Append(z.Brief(e.Analysis, metrics.NameKey(i)))
	}
	p := page{
		Title: r.Title, Inputs: r.Inputs, Period: period(r.Since, r.Until, bs),
		Counts: countsLine(r.Counts), Version: metrics.Version, EchartsVer: EchartsVersion,
		Factors: fmt.Sprintf("%d of %d incidents have at least one contributing factor.", r.Recurrence.WithFactors, r.Recurrence.Incidents),
	}
	if p.Title == "" {
		p.Title = "Incident review"
	}
	if r.Stamp != nil {
		p.Stamp = r.Stamp.UTC().Format(time.RFC3339)
	}
	dists := metrics.Distributions(bs)
	for _, d := range dists {
		p.Coverage = append(p.Coverage, coverage{d.Metric.String(), d.Known, d.Incidents, percentOf(d.Known, d.Incidents)})
		if d.Metric == metrics.TTD || d.Metric == metrics.TTR {
			p.Headlines = append(p.Headlines, headline{Name: d.Metric.String(), Median: optDuration(d.Median),
				CI: interval(d.MedianCI), P90: optDuration(d.P90), Known: fmt.Sprintf("%d of %d", d.Known, d.Incidents)})
		}
	}
	keys := r.Keys
	if len(keys) == 0 {
		keys = []metrics.Key{metrics.KeyQuarter}
	}
	var names []string
	for _, k := range keys {
		names = append(names, k.String())
	}
	p.BoxBy = strings.Join(names, " and ")
	var err error
	add := func(c chart) chartBlock {
		b, e := block(c)
		if e != nil && err == nil {
			err = e
		}
		p.Charts++
		return b
	}
	for _, c := range boxCharts(bs, keys) {
		p.Boxes = append(p.Boxes, add(c))
	}
	p.Trend = add(trendChart(bs))
	for _, c := range paretoCharts(r.Recurrence) {
		p.Paretos = append(p.Paretos, add(c))
	}
	if c, ok := pairsChart(r.Recurrence); ok {
		b := add(c)
		p.Pairs = &b
	}
	n := r.Longest
	if n <= 0 {
		n = DefaultLongest
	}
	if c, rows := timelineChart(r.Entries, n); rows > 0 {
		b := add(c)
		p.Timeline = &b
	}
	p.Rows = rows(r.Entries, r.Href)
	p.TableJS = tableJS
	if js != nil {
		p.Echarts = template.JS(js)
	} else {
		p.CDN, p.SRI = EchartsCDN, EchartsSRI
	}
	p.CSP = csp(p)
	return p, err
}

// block encodes a chart's option and the script that draws it, in the
// shape of go-echarts' own template (goecharts_ID, option_ID).
func block(c chart) (chartBlock, error) {
	if !chartID.MatchString(c.ID) {
		return chartBlock{}, fmt.Errorf("html report: chart ID %q: want [A-Za-z0-9_]", c.ID)
	}
	opt, err := json.Marshal(c.Option) // escapes <, > and & as \u003c, \u003e, \u0026
	if err != nil {
		return chartBlock{}, fmt.Errorf("html report: chart %s: %w", c.ID, err)
	}
	s := fmt.Sprintf("\n\"use strict\";\nlet goecharts_%[1]s = echarts.init(document.getElementById(\"%[1]s\"), \"white\", {renderer: \"canvas\"});\nlet option_%[1]s = %[2]s;\ngoecharts_%[1]s.setOption(option_%[1]s);\nwindow.addEventListener(\"resize\", function () { goecharts_%[1]s.resize(); });\n", c.ID, opt)
	return chartBlock{ID: c.ID, Height: c.Height, Script: template.JS(s)}, nil
}

// csp allows the page's own inline scripts by their hashes (and the CDN
// copy of ECharts by its URL and integrity): an element that report text
// managed to inject could not run.
func csp(p page) string {
	var hashes []string
	add := func(js template.JS) {
		sum := sha256.Sum256([]byte(js))
		hashes = append(hashes, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	if p.Echarts != "" {
		add(p.Echarts)
	}
	for _, b := range p.Boxes {
		add(b.Script)
	}
	add(p.Trend.Script)
	for _, b := range p.Paretos {
		add(b.Script)
	}
	if p.Pairs != nil {
		add(p.Pairs.Script)
	}
	if p.Timeline != nil {
		add(p.Timeline.Script)
	}
	add(p.TableJS)
	src := strings.Join(hashes, " ")
	if p.CDN != "" {
		src = p.CDN + " " + src
	}
	return "default-src 'none'; script-src " + src + "; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
}

// period says what time the review covers: the bounds asked for, else
// the first and last incident's dates.
func period(since, until *time.Time, bs *metrics.BriefList) string {
	day := func(t time.Time) string { return t.UTC().Format("2006-01-02") }
	if since != nil || until != nil {
		from, to := "the first incident", "the last incident"
		if since != nil {
			from = day(*since)
		}
		if until != nil {
			to = "before " + day(*until)
		}
		return from + " to " + to + " (UTC)"
	}
	first, last, ok := metrics.DateRange(bs)
	if !ok {
		return "no dated incident"
	}
	return day(first) + " to " + day(last) + " (UTC; first and last incident)"
}

func countsLine(c metrics.FilterCounts) string {
	var b bytes.Buffer
	if err := WriteFilter(&b, c); err != nil {
		return ""
	}
	return strings.TrimSpace(b.String())
}

func percentOf(n, of int) string {
	if of == 0 {
		return ""
	}
	return percent(float64(n) / float64(of))
}
