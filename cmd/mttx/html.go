package main

import (
	"context"
	"fmt"
	"io"
	"net/url"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/report"
)

// htmlFlags are the flags of the HTML page (mttx report --html).
type htmlFlags struct {
	path    string
	longest int
}

func (f *htmlFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.path, "html", "", "also write the review as one self-contained, interactive HTML page to this file (docs/html.md)")
	fs.IntVar(&f.longest, "timeline", report.DefaultLongest, "incidents in the HTML page's timeline chart (the longest)")
}

// check validates the flags of the page.
func (f htmlFlags) check() error {
	if f.longest < 1 {
		return fmt.Errorf("--timeline %d: want at least 1", f.longest)
	}
	return nil
}

// writeHTMLPage writes the HTML page of the review when --html asks for
// it, for the same incidents the other formats cover (kept, whole). It says on stderr
// when the page will load ECharts from the CDN (a binary built without
// `go generate ./report`).
func writeHTMLPage(ctx context.Context, stderr io.Writer, f htmlFlags, inputs []string, r report.Review, kept []report.Entry) error {
	if f.path == "" {
		return nil
	}
	page := report.HTMLReport{
		Inputs: inputs, Since: r.Plan.Filter.Since, Until: r.Plan.Filter.Until, Counts: r.Counts,
		Entries: kept, Keys: r.Plan.Keys, Recurrence: r.Recurrence,
		Longest: f.longest, Href: sourceHref(f.path), Stamp: r.Stamp,
	}
	if !report.EchartsInlined() {
		fmt.Fprintf(stderr, "mttx report: %s loads ECharts %s from %s (this binary was built without `go generate ./report`; the page needs the network)\n",
			f.path, report.EchartsVersion, report.EchartsCDN)
	}
	return writeFile(ctx, f.path, func(w io.Writer) error { return report.WriteHTML(w, page) })
}

// sourceHref links a source from a page written to page: a URL as it is,
// a file by its path relative to the page's directory, standard input not
// at all.
func sourceHref(page string) func(string) string {
	dir, errDir := filepath.Abs(filepath.Dir(page))
	return func(src string) string {
		if ingest.IsURL(src) {
			return src
		}
		if src == "-" || src == "" || errDir != nil {
			return ""
		}
		abs, err := filepath.Abs(src)
		if err != nil {
			return ""
		}
		rel, err := filepath.Rel(dir, abs)
		if err != nil {
			return (&url.URL{Scheme: "file", Path: filepath.ToSlash(abs)}).String()
		}
		rel = filepath.ToSlash(rel)
		if strings.HasPrefix(rel, "/") {
			return ""
		}
		if first, _, _ := strings.Cut(rel, "/"); strings.Contains(first, ":") {
			rel = "./" + rel // a colon in the first segment would read as a scheme
		}
		return (&url.URL{Path: rel}).String()
	}
}
