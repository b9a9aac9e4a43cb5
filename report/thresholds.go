package report

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/olekukonko/tablewriter/tw"

	"github.com/mttx-dev/mttx/metrics"
)

// writeThresholds writes each threshold, its value and whether it is
// broken; nothing when none was given.
func writeThresholds(w io.Writer, ts []metrics.ThresholdResult) error {
	if len(ts) == 0 {
		return nil
	}
	broken := 0
	for _, t := range ts {
		if t.Broken {
			broken++
		}
	}
	if err := section(w, fmt.Sprintf("Thresholds: %d of %d broken", broken, len(ts))); err != nil {
		return err
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, L, R, R, L})
	t.Header("threshold", "looks at", "incidents", "value", "result")
	for _, r := range ts {
		result := "ok"
		switch {
		case r.Broken:
			result = "BROKEN"
		case r.Value == nil:
			result = "unknown: no incident has the metric (not broken)"
		}
		if err := t.Append([]string{r.Expr, conditions(r.Resolved), fmt.Sprint(r.Incidents), thresholdValue(r), result}); err != nil {
			return err
		}
	}
	return t.Render()
}

// conditions writes the incidents a threshold looked at: "factor=deploy,
// quarter=2024Q2", or "all".
func conditions(cs []metrics.Condition) string {
	if len(cs) == 0 {
		return "all"
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = c.Key.String() + "=" + c.Value
	}
	return strings.Join(parts, ", ")
}

// thresholdValue writes a threshold's value in its unit, "unknown" when
// it has none.
func thresholdValue(r metrics.ThresholdResult) string {
	if r.Value == nil {
		return "unknown"
	}
	return unitValue(r.Stat.Unit(), *r.Value)
}

func unitValue(u metrics.Unit, x float64) string {
	switch u {
	case metrics.UnitSeconds:
		return Duration(time.Duration(x * float64(time.Second)))
	case metrics.UnitRatio:
		return fmt.Sprintf("%.1f%%", 100*x)
	}
	return fmt.Sprintf("%.0f", x)
}

// writeBaseline writes each metric against the earlier review given with
// --baseline; nothing without one.
func writeBaseline(w io.Writer, c *BaselineComparison) error {
	if c == nil {
		return nil
	}
	if err := section(w, "Against the baseline "+c.Path); err != nil {
		return err
	}
	L, R := tw.AlignLeft, tw.AlignRight
	t := newTable(w, []tw.Align{L, R, R, R, R, L})
	t.Header("metric", "baseline median [95% CI] (n)", "now median [95% CI] (n)", "change", "change %", "verdict")
	for _, m := range c.Metrics {
		if err := t.Append(comparisonRow(m)); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := fmt.Fprintf(w, "%d of %d metrics slower than the baseline beyond the 95%% intervals (--fail-on-regression fails the run on them)\n",
		len(c.Regressions()), len(c.Metrics))
	return err
}
