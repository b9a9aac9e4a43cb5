package metrics

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Period is a span of time incidents are compared over: [From, To).
type Period struct {
	Label    string // "2024Q1", "2024-03", "2024"
	From, To time.Time
}

// Contains reports whether t falls in the period.
func (p Period) Contains(t time.Time) bool { return !t.Before(p.From) && t.Before(p.To) }

var (
	quarterRE = regexp.MustCompile(`^(\d{4})-?[Qq]([1-4])$`)
	monthRE   = regexp.MustCompile(`^(\d{4})-(\d{2})$`)
	yearRE    = regexp.MustCompile(`^(\d{4})$`)
)

// ParsePeriod reads a quarter ("2024Q1"), a month ("2024-03") or a year
// ("2024"), all in UTC.
func ParsePeriod(s string) (Period, error) {
	s = strings.TrimSpace(s)
	if m := quarterRE.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		q, _ := strconv.Atoi(m[2])
		from := time.Date(y, time.Month(3*(q-1)+1), 1, 0, 0, 0, 0, time.UTC)
		return Period{Label: fmt.Sprintf("%dQ%d", y, q), From: from, To: from.AddDate(0, 3, 0)}, nil
	}
	if m := monthRE.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		if mo >= 1 && mo <= 12 {
			from := time.Date(y, time.Month(mo), 1, 0, 0, 0, 0, time.UTC)
			return Period{Label: from.Format("2006-01"), From: from, To: from.AddDate(0, 1, 0)}, nil
		}
	}
	if m := yearRE.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		from := time.Date(y, 1, 1, 0, 0, 0, 0, time.UTC)
		return Period{Label: m[1], From: from, To: from.AddDate(1, 0, 0)}, nil
	}
	return Period{}, fmt.Errorf("period %q: want a quarter (2024Q1), a month (2024-03) or a year (2024)", s)
}

// LastPeriods returns the latest quarter (or month, with months) that
// holds an incident and the one before it: what "last-quarter" compares.
// It is relative to the data, not to today, so that the same incidents
// give the same report whenever it runs.
func LastPeriods(bs *BriefList, months bool) (prev, last Period, ok bool) {
	_, latest, ok := DateRange(bs)
	if !ok {
		return Period{}, Period{}, false
	}
	label := Quarter(latest)
	step := -3
	if months {
		label, step = latest.UTC().Format("2006-01"), -1
	}
	last, _ = ParsePeriod(label)
	from := last.From.AddDate(0, step, 0)
	prevLabel := Quarter(from)
	if months {
		prevLabel = from.Format("2006-01")
	}
	prev, _ = ParsePeriod(prevLabel)
	return prev, last, true
}

// Verdict is what a comparison of one metric concludes.
type Verdict int

// Verdicts. Lower durations are better for every metric.
const (
	// VerdictTooFew: one side has fewer than MinComparable values.
	VerdictTooFew Verdict = iota
	// VerdictNoChange: the 95% intervals of the medians overlap.
	VerdictNoChange
	// VerdictBetter: the later period is better beyond chance: its median
	// is lower and the intervals do not overlap (or, for incident
	// counts, it had fewer incidents).
	VerdictBetter
	// VerdictWorse: the later period is worse beyond chance.
	VerdictWorse
)

var verdictNames = [...]string{"too few incidents to compare", "no detectable change", "better", "worse"}

func (v Verdict) String() string {
	if v >= 0 && int(v) < len(verdictNames) {
		return verdictNames[v]
	}
	return "unknown"
}

// MetricComparison compares one metric between two periods.
type MetricComparison struct {
	Metric Metric
	A, B   Distribution
	// Change is B's median minus A's; ChangePct relative to A's median.
	// Nil when a median is unknown (or A's is 0, for ChangePct).
	Change    *time.Duration
	ChangePct *float64
	Verdict   Verdict
}

// CountComparison compares how many incidents two periods had.
type CountComparison struct {
	A, B int
	// P is the two-sided p-value of an exact test that both periods have
	// the same incident rate (the conditional binomial test of two
	// Poisson counts, weighted by the periods' lengths).
	P       float64
	Verdict Verdict
}

// Comparison holds a comparison of two periods.
type Comparison struct {
	A, B    Period
	Count   CountComparison
	Metrics []MetricComparison
}

// Compare compares incidents of period a with those of period b, metric
// by metric. A metric changes only when the 95% confidence intervals of
// the two medians do not overlap; with fewer than MinComparable values on
// either side it is too small to compare. A review must not celebrate
// noise.
func Compare(bs *BriefList, a, b Period) Comparison {
	var ma, mb []int32
	for i := range bs.Len() {
		t, ok := bs.At(int(i)).at()
		switch {
		case !ok:
		case a.Contains(t):
			ma = append(ma, int32(i))
		case b.Contains(t):
			mb = append(mb, int32(i))
		}
	}
	c := Comparison{A: a, B: b, Count: compareCounts(len(ma), len(mb), a, b)}
	var buf []float64
	da, db := distributionsOf(bs, ma, &buf), distributionsOf(bs, mb, &buf)
	for i := range da {
		c.Metrics = append(c.Metrics, CompareDistributions(da[i], db[i]))
	}
	return c
}

// CompareDistributions compares one metric between two sets of incidents
// (a before, b after): the change of the median and the verdict.
func CompareDistributions(a, b Distribution) MetricComparison {
	mc := MetricComparison{Metric: a.Metric, A: a, B: b}
	if a.Median != nil && b.Median != nil {
		d := *b.Median - *a.Median
		mc.Change = &d
		if *a.Median != 0 {
			pct := 100 * float64(d) / float64(*a.Median)
			mc.ChangePct = &pct
		}
	}
	switch {
	case a.TooSmall() || b.TooSmall() || a.MedianCI == nil || b.MedianCI == nil:
		mc.Verdict = VerdictTooFew
	case a.MedianCI.Overlaps(*b.MedianCI):
		mc.Verdict = VerdictNoChange
	case *b.Median < *a.Median:
		mc.Verdict = VerdictBetter
	default:
		mc.Verdict = VerdictWorse
	}
	return mc
}

// compareCounts tests whether two incident counts differ beyond chance,
// given the lengths of their periods: under equal rates, a out of a+b
// follows Binomial(a+b, len(A)/(len(A)+len(B))).
func compareCounts(a, b int, pa, pb Period) CountComparison {
	c := CountComparison{A: a, B: b, P: 1}
	n := a + b
	if n < MinComparable {
		c.Verdict = VerdictTooFew
		return c
	}
	la, lb := pa.To.Sub(pa.From).Hours(), pb.To.Sub(pb.From).Hours()
	c.P = binomialTwoSided(a, n, la/(la+lb))
	switch {
	case c.P >= 0.05:
		c.Verdict = VerdictNoChange
	case float64(b)/lb < float64(a)/la:
		c.Verdict = VerdictBetter
	default:
		c.Verdict = VerdictWorse
	}
	return c
}

// binomialTwoSided is the exact two-sided p-value of k successes in n
// trials with probability p: the total probability of outcomes no more
// likely than k.
func binomialTwoSided(k, n int, p float64) float64 {
	logPMF := func(i int) float64 {
		lg := func(x int) float64 { v, _ := math.Lgamma(float64(x) + 1); return v }
		return lg(n) - lg(i) - lg(n-i) + float64(i)*math.Log(p) + float64(n-i)*math.Log1p(-p)
	}
	observed := logPMF(k)
	total := 0.0
	for i := 0; i <= n; i++ {
		if lp := logPMF(i); lp <= observed+1e-7 {
			total += math.Exp(lp)
		}
	}
	return math.Min(1, total)
}
