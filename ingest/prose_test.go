package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"time"
)

// proseOf reads text as the body of one postmortem, with updates posted
// between first and last (RFC 3339) to anchor dates.
func proseOf(t *testing.T, text, first, last string) proseFacts {
	t.Helper()
	var ups []Update
	for i, s := range []string{first, last} {
		at, err := time.Parse(time.RFC3339, s)
		if err != nil {
			t.Fatal(err)
		}
		st := StatusInvestigating
		if i == 1 {
			st = StatusResolved
		}
		ups = append(ups, Update{Status: st, At: at})
	}
	ls := splitLines([]byte(text))
	return readProse(proseInput{blocks: []proseBlock{{Lines: ls, Postmortem: true}}, order: detectDateOrder(text), updates: ups})
}

func stamp(s *Stated) string {
	if s == nil {
		return "none"
	}
	return s.At.Format(time.RFC3339)
}

func TestProseWindows(t *testing.T) {
	const first, last = "2023-04-11T18:22:00Z", "2023-04-11T18:55:00Z"
	tests := []struct {
		name, text  string
		start, end  string
		warningHint string
	}{
		{"from to, zone on the end", "On 2023-04-11, from 18:14:48 to 18:33:20 UTC, requests failed.", "2023-04-11T18:14:48Z", "2023-04-11T18:33:20Z", ""},
		{"between and, date from context", "Between 18:02 and 18:47 UTC the API returned errors.", "2023-04-11T18:02:00Z", "2023-04-11T18:47:00Z", ""},
		{"starting at until", "Errors were seen starting at 2:05 PM EDT until 2:40 PM EDT.", "2023-04-11T18:05:00Z", "2023-04-11T18:40:00Z", ""},
		{"dash range with hedge", "On 4/11/23 between roughly 17:40 - 17:47 UTC, messages were dropped.", "2023-04-11T17:40:00Z", "2023-04-11T17:47:00Z", ""},
		{"zone in parentheses on the start", "From 2023-04-11 18:10 (UTC) until 18:31 our API had errors.", "2023-04-11T18:10:00Z", "2023-04-11T18:31:00Z", ""},
		{"date after the window, wrong weekday confirmed by the updates", "From approximately 18:05 UTC to 18:40 UTC on Thursday, April 11, the portal was down.", "2023-04-11T18:05:00Z", "2023-04-11T18:40:00Z", "Thursday but 2023-04-11 was a Tuesday"},
		{"AM/PM taken from the end", "Logins failed from 11:40 to 2:10 PM EDT.", "2023-04-11T15:40:00Z", "2023-04-11T18:10:00Z", ""},
		{"generic PT on a summer date", "On April 11, 2023, ingestion was delayed between 11:05AM PT and 11:34AM PT.", "2023-04-11T18:05:00Z", "2023-04-11T18:34:00Z", ""},
		{"window across midnight", "Between 23:50 and 00:20 UTC on April 10 the queue stalled.", "2023-04-10T23:50:00Z", "2023-04-11T00:20:00Z", ""},
		{"no zone: not used", "Between 18:02 and 18:47 the API returned errors.", "none", "none", "states no time zone"},
		{"labelled start and end", "Start: 11-April-2023 1805 UTC End: 11-April-2023 1840 UTC", "2023-04-11T18:05:00Z", "2023-04-11T18:40:00Z", ""},
		{"a window far from the updates is a typo", "Start: 11-February-2023 1805 UTC End: 11-February-2023 1840 UTC", "none", "none", "likely a typo"},
		{"occurred at with a duration", "The interruption occurred at 18:15 UTC and lasted for about 15 minutes.", "2023-04-11T18:15:00Z", "none", ""},
		{"a job starting is no impact start", "The nightly rollup started at 18:00 UTC as usual.", "none", "none", ""},
		{"issues on a date at a time", "Billing issues on 04/11/2023 at 11:10 AM PDT. Charges were delayed.", "2023-04-11T18:10:00Z", "none", ""},
		{"since after recovery ends the impact", "Logins have worked normally since 2:41 PM EDT.", "none", "2023-04-11T18:41:00Z", ""},
		{"since with an impact starts it", "Users have been unable to log in since 2:09 PM EDT.", "2023-04-11T18:09:00Z", "none", ""},
		{"future work is no impact", "We will upgrade the database from 19:00 to 20:00 UTC tomorrow.", "none", "none", ""},
		{"a window beats an earlier cue", "The batch started failing at 18:00 UTC. Between 18:04 and 18:39 UTC dashboards timed out.", "2023-04-11T18:04:00Z", "2023-04-11T18:39:00Z", ""},
		{"a zone in the label", "Start time (UTC): April 11, 2023 18:03\nEnd time (UTC): April 11, 2023 18:44", "2023-04-11T18:03:00Z", "2023-04-11T18:44:00Z", ""},
		{"a window without an opener", "Requests failed 18:04 to 18:39 UTC.", "2023-04-11T18:04:00Z", "2023-04-11T18:39:00Z", ""},
		{"a date right after the zone", "Between 23:40 UTC April 10 and 00:35 UTC April 11 the queue stalled.", "2023-04-10T23:40:00Z", "2023-04-11T00:35:00Z", ""},
		{"each end of a window takes the date on its side", "On 10 April 2023 from 23:47 to 11 April 2023 00:13 UTC the queue stalled.", "2023-04-10T23:47:00Z", "2023-04-11T00:13:00Z", ""},
		{"started failing at", "Uploads started failing at 18:02 UTC after a rotation.", "2023-04-11T18:02:00Z", "none", ""},
		{"a time followed by the recovery", "At 18:40 UTC uploads recovered.", "none", "2023-04-11T18:40:00Z", ""},
		{"an end before its start has passed midnight", "Errors began at 23:40 UTC on April 10. Service was restored at 00:35 UTC.", "2023-04-10T23:40:00Z", "2023-04-11T00:35:00Z", "read as the next day"},
		{"a numeric date that reads both ways takes the reading that fits", "Payments failed between 10:02 and 10:47 +08 on 04/11/2023.", "2023-04-11T02:02:00Z", "2023-04-11T02:47:00Z", ""},
		{"narrative timeline with a stated zone", "Timeline (UTC)\n18:07 - incident started after a config push\n18:29 - alert fired\n18:41 - service restored", "2023-04-11T18:07:00Z", "2023-04-11T18:41:00Z", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := proseOf(t, tt.text, first, last)
			if got := stamp(f.Start); got != tt.start {
				t.Errorf("start = %s; want %s", got, tt.start)
			}
			if got := stamp(f.End); got != tt.end {
				t.Errorf("end = %s; want %s", got, tt.end)
			}
			var ws []string
			for _, w := range f.Warnings {
				ws = append(ws, w.Msg)
			}
			if tt.warningHint != "" && !strings.Contains(strings.Join(ws, "\n"), tt.warningHint) {
				t.Errorf("warnings %q lack %q", ws, tt.warningHint)
			}
		})
	}
}

func TestProseDurations(t *testing.T) {
	tests := []struct {
		text   string
		want   time.Duration // 0: none
		approx bool
	}{
		{"The incident lasted 38 minutes.", 38 * time.Minute, false},
		{"Users could not log in for 38 minutes.", 38 * time.Minute, false},
		{"The outage lasted approximately 2 hours.", 2 * time.Hour, true},
		{"Checkout was affected for approximately 2 hours.", 2 * time.Hour, true},
		{"The network outage lasted for 1 minute and 20 seconds.", 80 * time.Second, false},
		{"The incident lasted approximately 12-hours.", 12 * time.Hour, true},
		{"Time to resolve: 8m", 8 * time.Minute, false},
		{"Duration: ~3 hours", 3 * time.Hour, true},
		{"Users saw errors over a 32-minute period.", 32 * time.Minute, false},
		{"For two and a half hours, users were unable to sign in.", 150 * time.Minute, false},
		{"The service was degraded, lasting 4h 16m.", 4*time.Hour + 16*time.Minute, false},
		{"It seems the outage happened for 1 minute. The outage lasted for 1 minute and 20 seconds.", 80 * time.Second, false},
		{"The problem lasted for at least seven hours.", 0, false},
		{"The outage lasted a few minutes.", 0, false},
		{"We will monitor for 30 minutes before closing.", 0, false},
		{"Errors lasted over 2 hours.", 0, false},
		{"Cache entries expire after 10 minutes.", 0, false},
		{"Retries back off for 5 seconds between attempts.", 0, false},
		{"We are investigating an issue causing a 15 minute delay in ingestion.", 0, false},
		{"Checkout was down for roughly an hour and a half.", 90 * time.Minute, true},
		{"The outage lasted 2 hours and a half.", 150 * time.Minute, false},
		{"The outage lasted forty-seven minutes.", 47 * time.Minute, false},
		{"Total downtime: 48 minutes", 48 * time.Minute, false},
		{"Uploads failed for a total of 55 minutes.", 55 * time.Minute, false},
		{"Duration of impact: 1h 12m", 72 * time.Minute, false},
		{"The outage has lasted 20 minutes so far.", 0, false},
		{"Sign-in failed from 06:52 UTC until 07:46 UTC, a total of 54 minutes.", 54 * time.Minute, false},
		{"From 16:05 to 18:19 UTC on 29 October 2024 (2 h 14 min), uploads failed.", 134 * time.Minute, false},
		{"Errors rose at 10:00 UTC (see the graph below).", 0, false},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := proseOf(t, tt.text, "2023-04-11T18:22:00Z", "2023-04-11T18:55:00Z")
			switch {
			case tt.want == 0 && f.Duration != nil:
				t.Errorf("duration %v; want none", f.Duration.Duration)
			case tt.want != 0 && f.Duration == nil:
				t.Errorf("no duration; want %v", tt.want)
			case tt.want != 0 && (f.Duration.Duration != tt.want || f.Duration.Approximate != tt.approx):
				t.Errorf("duration %v (approximate %v); want %v (%v)", f.Duration.Duration, f.Duration.Approximate, tt.want, tt.approx)
			}
		})
	}
}

func TestNarrativeTimeline(t *testing.T) {
	text := "**Timeline:** 13h03: users start reporting errors 13h07: support reports the incident to engineering " +
		"13h35: the root cause is identified 13h55: a patch is applied, logins restored 15h10: a fix is deployed **Next steps:** more tests\n" +
		"* 10:02 PST: unrelated entry in another list\n" +
		"2023-04-11 18:20: escalated to the database team\n"
	f := proseOf(t, text, "2023-04-11T11:40:00Z", "2023-04-11T15:20:00Z")
	want := []struct {
		clock string
		m     Milestone
		zs    ZoneSource
		text  string
	}{
		{"13h03", MilestoneStart, ZoneUnknown, "users start reporting errors"},
		{"13h07", MilestoneDetected, ZoneUnknown, "support reports the incident to engineering"},
		{"13h35", MilestoneIdentified, ZoneUnknown, "the root cause is identified"},
		{"13h55", MilestoneMitigated, ZoneUnknown, "a patch is applied, logins restored"},
		{"15h10", MilestoneResolved, ZoneUnknown, "a fix is deployed"},
		{"10:02", MilestoneNone, ZoneStated, "unrelated entry in another list"},
		{"18:20", MilestoneDetected, ZoneUnknown, "escalated to the database team"},
	}
	if len(f.Timeline) != len(want) {
		for _, e := range f.Timeline {
			t.Logf("%+v", e)
		}
		t.Fatalf("%d entries; want %d", len(f.Timeline), len(want))
	}
	for i, w := range want {
		e := f.Timeline[i]
		if e.Clock != w.clock || e.Milestone != w.m || e.ZoneSrc != w.zs || e.Text != w.text {
			t.Errorf("entry %d = %q %v %v %q; want %q %v %v %q", i, e.Clock, e.Milestone, e.ZoneSrc, e.Text, w.clock, w.m, w.zs, w.text)
		}
		if (e.At != nil) != (w.zs != ZoneUnknown) {
			t.Errorf("entry %d: converted to UTC = %v with zone %v", i, e.At != nil, e.ZoneSrc)
		}
	}
	// "not yet restored" is no mitigation.
	if m := classifyMilestone("service not yet restored"); m != MilestoneNone {
		t.Errorf("negated cue gave %v", m)
	}
}

func TestInferZone(t *testing.T) {
	entries := []TimelineEntry{{Local: LocalTime{Hour: 13, Min: 3}}, {Local: LocalTime{Hour: 13, Min: 35}}, {Local: LocalTime{Hour: 0, Min: 10}}}
	start := time.Date(2021, 9, 21, 11, 4, 0, 0, time.UTC)
	off, ok := inferZone(entries, start)
	if !ok || off != 2*3600 {
		t.Fatalf("inferZone = %d, %v; want +2h", off, ok)
	}
	applyInferredZone(entries, off, start)
	wantAt := []string{"2021-09-21T11:03:00Z", "2021-09-21T11:35:00Z", "2021-09-21T22:10:00Z"}
	for i, e := range entries {
		if e.ZoneSrc != ZoneInferred || e.Zone != "UTC+2" || e.At.Format(time.RFC3339) != wantAt[i] {
			t.Errorf("entry %d: %v %q %v; want inferred UTC+2 at %s", i, e.ZoneSrc, e.Zone, e.At, wantAt[i])
		}
	}
	// A first entry 37 minutes off any quarter hour gives no zone.
	if _, ok := inferZone([]TimelineEntry{{Local: LocalTime{Hour: 13, Min: 41}}}, start); ok {
		t.Error("inferred a zone from an entry that fits none")
	}
}

func TestOrderUpdates(t *testing.T) {
	at := func(m int) time.Time { return time.Date(2024, 1, 1, 10, m, 0, 0, time.UTC) }
	words := func(ups []Update) string {
		var s []string
		for _, u := range ups {
			s = append(s, u.Word)
		}
		return strings.Join(s, " ")
	}
	tests := []struct {
		name   string
		format Format
		page   []Update
		want   string
		warn   bool
	}{
		{"newest first, same minute keeps the order the page implies", FormatStatuspageText,
			[]Update{{Word: "C", At: at(9)}, {Word: "B", At: at(5)}, {Word: "A", At: at(5)}, {Word: "Z", At: at(1)}}, "Z A B C", false},
		{"oldest first stays", FormatAggregatorText,
			[]Update{{Word: "A", At: at(1)}, {Word: "B", At: at(1)}, {Word: "C", At: at(3)}}, "A B C", false},
		{"mixed order is sorted and reported", FormatStatuspageText,
			[]Update{{Word: "B", At: at(5)}, {Word: "C", At: at(9)}, {Word: "A", At: at(1)}}, "A B C", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			inc := Incident{Format: tt.format}
			got := orderUpdates(&inc, tt.page)
			if words(got) != tt.want {
				t.Errorf("order %q; want %q", words(got), tt.want)
			}
			if (len(inc.Warnings) > 0) != tt.warn {
				t.Errorf("warnings %v; want warning %v", inc.Warnings, tt.warn)
			}
		})
	}
}

func TestComponentLists(t *testing.T) {
	tests := []struct {
		in     string
		want   string
		groups string
	}{
		{"Supporting Services (Dashboard, Admin Portal)", "Dashboard<Supporting Services> Admin Portal<Supporting Services>", "Supporting Services"},
		{"Web and Agent API", "Web Agent API", ""},
		{"A, B, and C", "A B C", ""},
		{"API (EU, US) and Dashboard", "EU<API> US<API> Dashboard", "API"},
		{"🎩 SchemeServe", "🎩 SchemeServe", ""},
		{"Sync and Collaboration (Docs, Presence) and Mobile and Desktop Apps", "Docs<Sync and Collaboration> Presence<Sync and Collaboration> Mobile and Desktop Apps", "Sync and Collaboration"},
	}
	for _, tt := range tests {
		cs, gs := parseComponentList(tt.in)
		var got, groups []string
		for _, c := range cs {
			s := c.Name
			if c.Group != "" {
				s += "<" + c.Group + ">"
			}
			got = append(got, s)
		}
		for _, g := range gs {
			groups = append(groups, g.Name)
		}
		if strings.Join(got, " ") != tt.want || strings.Join(groups, ",") != tt.groups {
			t.Errorf("parseComponentList(%q) = %q groups %q; want %q groups %q", tt.in, got, groups, tt.want, tt.groups)
		}
	}
	if got := splitAgainst("Search and Discovery and Billing", "Search and DiscoveryBilling"); strings.Join(got, "|") != "Search and Discovery|Billing" {
		t.Errorf("splitAgainst kept %q", got)
	}
	if got := splitAgainst("Member Websites and User Account Admin", ""); strings.Join(got, "|") != "Member Websites|User Account Admin" {
		t.Errorf("splitAgainst without a section: %q", got)
	}
}

func TestRelativeTimesAreReported(t *testing.T) {
	f := proseOf(t, "Errors began at 18:05 UTC. Twenty minutes later the queue drained, and the next morning we found the cause.", "2023-04-11T18:22:00Z", "2023-04-11T18:55:00Z")
	var msgs []string
	for _, w := range f.Warnings {
		msgs = append(msgs, w.Msg)
	}
	all := strings.Join(msgs, "\n")
	for _, want := range []string{`"Twenty minutes later" is not resolved`, `"the next morning" is not resolved`} {
		if !strings.Contains(all, want) {
			t.Errorf("warnings %q lack %s", all, want)
		}
	}
	if stamp(f.Start) != "2023-04-11T18:05:00Z" {
		t.Errorf("start %s", stamp(f.Start))
	}
}

func TestPostedAgoIsNoUpdate(t *testing.T) {
	page := "Slow search\nIncident Report for Acme\nResolved\nFixed.\nPosted Jan 02, 2024 - 10:40 UTC\n" +
		"Update\nStill looking.\nPosted 3 days ago\nInvestigating\nSearch is slow.\nPosted Jan 02, 2024 - 10:00 UTC\n"
	incs, _, err := Parse("p.txt", []byte(page), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range incs[0].Updates {
		got = append(got, u.Status.String()+" "+u.Text)
	}
	if strings.Join(got, "|") != "investigating Search is slow.|resolved Fixed." {
		t.Errorf("updates %q; the undated update must be left out, not merged into the next", got)
	}
	if len(incs[0].Warnings) == 0 || !strings.Contains(incs[0].Warnings[0].Msg, "3 days ago") {
		t.Errorf("warnings %v; want one naming the undated Posted line", incs[0].Warnings)
	}
}

func TestMilestoneNotTaken(t *testing.T) {
	for text, want := range map[string]Milestone{
		"Rollback not possible: the old schema was already dropped": MilestoneNone,
		"Failover to the standby failed":                            MilestoneNone,
		"Rollback complete, error rates back to normal":             MilestoneMitigated,
	} {
		if got := classifyMilestone(text); got != want {
			t.Errorf("classifyMilestone(%q) = %v; want %v", text, got, want)
		}
	}
}

// TestMayCueZone checks that mayCueZone is true wherever zoneCue matches:
// it only skips lines that cannot hold a cue.
func TestMayCueZone(t *testing.T) {
	cases := []string{
		"All times are in UTC", "Timeline (UTC)", "(all times in PDT)", "TIME LINE", "Times\t(UTC)", "time(",
		"timeſtamps", "Chronology", "CHRONOLOGY:", "chronologies", "at this time", "time", "sometimes",
		"times listed", "timestamps", "tıme line", "tİme line", "time \t\n (utc)", "time  line", "time lin",
		"at this time", "time\tline", "time LINE",
	}
	check := func(s string) {
		if zoneCue.MatchString(s) && !mayCueZone(s) {
			t.Fatalf("zoneCue matches %q but mayCueZone is false", s)
		}
	}
	for _, c := range cases {
		check(c)
	}
	r := rand.New(rand.NewPCG(9, 10))
	pieces := []string{"time", "Time", "tIME", "tiMe", "s", "S", "ſ", "line", "Line", "lINE", " ", " ", "(", "are", "in", "all ",
		"shown", "listed", "chronology", "CHRONOLOGY", "chronoLogy", "x", "\t", "\n", "stamps", "K", "ı", "İ", "."}
	matched := 0
	for range 300000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		check(b.String())
		if zoneCue.MatchString(b.String()) {
			matched++
		}
	}
	if matched < 1000 {
		t.Fatalf("only %d random strings hold a cue: the test tests little", matched)
	}
}

// TestCueHints checks that the cheap tests in front of negation and
// narrativeEndCue hold wherever the expressions match.
func TestCueHints(t *testing.T) {
	skipOracleUnderRace(t)
	r := rand.New(rand.NewPCG(15, 16))
	pieces := []string{"not", "no", "n't", "unable to", "without", "before", "yet", "been", "fully", "be", " ", "  ", "\t",
		"restored", "recovers", "recovery is complete", "back to normal", "returned to normal", "normal levels", "back online",
		"fully operational", "resolved", "resolution is confirmed", "working again", "working as expected", "healthy again",
		"errors stopped", "error subsided", "no further errors", "outage ended", "impact is over", "back at baseline",
		"service", "x", ".", "can", "do"}
	negMatched, endMatched := 0, 0
	for range 60000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		if negation.MatchString(s) {
			negMatched++
			if !negates(s) {
				t.Fatalf("negation matches %q but negates is false", s)
			}
		} else if negates(s) {
			t.Fatalf("negates(%q) is true but negation does not match", s)
		}
		if narrativeEndCue.MatchString(s) {
			endMatched++
			if !containsAny(s, endHints) {
				t.Fatalf("narrativeEndCue matches %q without any of endHints", s)
			}
		}
	}
	if negMatched < 1000 || endMatched < 1000 {
		t.Fatalf("only %d and %d random strings match: the test tests little", negMatched, endMatched)
	}
}

// TestMayHoldDuration checks the one-pass test against the tests it
// replaced.
func TestMayHoldDuration(t *testing.T) {
	old := func(low string) bool {
		return strings.IndexAny(low, "0123456789") >= 0 || strings.Contains(low, "hour") ||
			strings.Contains(low, "minute") || strings.Contains(low, "second") || strings.Contains(low, "day")
	}
	r := rand.New(rand.NewPCG(19, 20))
	pieces := []string{"hour", "hou", "minute", "minut", "second", "secon", "day", "da", "h", "m", "s", "d", "5", " ", "é"}
	for range 100000 {
		s := randomPieces(r, pieces, 5)
		if got, want := mayHoldDuration(s), old(s); got != want {
			t.Fatalf("mayHoldDuration(%q) = %v; want %v", s, got, want)
		}
	}
}

// paragraphsOracle is paragraphs as it was written before it joined lines
// in a buffer: the test holds it as the oracle.
func paragraphsOracle(ls []line, skip map[int]bool) []paragraph {
	var out []paragraph
	var cur paragraph
	prevClockLed := false
	flush := func() {
		if cur.Text != "" {
			out = append(out, cur)
		}
		cur = paragraph{}
	}
	for _, l := range ls {
		if l.Text == "" || skip[l.N] {
			flush()
			continue
		}
		if cur.Text != "" && (listItemRE.MatchString(l.Text) || strings.HasSuffix(cur.Text, ":") ||
			(clockLedRE.MatchString(l.Text) && prevClockLed)) {
			flush()
		}
		prevClockLed = clockLedRE.MatchString(l.Text)
		if cur.Text != "" {
			cur.Text += " "
		}
		cur.starts = append(cur.starts, len(cur.Text))
		cur.lines = append(cur.lines, l.N)
		cur.Text += emphasis.Replace(l.Text)
		if strings.HasPrefix(l.Text, "#") {
			flush()
		}
	}
	flush()
	return out
}

func TestParagraphsMatchesOracle(t *testing.T) {
	r := rand.New(rand.NewPCG(27, 28))
	pieces := []string{"**", "__", "*", "_", "word", " ", ":", "- ", "1. ", "#", "12:30", "2023-04-11 09:15", "x", "é"}
	var buf paraBuf // reused, as the prose reader does from block to block
	for range 50000 {
		ls := make([]line, r.IntN(6))
		skip := map[int]bool{}
		var skipped []int // skip's keys, sorted, as paragraphs takes them
		for i := range ls {
			// Lines share a number now and then, as those of a JSON
			// body do.
			n := i + 1
			if i > 0 && r.IntN(6) == 0 {
				n = ls[i-1].N
			}
			ls[i] = line{N: n, Text: randomPieces(r, pieces, 4)}
			if r.IntN(8) == 0 && !skip[n] {
				skip[n] = true
				skipped = append(skipped, n)
			}
		}
		if got, want := buf.paragraphs(ls, skipped), paragraphsOracle(ls, skip); !reflect.DeepEqual(got, want) {
			t.Fatalf("paragraphs(%+v) = %+v; want %+v", ls, got, want)
		}
	}
}

// TestNoDigitNoMention checks what block relies on to skip paragraphs: a
// text without a digit has no date or time mention, whatever words of
// dates, times and zones it holds.
func TestNoDigitNoMention(t *testing.T) {
	pieces := []string{"January", "March", "May", "Sept", "Monday", "tue", "noon", "midnight", "am", "PM", "a.m.", "UTC", "PST",
		"Pacific Time", "GMT+", "yesterday", "today", "tomorrow", "morning", "at", "on", "from", "to", "-", ":", "/", ".", ",", " ", "T", "Z", "h", "é"}
	r := rand.New(rand.NewPCG(71, 72))
	for range 50000 {
		s := randomPieces(r, pieces, 10)
		for _, order := range []dateOrder{monthFirst, dayFirst} {
			if ms := scanMentions(s, order); len(ms) > 0 {
				t.Fatalf("scanMentions(%q) = %s; a text without a digit has none", s, showMentions(ms))
			}
		}
	}
}
