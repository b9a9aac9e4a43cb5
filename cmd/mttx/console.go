package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"
)

// console is what the CLI knows of the terminal it writes to: whether
// stderr can show a progress bar, and whether colour is wanted. Data goes
// to stdout, everything else to stderr.
type console struct {
	stderr   io.Writer
	progress bool // stderr is a terminal and --quiet is off
	color    bool // stderr is a terminal, NO_COLOR is unset and TERM is not dumb
	quiet    bool
}

func newConsole(stderr io.Writer, quiet bool) console {
	tty := isTerminal(stderr)
	return console{
		stderr:   stderr,
		progress: tty && !quiet,
		color:    tty && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb",
		quiet:    quiet,
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// alert prints a line that fails the run (a broken threshold) on stderr,
// in red on a colour terminal (https://no-color.org).
func (c console) alert(format string, args ...any) {
	msg := fmt.Sprintf(format, args...)
	if c.color {
		msg = "\x1b[31m" + msg + "\x1b[0m"
	}
	fmt.Fprintln(c.stderr, msg)
}

// progressDelay is how long a run goes before it shows a progress bar: a
// short run stays quiet.
const progressDelay = 750 * time.Millisecond

// progress counts the inputs read and, on a terminal, shows a bar once the
// run has taken progressDelay.
type progress struct {
	c           console
	total, done int
	start       time.Time
	bar         *progressbar.ProgressBar
}

func (c console) newProgress(total int) *progress {
	return &progress{c: c, total: total, start: time.Now()}
}

// add counts one more input read.
func (p *progress) add() {
	p.done++
	if !p.c.progress || p.total < 2 {
		return
	}
	if p.bar == nil {
		if time.Since(p.start) < progressDelay {
			return
		}
		p.bar = progressbar.NewOptions(p.total,
			progressbar.OptionSetWriter(p.c.stderr),
			progressbar.OptionSetDescription("reading"),
			progressbar.OptionShowCount(),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(100*time.Millisecond),
			progressbar.OptionClearOnFinish(),
			progressbar.OptionEnableColorCodes(p.c.color),
		)
	}
	p.bar.Set(p.done)
}

// clear takes the bar off the line so that a message can be printed; the
// bar comes back with the next input.
func (p *progress) clear() {
	if p.bar != nil {
		p.bar.Clear()
	}
}

// finish removes the bar for good.
func (p *progress) finish() {
	if p.bar != nil {
		p.bar.Finish()
	}
}
