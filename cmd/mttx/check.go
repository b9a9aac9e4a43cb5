package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/mttx-dev/mttx/metrics"
	"github.com/mttx-dev/mttx/report"
)

const checkHelp = `Usage: mttx check [flags] PATH...

Validate a postmortem repository, for a pull request check or an editor:
every file readable, the required fields present in every report (by
default title, start and resolved), narrative timelines in order with their
time zones stated, and no reader warnings (a time read without its zone, a
date it could not confirm, ...). Each problem is printed on stdout as
file:line: problem (or as a GitHub Actions annotation with --format github).

Exit codes: 0 no problem; 1 problems (listed); 2 usage error.

Examples:
  mttx check postmortems/
  mttx check --require title,org,impact,start,resolved,factors postmortems/
  mttx check --format github --ignore-warnings postmortems/
`

func runCheck(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("check", checkHelp, stderr)
	var in inputFlags
	in.register(fs)
	names := make([]string, len(metrics.DefaultRequired))
	for i, f := range metrics.DefaultRequired {
		names[i] = f.String()
	}
	require := fs.StringSlice("require", names, "fields every report must give: title, org, impact, components, start, detected, identified, mitigated, resolved, postmortem, factors")
	ignoreWarnings := fs.Bool("ignore-warnings", false, "report only unreadable files, missing fields and timeline problems, not the readers' warnings")
	formatName := fs.String("format", "plain", "plain (file:line: problem) or github (workflow annotations)")
	if code, stop := parseFlags(fs, args, stderr); stop {
		return code
	}
	var opts report.CheckOptions
	opts.IgnoreWarnings = *ignoreWarnings
	for _, r := range *require {
		f, err := metrics.ParseField(r)
		if err != nil {
			return usageError(stderr, "check", fmt.Errorf("--require: %w", err))
		}
		opts.Required = append(opts.Required, f)
	}
	format := report.ProblemsPlain
	switch *formatName {
	case "plain":
	case "github":
		format = report.ProblemsGitHub
	default:
		return usageError(stderr, "check", fmt.Errorf("unknown --format %q (want plain or github)", *formatName))
	}
	ropts, err := in.options()
	if err != nil {
		return usageError(stderr, "check", err)
	}
	if fs.NArg() == 0 && len(in.statuspages) == 0 {
		return usageError(stderr, "check", errors.New("no input: give files, directories, globs or - for stdin"))
	}
	// Unreadable inputs are problems like any other: they go to stdout
	// with the rest, in input order, not to stderr as they come.
	entries, files, _, total, err := inputs(ctx, fs.Args(), stdin, io.Discard, &in, ropts)
	if err != nil {
		return finish(stderr, "check", 0, total, err)
	}
	problems := report.Check(files, entries, opts)
	if err := report.WriteProblems(stdout, problems, format); err != nil {
		return finish(stderr, "check", 0, total, err)
	}
	if len(problems) == 0 {
		return exitOK
	}
	bad := map[string]bool{}
	for _, p := range problems {
		bad[p.Path] = true
	}
	noun := "problems"
	if len(problems) == 1 {
		noun = "problem"
	}
	fmt.Fprintf(stderr, "mttx check: %d %s in %d of %d inputs\n", len(problems), noun, len(bad), total)
	return exitPartial
}
