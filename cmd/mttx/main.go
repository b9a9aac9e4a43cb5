// Command mttx reads incident reports (status-page incidents, aggregator
// pages, postmortems), rebuilds each incident's timeline and reports time
// to detect, identify, mitigate and resolve.
//
// Usage:
//
//	mttx report [flags] PATH...   the reliability review, as tables, Markdown,
//	                              CSV, JSON, an HTML page and Parquet; thresholds
//	mttx check [flags] PATH...    validate a postmortem repository
//	mttx export [flags] PATH...   Parquet tables for a data warehouse
//	mttx parse [flags] PATH...    read reports, print what was read
//
// Run "mttx help" or "mttx COMMAND --help" for flags and examples.
package main

import (
	"context"
	"os"
	"os/signal"
	"syscall"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}
