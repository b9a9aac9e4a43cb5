package main

import (
	"context"
	"fmt"
	"io"
	"maps"
	"slices"
	"sort"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
	"github.com/mttx-dev/mttx/report"
)

// sink receives the incidents a stream reads, each once, in input order:
// add for every new incident (positions 0, 1, 2, ...), then, once every
// input is read, replace for each incident that a later input repeated,
// with the merged incident.
type sink struct {
	add     func(pos int, e report.Entry) error
	replace func(pos int, e report.Entry) error
}

// readOutcome is what reading the inputs gave beside the incidents.
type readOutcome struct {
	files         []report.Input
	failed, total int
}

// fileRead is one input, parsed and analysed on a reading goroutine.
type fileRead struct {
	res     ingest.FileResult // without its incidents
	entries []report.Entry
}

// streamer hands the incidents of the inputs to a sink as they are read,
// so that nothing holds them all. Finding an incident again in a later
// input needs two hashes per incident (ingest.Deduper) and where it was
// read; merging it needs the first incident whole again, which is read
// again from its file, or kept from the start for inputs that cannot be
// read twice (standard input, live pages).
type streamer struct {
	f      *inputFlags
	opts   ingest.Options
	stdin  io.Reader
	stderr io.Writer
	dedup  *ingest.Deduper
	// where says where each incident handed on was read, without a
	// word per incident: its input and its index among the input's
	// incidents (lines do not tell incidents apart: a JSON page may be
	// one line).
	where positions
	files []report.Input
	dets  map[string]ingest.Detection // of the inputs that cannot be read twice (reread gives the others')
	held  map[int]ingest.Incident     // incidents of inputs that cannot be read twice
	later map[int][]ingest.Incident   // position -> the same incident read again, in order
}

// stream reads every input named by args and hands its incidents to s.
// Failures are printed on stderr as they come; ctx cancels the reading.
func stream(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer, f *inputFlags, opts ingest.Options, s sink) (readOutcome, error) {
	st := &streamer{f: f, opts: opts, stdin: stdin, stderr: stderr, dedup: ingest.NewDeduper(),
		dets: map[string]ingest.Detection{}, held: map[int]ingest.Incident{}, later: map[int][]ingest.Incident{}}
	paths, errs := ingest.Expand(append(append([]string(nil), args...), f.statuspages...))
	var out readOutcome
	for _, e := range errs {
		fmt.Fprintln(stderr, e)
		st.files = append(st.files, report.Input{Path: errorPath(e), Err: e})
	}
	out.failed, out.total = len(errs), len(paths)+len(errs)
	bar := newConsole(stderr, f.quiet).newProgress(len(paths))
	defer bar.finish()
	err := ingest.ReadEach(ctx, paths, stdin, opts, f.jobs, st.analyze, func(r fileRead) error {
		defer bar.add()
		if r.res.Err != nil || f.warnings || f.explain {
			bar.clear() // the lines take prints go above the bar
		}
		if r.res.Err != nil {
			out.failed++
		}
		return st.take(r, s)
	})
	if err == nil {
		if len(st.later) > 0 && f.warnings {
			bar.clear()
		}
		err = st.merge(ctx, s)
	}
	out.files = st.files
	return out, err
}

// analyze parses and analyses one input's incidents; it runs on the
// reading goroutines.
func (st *streamer) analyze(r ingest.FileResult) fileRead {
	out := fileRead{res: r, entries: make([]report.Entry, 0, len(r.Incidents))}
	out.res.Incidents = nil
	for _, inc := range r.Incidents {
		if len(inc.Sources) == 0 {
			inc.Sources = []ingest.Source{inc.Source}
		}
		out.entries = append(out.entries, report.NewEntry(inc, r.Detection, st.f.tax))
	}
	return out
}

// take hands on the incidents of one input, in order, keeping back those
// an earlier input already gave.
func (st *streamer) take(r fileRead, s sink) error {
	file := len(st.files)
	st.files = append(st.files, report.Input{Path: r.res.Path, SHA256: r.res.SHA256, Err: r.res.Err})
	if r.res.Err != nil {
		fmt.Fprintln(st.stderr, r.res.Err)
		if st.f.explain {
			for _, t := range r.res.Detection.Tried {
				fmt.Fprintf(st.stderr, "%s:   %s\n", r.res.Path, t)
			}
		}
		return nil
	}
	once := r.res.Path == ingest.Stdin || ingest.IsURL(r.res.Path)
	for i, e := range r.entries {
		pos := st.where.n
		if first, ok := st.dedup.Add(e.Incident, pos); ok {
			st.later[first] = append(st.later[first], e.Incident)
			st.where.skip(file, i)
			continue
		}
		st.where.add(file)
		if once {
			st.held[pos] = e.Incident
		}
		st.tell(e)
		if err := s.add(pos, e); err != nil {
			return err
		}
	}
	if once && len(r.entries) > 0 {
		st.dets[r.res.Path] = r.res.Detection
	}
	return nil
}

// tell prints what --explain and --warnings ask about a new incident.
func (st *streamer) tell(e report.Entry) {
	if st.f.explain {
		fmt.Fprintf(st.stderr, "%s: read as %s: %s\n", e.Incident.Source.Path, e.Incident.Format, e.Detection.Reason)
	}
	if st.f.warnings {
		st.warn(e.Incident.Source.Path, e.Warnings(), nil)
	}
}

// warn prints the warnings of an incident read from path, less those
// already told (before it was merged).
func (st *streamer) warn(path string, ws, told []ingest.Warning) {
	for _, w := range ws {
		if i := slices.Index(told, w); i >= 0 {
			told = slices.Delete(told, i, i+1)
			continue
		}
		fmt.Fprintf(st.stderr, "%s:%d: warning: %s\n", path, w.Line, w.Msg)
	}
}

// merge hands on, once every input is read, each incident that later
// inputs repeated, merged with them in the order they were read.
func (st *streamer) merge(ctx context.Context, s sink) error {
	reread := map[int]ingest.FileResult{}
	for _, pos := range slices.Sorted(maps.Keys(st.later)) {
		inc, ok := st.held[pos]
		var det ingest.Detection
		if ok {
			det = st.dets[inc.Source.Path]
		} else {
			var err error
			if inc, det, err = st.reread(ctx, pos, reread); err != nil {
				return err
			}
			inc.Sources = []ingest.Source{inc.Source}
		}
		var told []ingest.Warning // printed when it was first read
		if st.f.warnings {
			told = report.NewEntry(inc, det, st.f.tax).Warnings()
		}
		for _, b := range st.later[pos] {
			ingest.Merge(&inc, b)
		}
		e := report.NewEntry(inc, det, st.f.tax)
		if st.f.warnings {
			st.warn(inc.Source.Path, e.Warnings(), told)
		}
		if err := s.replace(pos, e); err != nil {
			return err
		}
	}
	return nil
}

// reread reads the incident at pos again from its input, which must not
// have changed since it was first read, with the input's detection (the
// same bytes give the same one, so it is not kept per input meanwhile).
func (st *streamer) reread(ctx context.Context, pos int, cache map[int]ingest.FileResult) (ingest.Incident, ingest.Detection, error) {
	file, nth := st.where.of(pos)
	in := st.files[file]
	r, ok := cache[file]
	if !ok {
		r = ingest.ReadInput(ctx, in.Path, st.stdin, st.opts)
		if r.Err != nil {
			return ingest.Incident{}, ingest.Detection{}, r.Err
		}
		if r.SHA256 != in.SHA256 {
			return ingest.Incident{}, ingest.Detection{}, fmt.Errorf("%s changed while mttx was reading it: run again", in.Path)
		}
		cache[file] = r
	}
	if nth < len(r.Incidents) {
		return r.Incidents[nth], r.Detection, nil
	}
	return ingest.Incident{}, ingest.Detection{}, fmt.Errorf("%s: an incident read there before is gone: run again", in.Path)
}

// positions maps the positions of the incidents a stream hands on to the
// input each was read from and its index among that input's incidents.
// Positions are handed on input after input, so an input's are a run: it
// keeps where each input's run starts, and the few incidents kept back as
// repeats of earlier ones, instead of two numbers per incident.
type positions struct {
	n      int
	files  []int32         // the inputs with a run, in order
	starts []int           // the first position of each one's run
	skips  map[int32][]int // per input, the indexes kept back, ascending
}

// add hands on the next incident of input file.
func (p *positions) add(file int) {
	if k := len(p.files); k == 0 || p.files[k-1] != int32(file) {
		p.files, p.starts = append(p.files, int32(file)), append(p.starts, p.n)
	}
	p.n++
}

// skip records that incident i of input file is kept back.
func (p *positions) skip(file, i int) {
	if p.skips == nil {
		p.skips = map[int32][]int{}
	}
	p.skips[int32(file)] = append(p.skips[int32(file)], i)
}

// of returns the input of the incident at pos and its index there.
func (p *positions) of(pos int) (file, nth int) {
	k := sort.Search(len(p.starts), func(k int) bool { return p.starts[k] > pos }) - 1
	nth = pos - p.starts[k]
	for _, s := range p.skips[p.files[k]] {
		if s <= nth {
			nth++
		}
	}
	return int(p.files[k]), nth
}

// inputs reads every input named by args and returns its incidents, the
// same incident read from several inputs kept once, in input order, with
// their metrics: for the commands that print every incident (parse,
// check). Failures are printed on stderr as they come.
func inputs(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer, f *inputFlags, opts ingest.Options) (
	entries []report.Entry, files []report.Input, failed, total int, err error) {
	out, err := stream(ctx, args, stdin, stderr, f, opts, sink{
		add: func(_ int, e report.Entry) error {
			entries = append(entries, e)
			return nil
		},
		replace: func(pos int, e report.Entry) error {
			entries[pos] = e
			return nil
		},
	})
	return entries, out.files, out.failed, out.total, err
}

// collector keeps what a review or an export needs of a stream's
// incidents: the Brief of each, its rows written to an exporter as it
// comes (when there is one), and the whole entry only when keep is set
// (the HTML page prints evidence and milestones).
type collector struct {
	z      *metrics.Briefer
	briefs metrics.BriefList
	// names keeps the incidents' IDs and titles, out of memory once
	// they outgrow a MiB.
	names *report.NameFile
	// x receives the rows of the incidents rows picks, if set.
	x    *report.Exporter
	rows func(metrics.Brief) bool
	// stale and again are the incidents whose rows went out before a
	// later input repeated them, and their merged entries.
	stale map[string]bool
	again []report.Entry
	keep  bool
	whole []report.Entry
}

func newCollector(keep bool) *collector {
	return &collector{z: metrics.NewBriefer(), names: report.NewNameFile(""), keep: keep, stale: map[string]bool{}}
}

func (c *collector) sink() sink {
	return sink{
		add: func(_ int, e report.Entry) error {
			b, err := c.brief(e)
			if err != nil {
				return err
			}
			c.briefs.Append(b)
			if c.keep {
				c.whole = append(c.whole, e)
			}
			if c.x != nil && c.rows(b) {
				return c.x.Write(e)
			}
			return nil
		},
		replace: func(pos int, e report.Entry) error {
			old := *c.briefs.At(pos)
			b, err := c.brief(e)
			if err != nil {
				return err
			}
			*c.briefs.At(pos) = b
			if c.keep {
				c.whole[pos] = e
			}
			if c.x != nil && c.rows(old) {
				id, _, err := c.names.Name(old.Name)
				if err != nil {
					return err
				}
				c.stale[id] = true
			}
			if c.x != nil && c.rows(b) {
				c.again = append(c.again, e)
			}
			return nil
		},
	}
}

// close lets go of the names file.
func (c *collector) close() error { return c.names.Close() }

// brief keeps the ID and title of e in c.names and returns its Brief.
func (c *collector) brief(e report.Entry) (metrics.Brief, error) {
	k, err := c.names.Add(e.Incident.ID, e.Incident.Title)
	return c.z.Brief(e.Analysis, k), err
}

// finish writes the rows of the incidents merged after their rows went
// out in place of those rows.
func (c *collector) finish() error {
	if c.x == nil || (len(c.stale) == 0 && len(c.again) == 0) {
		return nil
	}
	return c.x.Replace(c.stale, c.again)
}

// collectExport streams the inputs into c while an export into dir is
// open, so that each incident's rows go out as it is read, then writes
// the metrics table that table gives from the Briefs and the inputs once
// all are read.
func collectExport(ctx context.Context, dir string, xopts report.ExportOptions, args []string, stdin io.Reader, stderr io.Writer,
	f *inputFlags, opts ingest.Options, c *collector, table func(*metrics.BriefList, []report.Input) ([]report.MetricRow, error)) (stats []report.FileStat, read readOutcome, err error) {
	stats, err = report.Export(ctx, dir, xopts, func(x *report.Exporter) error {
		c.x = x
		var err error
		if read, err = collect(ctx, args, stdin, stderr, f, opts, c); err != nil {
			return err
		}
		rows, err := table(&c.briefs, read.files)
		if err != nil {
			return err
		}
		return x.WriteMetrics(rows)
	})
	return stats, read, err
}

// collect streams the inputs into c, then finishes it.
func collect(ctx context.Context, args []string, stdin io.Reader, stderr io.Writer, f *inputFlags, opts ingest.Options, c *collector) (readOutcome, error) {
	out, err := stream(ctx, args, stdin, stderr, f, opts, c.sink())
	if err == nil {
		err = c.finish()
	}
	return out, err
}
