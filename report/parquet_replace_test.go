package report

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mttx-dev/mttx/ingest"
)

// TestExportReplace writes the examples, then replaces the rows of one
// incident with those of a changed copy of it (another title, one update
// and a start in another quarter), as the streaming pipeline does when a
// later input repeats the incident. Each table must then hold the same
// rows as an export of the final incidents written directly, and the
// stats must count them.
func TestExportReplace(t *testing.T) {
	entries := exampleEntries(t)
	var victim Entry
	for _, e := range entries {
		if len(e.Incident.Updates) > 2 && len(e.Factors.Found) > 0 {
			victim = e
			break
		}
	}
	if victim.Incident.ID == "" {
		t.Fatal("no example incident with updates and factors")
	}
	inc := victim.Incident
	inc.Title = "A title of its own"
	inc.Updates = inc.Updates[len(inc.Updates)-1:]
	inc.ImpactStart = &ingest.Stated{At: inc.Updates[0].At.AddDate(-1, 0, 0)}
	replaced := NewEntry(inc, victim.Detection, nil)
	var final []Entry
	for _, e := range entries {
		if e.Incident.ID != victim.Incident.ID {
			final = append(final, e)
		}
	}
	final = append(final, replaced)
	// Row groups of 3 rows: most are copied as they are, the one that
	// held the incident is written again.
	for _, c := range []struct {
		part Partition
		rows int
	}{{PartitionNone, 0}, {PartitionQuarter, 0}, {PartitionNone, 3}, {PartitionQuarter, 3}} {
		t.Run(fmt.Sprintf("%s/%d", c.part, c.rows), func(t *testing.T) {
			opts := ExportOptions{Partition: c.part, Version: "0.0.0-test", RowGroupRows: c.rows}
			got := filepath.Join(t.TempDir(), "got")
			stats, err := Export(context.Background(), got, opts, func(x *Exporter) error {
				for _, e := range entries {
					if err := x.Write(e); err != nil {
						return err
					}
				}
				return x.Replace(map[string]bool{victim.Incident.ID: true}, []Entry{replaced})
			})
			if err != nil {
				t.Fatal(err)
			}
			want := filepath.Join(t.TempDir(), "want")
			if _, err := Export(context.Background(), want, opts, func(x *Exporter) error {
				for _, e := range final {
					if err := x.Write(e); err != nil {
						return err
					}
				}
				return nil
			}); err != nil {
				t.Fatal(err)
			}
			counted := map[string]int64{}
			for _, s := range stats {
				counted[s.Table] += s.Rows
			}
			compareTable[IncidentRow](t, got, want, TableIncidents, counted)
			compareTable[UpdateRow](t, got, want, TableUpdates, counted)
			compareTable[TimelineRow](t, got, want, TableTimeline, counted)
			compareTable[FactorRow](t, got, want, TableFactors, counted)
		})
	}
}

// compareTable checks that table holds the same rows, in any order and
// files, under got and want, and as many as counted says.
func compareTable[T any](t *testing.T, got, want, table string, counted map[string]int64) {
	t.Helper()
	g, w := tableRows[T](t, got, table), tableRows[T](t, want, table)
	if !slices.Equal(g, w) {
		t.Errorf("%s: %d rows after the replacement, %d written directly; they differ", table, len(g), len(w))
	}
	if int64(len(g)) != counted[table] {
		t.Errorf("%s: %d rows; the stats say %d", table, len(g), counted[table])
	}
}

// tableRows reads every file of a table as sorted JSON lines.
func tableRows[T any](t *testing.T, dir, table string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || filepath.Ext(p) != ".parquet" {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel = filepath.ToSlash(rel); rel != table+".parquet" && !strings.HasPrefix(rel, table+"/") {
			return nil
		}
		for _, r := range readRows[T](t, p) {
			b, _ := json.Marshal(r)
			out = append(out, string(b))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}
