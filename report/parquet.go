package report

import (
	"bufio"
	"cmp"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"

	"github.com/parquet-go/parquet-go"

	"github.com/mttx-dev/mttx/metrics"
)

// DefaultRowGroupRows is how many rows a table file holds in memory
// before writing them out as one row group: an export's memory is at most
// this many rows per open file, whatever the number of incidents. 10,000
// rows is a few megabytes of updates, and row groups of that size are
// read in parallel by every warehouse.
const DefaultRowGroupRows = 10_000

// The tables an export writes, in the order docs/warehouse.md lists them.
const (
	TableIncidents = "incidents"
	TableUpdates   = "updates"
	TableTimeline  = "timeline"
	TableFactors   = "factors"
	TableMetrics   = "metrics"
)

// Tables lists the table names.
func Tables() []string {
	return []string{TableIncidents, TableUpdates, TableTimeline, TableFactors, TableMetrics}
}

// Partition says how the per-incident tables are split into files.
type Partition int

// Partitions.
const (
	// PartitionNone writes one file per table: DIR/incidents.parquet.
	PartitionNone Partition = iota
	// PartitionQuarter writes Hive-style directories by the quarter of
	// each incident's dated_at: DIR/incidents/quarter=2024Q1/part-0.parquet.
	// The metrics table is a summary, not per incident: it stays one file.
	PartitionQuarter
)

var partitionNames = [...]string{"none", "quarter"}

func (p Partition) String() string {
	if p >= 0 && int(p) < len(partitionNames) {
		return partitionNames[p]
	}
	return "unknown"
}

// ParsePartition reads a partitioning name: none or quarter.
func ParsePartition(s string) (Partition, error) {
	for i, n := range partitionNames {
		if s == n {
			return Partition(i), nil
		}
	}
	return 0, fmt.Errorf("unknown partitioning %q (want none or quarter)", s)
}

// UndatedPartition is the partition of incidents without a date: the
// name Hive, Spark and DuckDB read as NULL.
const UndatedPartition = "__HIVE_DEFAULT_PARTITION__"

// Mode says what an export does when its directory already exists.
type Mode int

// Modes.
const (
	// ModeError refuses to export, leaving the directory as it is.
	ModeError Mode = iota
	// ModeOverwrite replaces a directory that holds an earlier export
	// (and nothing else) once the new one is complete.
	ModeOverwrite
)

var modeNames = [...]string{"error", "overwrite"}

func (m Mode) String() string {
	if m >= 0 && int(m) < len(modeNames) {
		return modeNames[m]
	}
	return "unknown"
}

// ParseMode reads a mode name: error or overwrite.
func ParseMode(s string) (Mode, error) {
	for i, n := range modeNames {
		if s == n {
			return Mode(i), nil
		}
	}
	return 0, fmt.Errorf("unknown mode %q (want error or overwrite)", s)
}

// ExportOptions say how to export.
type ExportOptions struct {
	Partition Partition
	Mode      Mode
	// Version is the version of mttx, written into every file's
	// created_by ("mttx version 0.1.0"). It must not change between two
	// runs of one build: files are byte-for-byte reproducible.
	Version string
	// RowGroupRows is the row group size; 0 means DefaultRowGroupRows.
	RowGroupRows int
}

// ExistsError is returned when the export directory exists and the mode
// is ModeError.
type ExistsError struct{ Dir string }

func (e *ExistsError) Error() string { return fmt.Sprintf("%s already exists", e.Dir) }

// ForeignError is returned when ModeOverwrite would replace a directory
// that holds something an export does not write: replacing it would
// delete the user's files.
type ForeignError struct{ Dir, Name string }

func (e *ForeignError) Error() string {
	return fmt.Sprintf("%s holds %s, which is not part of an mttx export: not replacing it", e.Dir, e.Name)
}

// FileStat describes one file an export wrote.
type FileStat struct {
	Table string
	// Path is relative to the export directory, with slashes.
	Path  string
	Rows  int64
	Bytes int64
	part  string // the partition, "" when unpartitioned
}

// CheckTarget reports whether an export in this mode may write dir:
// nil when dir does not exist, or when it holds an earlier export and
// mode is ModeOverwrite; an *ExistsError or a *ForeignError otherwise. It
// changes nothing.
func CheckTarget(dir string, mode Mode) error {
	info, err := os.Lstat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if mode == ModeError {
		return &ExistsError{Dir: dir}
	}
	if !info.IsDir() {
		return &ForeignError{Dir: filepath.Dir(dir), Name: filepath.Base(dir) + " (a file, not a directory)"}
	}
	ents, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range ents {
		if !ownName(e.Name(), e.IsDir()) {
			return &ForeignError{Dir: dir, Name: e.Name()}
		}
	}
	return nil
}

// ownName reports whether an entry of an export directory is one an
// export writes: a table file, or a partitioned table's directory.
func ownName(name string, dir bool) bool {
	base, isFile := strings.CutSuffix(name, ".parquet")
	return slices.Contains(Tables(), base) && isFile != dir
}

// Export writes the warehouse tables into dir atomically: fill writes
// the rows through the Exporter into a temporary directory beside dir,
// which takes dir's place only once every file is complete and synced.
// After an error from fill, a cancelled ctx or a failed write, the
// temporary directory is removed and dir is left as it was: a reader never
// sees half a table. With ModeOverwrite the earlier export is moved aside,
// the new one renamed in, and the earlier one removed.
func Export(ctx context.Context, dir string, opts ExportOptions, fill func(*Exporter) error) (stats []FileStat, err error) {
	dir = filepath.Clean(dir)
	if err := CheckTarget(dir, opts.Mode); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(dir), "."+filepath.Base(dir)+".tmp-*")
	if err != nil {
		return nil, fmt.Errorf("export to %s: %w", dir, err)
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	x, err := newExporter(tmp, opts)
	if err != nil {
		return nil, fmt.Errorf("export to %s: %w", dir, err)
	}
	if err := fill(x); err != nil {
		x.abort()
		return nil, err
	}
	if err := ctx.Err(); err != nil {
		x.abort()
		return nil, err
	}
	if stats, err = x.close(); err != nil {
		return nil, fmt.Errorf("export to %s: %w", dir, err)
	}
	if err = os.Chmod(tmp, 0o755); err != nil { // MkdirTemp makes it 0700
		return nil, fmt.Errorf("export to %s: %w", dir, err)
	}
	if err = replace(tmp, dir, opts.Mode); err != nil {
		return nil, err
	}
	return stats, nil
}

// replace renames the complete export tmp to dir, checking dir again (it
// may have appeared while the export was written).
func replace(tmp, dir string, mode Mode) error {
	if err := CheckTarget(dir, mode); err != nil {
		return err
	}
	old := ""
	if _, err := os.Lstat(dir); err == nil {
		// Beside dir, and unique: the temporary directory's random suffix.
		old = strings.Replace(tmp, ".tmp-", ".old-", 1)
		if err := os.Rename(dir, old); err != nil {
			return fmt.Errorf("move the earlier export aside: %w", err)
		}
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			if back := os.Rename(old, dir); back != nil {
				return fmt.Errorf("export to %s: %w; the earlier export is left at %s: %v", dir, err, old, back)
			}
		}
		return fmt.Errorf("export to %s: %w", dir, err)
	}
	syncDir(filepath.Dir(dir))
	if old != "" {
		if err := os.RemoveAll(old); err != nil {
			return fmt.Errorf("exported to %s, but could not remove the earlier export moved to %s: %w", dir, old, err)
		}
	}
	return nil
}

// syncDir flushes a directory's entries to disk so that a rename
// survives a crash; it is best effort (not every system syncs
// directories).
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// Exporter writes the rows of every table. Rows go out in row groups of
// ExportOptions.RowGroupRows as they come: it holds at most one row group
// per open file.
type Exporter struct {
	partition Partition
	zstd      *zstdCodec // shared by every table
	incidents *parquetTable[IncidentRow]
	updates   *parquetTable[UpdateRow]
	timeline  *parquetTable[TimelineRow]
	factors   *parquetTable[FactorRow]
	metrics   *parquetTable[MetricRow]
	// Rows of the entry being written, reused from entry to entry.
	ups []UpdateRow
	tls []TimelineRow
	fcs []FactorRow
}

func newExporter(root string, opts ExportOptions) (*Exporter, error) {
	parted := opts.Partition == PartitionQuarter
	z, err := newZstdCodec()
	if err != nil {
		return nil, err
	}
	x := &Exporter{
		partition: opts.Partition,
		zstd:      z,
		incidents: newParquetTable[IncidentRow](root, TableIncidents, parted, opts, z),
		updates:   newParquetTable[UpdateRow](root, TableUpdates, parted, opts, z),
		timeline:  newParquetTable[TimelineRow](root, TableTimeline, parted, opts, z),
		factors:   newParquetTable[FactorRow](root, TableFactors, parted, opts, z),
		metrics:   newParquetTable[MetricRow](root, TableMetrics, false, opts, z),
	}
	// Unpartitioned tables are one file each, written even when empty, so
	// that a query over an export without factors still finds the table.
	for _, open := range x.eager() {
		if err := open(); err != nil {
			x.abort()
			return nil, err
		}
	}
	return x, nil
}

func (x *Exporter) eager() []func() error {
	open := []func() error{func() error { _, err := x.metrics.file(""); return err }}
	if x.partition == PartitionNone {
		open = append(open,
			func() error { _, err := x.incidents.file(""); return err },
			func() error { _, err := x.updates.file(""); return err },
			func() error { _, err := x.timeline.file(""); return err },
			func() error { _, err := x.factors.file(""); return err },
		)
	}
	return open
}

// Write writes the rows of one incident: its incidents row, its updates,
// timeline entries and factor evidence.
func (x *Exporter) Write(e Entry) error {
	part := PartitionOf(x.partition, e)
	x.ups = updateRows(x.ups[:0], e)
	x.tls = timelineRows(x.tls[:0], e)
	x.fcs = factorRows(x.fcs[:0], e)
	if err := x.incidents.write(part, []IncidentRow{incidentRow(e)}); err != nil {
		return err
	}
	if err := x.updates.write(part, x.ups); err != nil {
		return err
	}
	if err := x.timeline.write(part, x.tls); err != nil {
		return err
	}
	return x.factors.write(part, x.fcs)
}

// PartitionOf is the partition an entry's rows go to under p: "" when
// unpartitioned, else its quarter or UndatedPartition. Writing entries
// sorted by it keeps one file per partition (see parquetTable).
func PartitionOf(p Partition, e Entry) string {
	if p != PartitionQuarter {
		return ""
	}
	if t := utc(e.When()); t != nil {
		return metrics.Quarter(*t)
	}
	return UndatedPartition
}

// WriteMetrics writes rows to the metrics table (see MetricRows).
func (x *Exporter) WriteMetrics(rows []MetricRow) error { return x.metrics.write("", rows) }

// close finishes every file and returns what was written, sorted by path.
func (x *Exporter) close() ([]FileStat, error) {
	var stats []FileStat
	for _, c := range []func() ([]FileStat, error){x.incidents.close, x.updates.close, x.timeline.close, x.factors.close, x.metrics.close} {
		s, err := c()
		if err != nil {
			x.abort()
			return nil, err
		}
		stats = append(stats, s...)
	}
	x.zstd.close()
	slices.SortFunc(stats, func(a, b FileStat) int { return cmp.Compare(a.Path, b.Path) })
	return stats, nil
}

// abort closes every open file, ignoring errors: the export is being
// thrown away.
func (x *Exporter) abort() {
	x.incidents.abort()
	x.updates.abort()
	x.timeline.abort()
	x.factors.abort()
	x.metrics.abort()
	x.zstd.close()
}

// parquetTable is one table's files: one, or one per partition. A
// partitioned table keeps at most maxOpenPartitions files open, finishing
// the least recently written when it needs another: memory stays a few
// row groups whatever the number of quarters. Entries in partition order
// give one file per partition, and input in rough time order (most of it)
// few more: a partition that comes back after its file was finished gets
// a file more (part-1, ...).
type parquetTable[T any] struct {
	root, name  string
	partitioned bool
	opts        []parquet.WriterOption
	files       map[string]*parquetFile[T]
	parts       map[string]int // files written per partition
	done        []FileStat     // files finished
	clock       int            // counts writes, for least recently written
}

// maxOpenPartitions bounds the files a partitioned table keeps open:
// input in rough time order (most of it) then writes each partition once.
const maxOpenPartitions = 8

type parquetFile[T any] struct {
	rel      string
	lastUsed int
	f        *os.File
	buf      *bufio.Writer
	w        *parquet.GenericWriter[T]
	rows     int64
}

func newParquetTable[T any](root, name string, partitioned bool, o ExportOptions, z *zstdCodec) *parquetTable[T] {
	rows := o.RowGroupRows
	if rows <= 0 {
		rows = DefaultRowGroupRows
	}
	return &parquetTable[T]{
		root: root, name: name, partitioned: partitioned,
		files: map[string]*parquetFile[T]{}, parts: map[string]int{},
		opts: []parquet.WriterOption{
			parquet.Compression(z),
			parquet.MaxRowsPerRowGroup(int64(rows)),
			// A fixed created_by (the default names parquet-go's build)
			// and no clock: the same rows give the same bytes.
			&parquet.WriterConfig{CreatedBy: "mttx version " + o.Version},
			parquet.KeyValueMetadata("mttx.schema_version", SchemaVersion),
			parquet.KeyValueMetadata("mttx.metrics_version", metrics.Version),
			parquet.KeyValueMetadata("mttx.table", name),
		},
	}
}

// file returns the file of partition part, creating it on first use.
func (t *parquetTable[T]) file(part string) (*parquetFile[T], error) {
	if tf := t.files[part]; tf != nil {
		return tf, nil
	}
	rel := t.name + ".parquet"
	if t.partitioned {
		if len(t.files) >= maxOpenPartitions {
			if err := t.finishOldest(); err != nil {
				return nil, err
			}
		}
		rel = path.Join(t.name, "quarter="+part, fmt.Sprintf("part-%d.parquet", t.parts[part]))
		t.parts[part]++
	}
	p := filepath.Join(t.root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return nil, err
	}
	f, err := os.Create(p)
	if err != nil {
		return nil, err
	}
	buf := bufio.NewWriterSize(f, 64<<10)
	tf := &parquetFile[T]{rel: rel, f: f, buf: buf, w: parquet.NewGenericWriter[T](buf, t.opts...)}
	t.files[part] = tf
	return tf, nil
}

func (t *parquetTable[T]) write(part string, rows []T) error {
	if len(rows) == 0 {
		return nil
	}
	tf, err := t.file(part)
	if err != nil {
		return err
	}
	t.clock++
	tf.lastUsed = t.clock
	if _, err := tf.w.Write(rows); err != nil {
		return fmt.Errorf("write %s: %w", tf.rel, err)
	}
	tf.rows += int64(len(rows))
	return nil
}

// finishOldest finishes the file written to least recently.
func (t *parquetTable[T]) finishOldest() error {
	oldest := ""
	for part, tf := range t.files {
		if oldest == "" || tf.lastUsed < t.files[oldest].lastUsed {
			oldest = part
		}
	}
	return t.finishPart(oldest)
}

// finishPart finishes the open file of partition part.
func (t *parquetTable[T]) finishPart(part string) error {
	tf := t.files[part]
	delete(t.files, part)
	if err := tf.finish(); err != nil {
		return fmt.Errorf("write %s: %w", tf.rel, err)
	}
	info, err := os.Stat(tf.f.Name())
	if err != nil {
		return err
	}
	t.done = append(t.done, FileStat{Table: t.name, Path: tf.rel, Rows: tf.rows, Bytes: info.Size(), part: part})
	return nil
}

// finishOpen finishes every file still open.
func (t *parquetTable[T]) finishOpen() error {
	for _, part := range slices.Sorted(maps.Keys(t.files)) {
		if err := t.finishPart(part); err != nil {
			return err
		}
	}
	return nil
}

// close finishes the table's files: the last row group and the footer,
// flushed and synced.
func (t *parquetTable[T]) close() ([]FileStat, error) {
	if err := t.finishOpen(); err != nil {
		return nil, err
	}
	return t.done, nil
}

func (tf *parquetFile[T]) finish() error {
	err := tf.w.Close()
	if err == nil {
		err = tf.buf.Flush()
	}
	if err == nil {
		err = tf.f.Sync()
	}
	if cerr := tf.f.Close(); err == nil {
		err = cerr
	}
	return err
}

func (t *parquetTable[T]) abort() {
	for part, tf := range t.files {
		tf.f.Close()
		delete(t.files, part)
	}
}
