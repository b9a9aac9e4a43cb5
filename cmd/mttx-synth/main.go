// Command mttx-synth writes a synthetic corpus of incident reports, and the
// truth it was generated from, for mttx's read-back tests and benchmarks.
//
//	mttx-synth --n 100000 --format statuspage-json --out corpus/
//
// The corpus holds realistic incidents (log-normal durations, missing
// milestones, several time zones, planned maintenance, stated causes) in
// one of the formats mttx reads: statuspage-json (incidents.json pages of
// --per-file incidents), statuspage-text, aggregator-text or
// markdown-postmortem (one incident per file), a thousand files per
// subdirectory. The truth is written as JSON Lines to --truth (default
// OUT/truth.jsonl; "" for none). The same --seed and --n give the same bytes.
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"time"
	_ "time/tzdata" // the corpus's zones, whatever the machine has

	"github.com/spf13/pflag"

	"github.com/mttx-dev/mttx/synth"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	os.Exit(run(ctx, os.Args[1:], os.Stdout, os.Stderr))
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := pflag.NewFlagSet("mttx-synth", pflag.ContinueOnError)
	fs.SetOutput(stderr)
	n := fs.Int("n", 1000, "number of incidents")
	format := fs.String("format", "statuspage-json", "statuspage-json, statuspage-text, aggregator-text or markdown-postmortem")
	out := fs.String("out", "", "directory to write the corpus into (required; must not exist yet)")
	seed := fs.Uint64("seed", 1, "random seed: the same seed gives the same corpus")
	perFile := fs.Int("per-file", 100, "incidents per statuspage-json document")
	truth := fs.String("truth", "\x00", "file for the truth as JSON Lines (default OUT/truth.jsonl; \"\" for none)")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "files written in parallel")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			return 0
		}
		return 2
	}
	f, err := synth.ParseFormat(*format)
	if err != nil || *out == "" || *n < 1 || *perFile < 1 {
		if err == nil {
			err = errors.New("--out DIR is required, --n and --per-file at least 1")
		}
		fmt.Fprintf(stderr, "mttx-synth: %v\n", err)
		return 2
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(stderr, "mttx-synth: %s exists: give a new directory\n", *out)
		return 1
	}
	if *truth == "\x00" {
		*truth = filepath.Join(*out, "truth.jsonl")
	}
	if err := generate(ctx, *out, *truth, synth.Config{Format: f, N: *n, Seed: *seed, PerFile: *perFile}, *jobs, stdout); err != nil {
		fmt.Fprintf(stderr, "mttx-synth: %v\n", err)
		return 1
	}
	return 0
}

// generate writes the corpus into a temporary directory beside out and
// renames it into place, so an interrupted run leaves no half corpus.
func generate(ctx context.Context, out, truthPath string, c synth.Config, jobs int, stdout io.Writer) error {
	began := time.Now()
	tmp, err := os.MkdirTemp(filepath.Dir(filepath.Clean(out)), ".mttx-synth-*")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	var truth io.Writer
	if truthPath != "" {
		tf, err := os.Create(filepath.Join(tmp, ".truth.jsonl"))
		if err != nil {
			return err
		}
		defer tf.Close()
		truth = tf
	}
	if err := synth.WriteCorpus(ctx, tmp, c, jobs, truth); err != nil {
		return err
	}
	if err := os.Rename(tmp, out); err != nil {
		return err
	}
	if truthPath != "" {
		if err := os.Rename(filepath.Join(out, ".truth.jsonl"), truthPath); err != nil {
			return err
		}
	}
	_, err = fmt.Fprintf(stdout, "%d %s incidents in %d files in %s (%s)\n", c.N, c.Format, c.Files(), out, time.Since(began).Round(time.Millisecond))
	return err
}
