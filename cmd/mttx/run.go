package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

// Exit codes.
const (
	exitOK      = 0 // every input was read
	exitPartial = 1 // some inputs could not be read; everything else was reported
	exitUsage   = 2 // bad command line
	// exitThreshold: a --fail-if threshold is broken, or with
	// --fail-on-regression a metric is slower than the baseline. It wins
	// over exitPartial: the job was asked to decide, and unreadable
	// inputs are listed on stderr all the same.
	exitThreshold = 3
)

const usage = `mttx reads incident reports and measures how incidents unfold.

Usage:
  mttx parse [flags] PATH...    read reports and print what was read
  mttx report [flags] PATH...   the reliability review: TTD/TTI/TTM/TTR distributions,
                                comparisons, contributing factors and their recurrence
  mttx check [flags] PATH...    validate a postmortem repository: file:line: problem
  mttx export [flags] PATH...   Parquet tables for a data warehouse (--parquet DIR)
  mttx help [COMMAND]           show help

PATH is a file, a directory (read recursively), a glob, or - for standard input.

Exit codes: 0 all inputs read; 1 some inputs could not be read (the rest is
still reported; every failure is listed on stderr as file:line: problem);
2 usage error; 3 a --fail-if threshold is broken (mttx report).

Run "mttx COMMAND --help" for the flags of a command.
`

// gcPercent is the garbage collector's target (GOGC) for a run, unless
// the environment sets GOGC. A review keeps a Brief of every incident, so
// most of the heap is live: at Go's default of 100 the heap grows to twice
// what is live before a collection. At 40 it grows by 40%: a million
// incidents fit in under 300 MB, for about 10% more CPU time spent
// collecting (docs/performance.md).
const gcPercent = 40

// run is the whole CLI: main only calls it, so tests can too.
func run(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if _, set := os.LookupEnv("GOGC"); !set {
		debug.SetGCPercent(gcPercent)
	}
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	switch cmd {
	case "parse":
		return runParse(ctx, rest, stdin, stdout, stderr)
	case "report":
		return runReport(ctx, rest, stdin, stdout, stderr)
	case "check":
		return runCheck(ctx, rest, stdin, stdout, stderr)
	case "export":
		return runExport(ctx, rest, stdin, stdout, stderr)
	case "help", "-h", "--help":
		if len(rest) > 0 && rest[0] != "help" {
			return run(ctx, []string{rest[0], "--help"}, stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "mttx: unknown command %q\n\n%s", cmd, usage)
	return exitUsage
}

// inputFlags are the flags every command that reads reports has.
type inputFlags struct {
	inputFormat string
	assumeZone  string
	statuspages []string
	saveDir     string
	jobs        int
	warnings    bool
	quiet       bool
	explain     bool // set by commands that offer --explain
	factorsFile string
	// tax is the factor taxonomy, built by options from the built-in one
	// and --factors.
	tax *metrics.Taxonomy
}

// version names this build to the sites mttx fetches from.
const version = "0.1.0"

// userAgent is what mttx tells status pages it fetches.
const userAgent = "mttx/" + version + " (incident timeline analytics; +https://github.com/mttx-dev/mttx)"

func (f *inputFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.inputFormat, "input-format", "auto", "read every input as this format: auto, "+formatList())
	fs.StringVar(&f.assumeZone, "assume-zone", "", "IANA zone (Europe/London, UTC) of times a report writes without one when nothing in it says which")
	fs.StringArrayVar(&f.statuspages, "statuspage", nil, "fetch a live Statuspage page's incidents and maintenances (repeatable; a URL given as PATH does the same)")
	fs.StringVar(&f.saveDir, "save", "", "keep the raw JSON fetched from live pages in this directory, to read again offline")
	fs.IntVar(&f.jobs, "jobs", runtime.GOMAXPROCS(0), "inputs read in parallel")
	fs.BoolVar(&f.warnings, "warnings", false, "print each incident's warnings on stderr as file:line: warning: ...")
	fs.BoolVarP(&f.quiet, "quiet", "q", false, "no progress bar or notices on stderr (errors are still printed)")
	fs.StringVar(&f.factorsFile, "factors", "", "YAML file that extends or overrides the contributing-factor taxonomy (docs/factors.md)")
}

func formatList() string {
	var names []string
	for _, f := range ingest.Formats() {
		names = append(names, f.String())
	}
	return strings.Join(names, ", ")
}

// options turns the flags into reading options; the error is a usage
// error.
func (f *inputFlags) options() (ingest.Options, error) {
	format, err := ingest.ParseFormat(f.inputFormat)
	if err != nil {
		return ingest.Options{}, err
	}
	if f.jobs < 1 {
		return ingest.Options{}, fmt.Errorf("--jobs must be at least 1, not %d", f.jobs)
	}
	opts := ingest.Options{Format: format}
	live := ingest.DefaultLive(userAgent)
	live.SaveDir = f.saveDir
	opts.Live = live
	for _, u := range f.statuspages {
		if !ingest.IsURL(u) {
			return ingest.Options{}, fmt.Errorf("--statuspage %q: want an http:// or https:// URL", u)
		}
	}
	tax, err := taxonomy(f.factorsFile)
	if err != nil {
		return ingest.Options{}, err
	}
	f.tax = tax
	if f.assumeZone != "" {
		loc, err := time.LoadLocation(f.assumeZone)
		if err != nil || f.assumeZone == "Local" {
			return ingest.Options{}, fmt.Errorf("--assume-zone %q: want an IANA zone name such as Europe/London or UTC", f.assumeZone)
		}
		opts.AssumeZone = loc
	}
	return opts, nil
}

// taxonomy returns the built-in factor taxonomy, extended by the YAML file
// at path if one is given.
func taxonomy(path string) (*metrics.Taxonomy, error) {
	tax, err := metrics.DefaultTaxonomy()
	if err != nil || path == "" {
		return tax, err
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("--factors: %w", err)
	}
	return tax.Extend(path, data)
}

// newFlagSet returns a flag set that reports errors instead of exiting.
func newFlagSet(name, help string, stderr io.Writer) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.SortFlags = false
	fs.Usage = func() {
		fmt.Fprint(stderr, help)
		fmt.Fprintln(stderr, "\nFlags:")
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args; it returns the exit code to stop with, if any:
// 0 after --help, 2 after a bad flag.
func parseFlags(fs *pflag.FlagSet, args []string, stderr io.Writer) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return exitOK, true
		}
		fmt.Fprintf(stderr, "mttx %s: %v\nRun \"mttx %s --help\" for usage.\n", fs.Name(), err, fs.Name())
		return exitUsage, true
	}
	return 0, false
}

// usageError prints a usage problem and returns exitUsage.
func usageError(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "mttx %s: %v\nRun \"mttx %s --help\" for usage.\n", cmd, err, cmd)
	return exitUsage
}

// errorPath is the file an input error names.
func errorPath(err error) string {
	var pe *ingest.ParseError
	if errors.As(err, &pe) {
		return pe.File
	}
	return ""
}

// finish reports the outcome of a run and returns its exit code.
func finish(stderr io.Writer, cmd string, failed, total int, err error) int {
	if err != nil {
		if errors.Is(err, context.Canceled) {
			fmt.Fprintf(stderr, "mttx %s: interrupted\n", cmd)
		} else {
			fmt.Fprintf(stderr, "mttx %s: %v\n", cmd, err)
		}
		return exitPartial
	}
	if failed > 0 {
		fmt.Fprintf(stderr, "mttx %s: %d of %d inputs could not be read (listed above)\n", cmd, failed, total)
		return exitPartial
	}
	return exitOK
}
