package report

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/parquet-go/parquet-go"
)

// Replace swaps the rows already written for some incidents for new ones.
// It is for an incident read again from a later input and merged after
// its rows went out (mttx writes rows as incidents arrive, so that memory
// does not grow with them). Every file written so far is finished and
// written again without the rows of the incidents whose IDs stale holds;
// then the entries' rows go at the end of their partition's last file, or
// into a new file when their partition has none. A run whose inputs
// repeat no incident never calls it; one that does pays a rewrite of the
// tables, once.
func (x *Exporter) Replace(stale map[string]bool, entries []Entry) error {
	incs := map[string][]IncidentRow{}
	ups := map[string][]UpdateRow{}
	tls := map[string][]TimelineRow{}
	fcs := map[string][]FactorRow{}
	for _, e := range entries {
		part := PartitionOf(x.partition, e)
		incs[part] = append(incs[part], incidentRow(e))
		ups[part] = updateRows(ups[part], e)
		tls[part] = timelineRows(tls[part], e)
		fcs[part] = factorRows(fcs[part], e)
	}
	return errors.Join(
		x.incidents.replace(func(r *IncidentRow) bool { return stale[r.ID] }, incs),
		x.updates.replace(func(r *UpdateRow) bool { return stale[r.IncidentID] }, ups),
		x.timeline.replace(func(r *TimelineRow) bool { return stale[r.IncidentID] }, tls),
		x.factors.replace(func(r *FactorRow) bool { return stale[r.IncidentID] }, fcs),
	)
}

// replace finishes every open file, writes each finished file again
// without the rows stale picks, with rows[part] appended to the last file
// of partition part; the rows of partitions without a file go into new
// ones.
func (t *parquetTable[T]) replace(stale func(*T) bool, rows map[string][]T) error {
	if err := t.finishOpen(); err != nil {
		return err
	}
	last := map[string]int{}
	for i, f := range t.done {
		last[f.part] = i
	}
	for i := range t.done {
		part := t.done[i].part
		var extra []T
		if last[part] == i {
			extra = rows[part]
			delete(rows, part)
		}
		if err := t.rewrite(&t.done[i], stale, extra); err != nil {
			return fmt.Errorf("write %s: %w", t.done[i].Path, err)
		}
	}
	for _, part := range slices.Sorted(maps.Keys(rows)) {
		if err := t.write(part, rows[part]); err != nil {
			return err
		}
	}
	return nil
}

// rewrite writes the finished file fs again without the rows stale picks
// and with extra at its end, through a temporary file renamed over it.
func (t *parquetTable[T]) rewrite(fs *FileStat, stale func(*T) bool, extra []T) (err error) {
	p := filepath.Join(t.root, filepath.FromSlash(fs.Path))
	in, err := os.Open(p)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.CreateTemp(filepath.Dir(p), ".rewrite-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			out.Close()
			os.Remove(out.Name())
		}
	}()
	buf := bufio.NewWriterSize(out, 64<<10)
	w := parquet.NewGenericWriter[T](buf, t.opts...)
	r := parquet.NewGenericReader[T](in)
	defer r.Close()
	rows := int64(0)
	batch := make([]T, 256)
	for {
		n, rerr := r.Read(batch)
		keep := batch[:0]
		for j := range batch[:n] {
			if !stale(&batch[j]) {
				keep = append(keep, batch[j])
			}
		}
		if _, err := w.Write(keep); err != nil {
			return err
		}
		rows += int64(len(keep))
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return rerr
		}
	}
	if _, err := w.Write(extra); err != nil {
		return err
	}
	rows += int64(len(extra))
	tf := &parquetFile[T]{f: out, buf: buf, w: w}
	if err := tf.finish(); err != nil {
		return err
	}
	if err := os.Rename(out.Name(), p); err != nil {
		return err
	}
	info, err := os.Stat(p)
	if err != nil {
		return err
	}
	fs.Rows, fs.Bytes = rows, info.Size()
	return nil
}
