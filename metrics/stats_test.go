package metrics

import (
	"math"
	"slices"
	"testing"
	"time"
)

func TestQuantile(t *testing.T) {
	// Values checked against DuckDB's quantile_cont and NumPy's default.
	tests := []struct {
		xs   []float64
		q    float64
		want float64
	}{
		{[]float64{7}, 0.9, 7},
		{[]float64{1, 2}, 0.5, 1.5},
		{[]float64{1, 2, 3, 4}, 0.5, 2.5},
		{[]float64{1, 2, 3, 4}, 0.9, 3.7},
		{[]float64{1, 2, 3, 4, 5}, 0.9, 4.6},
		{[]float64{10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 0.9, 91},
		{[]float64{10, 20, 30, 40, 50, 60, 70, 80, 90, 100}, 0.95, 95.5},
		{[]float64{1, 2, 3}, 0, 1},
		{[]float64{1, 2, 3}, 1, 3},
	}
	for _, tt := range tests {
		if got := Quantile(tt.xs, tt.q); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("Quantile(%v, %v) = %v; want %v", tt.xs, tt.q, got, tt.want)
		}
	}
}

func mins(ms ...int) []time.Duration {
	out := make([]time.Duration, len(ms))
	for i, m := range ms {
		out[i] = time.Duration(m) * time.Minute
	}
	return out
}

func TestDescribeHandWorked(t *testing.T) {
	// 10, 20, 40, 80 minutes: median 30m, p90 = 40+0.7*40 = 68m,
	// p95 = 40+0.85*40 = 74m, mean 37m30s, geometric mean
	// (10*20*40*80)^(1/4) = 10*(64)^(1/4) = 28.284m = 28m17s.
	d := Describe(TTR, 6, mins(80, 10, 40, 20))
	want := map[string]time.Duration{
		"median": 30 * time.Minute, "p90": 68 * time.Minute, "p95": 74 * time.Minute,
		"mean": 37*time.Minute + 30*time.Second, "geomean": 28*time.Minute + 17*time.Second,
		"min": 10 * time.Minute, "max": 80 * time.Minute,
	}
	got := map[string]*time.Duration{"median": d.Median, "p90": d.P90, "p95": d.P95, "mean": d.Mean, "geomean": d.GeoMean, "min": d.Min, "max": d.Max}
	for k, w := range want {
		if got[k] == nil || *got[k] != w {
			t.Errorf("%s = %v; want %v", k, show(got[k]), w)
		}
	}
	if d.Known != 4 || d.Incidents != 6 || math.Abs(d.Coverage()-4.0/6) > 1e-12 {
		t.Errorf("known %d/%d; want 4/6 (unknown is not zero)", d.Known, d.Incidents)
	}
	if !d.TooSmall() {
		t.Error("4 values: want too small to compare")
	}
	if d.MedianCI == nil || d.MedianCI.Lo < 10*time.Minute || d.MedianCI.Hi > 80*time.Minute || d.MedianCI.Lo > d.MedianCI.Hi {
		t.Errorf("median CI %+v; want within [10m, 80m]", d.MedianCI)
	}
}

func TestDescribeEdges(t *testing.T) {
	empty := Describe(TTD, 3, nil)
	if empty.Known != 0 || empty.Median != nil || empty.Mean != nil || empty.GeoMean != nil || empty.MedianCI != nil || empty.Min != nil {
		t.Errorf("no values: %+v; want every statistic unknown", empty)
	}
	one := Describe(TTD, 1, mins(7))
	if *one.Median != 7*time.Minute || one.MedianCI != nil {
		t.Errorf("one value: median %v CI %+v; want 7m and no interval", show(one.Median), one.MedianCI)
	}
	// Zero and negative durations stay in every statistic but the
	// geometric mean, which needs positive values.
	mixed := Describe(TTD, 3, mins(-5, 0, 20))
	if *mixed.Min != -5*time.Minute || *mixed.Median != 0 || *mixed.GeoMean != 20*time.Minute {
		t.Errorf("mixed: min %v median %v geomean %v; want -5m 0s 20m", show(mixed.Min), show(mixed.Median), show(mixed.GeoMean))
	}
	nonPositive := Describe(TTD, 2, mins(0, -1))
	if nonPositive.GeoMean != nil {
		t.Errorf("no positive value: geomean %v; want unknown", show(nonPositive.GeoMean))
	}
}

func TestDistributionsCountUnknown(t *testing.T) {
	mk := func(ttr *time.Duration) Analysis {
		var a Analysis
		a.Result.Durations[TTR] = ttr
		return a
	}
	ds := Distributions(Briefs([]Analysis{mk(dur(10)), mk(nil), mk(dur(30)), mk(dur(20)), mk(nil)}))
	if len(ds) != len(AllMetrics()) {
		t.Fatalf("%d distributions; want one per metric", len(ds))
	}
	s := ds[TTR]
	if s.Metric != TTR || s.Incidents != 5 || s.Known != 3 || *s.Median != 20*time.Minute || *s.P90 != 28*time.Minute {
		t.Errorf("TTR %+v; want 3/5 known, median 20m, p90 28m", s)
	}
	if ds[TTD].Known != 0 || ds[TTD].Median != nil {
		t.Errorf("TTD with no values: %+v; want unknown statistics", ds[TTD])
	}
}

func TestMedianCIDeterministicAndSane(t *testing.T) {
	xs := make([]float64, 200)
	for i := range xs {
		xs[i] = float64((i*7919)%1000) + 1 // a spread of values, unsorted
	}
	slices.Sort(xs)
	lo1, hi1, ok1 := MedianCI(xs)
	lo2, hi2, ok2 := MedianCI(xs)
	if !ok1 || !ok2 || lo1 != lo2 || hi1 != hi2 {
		t.Fatalf("two runs gave [%v,%v] and [%v,%v]; want the same bytes", lo1, hi1, lo2, hi2)
	}
	med := Quantile(xs, 0.5)
	if lo1 > med || hi1 < med {
		t.Errorf("CI [%v,%v] does not hold the median %v", lo1, hi1, med)
	}
	// The order-statistic interval for n=200 is ranks 86..115; the
	// bootstrap interval should be close to it.
	if lo1 < xs[80] || lo1 > xs[95] || hi1 < xs[104] || hi1 > xs[120] {
		t.Errorf("CI [%v,%v] far from the order-statistic interval [%v,%v]", lo1, hi1, xs[85], xs[114])
	}
}

func TestMedianCILargeUsesOrderStatistics(t *testing.T) {
	n := 6001 // above bootstrapMaxN
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i + 1)
	}
	lo, hi, ok := MedianCI(xs)
	// Ranks floor(n/2 - 1.96*sqrt(n)/2) = floor(2924.58) = 2924 and
	// ceil(1 + n/2 + 1.96*sqrt(n)/2) = ceil(3077.42) = 3078 (Conover).
	if !ok || lo != 2924 || hi != 3078 {
		t.Errorf("CI [%v,%v]; want ranks [2924, 3078]", lo, hi)
	}
}

func TestMedianCICoverage(t *testing.T) {
	// A check of the method, not of one number: over many samples drawn
	// from a known distribution (uniform 0..1000, true median 500) the 95%
	// interval should hold the true median about 95% of the time. The
	// percentile bootstrap of a median runs a little under or over; accept
	// 88-99%.
	const samples, n = 300, 25
	hits := 0
	state := uint64(12345)
	next := func() float64 { // a small LCG, so the test has its own fixed stream
		state = state*6364136223846793005 + 1442695040888963407
		return float64(state>>11) / float64(1<<53) * 1000
	}
	for range samples {
		xs := make([]float64, n)
		for i := range xs {
			xs[i] = next()
		}
		slices.Sort(xs)
		lo, hi, _ := MedianCI(xs)
		if lo <= 500 && 500 <= hi {
			hits++
		}
	}
	if rate := float64(hits) / samples; rate < 0.88 || rate > 0.99 {
		t.Errorf("coverage %.2f; want about 0.95", rate)
	}
}
