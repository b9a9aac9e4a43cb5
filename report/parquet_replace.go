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
		x.incidents.replace(staleRows[IncidentRow]{"id", stale, func(r *IncidentRow) string { return r.ID }}, incs),
		x.updates.replace(staleRows[UpdateRow]{"incident_id", stale, func(r *UpdateRow) string { return r.IncidentID }}, ups),
		x.timeline.replace(staleRows[TimelineRow]{"incident_id", stale, func(r *TimelineRow) string { return r.IncidentID }}, tls),
		x.factors.replace(staleRows[FactorRow]{"incident_id", stale, func(r *FactorRow) string { return r.IncidentID }}, fcs),
	)
}

// staleRows says which rows of a table to drop: those whose incident ID,
// in column and as id reads it from a row, is in ids.
type staleRows[T any] struct {
	column string
	ids    map[string]bool
	id     func(*T) string
}

// in reports whether the row group holds a stale row, reading its ID
// column only.
func (s staleRows[T]) in(f *parquet.File, rg parquet.RowGroup) (bool, error) {
	leaf, ok := f.Schema().Lookup(s.column)
	if !ok {
		return false, fmt.Errorf("no column %s", s.column)
	}
	vr := parquet.NewColumnChunkValueReader(rg.ColumnChunks()[leaf.ColumnIndex])
	defer vr.Close()
	vals := make([]parquet.Value, 1024)
	for {
		n, err := vr.ReadValues(vals)
		for _, v := range vals[:n] {
			if s.ids[string(v.ByteArray())] {
				return true, nil
			}
		}
		if err == io.EOF {
			return false, nil
		}
		if err != nil {
			return false, err
		}
	}
}

// replace finishes every open file, writes each finished file again
// without the rows stale picks, with rows[part] appended to the last file
// of partition part; the rows of partitions without a file go into new
// ones.
func (t *parquetTable[T]) replace(stale staleRows[T], rows map[string][]T) error {
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

// rewrite writes the finished file fs again without the stale rows and
// with extra at its end, through a temporary file renamed over it. Row
// groups without a stale row are copied as they are, compressed pages and
// all: only the row groups that held the stale rows are decoded and
// encoded again.
func (t *parquetTable[T]) rewrite(fs *FileStat, stale staleRows[T], extra []T) (err error) {
	p := filepath.Join(t.root, filepath.FromSlash(fs.Path))
	in, err := os.Open(p)
	if err != nil {
		return err
	}
	defer in.Close()
	info, err := in.Stat()
	if err != nil {
		return err
	}
	pf, err := parquet.OpenFile(in, info.Size())
	if err != nil {
		return err
	}
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
	rows, at := int64(0), int64(0)
	for _, rg := range pf.RowGroups() {
		dirty, err := stale.in(pf, rg)
		if err != nil {
			return err
		}
		if !dirty {
			n, err := w.WriteRowGroup(rg)
			if err != nil {
				return err
			}
			rows += n
		} else {
			n, err := copyFresh(w, r, at, rg.NumRows(), stale)
			if err != nil {
				return err
			}
			rows += n
		}
		at += rg.NumRows()
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
	if info, err = os.Stat(p); err != nil {
		return err
	}
	fs.Rows, fs.Bytes = rows, info.Size()
	return nil
}

// copyFresh copies the n rows of r from row at to w, less the stale ones,
// as a row group of their own, and returns how many it copied.
func copyFresh[T any](w *parquet.GenericWriter[T], r *parquet.GenericReader[T], at, n int64, stale staleRows[T]) (int64, error) {
	if err := r.SeekToRow(at); err != nil {
		return 0, err
	}
	batch := make([]T, 256)
	copied := int64(0)
	for n > 0 {
		k, rerr := r.Read(batch[:min(int64(len(batch)), n)])
		n -= int64(k)
		keep := batch[:0]
		for j := range batch[:k] {
			if !stale.ids[stale.id(&batch[j])] {
				keep = append(keep, batch[j])
			}
		}
		if _, err := w.Write(keep); err != nil {
			return copied, err
		}
		copied += int64(len(keep))
		if rerr == io.EOF && n > 0 {
			return copied, io.ErrUnexpectedEOF
		}
		if rerr != nil && rerr != io.EOF {
			return copied, rerr
		}
		if k == 0 && rerr == nil {
			return copied, io.ErrNoProgress
		}
	}
	return copied, w.Flush()
}
