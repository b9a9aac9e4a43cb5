package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/mttx-dev/mttx/report"
)

const parseHelp = `Usage: mttx parse [flags] PATH...

Read incident reports and print what was read from each: organisation,
title, impact, components, status updates in UTC (oldest first), stated
impact window and duration, narrative timeline, milestones and durations.

Examples:
  mttx parse status-page-incident.txt
  mttx parse --format jsonl postmortems/ > incidents.jsonl
  mttx parse --explain --format table 'reports/*.txt'
  cat incident.txt | mttx parse --format json -
`

// parseFormat is an output format of mttx parse.
type parseFormat int

const (
	parseTable parseFormat = iota
	parseJSONL
	parseJSON
)

func parseParseFormat(s string) (parseFormat, error) {
	switch s {
	case "table":
		return parseTable, nil
	case "jsonl":
		return parseJSONL, nil
	case "json":
		return parseJSON, nil
	}
	return 0, fmt.Errorf("unknown --format %q (want table, jsonl or json)", s)
}

// entryWriter is what the streaming renderers share.
type entryWriter interface {
	Write(report.Entry) error
	Close() error
}

func runParse(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("parse", parseHelp, stderr)
	var in inputFlags
	in.register(fs)
	formatName := fs.String("format", "table", "output format: table, jsonl (one JSON object per incident per line) or json")
	fs.BoolVar(&in.explain, "explain", false, "say on stderr which format each input was read as and why, or why no format matched")
	explain := &in.explain
	if code, stop := parseFlags(fs, args, stderr); stop {
		return code
	}
	format, err := parseParseFormat(*formatName)
	if err != nil {
		return usageError(stderr, "parse", err)
	}
	opts, err := in.options()
	if err != nil {
		return usageError(stderr, "parse", err)
	}
	if fs.NArg() == 0 {
		return usageError(stderr, "parse", errors.New("no input: give files, directories, globs or - for stdin"))
	}
	var w entryWriter
	var table []report.Entry
	switch format {
	case parseJSONL:
		w = report.NewJSONLWriter(stdout)
	case parseJSON:
		w = report.NewJSONWriter(stdout)
	}
	failed, total, err := inputs(ctx, fs.Args(), stdin, stderr, &in, opts, func(e report.Entry) error {
		if *explain {
			fmt.Fprintf(stderr, "%s: read as %s: %s\n", e.Incident.Source.Path, e.Incident.Format, e.Detection.Reason)
		}
		if w == nil {
			table = append(table, e)
			return nil
		}
		return w.Write(e)
	})
	if err == nil {
		if w != nil {
			err = w.Close()
		} else {
			err = report.WriteParsed(stdout, table)
		}
	}
	return finish(stderr, "parse", failed, total, err)
}
