package report

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"maps"
	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/format"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

// exampleEntries reads testdata/examples as mttx does: every file, the
// same incident kept once, with its metrics and factors.
func exampleEntries(t testing.TB) []Entry {
	t.Helper()
	paths, errs := ingest.Expand([]string{"../testdata/examples"})
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	var incs []ingest.Incident
	dets := map[ingest.Source]ingest.Detection{}
	err := ingest.ReadAll(context.Background(), paths, nil, ingest.Options{}, 2, func(r ingest.FileResult) error {
		if r.Err != nil {
			return r.Err
		}
		for _, inc := range r.Incidents {
			dets[inc.Source] = r.Detection
			incs = append(incs, inc)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	tax, err := metrics.DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	var out []Entry
	for _, inc := range ingest.Dedup(incs) {
		out = append(out, NewEntry(inc, dets[inc.Source], tax))
	}
	if len(out) < 20 {
		t.Fatalf("%d example incidents; want the 26 of testdata/examples", len(out))
	}
	return out
}

// unknownEntry is an incident that says almost nothing: no organisation,
// impact, start or resolution, and an update without a time (which a
// parser never produces, but which must still not reach a column as the
// zero time).
func unknownEntry() Entry {
	inc := ingest.Incident{
		ID: "0000000000000000", Source: ingest.Source{Path: "bare.txt", Line: 3}, Format: ingest.FormatTextPostmortem,
		Updates: []ingest.Update{{Status: ingest.StatusInvestigating, Inferred: true, Text: "looking", Line: 4}},
		Timeline: []ingest.TimelineEntry{{Line: 9, Clock: "13h03", Text: "alerts fire",
			Local: ingest.LocalTime{Hour: 13, Min: 3}, Milestone: ingest.MilestoneDetected}},
	}
	return NewEntry(inc, ingest.Detection{}, nil)
}

func export(t testing.TB, dir string, opts ExportOptions, entries []Entry) []FileStat {
	t.Helper()
	if opts.Version == "" {
		opts.Version = "0.0.0-test"
	}
	entries = slices.Clone(entries)
	sortByPartition(entries, opts.Partition)
	stats, err := Export(context.Background(), dir, opts, func(x *Exporter) error {
		return writeAll(x, entries)
	})
	if err != nil {
		t.Fatal(err)
	}
	return stats
}

// writeAll writes the entries and the metrics table over them (quarters,
// maintenance left out), as mttx export does by default.
func writeAll(x *Exporter, entries []Entry) error {
	for _, e := range entries {
		if err := x.Write(e); err != nil {
			return err
		}
	}
	kept, _ := metrics.Filter{}.Apply(briefsOf(&metrics.NameList{}, entries))
	keys := []metrics.Key{metrics.KeyQuarter}
	return x.WriteMetrics(MetricRows(metrics.Distributions(kept), keys, metrics.GroupBy(kept, keys)))
}

func readRows[T any](t *testing.T, path string) []T {
	t.Helper()
	rows, err := parquet.ReadFile[T](path)
	if err != nil {
		t.Fatalf("read %s: %v", path, err)
	}
	return rows
}

func TestParquetRoundTrip(t *testing.T) {
	entries := append(exampleEntries(t), unknownEntry())
	dir := filepath.Join(t.TempDir(), "out")
	export(t, dir, ExportOptions{}, entries)

	incs := readRows[IncidentRow](t, filepath.Join(dir, "incidents.parquet"))
	if len(incs) != len(entries) {
		t.Fatalf("%d incidents rows; want %d", len(incs), len(entries))
	}
	var wantUpdates, wantTimeline, wantFactors []any
	for i, e := range entries {
		got, want := incs[i], incidentRow(e)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("incident %d (%s) read back differs:\n got %+v\nwant %+v", i, e.Incident.ID, got, want)
		}
		checkAgainstAnalysis(t, got, e)
		for _, r := range updateRows(nil, e) {
			wantUpdates = append(wantUpdates, r)
		}
		for _, r := range timelineRows(nil, e) {
			wantTimeline = append(wantTimeline, r)
		}
		for _, r := range factorRows(nil, e) {
			wantFactors = append(wantFactors, r)
		}
	}
	sameRows(t, "updates", readRows[UpdateRow](t, filepath.Join(dir, "updates.parquet")), wantUpdates)
	sameRows(t, "timeline", readRows[TimelineRow](t, filepath.Join(dir, "timeline.parquet")), wantTimeline)
	sameRows(t, "factors", readRows[FactorRow](t, filepath.Join(dir, "factors.parquet")), wantFactors)
	if len(wantFactors) == 0 || len(wantTimeline) == 0 {
		t.Errorf("the examples gave %d factor and %d timeline rows; the round trip checks nothing", len(wantFactors), len(wantTimeline))
	}

	bare := incs[len(incs)-1]
	if bare.Organization != nil || bare.Impact != nil || bare.StartAt != nil || bare.TTRSeconds != nil || bare.DatedAt != nil || bare.StatedDurationApproximate != nil {
		t.Errorf("unknowns of the bare incident are not NULL: %+v", bare)
	}
	ups := readRows[UpdateRow](t, filepath.Join(dir, "updates.parquet"))
	if last := ups[len(ups)-1]; last.At != nil || last.StatusText != nil {
		t.Errorf("an update without a time or a status word reads back %v, %v; want NULL, NULL", last.At, last.StatusText)
	}
	tl := readRows[TimelineRow](t, filepath.Join(dir, "timeline.parquet"))
	if last := tl[len(tl)-1]; last.At != nil || last.Zone != nil || last.Local != "13:03:00" || last.Milestone == nil || *last.Milestone != "detected" {
		t.Errorf("zoneless timeline entry reads back %+v", last)
	}
}

// checkAgainstAnalysis compares a row read back with the analysis it came
// from, independently of incidentRow: times in UTC to the microsecond,
// durations in seconds, NULL exactly where the metric is unknown.
func checkAgainstAnalysis(t *testing.T, r IncidentRow, e Entry) {
	t.Helper()
	ms := e.Result.Milestones
	for _, c := range []struct {
		name string
		got  *time.Time
		want metrics.Milestone
	}{{"start", r.StartAt, ms.Start}, {"detected", r.DetectedAt, ms.Detected}, {"identified", r.IdentifiedAt, ms.Identified},
		{"mitigated", r.MitigatedAt, ms.Mitigated}, {"resolved", r.ResolvedAt, ms.Resolved}, {"postmortem", r.PostmortemAt, ms.Postmortem}} {
		want := utc(c.want.At) // the zero time is NULL too
		switch {
		case (c.got == nil) != (want == nil):
			t.Errorf("%s %s_at = %v; want %v", e.Incident.ID, c.name, c.got, c.want.At)
		case c.got != nil && (!c.got.Equal(*c.want.At) || c.got.Location() != time.UTC):
			t.Errorf("%s %s_at = %v; want %v in UTC", e.Incident.ID, c.name, c.got, c.want.At)
		}
	}
	for m, got := range map[metrics.Metric]*int64{metrics.TTD: r.TTDSeconds, metrics.TTR: r.TTRSeconds, metrics.LongestSilence: r.LongestSilenceSeconds} {
		want := e.Result.Durations.Get(m)
		if (got == nil) != (want == nil) || (got != nil && *got != int64(want.Round(time.Second)/time.Second)) {
			t.Errorf("%s %s = %v; want %v", e.Incident.ID, m, fmtInt(got), want)
		}
	}
}

func fmtInt(p *int64) string {
	if p == nil {
		return "NULL"
	}
	return fmt.Sprint(*p)
}

func sameRows[T any](t *testing.T, table string, got []T, want []any) {
	t.Helper()
	if len(got) != len(want) {
		t.Fatalf("%s: %d rows read back; want %d", table, len(got), len(want))
	}
	for i := range got {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("%s row %d:\n got %+v\nwant %+v", table, i, got[i], want[i])
		}
	}
}

// TestParquetSchema checks the column types warehouses rely on: every
// time a TIMESTAMP(MICROS) adjusted to UTC, every pointer optional, every
// slice a LIST, every table zstd-compressed with a fixed created_by and
// the schema and metrics versions in its metadata.
func TestParquetSchema(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out")
	export(t, dir, ExportOptions{Version: "9.9.9"}, exampleEntries(t))
	for _, tt := range tableTypes() {
		t.Run(tt.name, func(t *testing.T) {
			schema := parquet.SchemaOf(reflect.New(tt.typ).Elem().Interface())
			for i := range tt.typ.NumField() {
				f := tt.typ.Field(i)
				name, _, _ := strings.Cut(f.Tag.Get("parquet"), ",")
				node := field(schema, name)
				if node == nil {
					t.Fatalf("column %s not in the schema", name)
				}
				if f.Type.Kind() == reflect.Pointer != node.Optional() {
					t.Errorf("%s: optional %v for Go type %v", name, node.Optional(), f.Type)
				}
				base := f.Type
				if base.Kind() == reflect.Pointer {
					base = base.Elem()
				}
				switch {
				case base == reflect.TypeFor[time.Time]():
					lt := node.Type().LogicalType()
					if lt == nil || lt.String() != "TIMESTAMP(isAdjustedToUTC=true,unit=MICROS)" {
						t.Errorf("%s: logical type %v; want TIMESTAMP(isAdjustedToUTC=true,unit=MICROS)", name, lt)
					}
				case base.Kind() == reflect.Slice:
					if lt := node.Type().LogicalType(); lt == nil || !isList(lt) {
						t.Errorf("%s: %v; want a LIST", name, node.Type())
					}
				}
				if doc := f.Tag.Get("doc"); doc == "" {
					t.Errorf("%s: no doc tag (docs/warehouse.md is generated from it)", name)
				}
			}
			checkFileMetadata(t, filepath.Join(dir, tt.name+".parquet"), tt.name)
		})
	}
}

// field returns the top-level column called name, or nil.
func field(s *parquet.Schema, name string) parquet.Field {
	for _, f := range s.Fields() {
		if f.Name() == name {
			return f
		}
	}
	return nil
}

func isList(lt *format.LogicalType) bool {
	_, ok := lt.Value.(*format.ListType)
	return ok
}

func checkFileMetadata(t *testing.T, path, table string) {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	md := pf.Metadata()
	if md.CreatedBy != "mttx version 9.9.9" {
		t.Errorf("created_by %q; want %q", md.CreatedBy, "mttx version 9.9.9")
	}
	kv := map[string]string{}
	for _, x := range md.KeyValueMetadata {
		kv[x.Key] = x.Value
	}
	want := map[string]string{"mttx.schema_version": SchemaVersion, "mttx.metrics_version": metrics.Version, "mttx.table": table}
	if !reflect.DeepEqual(kv, want) {
		t.Errorf("key-value metadata %v; want %v", kv, want)
	}
	for _, rg := range md.RowGroups {
		for _, c := range rg.Columns {
			if c.MetaData.Codec != format.Zstd {
				t.Errorf("column %v compressed with %v; want ZSTD", c.MetaData.PathInSchema, c.MetaData.Codec)
			}
		}
	}
}

// TestParquetRowGroups: rows go out in row groups of RowGroupRows as
// they come.
func TestParquetRowGroups(t *testing.T) {
	entries := exampleEntries(t)
	dir := filepath.Join(t.TempDir(), "out")
	export(t, dir, ExportOptions{RowGroupRows: 4}, entries)
	f, err := os.Open(filepath.Join(dir, "incidents.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	info, _ := f.Stat()
	pf, err := parquet.OpenFile(f, info.Size())
	if err != nil {
		t.Fatal(err)
	}
	var sizes []int64
	for _, rg := range pf.RowGroups() {
		sizes = append(sizes, rg.NumRows())
	}
	want := (len(entries) + 3) / 4
	if len(sizes) != want || sizes[0] != 4 {
		t.Errorf("row groups %v; want %d of at most 4 rows", sizes, want)
	}
}

// TestExportPartitionUnsorted writes entries out of partition order: the
// exporter still holds one file open per table, a partition that comes
// back gets another file, and no row is lost.
func TestExportPartitionUnsorted(t *testing.T) {
	entries := exampleEntries(t)
	dir := filepath.Join(t.TempDir(), "out")
	stats, err := Export(context.Background(), dir, ExportOptions{Partition: PartitionQuarter, Version: "0.0.0-test"}, func(x *Exporter) error {
		return writeAll(x, entries)
	})
	if err != nil {
		t.Fatal(err)
	}
	var rows int64
	parts := map[string]bool{}
	for _, s := range stats {
		if s.Table == TableIncidents {
			rows += s.Rows
			parts[path.Dir(s.Path)] = true
			if s.Rows == 0 {
				t.Errorf("%s: an empty file", s.Path)
			}
		}
	}
	want := map[string]bool{}
	for _, e := range entries {
		want[path.Join(TableIncidents, "quarter="+PartitionOf(PartitionQuarter, e))] = true
	}
	if rows != int64(len(entries)) || len(parts) != len(want) {
		t.Errorf("%d incident rows in %d partitions; want %d rows in %d", rows, len(parts), len(entries), len(want))
	}
}

func TestExportPartitionLayout(t *testing.T) {
	entries := append(exampleEntries(t), unknownEntry())
	dir := filepath.Join(t.TempDir(), "out")
	stats := export(t, dir, ExportOptions{Partition: PartitionQuarter}, entries)

	perQuarter := map[string]int{}
	for _, e := range entries {
		q := UndatedPartition
		if w := utc(e.When()); w != nil {
			q = metrics.Quarter(*w)
		}
		perQuarter[q]++
	}
	var incidentRows int64
	for _, s := range stats {
		if s.Table == TableMetrics {
			if s.Path != "metrics.parquet" {
				t.Errorf("metrics written to %s; want metrics.parquet", s.Path)
			}
			continue
		}
		dirName, file := filepath.Split(s.Path)
		table, part, _ := strings.Cut(strings.TrimSuffix(dirName, "/"), "/quarter=")
		if table != s.Table || file != "part-0.parquet" || part == "" {
			t.Errorf("file %s of %s: want %s/quarter=Q/part-0.parquet", s.Path, s.Table, s.Table)
		}
		if s.Table == TableIncidents {
			incidentRows += s.Rows
			if int64(perQuarter[part]) != s.Rows {
				t.Errorf("%s: %d rows; want %d", s.Path, s.Rows, perQuarter[part])
			}
			for _, r := range readRows[IncidentRow](t, filepath.Join(dir, s.Path)) {
				got := UndatedPartition
				if r.DatedAt != nil {
					got = metrics.Quarter(*r.DatedAt)
				}
				if got != part {
					t.Errorf("%s holds incident %s dated %s", s.Path, r.ID, got)
				}
			}
		}
	}
	if incidentRows != int64(len(entries)) || perQuarter["2024Q1"] == 0 || perQuarter[UndatedPartition] != 1 {
		t.Errorf("%d incident rows in partitions of %v; want %d", incidentRows, perQuarter, len(entries))
	}
	if _, err := os.Stat(filepath.Join(dir, "incidents", "quarter=2024Q1", "part-0.parquet")); err != nil {
		t.Error(err)
	}
}

func TestExportModes(t *testing.T) {
	entries := exampleEntries(t)
	dir := filepath.Join(t.TempDir(), "out")
	export(t, dir, ExportOptions{}, entries[:3])

	_, err := Export(context.Background(), dir, ExportOptions{Mode: ModeError}, func(x *Exporter) error {
		t.Error("fill called although the directory exists")
		return nil
	})
	var exists *ExistsError
	if !errors.As(err, &exists) {
		t.Fatalf("mode error over an existing export: %v; want an ExistsError", err)
	}
	if n := len(readRows[IncidentRow](t, filepath.Join(dir, "incidents.parquet"))); n != 3 {
		t.Errorf("refused export changed the directory: %d rows", n)
	}

	// Overwrite, and overwrite one layout with the other.
	export(t, dir, ExportOptions{Mode: ModeOverwrite, Partition: PartitionQuarter}, entries)
	export(t, dir, ExportOptions{Mode: ModeOverwrite}, entries)
	if n := len(readRows[IncidentRow](t, filepath.Join(dir, "incidents.parquet"))); n != len(entries) {
		t.Errorf("after overwrite %d rows; want %d", n, len(entries))
	}
	if _, err := os.Stat(filepath.Join(dir, "incidents")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the partitioned export it replaced is still there: %v", err)
	}
	assertOnly(t, filepath.Dir(dir), "out")

	// A directory that holds anything else is never replaced.
	precious := filepath.Join(dir, "notes.txt")
	if err := os.WriteFile(precious, []byte("mine"), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err = Export(context.Background(), dir, ExportOptions{Mode: ModeOverwrite}, func(x *Exporter) error { return writeAll(x, entries) })
	var foreign *ForeignError
	if !errors.As(err, &foreign) || foreign.Name != "notes.txt" {
		t.Fatalf("overwrite of a directory with notes.txt: %v; want a ForeignError naming it", err)
	}
	if _, err := os.Stat(precious); err != nil {
		t.Error(err)
	}
	assertOnly(t, filepath.Dir(dir), "out")
}

// TestExportAtomic: an error half-way, or a cancelled context, leaves
// no directory (or the earlier export untouched) and no temporary files.
func TestExportAtomic(t *testing.T) {
	entries := exampleEntries(t)
	boom := errors.New("disk full")
	failHalfway := func(x *Exporter) error {
		for i, e := range entries {
			if i == len(entries)/2 {
				return boom
			}
			if err := x.Write(e); err != nil {
				return err
			}
		}
		return nil
	}
	for _, p := range []Partition{PartitionNone, PartitionQuarter} {
		t.Run(p.String(), func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "out")
			if _, err := Export(context.Background(), dir, ExportOptions{Partition: p}, failHalfway); !errors.Is(err, boom) {
				t.Fatalf("error %v; want %v", err, boom)
			}
			assertOnly(t, parent)

			export(t, dir, ExportOptions{Partition: p}, entries[:2])
			before := readTree(t, dir)
			if _, err := Export(context.Background(), dir, ExportOptions{Partition: p, Mode: ModeOverwrite}, failHalfway); !errors.Is(err, boom) {
				t.Fatalf("error %v; want %v", err, boom)
			}
			ctx, cancel := context.WithCancel(context.Background())
			_, err := Export(ctx, dir, ExportOptions{Partition: p, Mode: ModeOverwrite}, func(x *Exporter) error {
				cancel()
				return writeAll(x, entries)
			})
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("cancelled export: %v; want context.Canceled", err)
			}
			if after := readTree(t, dir); !reflect.DeepEqual(before, after) {
				t.Errorf("failed overwrites changed the earlier export")
			}
			assertOnly(t, parent, "out")
		})
	}
}

// TestExportDeterministic: the same entries give the same bytes, file by
// file, in both layouts.
func TestExportDeterministic(t *testing.T) {
	entries := append(exampleEntries(t), unknownEntry())
	for _, p := range []Partition{PartitionNone, PartitionQuarter} {
		a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
		export(t, a, ExportOptions{Partition: p}, entries)
		export(t, b, ExportOptions{Partition: p}, entries)
		ta, tb := readTree(t, a), readTree(t, b)
		if len(ta) < 5 {
			t.Fatalf("%s: only %d files", p, len(ta))
		}
		if !slices.Equal(slices.Sorted(maps.Keys(ta)), slices.Sorted(maps.Keys(tb))) {
			t.Fatalf("%s: different files", p)
		}
		for name, data := range ta {
			if !bytes.Equal(data, tb[name]) {
				t.Errorf("%s: %s differs between two exports of the same input", p, name)
			}
		}
	}
}

// readTree returns every file under dir by relative path.
func readTree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)] = data
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// assertOnly checks that dir holds exactly the names given: no temporary
// or moved-aside directory is left behind.
func assertOnly(t *testing.T, dir string, names ...string) {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range ents {
		got = append(got, e.Name())
	}
	if !slices.Equal(got, names) {
		t.Errorf("%s holds %v; want %v", dir, got, names)
	}
}

func TestParsePartitionAndMode(t *testing.T) {
	for _, s := range []string{"none", "quarter"} {
		if p, err := ParsePartition(s); err != nil || p.String() != s {
			t.Errorf("ParsePartition(%q) = %v, %v", s, p, err)
		}
	}
	for _, s := range []string{"error", "overwrite"} {
		if m, err := ParseMode(s); err != nil || m.String() != s {
			t.Errorf("ParseMode(%q) = %v, %v", s, m, err)
		}
	}
	if _, err := ParsePartition("month"); err == nil {
		t.Error("ParsePartition(month): no error")
	}
	if _, err := ParseMode("append"); err == nil {
		t.Error("ParseMode(append): no error")
	}
}

// syntheticEntries makes n incidents from the examples: each a copy of
// one with its own ID and its times moved on by 37 hours per copy, so that
// the copies spread over many quarters. Built in memory, never committed.
func syntheticEntries(b *testing.B, n int) []Entry {
	base := exampleEntries(b)
	tax, err := metrics.DefaultTaxonomy()
	if err != nil {
		b.Fatal(err)
	}
	out := make([]Entry, n)
	for i := range out {
		e := base[i%len(base)]
		inc := e.Incident
		shift := time.Duration(i) * 37 * time.Hour
		inc.ID = fmt.Sprintf("%016x", i)
		inc.Updates = slices.Clone(inc.Updates)
		for j := range inc.Updates {
			inc.Updates[j].At = inc.Updates[j].At.Add(shift)
		}
		inc.Timeline = slices.Clone(inc.Timeline)
		for j := range inc.Timeline {
			if at := inc.Timeline[j].At; at != nil {
				moved := at.Add(shift)
				inc.Timeline[j].At = &moved
			}
		}
		for _, s := range []**ingest.Stated{&inc.ImpactStart, &inc.ImpactEnd} {
			if *s != nil {
				moved := **s
				moved.At = moved.At.Add(shift)
				*s = &moved
			}
		}
		out[i] = NewEntry(inc, e.Detection, tax)
	}
	return out
}

// BenchmarkExportParquet writes every table of n incidents, unpartitioned
// and by quarter: rows/s counts the rows of all five tables, MB/s the
// bytes written.
func BenchmarkExportParquet(b *testing.B) {
	entries := syntheticEntries(b, 20_000)
	// The metrics table's statistics (bootstraps) are metrics' cost, not
	// the writer's: computed once, outside the loop.
	kept, _ := metrics.Filter{}.Apply(briefsOf(&metrics.NameList{}, entries))
	keys := []metrics.Key{metrics.KeyQuarter}
	metricRows := MetricRows(nil, keys, metrics.GroupBy(kept, keys))
	for _, p := range []Partition{PartitionNone, PartitionQuarter} {
		b.Run(p.String(), func(b *testing.B) {
			entries := slices.Clone(entries)
			sortByPartition(entries, p) // as mttx export does
			b.ReportAllocs()
			var rows, size int64
			for b.Loop() {
				dir := filepath.Join(b.TempDir(), "out")
				stats, err := Export(context.Background(), dir, ExportOptions{Partition: p, Version: "bench"}, func(x *Exporter) error {
					for _, e := range entries {
						if err := x.Write(e); err != nil {
							return err
						}
					}
					return x.WriteMetrics(metricRows)
				})
				if err != nil {
					b.Fatal(err)
				}
				rows, size = 0, 0
				for _, s := range stats {
					rows += s.Rows
					size += s.Bytes
				}
			}
			b.SetBytes(size)
			b.ReportMetric(float64(rows)*float64(b.N)/b.Elapsed().Seconds(), "rows/s")
			b.ReportMetric(float64(len(entries))*float64(b.N)/b.Elapsed().Seconds(), "incidents/s")
		})
	}
}

// sortByPartition orders entries by their partition under p, keeping
// their order within one: written in this order, each partition of each
// table is one file (the tests of the layout want that; mttx writes
// incidents as they come, in at most a few files per partition).
func sortByPartition(entries []Entry, p Partition) {
	if p == PartitionNone {
		return
	}
	// Each entry's partition is worked out once, not at every comparison.
	type keyedEntry struct {
		part string
		e    Entry
	}
	keyed := make([]keyedEntry, len(entries))
	for i, e := range entries {
		keyed[i] = keyedEntry{PartitionOf(p, e), e}
	}
	slices.SortStableFunc(keyed, func(a, b keyedEntry) int { return cmp.Compare(a.part, b.part) })
	for i := range keyed {
		entries[i] = keyed[i].e
	}
}
