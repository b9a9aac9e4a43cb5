package metrics

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"testing"
)

// TestStatisticsMatchDuckDB checks the statistics against an independent
// implementation: DuckDB's quantile_cont, median, avg and geomean over the
// same numbers. It needs node and @duckdb/node-api (MTTX_DUCKDB_MODULES
// names the npm project that holds it; .ci/run installs one).
func TestStatisticsMatchDuckDB(t *testing.T) {
	dir := os.Getenv("MTTX_DUCKDB_MODULES")
	if dir == "" {
		t.Skip("MTTX_DUCKDB_MODULES is not set: skipping the DuckDB cross-check (see .ci/run to install it)")
	}
	if _, err := exec.LookPath("node"); err != nil {
		t.Skip("node is not installed: skipping the DuckDB cross-check")
	}
	sets := crossCheckSets()
	in, err := json.Marshal(map[string]any{"sets": sets})
	if err != nil {
		t.Fatal(err)
	}
	script, err := filepath.Abs(filepath.Join("testdata", "duckdb-stats.mjs"))
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("node", script)
	cmd.Env = append(os.Environ(), "MTTX_DUCKDB_MODULES="+dir)
	cmd.Stdin = bytes.NewReader(in)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("node %s: %v\n%s", script, err, stderr.String())
	}
	var duck []map[string]*float64
	if err := json.Unmarshal(out, &duck); err != nil {
		t.Fatalf("reading DuckDB's answers: %v\n%s", err, out)
	}
	if len(duck) != len(sets) {
		t.Fatalf("%d answers for %d sets", len(duck), len(sets))
	}
	for i, xs := range sets {
		sorted := slices.Clone(xs)
		slices.Sort(sorted)
		gm, hasGM := geoMean(sorted)
		ours := map[string]*float64{
			"q50": ptr(Quantile(sorted, 0.5)), "q90": ptr(Quantile(sorted, 0.9)), "q95": ptr(Quantile(sorted, 0.95)),
			"median": ptr(Quantile(sorted, 0.5)), "mean": ptr(mean(sorted)),
			"min": ptr(sorted[0]), "max": ptr(sorted[len(sorted)-1]),
		}
		if hasGM {
			ours["geomean"] = ptr(gm)
		} else {
			ours["geomean"] = nil
		}
		for k, want := range duck[i] {
			got := ours[k]
			if (got == nil) != (want == nil) || (got != nil && !near(*got, *want)) {
				t.Errorf("set %d (n=%d) %s: ours %v, DuckDB %v", i, len(xs), k, fmtPtr(got), fmtPtr(want))
			}
		}
	}
	t.Logf("%d sets checked against DuckDB", len(sets))
}

// crossCheckSets are duration sets in seconds of many shapes: one value,
// two, ties, zeros and negatives (kept as read), a long tail, and sizes
// whose quantile positions fall between ranks.
func crossCheckSets() [][]float64 {
	sets := [][]float64{
		{420}, {60, 3600}, {0, 0, 0}, {-300, 0, 120, 120, 900},
		{432, 1032, 1392, 2412}, {2160, 2160, 2280, 15360},
	}
	state := uint64(7)
	next := func() uint64 {
		state = state*6364136223846793005 + 1442695040888963407
		return state >> 33
	}
	for _, n := range []int{3, 5, 7, 10, 11, 19, 37, 100, 501, 2000} {
		xs := make([]float64, n)
		for i := range xs {
			// Log-normal-ish minutes: mostly short, a long tail.
			xs[i] = float64(60 * (1 + next()%30) * (1 + next()%4) * (1 + next()%3*next()%20))
		}
		sets = append(sets, xs)
	}
	return sets
}

func ptr(f float64) *float64 { return &f }

func near(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

func fmtPtr(p *float64) any {
	if p == nil {
		return "NULL"
	}
	return *p
}
