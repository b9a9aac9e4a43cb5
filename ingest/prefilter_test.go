package ingest

import (
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// spAffected is the expression spAffectedMatch matches by hand; the test
// holds it as the oracle.
var spAffected = regexp.MustCompile(`(?i)^this (incident|scheduled maintenance|maintenance) affected:\s*(.*)$`)

// spPostedRE is the expression postedStamp matches by hand; the test holds
// it as the oracle.
var spPostedRE = regexp.MustCompile(`(?i)^posted\s+(.*\d.*)$`)

// randomPieces joins up to n random pieces.
func randomPieces(r *rand.Rand, pieces []string, n int) string {
	var b strings.Builder
	for range r.IntN(n + 1) {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// checkPostedStamp compares postedStamp with the expression on s, and
// reports whether it matched.
func checkPostedStamp(t *testing.T, s string) bool {
	t.Helper()
	got, ok := postedStamp(s)
	m := spPostedRE.FindStringSubmatch(s)
	if ok != (m != nil) || ok && got != m[1] {
		t.Fatalf("postedStamp(%q) = %q, %v; want %q", s, got, ok, m)
	}
	return ok
}

func TestPostedStampMatchesRegexp(t *testing.T) {
	check := func(s string) bool {
		t.Helper()
		return checkPostedStamp(t, s)
	}
	for _, c := range []string{
		"", "Posted", "Posted Apr 11, 2023 - 14:55 EDT", "posted  \t 3 days ago", "POSTED 1", "Posted1", "Posted about",
		"Poſted 5", "PoSTed\n5", "Posted 5\n", "Posted \n 5", "Posted\v5", "Posted \xff5", " Posted 5", "Posted\f\r 5x",
		"Postedx 5", "Pasted 5", "Posted é 5 é",
	} {
		check(c)
	}
	r := rand.New(rand.NewPCG(11, 12))
	pieces := []string{"posted", "Posted", "POSTED", "poſted", "pos", "ted", " ", "\t", "\n", "\v", "\f", "\r", "5", "x",
		"Apr", ",", "é", "\xff", "ſ", "K"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 6)
		if r.IntN(2) == 0 {
			s = pieces[r.IntN(4)] + s // most lines that matter start so
		}
		if check(s) {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// FuzzPostedStamp compares postedStamp with the expression on arbitrary
// lines.
func FuzzPostedStamp(f *testing.F) {
	f.Add("Posted Apr 11, 2023 - 14:55 EDT")
	f.Add("poſted \t 3 days ago")
	f.Fuzz(func(t *testing.T, s string) { checkPostedStamp(t, s) })
}

// TestContainsFoldGuardsRegexp checks that containsFold holds wherever the
// expression it guards matches.
func TestContainsFoldGuardsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(13, 14))
	pieces := []string{"Incident", "incident", "Scheduled Maintenance", "maintenance", " report for ", " Report For ",
		" REPORT FOR ", " reporT fOr ", " report", " for", "\t", "Acme", "ſ", "K", "é", " "}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 5)
		if spReportFor.MatchString(s) {
			matched++
			if !containsFold(s, "report for") {
				t.Fatalf("spReportFor matches %q but containsFold is false", s)
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// agUpdateRE is the expression agUpdateLine matches by hand; the test
// holds it as the oracle.
var agUpdateRE = regexp.MustCompile(`^(?:[-*•]|\d{1,3}[.)])\s+([A-Za-z][A-Za-z_ -]*?)\s+((?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{4}-\d{2}-\d{2}).*)$`)

func TestAgUpdateLineMatchesRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	check := func(s string) bool {
		t.Helper()
		word, stamp, ok := agUpdateLine(s)
		m := agUpdateRE.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (word != m[1] || stamp != m[2]) {
			t.Fatalf("agUpdateLine(%q) = %q, %q, %v; want %q", s, word, stamp, ok, m)
		}
		return ok
	}
	for _, c := range []string{
		"", "- identified Sep 21, 2021, 11:40 AM UTC", "1. investigating 2024-01-02 10:00 UTC", "• resolved Jan 2",
		"12) in progress Sept. 3 x", "1234. resolved Jan 2", "- in  progress  Sep 5", "-\tpost-mortem\tOct 1", "- a Septembers 5",
		"- a Se 5", "- a September 5", "- a Jan.5", "- a 2024-1-02", "- a Jan 2\n", "-resolved Jan 2", "- 1resolved Jan 2",
		"* scheduled_maintenance Feb 29, 2024", "- resolved\tJan 2", "- res\tolved Jan 2", "0) x Jan 2",
	} {
		check(c)
	}
	r := rand.New(rand.NewPCG(23, 24))
	pieces := []string{"-", "*", "•", "1", "12", "123", "1234", ".", ")", " ", "  ", "\t", "\n", "resolved", "in progress",
		"post-mortem", "a_b", "Sep", "Sept.", "September", "Septembers", "Se", "jan", "2", "21", ", 2021", "2024-01-02",
		"2024-1-02", "x", "é", "UTC"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 8)
		if r.IntN(2) == 0 {
			s = pieces[r.IntN(6)] + " " + pieces[13+r.IntN(4)] + " " + s
		}
		if check(s) {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// TestMayMonthHeadingGuardsRegexp checks that mayMonthHeading holds
// wherever monthHeading matches.
func TestMayMonthHeadingGuardsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(41, 42))
	pieces := []string{"January", "May", "September", "december", " ", "2024", "202", "20245", "x", "é", "\n"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 4)
		if r.IntN(2) == 0 {
			s = pieces[r.IntN(4)] + " " + randomPieces(r, pieces[4:], 2) // most lines that matter start so
		}
		if monthHeading.MatchString(s) {
			matched++
			if !mayMonthHeading(s) {
				t.Fatalf("monthHeading matches %q but mayMonthHeading is false", s)
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// TestMayStartMentionGuardsScan checks that mayStartMention holds wherever
// scanMentions finds a mention at the start of the text.
func TestMayStartMentionGuardsScan(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(43, 44))
	pieces := []string{"Thursday", "thu", "Apr", "april", "May", "11", "2023", "-", "/", ":", "14:55", "T", "12", "1000",
		" ", ",", ".", "UTC", "EDT", "+02:00", "am", "pm", "on", "at", "(", "*", "#", "é", "ſ", "\u00a0", "\t", "—", "3rd", "of"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 7)
		if ms := scanMentions(s, monthFirst); len(ms) > 0 && ms[0].Start == 0 {
			matched++
			if !mayStartMention(s) {
				t.Fatalf("a mention starts %q but mayStartMention is false", s)
			}
		}
		if ms := scanMentions(s, dayFirst); len(ms) > 0 && ms[0].Start == 0 && !mayStartMention(s) {
			t.Fatalf("a mention starts %q but mayStartMention is false", s)
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// TestMayBeSummaryGuardsRegexp checks that mayBeSummary holds wherever
// agSummary matches.
func TestMayBeSummaryGuardsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(61, 62))
	pieces := []string{"Acme", " ", "experienced", "is experiencing", "has experienced", "had", "is having", "hads", " a ",
		" an ", "a", "major", " incident", " maintenance", " outage", " event", " on ", "on", "Sep 21, 2021", "Sept. 3, 2024",
		" affecting ", "API", ", lasting ", "4h 16m", ".", "x", "é"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 8)
		if r.IntN(2) == 0 {
			s = "Acme " + pieces[2+r.IntN(6)] + pieces[9+r.IntN(2)] + []string{"", "major "}[r.IntN(2)] + pieces[13+r.IntN(4)][1:] +
				" on Sep 21, 2021" + []string{"", " affecting API", ", lasting 4h 16m"}[r.IntN(3)] + "." + randomPieces(r, pieces, 3)
		}
		if agSummary.MatchString(s) {
			matched++
			if !mayBeSummary(s) {
				t.Fatalf("agSummary matches %q but mayBeSummary is false", s)
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// TestQuoteIsStrconvQuote checks quote and lineReads against what they
// stand for.
func TestQuoteIsStrconvQuote(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(63, 64))
	pieces := []string{"a", "Z", " ", "\"", "\\", "\t", "\n", "\x7f", "\x00", "~", "é", "\u2028", "\xff", "…", "'", "`", "%q",
		"\u00ad", "\U0001F600", "\xe2\x80"}
	for range 100000 {
		s := randomPieces(r, pieces, 12)
		if got, want := quote(s), strconv.Quote(s); got != want {
			t.Fatalf("quote(%q) = %s; want %s", s, got, want)
		}
		l := line{N: r.IntN(5000), Text: strings.Repeat(s, 1+r.IntN(8))}
		if got, want := lineReads(l), fmt.Sprintf("line %d reads %q", l.N, clipOracle(l.Text, 60)); got != want {
			t.Fatalf("lineReads(%v) = %s; want %s", l, got, want)
		}
	}
}

// TestMayEndMentionGuardsScan checks that mayEndMention holds wherever
// scanMentions finds a mention that ends the text.
func TestMayEndMentionGuardsScan(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(67, 68))
	pieces := []string{"Thursday", "thu", "Apr", "april", "May", "Sept", "11", "2023", "-", "/", ":", "14:55", "T", "12", "1000",
		" ", ",", ".", "UTC", "utc", "EDT", "Z", "+02:00", "am", "PM", "a.m", "on", "at", "(", ")", "3rd", "of", "th",
		"Pacific", "pacific time", "Central European Summer Time", "America/New_York", "Etc/UTC", "é", "failing", "paged", "x"}
	matched := 0
	for range 300000 {
		s := strings.TrimSpace(randomPieces(r, pieces, 7))
		if r.IntN(2) == 0 {
			s = "2024-11-27 " + pieces[10+r.IntN(3)] + " " + s
		}
		for _, order := range []dateOrder{monthFirst, dayFirst} {
			ms := scanMentions(s, order)
			if len(ms) > 0 && ms[len(ms)-1].End == len(s) {
				matched++
				if !mayEndMention(s) {
					t.Fatalf("a mention ends %q but mayEndMention is false", s)
				}
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// clipOracle is clip as it was written, through []rune.
func clipOracle(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n]) + "…"
}

func TestIsAgBadgeMatchesRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(71, 72))
	pieces := []string{"Minor", "minor", "Major ", "Resolved", "RESOLVED", "resolved_", "resolvedx", "Ongoing", "active", "Active1",
		"Investigating", "identified", "Monitoring", "scheduled", "in progress", "In  progress", "In Progress", "completed",
		"postmortem", "View vendor source →", "view Vendor SOURCE", "view vendor", " source", " ", "  ", "\t", "\v", "\n", "x",
		"-", "é", "ſ", "\u212a", "reſolved", "→", "1"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 5)
		want := agBadge.MatchString(s)
		if got := isAgBadge(s); got != want {
			t.Fatalf("isAgBadge(%q) = %v; agBadge says %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// TestMayBeAgHeadingGuardsRegexp checks that mayBeAgHeading holds wherever
// agHeading matches.
func TestMayBeAgHeadingGuardsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(73, 74))
	pieces := []string{"Affected components", "UPDATE TIMELINE", "started", "ſtarted", "Resolved", "duration", "Detected by ",
		"x", "ended", "Ended", " ", "é", "Dur", "ation"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 3)
		if agHeading.MatchString(s) {
			matched++
			if !mayBeAgHeading(s) {
				t.Fatalf("agHeading matches %q but mayBeAgHeading is false", s)
			}
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

func TestSpAffectedLineMatchesRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	check := func(s string) bool {
		t.Helper()
		kind, list, ok := spAffectedLine(s)
		m := spAffected.FindStringSubmatch(s)
		if ok != (m != nil) || ok && (kind != m[1] || list != m[2]) {
			t.Fatalf("spAffectedLine(%q) = %q, %q, %v; want %q", s, kind, list, ok, m)
		}
		return ok
	}
	r := rand.New(rand.NewPCG(75, 76))
	pieces := []string{"This ", "this ", "THIS ", "thiſ ", "Thi", "incident", "Incident", "scheduled maintenance",
		"ſcheduled Maintenance", "maintenance", "maintenanceS", " affected:", " Affected:", " affected", "affected:", " ", "\t",
		"\n", "\v", "API", ", ", "é", "x", "K"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 6)
		if r.IntN(2) == 0 {
			s = pieces[r.IntN(4)] + pieces[5+r.IntN(5)] + pieces[10+r.IntN(3)] + s
		}
		if check(s) {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

func TestIsAgHeadingMatchesRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(77, 78))
	pieces := []string{"Affected components", "affected", " components", "UPDATE TIMELINE", "started", "ſtarted", "Resolved",
		"duration", "Detected by ", "detected by", "x", "ended", "Ended", " ", "é", "\n", "\u212a", "Dur", "ation"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 3)
		want := agHeading.MatchString(s)
		if got := isAgHeading(s); got != want {
			t.Fatalf("isAgHeading(%q) = %v; agHeading says %v", s, got, want)
		}
		if want {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// TestSummaryDateMatchesScan checks summaryDate against the date reader's
// first mention.
func TestSummaryDateMatchesScan(t *testing.T) {
	r := rand.New(rand.NewPCG(79, 80))
	months := []string{"September", "Sept.", "Sep", "Sept", "May", "may", "March", "mar", "Jan.", "Janu", "Feb", "Xyz", "Dec"}
	days := []string{"1", "5", "05", "29", "30", "31", "32", "0", "123"}
	years := []string{"2025", "2024", "1969", "1970", "2200", "2201", "202", "20250", "2023"}
	read := 0
	for range 200000 {
		s := months[r.IntN(len(months))] + " " + days[r.IntN(len(days))] + ", " + years[r.IntN(len(years))]
		if r.IntN(10) == 0 {
			k := r.IntN(len(s) + 1)
			s = s[:k] + []string{" ", ",", ".", "1", "x"}[r.IntN(5)] + s[k:]
		}
		got, ok := summaryDate(s)
		if !ok {
			continue
		}
		read++
		for _, order := range []dateOrder{monthFirst, dayFirst} {
			ms := scanMentions(s, order)
			if len(ms) == 0 || ms[0].Date == nil || ms[0].Date.Year == 0 || *ms[0].Date != got {
				t.Fatalf("summaryDate(%q) = %v; the date reader's first mention is %+v", s, got, ms)
			}
		}
	}
	if read < 10000 {
		t.Fatalf("summaryDate reads only %d random dates: the test tests little", read)
	}
}

func TestSpReportForMatchMatchesRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(83, 84))
	pieces := []string{"Incident", "incident", "INCIDENT", "Scheduled Maintenance", "scheduled maintenance", "Maintenance",
		"Scheduled", " Report for", " report FOR", " report fo", " ", "  ", "\t", "\n", "\v", "Acme", "Acme Inc", "x", "é",
		"ſ", "\u212a", "Reports"}
	matched := 0
	for range 300000 {
		s := randomPieces(r, pieces, 5)
		if r.IntN(2) == 0 {
			s = pieces[r.IntN(6)] + pieces[7+r.IntN(3)] + s
		}
		got, want := spReportForMatch(s), spReportFor.FindStringSubmatch(s)
		if !slices.Equal(got, want) {
			t.Fatalf("spReportForMatch(%q) = %q; want %q", s, got, want)
		}
		if want != nil {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}
