package report

import (
	"fmt"
	"html/template"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/mttx-dev/mttx/metrics"
)

// row is one incident of the page's table. Sortable cells carry their raw
// value (seconds, Unix seconds) in Key; an unknown value has no key and a
// blank cell, and sorts last whichever the direction.
type row struct {
	Org, Title, Href, Source string
	Start                    cellValue
	Durations                []cellValue
	Updates                  int
	Factors                  []factorCell
	Components               string
}

type cellValue struct {
	Text, Key string
}

// factorCell is a factor and, for its tooltip, the sentences it was read
// from.
type factorCell struct {
	Name, Evidence string
}

// tableMetrics are the duration columns of the table.
var tableMetrics = []metrics.Metric{metrics.TTD, metrics.TTI, metrics.TTM, metrics.TTR, metrics.Impact, metrics.PostmortemDelay}

func rows(entries []Entry, href func(string) string) []row {
	out := make([]row, 0, len(entries))
	for _, e := range entries {
		inc := e.Incident
		r := row{Org: inc.Organization, Title: inc.Title, Source: inc.Source.Path, Updates: e.Result.Updates}
		if r.Title == "" {
			r.Title = "(" + filepath.Base(inc.Source.Path) + ")"
		}
		if inc.Source.Line > 1 {
			r.Source += ":" + strconv.Itoa(inc.Source.Line)
		}
		if href != nil {
			r.Href = href(inc.Source.Path)
		}
		if s := e.Result.Milestones.Start; s.Known() {
			r.Start = cellValue{Text: stamp(s.At), Key: strconv.FormatInt(s.At.Unix(), 10)}
			if s.Provenance == metrics.ProvInferredFromDuration {
				r.Start.Text = "~" + r.Start.Text
			}
		}
		for _, m := range tableMetrics {
			r.Durations = append(r.Durations, durationCell(e.Result.Durations.Get(m)))
		}
		for _, f := range e.Factors.Found {
			var ev []string
			for _, x := range f.Evidence {
				ev = append(ev, fmt.Sprintf("line %d (%s): %s", x.Line, x.Section, cell(x.Text, 200)))
			}
			r.Factors = append(r.Factors, factorCell{Name: string(f.Factor), Evidence: strings.Join(ev, "\n")})
		}
		var comps []string
		for _, c := range inc.Components {
			comps = append(comps, c.Name)
		}
		r.Components = strings.Join(comps, ", ")
		out = append(out, r)
	}
	return out
}

func durationCell(d *time.Duration) cellValue {
	if d == nil {
		return cellValue{}
	}
	return cellValue{Text: Duration(*d), Key: strconv.FormatInt(int64(d.Round(time.Second)/time.Second), 10)}
}

// tableJS sorts the incident table by a clicked column: numeric columns
// by their data-v (seconds), others by text; cells without a value last.
// It is the page's only script besides ECharts and the charts.
const tableJS template.JS = `
"use strict";
document.querySelectorAll("table.sortable").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    th.addEventListener("click", function () {
      var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", dir === 1 ? "ascending" : "descending");
      var numeric = th.hasAttribute("data-numeric");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.forEach(function (r, i) { r.dataset.i = r.dataset.i || String(i); });
      rows.sort(function (a, b) {
        var ca = a.cells[col], cb = b.cells[col];
        var ka = numeric ? ca.getAttribute("data-v") : ca.textContent.trim();
        var kb = numeric ? cb.getAttribute("data-v") : cb.textContent.trim();
        var ea = ka === null || ka === "", eb = kb === null || kb === "";
        if (ea || eb) {
          if (ea && eb) { return Number(a.dataset.i) - Number(b.dataset.i); }
          return ea ? 1 : -1;
        }
        var c = numeric ? Number(ka) - Number(kb) : ka.localeCompare(kb);
        return c !== 0 ? dir * c : Number(a.dataset.i) - Number(b.dataset.i);
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
`
