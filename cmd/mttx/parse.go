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
  mttx parse --format jsonl --save raw/ https://status.example.com
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
	if fs.NArg() == 0 && len(in.statuspages) == 0 {
		return usageError(stderr, "parse", errors.New("no input: give files, directories, globs or - for stdin"))
	}
	entries, _, failed, total, err := inputs(ctx, fs.Args(), stdin, stderr, &in, opts)
	if err == nil {
		err = writeParsed(stdout, format, entries)
	}
	return finish(stderr, "parse", failed, total, err)
}

// writeParsed renders what parse read.
func writeParsed(w io.Writer, format parseFormat, entries []report.Entry) error {
	var ew entryWriter
	switch format {
	case parseJSONL:
		ew = report.NewJSONLWriter(w)
	case parseJSON:
		ew = report.NewJSONWriter(w)
	default:
		return report.WriteParsed(w, entries)
	}
	for _, e := range entries {
		if err := ew.Write(e); err != nil {
			return err
		}
	}
	return ew.Close()
}
