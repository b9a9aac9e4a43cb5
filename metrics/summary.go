package metrics

import (
	"math"
	"slices"
	"time"
)

// Summary describes one metric over a set of incidents. Incidents without
// the metric are counted in Incidents but not in Known, and never enter the
// statistics as 0.
type Summary struct {
	Metric    Metric
	Incidents int // incidents in the set
	Known     int // incidents that have the metric
	// Median, P90 and Mean are nil when no incident has the metric.
	Median, P90, Mean *time.Duration
}

// Coverage is Known / Incidents, or 0 for an empty set.
func (s Summary) Coverage() float64 {
	if s.Incidents == 0 {
		return 0
	}
	return float64(s.Known) / float64(s.Incidents)
}

// Summarize computes a Summary for every metric, in report order.
func Summarize(results []Result) []Summary {
	out := make([]Summary, 0, numMetrics)
	for _, m := range AllMetrics() {
		s := Summary{Metric: m, Incidents: len(results)}
		var secs []float64
		for _, r := range results {
			if d := r.Durations.Get(m); d != nil {
				secs = append(secs, d.Seconds())
			}
		}
		s.Known = len(secs)
		if len(secs) > 0 {
			slices.Sort(secs)
			s.Median = seconds(Quantile(secs, 0.5))
			s.P90 = seconds(Quantile(secs, 0.9))
			s.Mean = seconds(mean(secs))
		}
		out = append(out, s)
	}
	return out
}

// Quantile returns the q-quantile of sorted values by linear interpolation
// between the closest ranks (Hyndman and Fan type 7, the method of
// DuckDB's quantile_cont, NumPy's default and R's default): the value at
// position q*(n-1), interpolated. sorted must be ascending and non-empty.
func Quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 1 {
		return sorted[0]
	}
	pos := q * float64(n-1)
	lo := int(math.Floor(pos))
	hi := int(math.Ceil(pos))
	if hi >= n {
		hi = n - 1
	}
	frac := pos - float64(lo)
	return sorted[lo] + frac*(sorted[hi]-sorted[lo])
}

func mean(xs []float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// seconds turns seconds into a duration rounded to the second, the
// precision reports show.
func seconds(s float64) *time.Duration {
	d := time.Duration(math.Round(s)) * time.Second
	return &d
}
