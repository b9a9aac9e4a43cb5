package main

import (
	"bytes"
	"context"
	"encoding/json"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mttx-dev/mttx/metrics"
)

const examples = "../../testdata/examples"

func TestExportFlags(t *testing.T) {
	good := "../../testdata/parse/sp-est-winter.txt"
	bad := "../../testdata/broken/unknown-format.txt"
	existing := filepath.Join(t.TempDir(), "existing")
	if err := os.Mkdir(existing, 0o755); err != nil {
		t.Fatal(err)
	}
	out := func() string { return filepath.Join(t.TempDir(), "wh") }
	tests := []struct {
		name      string
		args      []string
		code      int
		stdoutHas string
		stderrHas string
	}{
		{"help", []string{"export", "--help"}, exitOK, "", "docs/warehouse.md"},
		{"help via help", []string{"help", "export"}, exitOK, "", "--partition"},
		{"no --parquet", []string{"export", good}, exitUsage, "", "--parquet DIR is required"},
		{"bad partition", []string{"export", "--parquet", out(), "--partition", "month", good}, exitUsage, "", `unknown partitioning "month"`},
		{"bad mode", []string{"export", "--parquet", out(), "--mode", "append", good}, exitUsage, "", `unknown mode "append"`},
		{"bad group-by", []string{"export", "--parquet", out(), "--group-by", "colour", good}, exitUsage, "", `unknown grouping key "colour"`},
		{"three keys", []string{"export", "--parquet", out(), "--group-by", "quarter,org,impact", good}, exitUsage, "", "one or two keys"},
		{"no input", []string{"export", "--parquet", out()}, exitUsage, "", "no input"},
		{"exists", []string{"export", "--parquet", existing, good}, exitPartial, "", "existing already exists: nothing written (--mode overwrite"},
		{"ok", []string{"export", "--parquet", out(), good}, exitOK, "5 files, 21 rows", ""},
		{"one bad input", []string{"export", "--parquet", out(), good, bad}, exitPartial, "5 files, ", "1 of 2 inputs could not be read"},
		{"two keys", []string{"export", "--parquet", out(), "--group-by", "quarter,impact", "--partition", "quarter", good}, exitOK, "incidents/quarter=2024Q1/part-0.parquet", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			expectRun(t, "", tt.args, tt.code, tt.stdoutHas, tt.stderrHas)
		})
	}
	if ents, _ := os.ReadDir(existing); len(ents) != 0 {
		t.Errorf("the refused export wrote into the existing directory: %v", ents)
	}
}

// TestExportTwiceSameBytes: the same input exported twice gives the same
// files, byte for byte, and --mode overwrite replaces an export in place.
func TestExportTwiceSameBytes(t *testing.T) {
	for _, part := range []string{"none", "quarter"} {
		a, b := filepath.Join(t.TempDir(), "a"), filepath.Join(t.TempDir(), "b")
		for _, dir := range []string{a, b, b} {
			if code, _, errOut := mttx(t, "", "export", "--parquet", dir, "--mode", "overwrite", "--partition", part, examples); code != exitOK {
				t.Fatalf("exit %d: %s", code, errOut)
			}
		}
		ta, tb := tree(t, a), tree(t, b)
		if len(ta) < 5 || !slices.Equal(slices.Sorted(maps.Keys(ta)), slices.Sorted(maps.Keys(tb))) {
			t.Fatalf("partition %s: files %v and %v", part, slices.Sorted(maps.Keys(ta)), slices.Sorted(maps.Keys(tb)))
		}
		for name := range ta {
			if !bytes.Equal(ta[name], tb[name]) {
				t.Errorf("partition %s: %s differs between two exports of the same input", part, name)
			}
		}
	}
}

func tree(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		out[filepath.ToSlash(rel)], err = os.ReadFile(p)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// ttrStat is one group's TTR as the DuckDB check compares it, in seconds.
type ttrStat struct {
	Incidents int      `json:"incidents"`
	Known     int      `json:"known"`
	Median    *float64 `json:"median"`
	P90       *float64 `json:"p90"`
}

// ttrSources are mttx's own per-quarter TTR numbers that the DuckDB check
// holds its SQL to, besides the metrics table it reads from the export.
// Each returns the groups ("2024Q1", "(undated)", "all") of the incidents
// read from paths.
var ttrSources = []struct {
	name string
	get  func(t *testing.T, paths []string) map[string]ttrStat
}{
	{"metrics.GroupBy", groupByTTR},
	{"mttx report --format json", reportJSONTTR},
}

// reportJSONTTR reads TTR per quarter from what mttx report --format json
// --group-by quarter writes: the summary and each group.
func reportJSONTTR(t *testing.T, paths []string) map[string]ttrStat {
	code, out, stderr := mttx(t, "", append([]string{"report", "--format", "json", "--group-by", "quarter"}, paths...)...)
	if code != exitOK {
		t.Fatalf("mttx report: exit %d\n%s", code, stderr)
	}
	type dist struct {
		ttrStat
		Metric string `json:"metric"`
	}
	var doc struct {
		Summary []dist `json:"summary"`
		Groups  struct {
			Groups []struct {
				Values        []string `json:"values"`
				Distributions []dist   `json:"distributions"`
			} `json:"groups"`
		} `json:"groups"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	ttr := func(ds []dist) ttrStat {
		for _, d := range ds {
			if d.Metric == "ttr" {
				return d.ttrStat
			}
		}
		t.Fatal("no ttr distribution in the JSON review")
		return ttrStat{}
	}
	got := map[string]ttrStat{"all": ttr(doc.Summary)}
	for _, g := range doc.Groups.Groups {
		got[g.Values[0]] = ttr(g.Distributions)
	}
	return got
}

// groupByTTR computes TTR per quarter in Go: metrics.GroupBy and
// metrics.Distributions over the incidents mttx report keeps by default.
func groupByTTR(t *testing.T, paths []string) map[string]ttrStat {
	in := inputFlags{jobs: 2}
	opts, err := in.options()
	if err != nil {
		t.Fatal(err)
	}
	var stderr bytes.Buffer
	entries, _, failed, _, err := inputs(context.Background(), paths, nil, &stderr, &in, opts)
	if err != nil || failed > 0 {
		t.Fatalf("reading %v: %v %s", paths, err, stderr.String())
	}
	as := make([]metrics.Analysis, len(entries))
	for i, e := range entries {
		as[i] = e.Analysis
	}
	kept, _ := metrics.Filter{}.Apply(metrics.Briefs(as))
	ttr := func(ds []metrics.Distribution) ttrStat {
		d := ds[metrics.TTR]
		return ttrStat{Incidents: d.Incidents, Known: d.Known, Median: secs(d.Median), P90: secs(d.P90)}
	}
	out := map[string]ttrStat{"all": ttr(metrics.Distributions(kept))}
	for _, g := range metrics.GroupBy(kept, []metrics.Key{metrics.KeyQuarter}) {
		out[g.Values[0]] = ttr(g.Distributions)
	}
	return out
}

func secs(d *time.Duration) *float64 {
	if d == nil {
		return nil
	}
	s := d.Seconds()
	return &s
}

// TestExportDuckDB has DuckDB read an export of the examples in both
// layouts (tables, types, NULLs, metadata, partitions) and recompute the
// median and p90 TTR per quarter in SQL, next to the metrics table and
// every ttrSources. It needs node and @duckdb/node-api
// (MTTX_DUCKDB_MODULES; .ci/run installs them).
func TestExportDuckDB(t *testing.T) {
	modules := os.Getenv("MTTX_DUCKDB_MODULES")
	if modules == "" {
		t.Skip("MTTX_DUCKDB_MODULES is not set: skipping the DuckDB check of the Parquet export (see .ci/run to install it)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed: skipping the DuckDB check of the Parquet export")
	}
	script, err := filepath.Abs(filepath.Join("testdata", "duckdb-warehouse.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	tmp := t.TempDir()
	var expect []string
	for _, src := range ttrSources {
		data, err := json.Marshal(map[string]any{"source": src.name, "groups": src.get(t, []string{examples})})
		if err != nil {
			t.Fatal(err)
		}
		p := filepath.Join(tmp, strings.ReplaceAll(src.name, " ", "-")+".json")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		expect = append(expect, "--expect", p)
	}
	for _, part := range []string{"none", "quarter"} {
		t.Run(part, func(t *testing.T) {
			dir := filepath.Join(tmp, "wh-"+part)
			if code, _, errOut := mttx(t, "", "export", "--parquet", dir, "--partition", part, examples); code != exitOK {
				t.Fatalf("export: exit %d: %s", code, errOut)
			}
			cmd := exec.Command("node", append([]string{script, dir}, expect...)...)
			cmd.Env = append(os.Environ(), "MTTX_DUCKDB_MODULES="+modules, "TZ=UTC")
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("DuckDB check: %v\n%s", err, out)
			}
			for _, src := range ttrSources {
				if !strings.Contains(string(out), src.name) {
					t.Errorf("the check output does not compare against %s:\n%s", src.name, out)
				}
			}
			if !strings.Contains(string(out), "2024Q1") || !strings.Contains(string(out), "ok: DuckDB agrees with mttx") {
				t.Errorf("unexpected check output:\n%s", out)
			}
			t.Logf("%s", out)
		})
	}
}

// TestExportDuckDBCatchesMismatch: the check fails when mttx's numbers
// are not those SQL finds, so that its "equal" means something.
func TestExportDuckDBCatchesMismatch(t *testing.T) {
	modules := os.Getenv("MTTX_DUCKDB_MODULES")
	if modules == "" {
		t.Skip("MTTX_DUCKDB_MODULES is not set: skipping the DuckDB check of the Parquet export (see .ci/run to install it)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed")
	}
	tmp := t.TempDir()
	dir := filepath.Join(tmp, "wh")
	if code, _, errOut := mttx(t, "", "export", "--parquet", dir, examples); code != exitOK {
		t.Fatalf("export: exit %d: %s", code, errOut)
	}
	groups := groupByTTR(t, []string{examples})
	g := groups["2024Q1"]
	wrong := *g.Median + 60
	g.Median = &wrong
	groups["2024Q1"] = g
	data, _ := json.Marshal(map[string]any{"source": "off by a minute", "groups": groups})
	p := filepath.Join(tmp, "wrong.json")
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", filepath.Join("testdata", "duckdb-warehouse.mjs"), dir, "--expect", p)
	cmd.Env = append(os.Environ(), "MTTX_DUCKDB_MODULES="+modules, "TZ=UTC")
	out, err := cmd.CombinedOutput()
	if err == nil || !strings.Contains(string(out), "2024Q1") || !strings.Contains(string(out), "MISMATCH") {
		t.Errorf("a median off by a minute passed the check (err %v):\n%s", err, out)
	}
}

// TestReportParquet checks mttx report --parquet: the review's incidents as
// the export's tables, replaced on the next run, never over a directory
// that holds anything else.
func TestReportParquet(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "warehouse")
	for range 2 {
		if code, _, stderr := mttx(t, "", "report", "--parquet", dir, "../../testdata/examples"); code != exitOK {
			t.Fatalf("exit %d\n%s", code, stderr)
		}
	}
	for _, table := range []string{"incidents", "updates", "timeline", "factors", "metrics"} {
		if _, err := os.Stat(filepath.Join(dir, table+".parquet")); err != nil {
			t.Error(err)
		}
	}
	// The review computed while the export is open lists its inputs too.
	_, stdout, _ := mttx(t, "", "report", "--format", "json", "--parquet", dir, "../../testdata/examples")
	var doc struct {
		Inputs []struct{ SHA256 *string } `json:"inputs"`
	}
	examples, _ := filepath.Glob("../../testdata/examples/*")
	if err := json.Unmarshal([]byte(stdout), &doc); err != nil || len(doc.Inputs) != len(examples) || doc.Inputs[0].SHA256 == nil {
		t.Errorf("the JSON review written with --parquet lists %d inputs (%v); want the %d examples with their hashes", len(doc.Inputs), err, len(examples))
	}
	other := t.TempDir()
	if err := os.WriteFile(filepath.Join(other, "notes.txt"), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	expectRun(t, "", []string{"report", "--parquet", other, "../../testdata/examples"}, exitPartial, "", "not part of an mttx export")
}
