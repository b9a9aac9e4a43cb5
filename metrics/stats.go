package metrics

import (
	"math"
	"math/rand/v2"
	"slices"
	"time"
)

// MinComparable is the fewest known values a distribution needs to be
// compared with another. Below it the numbers are still shown, marked too
// small to compare: a median of three incidents moves with every incident.
const MinComparable = 5

// Bootstrap settings for the median's confidence interval. The seed is
// fixed so that the same incidents give the same interval, byte for byte.
const (
	Confidence         = 0.95
	BootstrapResamples = 2000
	bootstrapSeed      = 0x6d747478 // "mttx"
	// bootstrapMaxN is the size above which the bootstrap gives way to the
	// distribution-free order-statistic interval it converges to: the
	// answer is the same to within a rank and the cost stays linear.
	bootstrapMaxN = 1000
)

// Interval is a confidence interval.
type Interval struct {
	Lo, Hi time.Duration
}

// Overlaps reports whether two intervals share a point.
func (iv Interval) Overlaps(o Interval) bool { return iv.Lo <= o.Hi && o.Lo <= iv.Hi }

// Distribution describes one metric over a set of incidents. Incidents
// without the metric count in Incidents, not in Known, and never enter the
// statistics as 0. Every statistic is nil when no incident has the metric.
type Distribution struct {
	Metric    Metric
	Incidents int // incidents in the set
	Known     int // incidents that have the metric
	Median    *time.Duration
	P90, P95  *time.Duration
	Mean      *time.Duration
	// GeoMean is the geometric mean of the positive values (a logarithm
	// needs one); nil when there is none. It tempers the long tail that
	// drags the mean of incident durations.
	GeoMean  *time.Duration
	Min, Max *time.Duration
	// MedianCI is the 95% bootstrap confidence interval of the median;
	// nil with fewer than two values.
	MedianCI *Interval
}

// Coverage is Known / Incidents, or 0 for an empty set.
func (d Distribution) Coverage() float64 {
	if d.Incidents == 0 {
		return 0
	}
	return float64(d.Known) / float64(d.Incidents)
}

// TooSmall reports whether the distribution has too few values to be
// compared with another (fewer than MinComparable).
func (d Distribution) TooSmall() bool { return d.Known < MinComparable }

// Distributions describes every metric over bs, in report order. It
// holds one buffer of values, reused metric after metric.
func Distributions(bs *BriefList) []Distribution {
	buf := make([]float64, 0, bs.Len())
	return describeEach(bs.Len(), &buf, func(m Metric, xs []float64) []float64 {
		for i := range bs.Len() {
			if d, ok := bs.At(int(i)).span(m); ok {
				xs = append(xs, d.Seconds())
			}
		}
		return xs
	})
}

// distributionsOf is Distributions over the members of bs (indexes), in
// buf: a grouping describes every group in the one buffer instead of
// copying each group's incidents.
func distributionsOf(bs *BriefList, members []int32, buf *[]float64) []Distribution {
	return describeEach(len(members), buf, func(m Metric, xs []float64) []float64 {
		for _, i := range members {
			if d, ok := bs.At(int(i)).span(m); ok {
				xs = append(xs, d.Seconds())
			}
		}
		return xs
	})
}

// describeEach describes every metric of a set of incidents: collect
// appends the metric's known values, in seconds, to the buffer it is
// given (buf, emptied, and kept grown for the next call).
func describeEach(incidents int, buf *[]float64, collect func(Metric, []float64) []float64) []Distribution {
	out := make([]Distribution, 0, numMetrics)
	for m := range numMetrics {
		xs := collect(m, (*buf)[:0])
		*buf = xs
		out = append(out, describeSeconds(m, incidents, xs))
	}
	return out
}

// Describe computes the distribution of metric m from the known values of
// a set of incidents (the incidents without it counted in incidents).
// vals is not modified.
func Describe(m Metric, incidents int, vals []time.Duration) Distribution {
	xs := make([]float64, len(vals))
	for i, v := range vals {
		xs[i] = v.Seconds()
	}
	return describeSeconds(m, incidents, xs)
}

// describeSeconds is Describe of values in seconds, which it sorts in place.
func describeSeconds(m Metric, incidents int, xs []float64) Distribution {
	d := Distribution{Metric: m, Incidents: incidents, Known: len(xs)}
	if len(xs) == 0 {
		return d
	}
	slices.Sort(xs)
	d.Median = seconds(Quantile(xs, 0.5))
	d.P90 = seconds(Quantile(xs, 0.9))
	d.P95 = seconds(Quantile(xs, 0.95))
	d.Mean = seconds(mean(xs))
	if g, ok := geoMean(xs); ok {
		d.GeoMean = seconds(g)
	}
	d.Min, d.Max = seconds(xs[0]), seconds(xs[len(xs)-1])
	if lo, hi, ok := MedianCI(xs); ok {
		d.MedianCI = &Interval{Lo: *seconds(lo), Hi: *seconds(hi)}
	}
	return d
}

// Quantile returns the q-quantile of sorted values by linear interpolation
// between the closest ranks (Hyndman and Fan type 7, the method of
// DuckDB's quantile_cont and median, NumPy's default and R's default): the
// value at 0-based position q*(n-1), interpolated. sorted must be
// ascending and non-empty.
func Quantile(sorted []float64, q float64) float64 {
	n := len(sorted)
	if n == 1 {
		return sorted[0]
	}
	pos := q * float64(n-1)
	lo := int(math.Floor(pos))
	hi := min(int(math.Ceil(pos)), n-1)
	frac := pos - float64(lo)
	return sorted[lo] + frac*(sorted[hi]-sorted[lo])
}

// MedianCI returns the 95% percentile-bootstrap confidence interval of
// the median of sorted (ascending) values: BootstrapResamples resamples
// drawn with a fixed seed, the interval running from the 2.5th to the
// 97.5th percentile of their medians. Above bootstrapMaxN values it
// returns the order-statistic interval instead (ranks n/2 ± 1.96·√n/2).
// It needs two values.
func MedianCI(sorted []float64) (lo, hi float64, ok bool) {
	n := len(sorted)
	if n < 2 {
		return 0, 0, false
	}
	if n > bootstrapMaxN {
		half := 1.959963984540054 * math.Sqrt(float64(n)) / 2
		j := max(int(math.Floor(float64(n)/2-half)), 1)
		k := min(int(math.Ceil(float64(n)/2+half))+1, n)
		return sorted[j-1], sorted[k-1], true
	}
	rng := rand.New(rand.NewPCG(bootstrapSeed, uint64(n)))
	counts := make([]int, n)
	meds := make([]float64, BootstrapResamples)
	for b := range meds {
		clear(counts)
		for range n {
			counts[rng.IntN(n)]++
		}
		meds[b] = resampleMedian(sorted, counts)
	}
	slices.Sort(meds)
	alpha := (1 - Confidence) / 2
	return Quantile(meds, alpha), Quantile(meds, 1-alpha), true
}

// resampleMedian is the median of the resample that holds counts[i]
// copies of sorted[i]: the mean of its order statistics (n-1)/2 and n/2.
func resampleMedian(sorted []float64, counts []int) float64 {
	n := len(sorted)
	k1, k2 := (n-1)/2, n/2
	var a, b float64
	seen := 0
	for i, c := range counts {
		if c == 0 {
			continue
		}
		next := seen + c
		if k1 >= seen && k1 < next {
			a = sorted[i]
		}
		if k2 >= seen && k2 < next {
			b = sorted[i]
			break
		}
		seen = next
	}
	return (a + b) / 2
}

func mean(xs []float64) float64 {
	sum := 0.0
	for _, x := range xs {
		sum += x
	}
	return sum / float64(len(xs))
}

// geoMean is the geometric mean of the positive values of xs.
func geoMean(xs []float64) (float64, bool) {
	sum, n := 0.0, 0
	for _, x := range xs {
		if x > 0 {
			sum += math.Log(x)
			n++
		}
	}
	if n == 0 {
		return 0, false
	}
	return math.Exp(sum / float64(n)), true
}

// seconds turns seconds into a duration rounded to the second, the
// precision reports show.
func seconds(s float64) *time.Duration {
	d := time.Duration(math.Round(s)) * time.Second
	return &d
}
