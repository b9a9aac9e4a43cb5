package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/mttx-dev/mttx/metrics"
	"github.com/mttx-dev/mttx/report"
)

const exportHelp = `Usage: mttx export --parquet DIR [flags] PATH...

Read incident reports and write them as Parquet tables for a data
warehouse (DuckDB, BigQuery, Snowflake, Spark): incidents, updates,
timeline, factors, and metrics (the summary mttx report --group-by prints,
planned maintenance left out, plus one row per metric over every
incident). Times are TIMESTAMP(MICROS, UTC), unknown is NULL, durations
are whole seconds. The directory appears only once every table is
complete; the same input always gives the same bytes. Schema and example
queries: docs/warehouse.md.

Examples:
  mttx export --parquet warehouse/ testdata/examples
  mttx export --parquet warehouse/ --partition quarter --mode overwrite postmortems/
  mttx export --parquet warehouse/ --group-by quarter,org status-exports/
`

// exportFlags are the flags of mttx export beyond the input flags.
type exportFlags struct {
	dir       string
	partition string
	mode      string
	groupBy   []string
}

func (f *exportFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.dir, "parquet", "", "write the Parquet tables into this directory (required)")
	fs.StringVar(&f.partition, "partition", "none", "none (one file per table) or quarter (Hive-style incidents/quarter=2024Q1/part-0.parquet)")
	fs.StringVar(&f.mode, "mode", "error", "when the directory exists: error (leave it, exit 1) or overwrite (replace an earlier export)")
	fs.StringSliceVar(&f.groupBy, "group-by", []string{"quarter"}, "group the metrics table by one or two of: quarter, month, week, org, impact, component, format, factor")
}

// exportPlan is what the flags ask for, checked.
type exportPlan struct {
	dir  string
	opts report.ExportOptions
	keys []metrics.Key
}

func (f *exportFlags) plan() (exportPlan, error) {
	p := exportPlan{dir: f.dir, opts: report.ExportOptions{Version: version}}
	if f.dir == "" {
		return p, errors.New("--parquet DIR is required")
	}
	var err error
	if p.opts.Partition, err = report.ParsePartition(f.partition); err != nil {
		return p, fmt.Errorf("--partition: %w", err)
	}
	if p.opts.Mode, err = report.ParseMode(f.mode); err != nil {
		return p, fmt.Errorf("--mode: %w", err)
	}
	if len(f.groupBy) == 0 || len(f.groupBy) > 2 {
		return p, fmt.Errorf("--group-by takes one or two keys, not %d", len(f.groupBy))
	}
	for _, g := range f.groupBy {
		k, err := metrics.ParseKey(g)
		if err != nil {
			return p, fmt.Errorf("--group-by: %w", err)
		}
		p.keys = append(p.keys, k)
	}
	return p, nil
}

func runExport(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("export", exportHelp, stderr)
	var in inputFlags
	in.register(fs)
	var ef exportFlags
	ef.register(fs)
	if code, stop := parseFlags(fs, args, stderr); stop {
		return code
	}
	plan, err := ef.plan()
	if err != nil {
		return usageError(stderr, "export", err)
	}
	opts, err := in.options()
	if err != nil {
		return usageError(stderr, "export", err)
	}
	if fs.NArg() == 0 && len(in.statuspages) == 0 {
		return usageError(stderr, "export", errors.New("no input: give files, directories, globs or - for stdin"))
	}
	// Refuse before reading anything; Export checks again before it
	// renames the new tables in.
	if err := report.CheckTarget(plan.dir, plan.opts.Mode); err != nil {
		fmt.Fprintf(stderr, "mttx export: %s\n", targetProblem(err))
		return exitPartial
	}
	// Rows go out as incidents are read; the metrics table, over the
	// incidents mttx report keeps by default, once all are.
	col := newCollector(false)
	defer col.close()
	col.rows = func(metrics.Brief) bool { return true }
	stats, read, err := collectExport(ctx, plan.dir, plan.opts, fs.Args(), stdin, stderr, &in, opts, col, func(kept *metrics.BriefList, _ []report.Input) ([]report.MetricRow, error) {
		metrics.Filter{}.Keep(kept)
		return report.MetricRows(metrics.Distributions(kept), plan.keys, metrics.GroupBy(kept, plan.keys)), nil
	})
	failed, total := read.failed, read.total
	if errors.Is(err, context.Canceled) {
		return finish(stderr, "export", failed, total, err)
	}
	if err != nil {
		err = errors.New(targetProblem(err))
	} else {
		err = writeStats(stdout, plan.dir, stats)
	}
	return finish(stderr, "export", failed, total, err)
}

// targetProblem words an export error, with the flag that helps when
// there is one.
func targetProblem(err error) string {
	var exists *report.ExistsError
	if errors.As(err, &exists) {
		return fmt.Sprintf("%v: nothing written (--mode overwrite replaces an earlier export)", err)
	}
	return err.Error()
}

// writeStats lists the files written: table, rows, bytes.
func writeStats(w io.Writer, dir string, stats []report.FileStat) error {
	var rows, size int64
	for _, s := range stats {
		if _, err := fmt.Fprintf(w, "%-48s %8d rows %10d bytes\n", s.Path, s.Rows, s.Bytes); err != nil {
			return err
		}
		rows += s.Rows
		size += s.Bytes
	}
	_, err := fmt.Fprintf(w, "%d files, %d rows, %d bytes in %s\n", len(stats), rows, size, dir)
	return err
}
