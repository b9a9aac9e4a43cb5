package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/mttx-dev/mttx/metrics"
	"github.com/mttx-dev/mttx/report"
)

const reportHelp = `Usage: mttx report [flags] PATH...

Read incident reports and print a table with one row per incident (start,
TTD, TTI, TTM, TTR, impact, updates) and a summary of each metric (how many
incidents have it, median, p90, mean). Durations read 7m12s, 4h16m, 3d1h15m;
a blank cell is unknown, never zero. Definitions: docs/metrics.md.

Examples:
  mttx report testdata/examples
  mttx report 'postmortems/**/*.md' status-exports/
`

func runReport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("report", reportHelp, stderr)
	var in inputFlags
	in.register(fs)
	formatName := fs.String("format", "table", "output format: table")
	if code, stop := parseFlags(fs, args, stderr); stop {
		return code
	}
	if *formatName != "table" {
		return usageError(stderr, "report", fmt.Errorf("unknown --format %q (want table)", *formatName))
	}
	opts, err := in.options()
	if err != nil {
		return usageError(stderr, "report", err)
	}
	if fs.NArg() == 0 && len(in.statuspages) == 0 {
		return usageError(stderr, "report", errors.New("no input: give files, directories, globs or - for stdin"))
	}
	entries, failed, total, err := inputs(ctx, fs.Args(), stdin, stderr, &in, opts)
	if err == nil {
		err = writeReport(stdout, entries)
	}
	return finish(stderr, "report", failed, total, err)
}

func writeReport(w io.Writer, entries []report.Entry) error {
	results := make([]metrics.Result, len(entries))
	for i, e := range entries {
		results[i] = e.Result
	}
	if _, err := fmt.Fprintf(w, "Incidents (%d)\n", len(entries)); err != nil {
		return err
	}
	if err := report.WriteIncidents(w, entries); err != nil {
		return err
	}
	if _, err := fmt.Fprintln(w, "\nSummary"); err != nil {
		return err
	}
	return report.WriteSummary(w, metrics.Distributions(results))
}
