package report

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/base64"
	"encoding/hex"
	"html"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

// reviewOf reads every report under dir into the HTML report of a
// review that keeps them all (maintenance left out, as by default).
func reviewOf(t *testing.T, dir string) HTMLReport {
	t.Helper()
	paths, errs := ingest.Expand([]string{dir})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	tax, err := metrics.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	var incs []ingest.Incident
	err = ingest.ReadAll(context.Background(), paths, nil, ingest.Options{}, 1, func(r ingest.FileResult) error {
		if r.Err != nil {
			t.Errorf("%s: %v", r.Path, r.Err)
		}
		incs = append(incs, r.Incidents...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	r := HTMLReport{Inputs: []string{dir}, Href: func(p string) string { return "../" + p }}
	z := metrics.NewBriefer()
	bs := &metrics.BriefList{}
	for _, inc := range ingest.Dedup(incs) {
		e := NewEntry(inc, ingest.Detection{}, tax)
		if b := z.Brief(e.Analysis, metrics.NameKey(bs.Len())); r.Counts.Add(metrics.Filter{}.Check(b)) {
			r.Entries = append(r.Entries, e)
			bs.Append(b)
		}
	}
	r.Recurrence = metrics.Recur(bs, 90*24*time.Hour, tax)
	return r
}

// fakeECharts stands in for echarts.min.js where the test needs an inline
// page but not the real file.
var fakeECharts = []byte("window.echarts = {init: function () { return {setOption: function () {}, resize: function () {}}; }};")

func render(t *testing.T, r HTMLReport, js []byte) string {
	t.Helper()
	var buf bytes.Buffer
	if err := writeHTML(&buf, r, js); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

var (
	chartDiv   = regexp.MustCompile(`<div class="chart" id="([^"]*)"`)
	optionLine = regexp.MustCompile(`(?m)^let option_(\w+) = (.*);$`)
	scriptBody = regexp.MustCompile(`(?s)<script>(.*?)</script>`)
	cspMeta    = regexp.MustCompile(`<meta http-equiv="Content-Security-Policy" content="([^"]*)">`)
)

func TestHTMLStructure(t *testing.T) {
	for _, dir := range []string{"../testdata/examples", "../testdata/hostile"} {
		t.Run(dir, func(t *testing.T) {
			r := reviewOf(t, dir)
			page := render(t, r, fakeECharts)
			ids := chartDiv.FindAllStringSubmatch(page, -1)
			// 8 box plots, the trend, two Paretos, the pairs and the timeline.
			if len(ids) != 13 {
				t.Errorf("%d charts, want 13", len(ids))
			}
			seen := map[string]bool{}
			for _, m := range ids {
				if !chartID.MatchString(m[1]) || seen[m[1]] {
					t.Errorf("chart ID %q: not [A-Za-z0-9_]+ or not unique", m[1])
				}
				seen[m[1]] = true
			}
			opts := optionLine.FindAllStringSubmatch(page, -1)
			if len(opts) != len(ids) {
				t.Errorf("%d option lines for %d charts", len(opts), len(ids))
			}
			for _, o := range opts {
				if !seen[o[1]] {
					t.Errorf("option_%s has no chart element", o[1])
				}
				if strings.ContainsAny(o[2], "<>") {
					t.Errorf("option_%s holds a raw < or >: %.200s", o[1], o[2])
				}
			}
			if got := strings.Count(page, "<script"); got != len(ids)+2 {
				t.Errorf("%d <script> elements, want %d (ECharts, the charts, the table)", got, len(ids)+2)
			}
			if !strings.Contains(page, `"useUTC":true`) {
				t.Error("charts do not draw times in UTC")
			}
			for _, e := range r.Entries {
				if title := e.Incident.Title; title != "" && !strings.Contains(page, "<td>"+html.EscapeString(title)+"</td>") {
					t.Errorf("title %q is not in the table, escaped", title)
				}
			}
		})
	}
}

// TestHTMLHostile checks what the hostile fixtures (a title that closes a
// script element, tags in the organisation, components and update text)
// become: text in the table, \u escapes in the chart options, nothing
// that could run.
func TestHTMLHostile(t *testing.T) {
	page := render(t, reviewOf(t, "../testdata/hostile"), fakeECharts)
	for _, want := range []string{
		"<td>&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;</td>",
		"<td>&lt;img src=x onerror=alert(2)&gt;</td>",
		"&lt;img src=x onerror=alert(5)&gt;, Webhooks",
		// factor evidence, in a title attribute
		`&lt;/script&gt;&lt;svg onload=alert(3)&gt; queue worker`,
		// go-echarts' own renderer would delete __f__" and break the string
		`queue worker &#34;__f__&#34; and`,
	} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %s", want)
		}
	}
	for _, bad := range []string{"<script>alert", "<img src=x", "<svg onload", "<iframe", "<b>we"} {
		if strings.Contains(page, bad) {
			t.Errorf("page holds raw %q", bad)
		}
	}
	if !strings.Contains(page, `onerror=alert(2)\u003e: \u003c/script\u003e\u003cscr`) {
		t.Error("the hostile organisation and title do not reach the timeline chart as \\u escapes")
	}
}

// TestHTMLCSP checks that the Content-Security-Policy lists the hash of
// every script the page has and nothing that would let another run.
func TestHTMLCSP(t *testing.T) {
	for _, js := range [][]byte{fakeECharts, nil} {
		page := render(t, reviewOf(t, "../testdata/hostile"), js)
		m := cspMeta.FindStringSubmatch(page)
		if m == nil {
			t.Fatal("no Content-Security-Policy")
		}
		policy := html.UnescapeString(m[1])
		_, scriptSrc, _ := strings.Cut(policy, "script-src ")
		scriptSrc, _, _ = strings.Cut(scriptSrc, ";")
		if strings.Contains(scriptSrc, "unsafe") || !strings.Contains(policy, "default-src 'none'") {
			t.Errorf("policy lets other scripts run: %s", policy)
		}
		for _, s := range scriptBody.FindAllStringSubmatch(page, -1) {
			sum := sha256.Sum256([]byte(s[1]))
			if h := "'sha256-" + base64.StdEncoding.EncodeToString(sum[:]) + "'"; !strings.Contains(policy, h) {
				t.Errorf("script %.60q: hash %s not in the policy", s[1], h)
			}
		}
	}
}

func TestHTMLDeterministic(t *testing.T) {
	a := render(t, reviewOf(t, "../testdata/examples"), fakeECharts)
	b := render(t, reviewOf(t, "../testdata/examples"), fakeECharts)
	if a != b {
		t.Error("two renderings of the same input differ")
	}
	if strings.Contains(a, time.Now().UTC().Format("2006-01-02T")) {
		t.Error("an unstamped page holds today's date")
	}
	r := reviewOf(t, "../testdata/examples")
	at := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	r.Stamp = &at
	if !strings.Contains(render(t, r, fakeECharts), "<dd>2025-01-02T03:04:05Z</dd>") {
		t.Error("--stamp time not on the page")
	}
}

func TestHTMLCDNFallback(t *testing.T) {
	page := render(t, reviewOf(t, "../testdata/examples"), nil)
	want := `<script src="` + EchartsCDN + `" integrity="` + EchartsSRI + `" crossorigin="anonymous"></script>`
	if !strings.Contains(html.UnescapeString(page), want) {
		t.Errorf("CDN page lacks %s", want)
	}
	if !strings.Contains(page, "loaded from "+EchartsCDN) {
		t.Error("CDN page does not say where ECharts comes from")
	}
	inline := render(t, reviewOf(t, "../testdata/examples"), fakeECharts)
	if strings.Contains(inline, "<script src=") || !strings.Contains(inline, string(fakeECharts)) {
		t.Error("inline page does not carry ECharts itself")
	}
}

// TestEchartsPins checks the pinned hashes against the generated file,
// when `go generate ./report` has written it.
func TestEchartsPins(t *testing.T) {
	js := echartsJS()
	if js == nil {
		t.Skip("report/assets/echarts.min.js not generated (go generate ./report)")
	}
	sum := sha256.Sum256(js)
	if got := hex.EncodeToString(sum[:]); got != EchartsSHA256 {
		t.Errorf("echarts.min.js SHA-256 %s, pinned %s", got, EchartsSHA256)
	}
	sri := sha512.Sum384(js)
	if got := "sha384-" + base64.StdEncoding.EncodeToString(sri[:]); got != EchartsSRI {
		t.Errorf("echarts.min.js SRI %s, pinned %s", got, EchartsSRI)
	}
	for _, bad := range []string{"</script", "<!--", "<script"} {
		if bytes.Contains(bytes.ToLower(js), []byte(bad)) {
			t.Errorf("echarts.min.js holds %q: it cannot be inlined in a script element", bad)
		}
	}
}

func TestUnknownIsMissing(t *testing.T) {
	page := render(t, reviewOf(t, "../testdata/hostile"), fakeECharts)
	// The incident without a start has blank, unkeyed duration cells and
	// no box in its quarter: "-" in the box plot, never 0.
	if !strings.Contains(page, `<td class="num"></td><td class="num"></td>`) {
		t.Error("unknown durations are not blank cells")
	}
	if !strings.Contains(page, `["-","-","-","-","-"]`) {
		t.Error("a group without values is not a missing box")
	}
}
