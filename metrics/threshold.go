package metrics

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// A Threshold is a condition a CI job puts on a review, such as
// "p90(ttr) > 4h": when it holds, the threshold is broken and the build
// fails. Its language is small on purpose:
//
//	threshold := stat "(" [arg {"," arg}] ")" op value
//	stat      := count | known | coverage | median | p50 | p90 | p95 | mean | geomean | min | max
//	arg       := metric | key "=" value      (metric: ttd, tti, ttm, ttr, impact, ...)
//	op        := ">" | ">=" | "<" | "<=" | "==" | "!="
//	value     := duration (4h, 90m, 1h30m, 2d) | percent (80%) | number
//
// count counts incidents and takes no metric; known counts incidents that
// have the metric; coverage is known over incidents (a percent); the other
// statistics are durations of the metric. Each key=value narrows the
// incidents it looks at, with the grouping keys of --group-by: org=Lumora,
// factor=deploy, impact=major, quarter=2024Q1. A quarter, month or week of
// "last" is the latest in the data (and "previous" the one before), so a
// threshold reads the same data the same way whenever it runs.
type Threshold struct {
	Expr       string
	Stat       Stat
	Metric     Metric // unused by StatCount
	Conditions []Condition
	Op         Op
	// Value is what the statistic is compared with: seconds for
	// durations, a ratio (0.8 for 80%) for coverage, a count otherwise.
	Value float64
}

// Stat is the statistic a threshold looks at.
type Stat int

// The statistics a threshold can look at.
const (
	StatCount Stat = iota
	StatKnown
	StatCoverage
	StatMedian
	StatP90
	StatP95
	StatMean
	StatGeoMean
	StatMin
	StatMax
	numStats
)

var statNames = [...]string{"count", "known", "coverage", "median", "p90", "p95", "mean", "geomean", "min", "max"}

func (s Stat) String() string {
	if s >= 0 && s < numStats {
		return statNames[s]
	}
	return "unknown"
}

// Unit is what a statistic's value measures.
type Unit int

// The units of statistics.
const (
	UnitCount   Unit = iota // incidents
	UnitRatio               // a share, 0 to 1
	UnitSeconds             // a duration
)

// Unit returns what s measures.
func (s Stat) Unit() Unit {
	switch s {
	case StatCount, StatKnown:
		return UnitCount
	case StatCoverage:
		return UnitRatio
	}
	return UnitSeconds
}

// Op compares a statistic with a threshold's value.
type Op int

// The comparison operators.
const (
	OpGT Op = iota
	OpGE
	OpLT
	OpLE
	OpEQ
	OpNE
)

var opNames = [...]string{">", ">=", "<", "<=", "==", "!="}

func (o Op) String() string { return opNames[o] }

// holds reports whether "x o y".
func (o Op) holds(x, y float64) bool {
	switch o {
	case OpGT:
		return x > y
	case OpGE:
		return x >= y
	case OpLT:
		return x < y
	case OpLE:
		return x <= y
	case OpEQ:
		return x == y
	}
	return x != y
}

// Condition narrows a threshold to the incidents whose key has a value.
type Condition struct {
	Key   Key
	Value string
}

// ExprError is a threshold that does not parse: the column (1-based, in
// characters) where reading stopped, and what was expected there.
type ExprError struct {
	Expr string
	Col  int
	Msg  string
}

func (e *ExprError) Error() string {
	return fmt.Sprintf("%q: column %d: %s", e.Expr, e.Col, e.Msg)
}

// ParseThreshold reads a threshold expression.
func ParseThreshold(expr string) (Threshold, error) {
	p := &exprParser{src: []rune(expr), expr: expr}
	t, err := p.threshold()
	if err != nil {
		return Threshold{}, err
	}
	t.Expr = strings.TrimSpace(expr)
	return t, nil
}

type exprParser struct {
	src  []rune
	pos  int
	expr string
}

func (p *exprParser) fail(at int, format string, args ...any) error {
	return &ExprError{Expr: p.expr, Col: at + 1, Msg: fmt.Sprintf(format, args...)}
}

func (p *exprParser) space() {
	for p.pos < len(p.src) && unicode.IsSpace(p.src[p.pos]) {
		p.pos++
	}
}

// word reads letters, digits and _ - . (a name or a value).
func (p *exprParser) word() string {
	p.space()
	start := p.pos
	for p.pos < len(p.src) {
		r := p.src[p.pos]
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("_-.", r) {
			break
		}
		p.pos++
	}
	return string(p.src[start:p.pos])
}

// accept consumes s if it comes next.
func (p *exprParser) accept(s string) bool {
	p.space()
	r := []rune(s)
	if p.pos+len(r) <= len(p.src) && string(p.src[p.pos:p.pos+len(r)]) == s {
		p.pos += len(r)
		return true
	}
	return false
}

func (p *exprParser) threshold() (Threshold, error) {
	var t Threshold
	p.space()
	at := p.pos
	name := strings.ToLower(p.word())
	stat, ok := parseStat(name)
	if !ok {
		return t, p.fail(at, "want a statistic: %s", strings.Join(statNames[:], ", "))
	}
	t.Stat = stat
	hasMetric := false
	if p.accept("(") {
		if !p.accept(")") {
			for {
				if err := p.arg(&t, &hasMetric); err != nil {
					return t, err
				}
				if p.accept(")") {
					break
				}
				if !p.accept(",") {
					p.space()
					return t, p.fail(p.pos, "want \",\" or \")\"")
				}
			}
		}
	}
	if stat != StatCount && !hasMetric {
		return t, p.fail(at, "%s needs a metric: %s(ttr)", name, name)
	}
	if err := p.op(&t); err != nil {
		return t, err
	}
	if err := p.value(&t); err != nil {
		return t, err
	}
	p.space()
	if p.pos < len(p.src) {
		return t, p.fail(p.pos, "unexpected %q after the value", string(p.src[p.pos:]))
	}
	return t, nil
}

func parseStat(name string) (Stat, bool) {
	if name == "p50" {
		return StatMedian, true
	}
	for i, n := range statNames {
		if name == n {
			return Stat(i), true
		}
	}
	return 0, false
}

// arg reads a metric or a key=value condition.
func (p *exprParser) arg(t *Threshold, hasMetric *bool) error {
	p.space()
	at := p.pos
	name := p.word()
	if name == "" {
		return p.fail(at, "want a metric (ttr) or a condition (factor=deploy)")
	}
	if !p.accept("=") {
		m, ok := ParseMetric(name)
		switch {
		case !ok:
			return p.fail(at, "unknown metric %q (want %s, or key=value)", name, strings.Join(metricNames[:], ", "))
		case t.Stat == StatCount:
			return p.fail(at, "count counts incidents and takes no metric (known(%s) counts those with it)", name)
		case *hasMetric:
			return p.fail(at, "a second metric %q: one statistic looks at one metric", name)
		}
		t.Metric, *hasMetric = m, true
		return nil
	}
	key, err := ParseKey(name)
	if err != nil {
		return p.fail(at, "unknown key %q (want %s)", name, strings.Join(keyNames[:], ", "))
	}
	p.space()
	vat := p.pos
	value := p.value1()
	if value == "" {
		return p.fail(vat, "want a value after %s=", name)
	}
	t.Conditions = append(t.Conditions, Condition{Key: key, Value: value})
	return nil
}

// value1 reads a condition's value: a word, or a quoted string for names
// with spaces or commas ("REST API").
func (p *exprParser) value1() string {
	if p.pos < len(p.src) && (p.src[p.pos] == '"' || p.src[p.pos] == '\'') {
		q := p.src[p.pos]
		end := p.pos + 1
		for end < len(p.src) && p.src[end] != q {
			end++
		}
		if end < len(p.src) {
			s := string(p.src[p.pos+1 : end])
			p.pos = end + 1
			return s
		}
		return ""
	}
	return p.word()
}

// ParseMetric reads a metric by its key (ttr, postmortem_delay).
func ParseMetric(s string) (Metric, bool) {
	s = strings.ToLower(s)
	for i, n := range metricNames {
		if s == n {
			return Metric(i), true
		}
	}
	return 0, false
}

func (p *exprParser) op(t *Threshold) error {
	p.space()
	at := p.pos
	// Longest first, so ">=" is not read as ">".
	for _, o := range []Op{OpGE, OpLE, OpEQ, OpNE, OpGT, OpLT} {
		if p.accept(o.String()) {
			t.Op = o
			return nil
		}
	}
	if p.accept("=") {
		return p.fail(at, "want == (a single = is for conditions)")
	}
	return p.fail(at, "want a comparison: >, >=, <, <=, == or !=")
}

// value reads the number a statistic is compared with, in its unit.
func (p *exprParser) value(t *Threshold) error {
	p.space()
	at := p.pos
	start := p.pos
	for p.pos < len(p.src) && !unicode.IsSpace(p.src[p.pos]) {
		p.pos++
	}
	s := string(p.src[start:p.pos])
	if s == "" {
		return p.fail(at, "want a value after %s", t.Op)
	}
	var err error
	switch t.Stat.Unit() {
	case UnitSeconds:
		var d time.Duration
		d, err = parseSpan(s)
		if err != nil {
			return p.fail(at, "want a duration such as 4h, 90m, 1h30m or 2d, not %q", s)
		}
		t.Value = d.Seconds()
	case UnitRatio:
		t.Value, err = parseRatio(s)
		if err != nil {
			return p.fail(at, "want a percent such as 80%% (or a ratio such as 0.8), not %q", s)
		}
	default:
		n, perr := strconv.ParseUint(s, 10, 31)
		if perr != nil {
			return p.fail(at, "want a whole number of incidents, not %q", s)
		}
		t.Value = float64(n)
	}
	return nil
}

// parseSpan reads a Go duration that may also use days ("2d", "1d12h").
func parseSpan(s string) (time.Duration, error) {
	var days time.Duration
	if i := strings.IndexByte(s, 'd'); i > 0 {
		n, err := strconv.ParseUint(s[:i], 10, 16)
		if err != nil {
			return 0, err
		}
		days, s = time.Duration(n)*24*time.Hour, s[i+1:]
		if s == "" {
			return days, nil
		}
	}
	d, err := time.ParseDuration(s)
	if err != nil || d < 0 {
		return 0, fmt.Errorf("bad duration %q", s)
	}
	return days + d, nil
}

func parseRatio(s string) (float64, error) {
	pct, isPct := strings.CutSuffix(s, "%")
	x, err := strconv.ParseFloat(pct, 64)
	if err != nil || math.IsNaN(x) || math.IsInf(x, 0) {
		return 0, fmt.Errorf("bad ratio %q", s)
	}
	if isPct {
		x /= 100
	}
	if x < 0 || x > 1 {
		return 0, fmt.Errorf("ratio %q out of 0..100%%", s)
	}
	return x, nil
}

// ThresholdResult is a threshold evaluated on a set of incidents.
type ThresholdResult struct {
	Threshold
	// Conditions as evaluated: "last" and "previous" resolved to periods.
	Resolved []Condition
	// Incidents is how many incidents the conditions kept.
	Incidents int
	// Value is the statistic, nil when it cannot be known (no incident
	// has the metric): an unknown value breaks no threshold.
	Value *float64
	// Broken is true when the value satisfies the threshold's condition.
	Broken bool
}

// Evaluate computes the threshold's statistic on bs and whether it is
// broken.
func (t Threshold) Evaluate(bs *BriefList) ThresholdResult {
	r := ThresholdResult{Threshold: t}
	for _, c := range t.Conditions {
		r.Resolved = append(r.Resolved, resolveCondition(c, bs))
	}
	m := matcher{conds: r.Resolved, labels: newLabeler()}
	var xs []float64 // the metric's known values in seconds, as Describe reads them
	for i := range bs.Len() {
		b := bs.At(int(i))
		if !m.matchesAll(b) {
			continue
		}
		r.Incidents++
		if t.Stat == StatCount {
			continue
		}
		if d, ok := b.span(t.Metric); ok {
			xs = append(xs, d.Seconds())
		}
	}
	r.Value = t.statistic(r.Incidents, xs)
	r.Broken = r.Value != nil && t.Op.holds(*r.Value, t.Value)
	return r
}

// statistic is the threshold's statistic over incidents incidents, xs
// the known values of its metric (which it sorts).
func (t Threshold) statistic(incidents int, xs []float64) *float64 {
	v := func(x float64) *float64 { return &x }
	switch t.Stat {
	case StatCount:
		return v(float64(incidents))
	case StatKnown:
		return v(float64(len(xs)))
	case StatCoverage:
		if incidents == 0 {
			return nil
		}
		return v(float64(len(xs)) / float64(incidents))
	}
	if len(xs) == 0 {
		return nil
	}
	// The one statistic asked for, computed as Describe computes it (and
	// rounded to the second as it is), without the bootstrap interval
	// Describe would spend 2,000 resamples on.
	slices.Sort(xs)
	var x float64
	switch t.Stat {
	case StatMedian:
		x = Quantile(xs, 0.5)
	case StatP90:
		x = Quantile(xs, 0.9)
	case StatP95:
		x = Quantile(xs, 0.95)
	case StatMean:
		x = mean(xs)
	case StatGeoMean:
		g, ok := geoMean(xs)
		if !ok {
			return nil
		}
		x = g
	case StatMin:
		x = xs[0]
	case StatMax:
		x = xs[len(xs)-1]
	}
	return v(seconds(x).Seconds())
}

// resolveCondition turns "quarter=last" into the latest quarter of the
// data (and "previous" into the one before); other values stay.
func resolveCondition(c Condition, bs *BriefList) Condition {
	rel := strings.ToLower(c.Value)
	if (rel != "last" && rel != "previous") || (c.Key != KeyQuarter && c.Key != KeyMonth && c.Key != KeyWeek) {
		return c
	}
	_, latest, ok := DateRange(bs)
	if !ok {
		return Condition{Key: c.Key, Value: Undated}
	}
	t := latest.UTC()
	if rel == "previous" {
		switch c.Key {
		case KeyQuarter:
			t = time.Date(t.Year(), time.Month((int(t.Month())-1)/3*3+1), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -3, 0)
		case KeyMonth:
			t = time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0)
		default:
			t = t.AddDate(0, 0, -7)
		}
	}
	return Condition{Key: c.Key, Value: periodLabel(c.Key, t)}
}

// matcher tells the incidents that meet every condition, with one
// buffer for their values.
type matcher struct {
	conds  []Condition
	labels *labeler
	vals   []string
}

func (m *matcher) matchesAll(b *Brief) bool {
	for _, c := range m.conds {
		m.vals = m.labels.appendValues(m.vals[:0], c.Key, b)
		if !containsFold(m.vals, c.Value) {
			return false
		}
	}
	return true
}
