package metrics

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseThreshold(t *testing.T) {
	tests := []struct {
		expr  string
		stat  Stat
		m     Metric
		conds []Condition
		op    Op
		value float64
	}{
		{"p90(ttr) > 4h", StatP90, TTR, nil, OpGT, 4 * 3600},
		{"  median( tti ) >= 1h30m ", StatMedian, TTI, nil, OpGE, 5400},
		{"p50(ttd)<=90s", StatMedian, TTD, nil, OpLE, 90},
		{"coverage(ttd) < 80%", StatCoverage, TTD, nil, OpLT, 0.8},
		{"coverage(ttd) < 0.8", StatCoverage, TTD, nil, OpLT, 0.8},
		{"count(factor=deploy, quarter=last) > 3", StatCount, 0, []Condition{{KeyFactor, "deploy"}, {KeyQuarter, "last"}}, OpGT, 3},
		{"count > 10", StatCount, 0, nil, OpGT, 10},
		{"count() != 0", StatCount, 0, nil, OpNE, 0},
		{`max(impact, org="Acme Cloud", component='REST API') > 2d`, StatMax, Impact, []Condition{{KeyOrg, "Acme Cloud"}, {KeyComponent, "REST API"}}, OpGT, 2 * 86400},
		{"mean(postmortem_delay) > 1d12h", StatMean, PostmortemDelay, nil, OpGT, 36 * 3600},
		{"known(ttm, impact=major) == 0", StatKnown, TTM, []Condition{{KeyImpact, "major"}}, OpEQ, 0},
	}
	for _, tt := range tests {
		got, err := ParseThreshold(tt.expr)
		if err != nil {
			t.Errorf("ParseThreshold(%q): %v", tt.expr, err)
			continue
		}
		if got.Stat != tt.stat || (tt.stat != StatCount && got.Metric != tt.m) || got.Op != tt.op || got.Value != tt.value ||
			len(got.Conditions) != len(tt.conds) {
			t.Errorf("ParseThreshold(%q) = %+v", tt.expr, got)
			continue
		}
		for i, c := range tt.conds {
			if got.Conditions[i] != c {
				t.Errorf("ParseThreshold(%q) condition %d = %+v; want %+v", tt.expr, i, got.Conditions[i], c)
			}
		}
	}
}

func TestParseThresholdErrors(t *testing.T) {
	tests := []struct {
		expr string
		col  int
		msg  string
	}{
		{"", 1, "want a statistic"},
		{"p99(ttr) > 4h", 1, "want a statistic"},
		{"p90 > 4h", 1, "p90 needs a metric"},
		{"p90(ttx) > 4h", 5, `unknown metric "ttx"`},
		{"p90(ttr, ttd) > 4h", 10, "a second metric"},
		{"count(ttr) > 3", 7, "takes no metric"},
		{"count(service=api) > 3", 7, `unknown key "service"`},
		{"count(org=) > 3", 11, "want a value after org="},
		{"p90(ttr > 4h", 9, `want "," or ")"`},
		{"p90(ttr) = 4h", 10, "want =="},
		{"p90(ttr) ~ 4h", 10, "want a comparison"},
		{"p90(ttr) > ", 12, "want a value after >"},
		{"p90(ttr) > 4x", 12, "want a duration"},
		{"p90(ttr) > 4", 12, "want a duration"},
		{"coverage(ttd) < 180%", 17, "want a percent"},
		{"count > 3.5", 9, "whole number"},
		{"count > 3 or more", 11, "unexpected"},
	}
	for _, tt := range tests {
		_, err := ParseThreshold(tt.expr)
		var ee *ExprError
		if !errors.As(err, &ee) {
			t.Errorf("ParseThreshold(%q) = %v; want an *ExprError", tt.expr, err)
			continue
		}
		if ee.Col != tt.col || !strings.Contains(ee.Msg, tt.msg) {
			t.Errorf("ParseThreshold(%q): column %d %q; want column %d with %q", tt.expr, ee.Col, ee.Msg, tt.col, tt.msg)
		}
	}
}

func TestEvaluateThreshold(t *testing.T) {
	as := []Analysis{
		an("Acme", day(2024, 1, 10), 30, []string{"API"}, "deploy"),
		an("Acme", day(2024, 2, 10), 90, []string{"API"}, "deploy", "dns"),
		an("Acme", day(2024, 4, 10), 240, []string{"Web"}, "deploy"),
		an("Zed", day(2024, 5, 10), 60, nil, "capacity"),
		an("Zed", day(2024, 6, 10), -1, nil), // unresolved: ttr unknown
	}
	tests := []struct {
		expr   string
		n      int
		value  *float64
		broken bool
	}{
		{"count > 4", 5, fptr(5), true},
		{"count(factor=deploy, quarter=last) > 0", 1, fptr(1), true},
		{"count(factor=deploy, quarter=previous) >= 2", 2, fptr(2), true},
		{"count(org=acme) > 3", 3, fptr(3), false},
		{"coverage(ttr) < 80%", 5, fptr(0.8), false},
		{"coverage(ttr, org=Zed) < 80%", 2, fptr(0.5), true},
		{"known(ttr) == 4", 5, fptr(4), true},
		{"median(ttr) > 1h", 5, fptr(75 * 60), true},
		{"max(ttr, org=Acme) >= 4h", 3, fptr(4 * 3600), true},
		{"p90(ttr, component=Web) < 1h", 1, fptr(4 * 3600), false},
		// No incident has the metric: unknown, so nothing is broken.
		{"p90(ttr, org=Nobody) < 1h", 0, nil, false},
		{"coverage(ttr, org=Nobody) < 50%", 0, nil, false},
		{"count(org=Nobody) == 0", 0, fptr(0), true},
	}
	for _, tt := range tests {
		th, err := ParseThreshold(tt.expr)
		if err != nil {
			t.Fatalf("ParseThreshold(%q): %v", tt.expr, err)
		}
		r := th.Evaluate(Briefs(as))
		if r.Incidents != tt.n || r.Broken != tt.broken || (r.Value == nil) != (tt.value == nil) ||
			(r.Value != nil && *r.Value != *tt.value) {
			got := "nil"
			if r.Value != nil {
				got = time.Duration(*r.Value * float64(time.Second)).String()
			}
			t.Errorf("%q: incidents %d value %s broken %v; want %d, %v, %v", tt.expr, r.Incidents, got, r.Broken, tt.n, deref(tt.value), tt.broken)
		}
	}
	th, _ := ParseThreshold("count(quarter=last) > 0")
	if r := th.Evaluate(Briefs(as)); len(r.Resolved) != 1 || r.Resolved[0].Value != "2024Q2" {
		t.Errorf("quarter=last resolved to %+v; want 2024Q2", r.Resolved)
	}
}

func fptr(x float64) *float64 { return &x }

func deref(x *float64) any {
	if x == nil {
		return nil
	}
	return *x
}

// FuzzThreshold checks that no expression makes the parser panic and that
// what parses evaluates without panicking.
func FuzzThreshold(f *testing.F) {
	for _, s := range []string{"p90(ttr) > 4h", "count(factor=deploy, quarter=last) > 3", "coverage(ttd) < 80%",
		`max(impact, org="A B") >= 1d2h`, "count", "p90(", "known(ttm)==0", "median(ttr) > 9999999d"} {
		f.Add(s)
	}
	as := []Analysis{an("Acme", day(2024, 1, 10), 30, []string{"API"}, "deploy"), an("Zed", day(2024, 5, 10), -1, nil)}
	f.Fuzz(func(t *testing.T, expr string) {
		th, err := ParseThreshold(expr)
		if err != nil {
			var ee *ExprError
			if !errors.As(err, &ee) || ee.Col < 1 {
				t.Fatalf("ParseThreshold(%q): %v is no *ExprError with a column", expr, err)
			}
			return
		}
		th.Evaluate(Briefs(as))
	})
}

// TestThresholdMatchesDescribe checks that a threshold's statistic is the
// one the report's distribution shows, value for value.
func TestThresholdMatchesDescribe(t *testing.T) {
	var as []Analysis
	var vals []time.Duration
	for i := range 37 {
		ttr := 7 + (i*i*13)%500
		as = append(as, an("Acme", day(2024, 1, 1+i%28), ttr, nil))
		vals = append(vals, time.Duration(ttr)*time.Minute)
	}
	d := Describe(TTR, len(as), vals)
	for stat, want := range map[string]*time.Duration{"median": d.Median, "p90": d.P90, "p95": d.P95,
		"mean": d.Mean, "geomean": d.GeoMean, "min": d.Min, "max": d.Max} {
		th, err := ParseThreshold(stat + "(ttr) > 1h")
		if err != nil {
			t.Fatal(err)
		}
		if got := th.Evaluate(Briefs(as)).Value; got == nil || *got != want.Seconds() {
			t.Errorf("%s: threshold reads %v, the distribution %v", stat, deref(got), want.Seconds())
		}
	}
}
