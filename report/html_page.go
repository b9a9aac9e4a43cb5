package report

import "html/template"

// pageTemplate is the review page. html/template escapes every value by
// its context (text, attribute, URL); the scripts are template.JS the
// page built itself (see block and tableJS).
var pageTemplate = template.Must(template.New("page").Parse(pageHTML))

const pageHTML = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{.CSP}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="mttx ({{.Version}}, echarts {{.EchartsVer}})">
<title>{{.Title}}</title>
<style>
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1b1f24; margin: 0; background: #f6f7f9; }
main { max-width: 1240px; margin: 0 auto; padding: 24px; }
h1 { font-size: 24px; margin: 0 0 8px; overflow-wrap: anywhere; }
h2 { font-size: 18px; margin: 32px 0 12px; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 12px; margin: 0; color: #444; }
dl.meta dt { font-weight: 600; }
dl.meta dd { margin: 0; overflow-wrap: anywhere; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(220px, 1fr)); gap: 12px; }
.card { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; padding: 12px 16px; }
.card .label { color: #555; font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
.card .value { font-size: 26px; font-weight: 600; }
.card .note { color: #555; font-size: 12px; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr)); gap: 12px; }
.chart { background: #fff; border: 1px solid #dde1e6; border-radius: 6px; width: 100%; }
table { border-collapse: collapse; background: #fff; width: 100%; font-size: 13px; }
th, td { border: 1px solid #dde1e6; padding: 4px 6px; text-align: left; vertical-align: top; }
td.num { text-align: right; white-space: nowrap; }
th { background: #eef1f4; cursor: pointer; user-select: none; white-space: nowrap; }
th[aria-sort=ascending]::after { content: " \25B2"; }
th[aria-sort=descending]::after { content: " \25BC"; }
.factor { display: inline-block; background: #eef1f4; border-radius: 3px; padding: 0 4px; margin: 1px; }
.legend, footer { color: #555; font-size: 12px; }
</style>
{{- if .Echarts}}
<script>{{.Echarts}}</script>
{{- else}}
<script src="{{.CDN}}" integrity="{{.SRI}}" crossorigin="anonymous"></script>
{{- end}}
</head>
<body>
<main>
<header>
<h1>{{.Title}}</h1>
<dl class="meta">
<dt>Period</dt><dd>{{.Period}}</dd>
<dt>Inputs</dt><dd>{{range $i, $in := .Inputs}}{{if $i}}, {{end}}<code>{{$in}}</code>{{end}}</dd>
<dt>Incidents</dt><dd>{{.Counts}}</dd>
<dt>Metrics</dt><dd>{{.Version}} (definitions: docs/metrics.md); times in UTC; a blank or missing value is unknown, never zero</dd>
{{- if .Stamp}}
<dt>Made</dt><dd>{{.Stamp}}</dd>
{{- end}}
</dl>
</header>

<h2>Headline numbers</h2>
<div class="cards">
<div class="card"><div class="label">Incidents</div><div class="value">{{len .Rows}}</div><div class="note">in this review</div></div>
{{- range .Headlines}}
<div class="card"><div class="label">{{.Name}} median [95% CI]</div><div class="value">{{if .Median}}{{.Median}}{{else}}unknown{{end}}</div><div class="note">{{if .CI}}CI {{.CI}}; {{end}}p90 {{if .P90}}{{.P90}}{{else}}unknown{{end}}; known for {{.Known}}</div></div>
{{- end}}
<div class="card"><div class="label">Coverage (metric known for)</div>
<div class="note">{{range .Coverage}}{{.Metric}}: {{.Known}}/{{.Of}}{{if .Percent}} ({{.Percent}}){{end}}<br>{{end}}</div></div>
</div>

<h2>Durations by {{.BoxBy}}</h2>
<p class="legend">Each box: minimum, first quartile, median, third quartile, maximum of the incidents that have the metric. Under each label: incidents with the metric, of the group's incidents. A group without any has no box.</p>
<div class="grid">
{{- range .Boxes}}
{{template "chart" .}}
{{- end}}
</div>

<h2>Monthly trend</h2>
{{template "chart" .Trend}}

<h2>Contributing factors</h2>
<p class="legend">{{.Factors}} Definitions: docs/factors.md.</p>
<div class="grid">
{{- range .Paretos}}
{{template "chart" .}}
{{- end}}
</div>
{{- with .Pairs}}
{{template "chart" .}}
{{- end}}

<h2>Longest incidents</h2>
{{- with .Timeline}}
{{template "chart" .}}
{{- else}}
<p>No incident with a known impact time or time to resolve.</p>
{{- end}}

<h2>Incidents</h2>
<p class="legend">Click a heading to sort. Blank: unknown (not derivable from the report), sorted last. ~ start inferred from a stated duration. Hover a factor for the sentences it was read from.</p>
<table class="sortable" id="incidents">
<thead><tr><th>organization</th><th>title</th><th data-numeric>start (UTC)</th><th data-numeric>TTD</th><th data-numeric>TTI</th><th data-numeric>TTM</th><th data-numeric>TTR</th><th data-numeric>impact</th><th data-numeric>postmortem delay</th><th data-numeric>updates</th><th>factors</th><th>components</th><th>source</th></tr></thead>
<tbody>
{{- range .Rows}}
<tr><td>{{.Org}}</td><td>{{.Title}}</td><td class="num"{{if .Start.Key}} data-v="{{.Start.Key}}"{{end}}>{{.Start.Text}}</td>
{{- range .Durations}}<td class="num"{{if .Key}} data-v="{{.Key}}"{{end}}>{{.Text}}</td>{{end -}}
<td class="num" data-v="{{.Updates}}">{{.Updates}}</td><td>{{range .Factors}}<span class="factor" title="{{.Evidence}}">{{.Name}}</span> {{end}}</td><td>{{.Components}}</td><td>{{if .Href}}<a href="{{.Href}}">{{.Source}}</a>{{else}}{{.Source}}{{end}}</td></tr>
{{- end}}
</tbody>
</table>
<script>{{.TableJS}}</script>

<footer>
<p>Made by mttx with Apache ECharts {{.EchartsVer}} (Apache License 2.0{{if .Echarts}}, inlined in this page{{else}}, loaded from {{.CDN}}{{end}}). {{.Charts}} charts.</p>
</footer>
</main>
</body>
</html>
{{define "chart"}}<div class="chart" id="{{.ID}}" style="height:{{.Height}}px"></div>
<script>{{.Script}}</script>{{end}}
`
