package metrics

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/mttx-dev/mttx/ingest"
)

// pmText is a postmortem body whose i-th line stands on source line
// first+2i, as if the source had a blank line after each: evidence whose
// line is not mapped through Lines shows up with the wrong number.
func pmText(first int, body string) *ingest.Text {
	lines := make([]int, strings.Count(body, "\n")+1)
	for i := range lines {
		lines[i] = first + 2*i
	}
	return &ingest.Text{Body: body, Line: first, Lines: lines}
}

// postmortemIncident is a report with only a postmortem, its lines from
// line 10 on (see pmText).
func postmortemIncident(org, body string) ingest.Incident {
	return ingest.Incident{Organization: org, Source: ingest.Source{Path: "report.md", Line: 1}, Postmortem: pmText(10, body)}
}

// textUpdate is a status update posted on line `line` whose text starts
// on the next line, one source line per line of text.
func textUpdate(s ingest.Status, word string, line int, text string) ingest.Update {
	lines := make([]int, strings.Count(text, "\n")+1)
	for i := range lines {
		lines[i] = line + 1 + i
	}
	return ingest.Update{Status: s, Word: word, Line: line, Text: text, TextLines: lines}
}

// statusIncident is a status-page incident of org with the given updates.
func statusIncident(org string, ups ...ingest.Update) ingest.Incident {
	return ingest.Incident{Organization: org, Source: ingest.Source{Path: "page.txt", Line: 1}, Updates: ups}
}

func finding(f Factors, name Factor) (FactorFinding, bool) {
	i := slices.IndexFunc(f.Found, func(x FactorFinding) bool { return x.Factor == name })
	if i < 0 {
		return FactorFinding{}, false
	}
	return f.Found[i], true
}

func ruledOutNames(f Factors) []Factor {
	var out []Factor
	for _, e := range f.RuledOut {
		if !slices.Contains(out, e.Factor) {
			out = append(out, e.Factor)
		}
	}
	return out
}

// checkInvariants checks what holds for every classification: findings in
// taxonomy order, each once, each with evidence that names it, has text and
// a line, and is at most as strong as the finding; unknown only alone.
func checkInvariants(t *testing.T, tax *Taxonomy, f Factors) {
	t.Helper()
	order := tax.Factors()
	last := -1
	for _, x := range f.Found {
		i := slices.Index(order, x.Factor)
		if i < 0 {
			t.Errorf("found %q, which is no enabled factor", x.Factor)
		}
		if i <= last {
			t.Errorf("found %q out of taxonomy order: %q", x.Factor, f.Names())
		}
		last = i
		if x.Strength < Hedged || x.Strength > Stated {
			t.Errorf("%s: strength %d out of range", x.Factor, x.Strength)
		}
		if len(x.Evidence) == 0 || len(x.Evidence) > maxEvidence {
			t.Errorf("%s: %d pieces of evidence, want 1 to %d", x.Factor, len(x.Evidence), maxEvidence)
		}
		for j, e := range x.Evidence {
			if e.Factor != x.Factor {
				t.Errorf("%s: evidence names %q", x.Factor, e.Factor)
			}
			if strings.TrimSpace(e.Text) == "" || e.Line <= 0 || e.Phrase == "" || e.Section == "" {
				t.Errorf("%s: evidence without text, line, phrase or section: %+v", x.Factor, e)
			}
			if e.Strength > x.Strength {
				t.Errorf("%s: evidence %+v is stronger than the finding (%v)", x.Factor, e, x.Strength)
			}
			if j > 0 && e.Strength > x.Evidence[j-1].Strength {
				t.Errorf("%s: evidence not strongest first: %v after %v", x.Factor, e.Strength, x.Evidence[j-1].Strength)
			}
		}
		if x.Evidence[0].Strength != x.Strength {
			t.Errorf("%s: the first evidence is %v, the finding %v", x.Factor, x.Evidence[0].Strength, x.Strength)
		}
	}
	if f.Has(Unknown) && len(f.Found) > 1 {
		t.Errorf("unknown found with other factors: %q", f.Names())
	}
	for _, e := range f.RuledOut {
		if e.Factor == "" || strings.TrimSpace(e.Text) == "" || e.Line <= 0 {
			t.Errorf("ruled-out evidence without factor, text or line: %+v", e)
		}
	}
}

type evidenceWant struct {
	strength Strength
	line     int    // the line of the strongest evidence
	section  string // its section
}

func TestClassify(t *testing.T) {
	tax := defaultTaxonomy(t)
	tests := []struct {
		name     string
		inc      ingest.Incident
		found    []Factor // exactly these, in taxonomy order
		want     map[Factor]evidenceWant
		ruledOut []Factor // exactly these, in order of first denial
	}{
		// Negation and denial.
		{
			name: "not caused by the deploy",
			inc: ingest.Incident{Source: ingest.Source{Line: 1}, Postmortem: pmText(20, strings.Join([]string{
				"# Search was down",
				"",
				"## Root cause",
				"The outage was not caused by the deploy that went out at 09:00.",
				"A full disk on the primary database host stopped writes.",
			}, "\n"))},
			found:    []Factor{"database"},
			want:     map[Factor]evidenceWant{"database": {Stated, 28, "Root cause"}},
			ruledOut: []Factor{"deploy"},
		},
		{
			name: "we ruled out a network outage",
			inc: statusIncident("Acme", textUpdate(ingest.StatusIdentified, "Identified", 40,
				"The errors were traced to an expired DNS record; we ruled out a network outage.")),
			found:    []Factor{"dns"},
			want:     map[Factor]evidenceWant{"dns": {Stated, 41, "update: identified"}},
			ruledOut: []Factor{"network"},
		},
		{
			name: "the database load was normal",
			inc: statusIncident("Acme", textUpdate(ingest.StatusIdentified, "", 7,
				"The database load was normal throughout; the failures came from a bad config push.")),
			found: []Factor{"config-change"},
			want:  map[Factor]evidenceWant{"config-change": {Mentioned, 8, "update: identified"}},
			// A normal load denies the database and the capacity both.
			ruledOut: []Factor{"database", "capacity"},
		},
		{
			name:  "plain negation is neither found nor ruled out",
			inc:   postmortemIncident("", "We did not deploy anything that day."),
			found: nil,
		},
		{
			name: "ruled out early, stated as the cause later",
			inc: postmortemIncident("", strings.Join([]string{
				"We first ruled out a network problem.",
				"",
				"The outage was caused by a network partition between the two zones.",
			}, "\n")),
			found:    []Factor{"network"},
			want:     map[Factor]evidenceWant{"network": {Stated, 14, "postmortem"}},
			ruledOut: []Factor{"network"},
		},

		// Hedges and guesses.
		{
			name:  "a guess alone counts, hedged",
			inc:   statusIncident("Acme", textUpdate(ingest.StatusInvestigating, "Investigating", 3, "We suspect a DNS problem and are looking into it.")),
			found: []Factor{"dns"},
			want:  map[Factor]evidenceWant{"dns": {Hedged, 4, "update: investigating"}},
		},
		{
			name: "an early guess is overruled by a stated cause",
			inc: statusIncident("Acme",
				textUpdate(ingest.StatusInvestigating, "Investigating", 3, "We suspect a DNS problem and are looking into it."),
				textUpdate(ingest.StatusIdentified, "Identified", 9, "The issue was caused by an expired TLS certificate on the API gateway."),
			),
			found: []Factor{"certificate"},
			want:  map[Factor]evidenceWant{"certificate": {Stated, 10, "update: identified"}},
		},

		// Remedies, the future and mitigation.
		{
			name: "remedy-only alerting is no monitoring gap",
			inc: ingest.Incident{Source: ingest.Source{Line: 1}, Postmortem: pmText(30, strings.Join([]string{
				"## Root cause",
				"A schema migration locked the orders table.",
				"",
				"## Action items",
				"- We will add alerting on lock waits.",
				"- Add dashboards for the gaps in monitoring.",
			}, "\n"))},
			found: []Factor{"database"},
			want:  map[Factor]evidenceWant{"database": {Stated, 32, "Root cause"}},
		},
		{
			name:  "we will add alerting",
			inc:   statusIncident("Acme", textUpdate(ingest.StatusResolved, "Resolved", 50, "We will add alerting for the gaps in monitoring this exposed.")),
			found: nil,
		},
		{
			name:  "we'll add alerting",
			inc:   statusIncident("Acme", textUpdate(ingest.StatusResolved, "Resolved", 50, "We'll add alerting for the gaps in monitoring this exposed.")),
			found: nil,
		},
		{
			name:  "a release that will roll out",
			inc:   postmortemIncident("", "We will roll out the new release next week."),
			found: nil,
		},
		{
			name:  "mitigation is no cause",
			inc:   postmortemIncident("", "We failed over the database to restore service."),
			found: nil,
		},
		{
			name: "action item adding tests shows a process gap",
			inc: ingest.Incident{Source: ingest.Source{Line: 1}, Postmortem: pmText(60, strings.Join([]string{
				"## Root cause",
				"A memory leak in the image resizer crashed the workers.",
				"",
				"## Action items",
				"- Add integration tests for the resizer.",
				"- We will add alerting on worker memory.",
			}, "\n"))},
			found: []Factor{"software-bug", "process-gap"},
			want: map[Factor]evidenceWant{
				"software-bug": {Stated, 62, "Root cause"},
				"process-gap":  {Mentioned, 68, "Action items"},
			},
		},
		{
			name:  "a remedy sentence in an update shows a process gap",
			inc:   statusIncident("Acme", textUpdate(ingest.StatusResolved, "Resolved", 12, "Service is back.\nWe have added integration tests for the billing path.")),
			found: []Factor{"process-gap"},
			want:  map[Factor]evidenceWant{"process-gap": {Mentioned, 14, "update: resolved"}},
		},

		// The organisation itself.
		{
			name:  "a vendor's outage is third-party",
			inc:   statusIncident("Acme", textUpdate(ingest.StatusIdentified, "Identified", 5, "Card payments are failing because of a Stripe outage.")),
			found: []Factor{"third-party"},
			want:  map[Factor]evidenceWant{"third-party": {Stated, 6, "update: identified"}},
		},
		{
			name:  "the organisation's own outage is no third party",
			inc:   statusIncident("Stripe, Inc.", textUpdate(ingest.StatusIdentified, "Identified", 5, "Card payments are failing because of a Stripe outage.")),
			found: nil,
		},
		{
			name: "the organisation's own API errors are no third party",
			inc: func() ingest.Incident {
				inc := statusIncident("Stripe", textUpdate(ingest.StatusInvestigating, "Investigating", 5, "Stripe API errors are elevated; Stripe API requests were failing for some merchants."))
				inc.Title = "Stripe API errors"
				return inc
			}(),
			found: nil,
		},

		// Unknown.
		{
			name:  "unknown alone",
			inc:   postmortemIncident("", "The root cause is still unknown."),
			found: []Factor{"unknown"},
			want:  map[Factor]evidenceWant{"unknown": {Stated, 10, "postmortem"}},
		},
		{
			name:  "unknown gives way to another factor",
			inc:   postmortemIncident("", "The root cause is still unknown.\nA full disk on the database host stopped writes."),
			found: []Factor{"database"},
			want:  map[Factor]evidenceWant{"database": {Mentioned, 12, "postmortem"}},
		},

		// Maintenance.
		{
			name: "maintenance impact",
			inc: ingest.Incident{Title: "Weekend work on the billing cluster", Impact: ingest.ImpactMaintenance,
				Source: ingest.Source{Path: "page.txt", Line: 3}},
			found: []Factor{"maintenance"},
			want:  map[Factor]evidenceWant{"maintenance": {Mentioned, 3, "impact"}},
		},
		{
			name: "maintenance impact and another factor",
			inc: ingest.Incident{Title: "Weekend work on the billing cluster", Impact: ingest.ImpactMaintenance,
				Source: ingest.Source{Path: "page.txt", Line: 3},
				Updates: []ingest.Update{textUpdate(ingest.StatusInProgress, "In progress", 8,
					"A full disk on the database host stopped writes.")}},
			found: []Factor{"maintenance", "database"},
			want: map[Factor]evidenceWant{
				"maintenance": {Mentioned, 3, "impact"},
				"database":    {Mentioned, 9, "update: in progress"},
			},
		},
		{
			name:  "no maintenance impact, no maintenance",
			inc:   ingest.Incident{Title: "Weekend work on the billing cluster", Impact: ingest.ImpactMajor, Source: ingest.Source{Line: 3}},
			found: nil,
		},

		// Fixes.
		{
			name:  "we deployed a fix",
			inc:   statusIncident("Acme", textUpdate(ingest.StatusMonitoring, "Monitoring", 20, "We deployed a fix and error rates are recovering.")),
			found: nil,
		},
		{
			name:  "a fix rolled out",
			inc:   statusIncident("Acme", textUpdate(ingest.StatusMonitoring, "Monitoring", 20, "A hotfix was rolled out to all regions at 10:42 UTC.")),
			found: nil,
		},
		{
			name: "a deploy that caused it, and a fix",
			inc: statusIncident("Acme", textUpdate(ingest.StatusIdentified, "Identified", 20,
				"The outage was caused by a deploy of the search service; we deployed a fix at 10:42.")),
			found: []Factor{"deploy"},
			want:  map[Factor]evidenceWant{"deploy": {Stated, 21, "update: identified"}},
		},

		// Sections.
		{
			name: "what went well is ignored",
			inc: postmortemIncident("", strings.Join([]string{
				"## Root cause",
				"A schema migration locked the orders table.",
				"",
				"## What went well",
				"Our alerting caught the certificate expiry within two minutes.",
			}, "\n")),
			found: []Factor{"database"},
			want:  map[Factor]evidenceWant{"database": {Stated, 12, "Root cause"}},
		},
		{
			name: "a label heading states the cause",
			inc: postmortemIncident("", strings.Join([]string{
				"Summary: search was slow for an hour.",
				"Root cause: a memory leak in the query planner.",
			}, "\n")),
			found: []Factor{"software-bug"},
			want:  map[Factor]evidenceWant{"software-bug": {Stated, 12, "Root cause"}},
		},
		{
			name: "contributing factors heading",
			inc: postmortemIncident("", strings.Join([]string{
				"## Contributing factors",
				"- A memory leak in the query planner.",
			}, "\n")),
			found: []Factor{"software-bug"},
			want:  map[Factor]evidenceWant{"software-bug": {Stated, 12, "Contributing factors"}},
		},
		{
			name: "detection section alone",
			inc: postmortemIncident("", strings.Join([]string{
				"## Detection",
				"Customers reported the failures to our support team.",
			}, "\n")),
			found: []Factor{"monitoring-gap"},
		},
		{
			name: "detection section with a stated cause",
			inc: postmortemIncident("", strings.Join([]string{
				"## Root cause",
				"A schema migration locked the orders table.",
				"",
				"## Detection",
				"Customers reported the failures to our support team.",
			}, "\n")),
			found: []Factor{"database", "monitoring-gap"},
			want: map[Factor]evidenceWant{
				"database":       {Stated, 12, "Root cause"},
				"monitoring-gap": {Mentioned, 18, "Detection"},
			},
		},
		{
			name:  "detection phrases need a detection section",
			inc:   postmortemIncident("", "Customers reported the failures to our support team."),
			found: nil,
		},

		// Titles, order and lines.
		{
			name:  "title",
			inc:   ingest.Incident{Title: "Expired certificate on the API gateway", Source: ingest.Source{Line: 4}},
			found: []Factor{"certificate"},
			want:  map[Factor]evidenceWant{"certificate": {Mentioned, 4, "title"}},
		},
		{
			name: "taxonomy order, not report order",
			inc: postmortemIncident("", strings.Join([]string{
				"A memory leak crashed the workers.",
				"An expired certificate broke logins.",
				"A deploy went out at noon.",
			}, "\n")),
			found: []Factor{"deploy", "certificate", "software-bug"},
			want: map[Factor]evidenceWant{
				"software-bug": {Mentioned, 10, "postmortem"},
				"certificate":  {Mentioned, 12, "postmortem"},
				"deploy":       {Mentioned, 14, "postmortem"},
			},
		},
		{
			name: "a sentence that starts mid-line",
			inc: postmortemIncident("", strings.Join([]string{
				"Logins failed for an hour and",
				"most users saw errors. An expired certificate was",
				"the cause.",
			}, "\n")),
			found: []Factor{"certificate"},
			want:  map[Factor]evidenceWant{"certificate": {Stated, 12, "postmortem"}},
		},
		{
			name:  "Let's Encrypt is about certificates",
			inc:   postmortemIncident("", "Let's Encrypt was unreachable from our renewal job."),
			found: []Factor{"certificate"},
		},
		{
			name:  "nothing to find",
			inc:   postmortemIncident("", "Search was slow for an hour. It is fast again."),
			found: nil,
		},
		{
			name:  "empty incident",
			inc:   ingest.Incident{},
			found: nil,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := tax.Classify(tt.inc)
			checkInvariants(t, tax, f)
			if got := f.Names(); !slices.Equal(got, tt.found) {
				t.Errorf("found %q, want %q\n%s", got, tt.found, describe(f))
			}
			for name, w := range tt.want {
				x, ok := finding(f, name)
				if !ok {
					continue // reported above
				}
				if x.Strength != w.strength {
					t.Errorf("%s: strength %v, want %v\n%s", name, x.Strength, w.strength, describe(f))
				}
				if e := x.Evidence[0]; e.Line != w.line || e.Section != w.section {
					t.Errorf("%s: evidence at line %d in %q, want line %d in %q\n%s", name, e.Line, e.Section, w.line, w.section, describe(f))
				}
			}
			if got := ruledOutNames(f); !slices.Equal(got, tt.ruledOut) {
				t.Errorf("ruled out %q, want %q\n%s", got, tt.ruledOut, describe(f))
			}
			// Evidence quotes the report: each sentence is text of the
			// report, whitespace aside.
			report := reportText(tt.inc)
			for _, x := range f.Found {
				for _, e := range x.Evidence {
					if e.Section != "impact" && !strings.Contains(report, e.Text) {
						t.Errorf("%s: evidence %q is no sentence of the report", x.Factor, e.Text)
					}
				}
			}
		})
	}
}

// reportText is all the prose of an incident, lines joined by spaces.
func reportText(inc ingest.Incident) string {
	parts := []string{inc.Title}
	for _, u := range inc.Updates {
		parts = append(parts, u.Text)
	}
	if inc.Postmortem != nil {
		parts = append(parts, inc.Postmortem.Body)
	}
	return strings.Join(strings.Fields(strings.Join(parts, " ")), " ")
}

func describe(f Factors) string {
	var b strings.Builder
	for _, x := range f.Found {
		fmt.Fprintf(&b, "  found %s (%v)\n", x.Factor, x.Strength)
		for _, e := range x.Evidence {
			fmt.Fprintf(&b, "    %v line %d [%s] %q via %q\n", e.Strength, e.Line, e.Section, e.Text, e.Phrase)
		}
	}
	for _, e := range f.RuledOut {
		fmt.Fprintf(&b, "  ruled out %s line %d %q via %q\n", e.Factor, e.Line, e.Text, e.Phrase)
	}
	return b.String()
}

func TestClassifyStrength(t *testing.T) {
	tax := defaultTaxonomy(t)
	tests := []struct {
		text     string
		factor   Factor
		min, max Strength
	}{
		{"The outage was caused by a DNS problem.", "dns", Stated, Stated},
		{"The outage happened due to a DNS problem.", "dns", Stated, Stated},
		{"A DNS problem took the API down.", "dns", Mentioned, Mentioned},
		{"We suspect a DNS problem.", "dns", Hedged, Hedged},
		{"We initially blamed a network outage.", "network", Hedged, Hedged},
		{"Our first hypothesis was a DNS problem.", "dns", Hedged, Hedged},
		{"Possibly a DNS problem.", "dns", Hedged, Hedged},
		{"We believe a DNS problem took the API down.", "dns", Hedged, Hedged},
		// A hedge before "caused by" still hedges the cause.
		{"The outage was possibly caused by a DNS problem.", "dns", Hedged, Mentioned},
		{"The outage may have been caused by a DNS problem.", "dns", Hedged, Mentioned},
		{"A network problem may have contributed to the errors.", "network", Hedged, Mentioned},
		// A hedge about the impact is no hedge about the cause.
		{"Customers may have seen DNS errors.", "dns", Mentioned, Mentioned},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := tax.Classify(postmortemIncident("", tt.text))
			checkInvariants(t, tax, f)
			x, ok := finding(f, tt.factor)
			if !ok {
				t.Fatalf("%s not found in %q\n%s", tt.factor, tt.text, describe(f))
			}
			if x.Strength < tt.min || x.Strength > tt.max {
				if tt.min == tt.max {
					t.Errorf("%s: strength %v, want %v", tt.factor, x.Strength, tt.min)
				} else {
					t.Errorf("%s: strength %v, want %v to %v", tt.factor, x.Strength, tt.min, tt.max)
				}
			}
		})
	}
}

// TestClassifyRuledOut checks that a sentence that names a factor only to
// deny it rules the factor out: it is not found, and the sentence is kept
// in RuledOut.
func TestClassifyRuledOut(t *testing.T) {
	tax := defaultTaxonomy(t)
	tests := []struct {
		text     string
		ruledOut []Factor
	}{
		{"The outage was not caused by the deploy.", []Factor{"deploy"}},
		{"The outage was not related to last night's deploy.", []Factor{"deploy"}},
		{"The deploy at 09:00 was unrelated.", []Factor{"deploy"}},
		{"We ruled out a network outage.", []Factor{"network"}},
		{"The certificate was valid.", []Factor{"certificate"}},
		{"The database load was normal.", []Factor{"database", "capacity"}},
		{"We ruled out the network.", []Factor{"network"}},
		{"The database was healthy.", []Factor{"database"}},
		{"We found no evidence of an attack.", []Factor{"security"}},
		{"DNS resolution was unaffected.", []Factor{"dns"}},
		{"There was no indication of a security incident.", []Factor{"security"}},
		{"No hardware failed during the incident.", []Factor{"hardware"}},
		{"Our certificates were all valid.", []Factor{"certificate"}},
		{"The database stayed healthy throughout the event.", []Factor{"database"}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			f := tax.Classify(postmortemIncident("", tt.text))
			checkInvariants(t, tax, f)
			for _, name := range tt.ruledOut {
				if f.Has(name) {
					t.Errorf("%s found in %q, which denies it\n%s", name, tt.text, describe(f))
				}
			}
			if got := ruledOutNames(f); !slices.Equal(got, tt.ruledOut) {
				t.Errorf("ruled out %q, want %q\n%s", got, tt.ruledOut, describe(f))
			}
			for _, e := range f.RuledOut {
				if e.Line != 10 || e.Text != tt.text {
					t.Errorf("ruled-out evidence at line %d with text %q, want line 10 and the sentence", e.Line, e.Text)
				}
			}
		})
	}
}

func TestStrengthString(t *testing.T) {
	tests := []struct {
		s    Strength
		want string
	}{
		{0, "none"}, {Hedged, "hedged"}, {Mentioned, "mentioned"}, {Stated, "stated"}, {Stated + 1, "none"}, {-1, "none"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("Strength(%d).String() = %q, want %q", int(tt.s), got, tt.want)
		}
	}
	if !(Hedged < Mentioned && Mentioned < Stated) {
		t.Error("strengths are not ordered weakest first")
	}
}

func TestClassifyEvidence(t *testing.T) {
	tax := defaultTaxonomy(t)

	t.Run("at most maxEvidence, strongest first", func(t *testing.T) {
		inc := postmortemIncident("", strings.Join([]string{
			"A deploy went out at 09:00.",
			"Another deploy went out at 10:00.",
			"A third deploy went out at 11:00.",
			"The outage was caused by the deploy at 11:00.",
			"A fourth deploy went out at 12:00.",
		}, "\n"))
		f := tax.Classify(inc)
		checkInvariants(t, tax, f)
		x, ok := finding(f, "deploy")
		if !ok {
			t.Fatalf("no deploy\n%s", describe(f))
		}
		if len(x.Evidence) != maxEvidence {
			t.Errorf("%d pieces of evidence, want %d", len(x.Evidence), maxEvidence)
		}
		if e := x.Evidence[0]; e.Strength != Stated || e.Line != 16 {
			t.Errorf("first evidence %+v, want the stated sentence on line 16", e)
		}
		if x.Evidence[1].Line != 10 || x.Evidence[2].Line != 12 {
			t.Errorf("evidence lines %d, %d after the stated one, want 10, 12 (report order)", x.Evidence[1].Line, x.Evidence[2].Line)
		}
	})

	t.Run("a postmortem posted as an update counts once", func(t *testing.T) {
		const text = "A deploy went out at noon."
		u := ingest.Update{Status: ingest.StatusPostmortem, Word: "Postmortem", Line: 5, Text: text}
		inc := ingest.Incident{Source: ingest.Source{Line: 1}, Updates: []ingest.Update{u},
			Postmortem: &ingest.Text{Body: text, Line: 5}}
		f := tax.Classify(inc)
		checkInvariants(t, tax, f)
		x, ok := finding(f, "deploy")
		if !ok {
			t.Fatalf("no deploy\n%s", describe(f))
		}
		if len(x.Evidence) != 1 {
			t.Errorf("%d pieces of evidence, want 1: %+v", len(x.Evidence), x.Evidence)
		}
	})

	t.Run("a short wrapped line is no heading", func(t *testing.T) {
		inc := statusIncident("Acme", textUpdate(ingest.StatusIdentified, "Identified", 30,
			"Search is slow.\nThe outage was caused by   an expired\ncertificate on the gateway."))
		f := tax.Classify(inc)
		checkInvariants(t, tax, f)
		x, ok := finding(f, "certificate")
		if !ok {
			t.Fatalf("no certificate\n%s", describe(f))
		}
		want := Evidence{Factor: "certificate", Strength: Stated, Section: "update: identified", Line: 32,
			Text: "The outage was caused by an expired certificate on the gateway.", Phrase: "certificate|certificates|cert|certs"}
		got := x.Evidence[0]
		got.causal = false
		if got != want {
			t.Errorf("evidence\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("a wrapped sentence is one sentence", func(t *testing.T) {
		inc := statusIncident("Acme", textUpdate(ingest.StatusIdentified, "Identified", 30,
			"Search is slow.\nThe outage this morning was caused by   an expired certificate on the\ngateway that serves the public API."))
		f := tax.Classify(inc)
		checkInvariants(t, tax, f)
		x, ok := finding(f, "certificate")
		if !ok {
			t.Fatalf("no certificate\n%s", describe(f))
		}
		want := Evidence{Factor: "certificate", Strength: Stated, Section: "update: identified", Line: 32,
			Text:   "The outage this morning was caused by an expired certificate on the gateway that serves the public API.",
			Phrase: "certificate|certificates|cert|certs"}
		got := x.Evidence[0]
		got.causal = false
		if got != want {
			t.Errorf("evidence\n got %+v\nwant %+v", got, want)
		}
	})

	t.Run("long sentences are clipped", func(t *testing.T) {
		long := "The outage was caused by an expired certificate" + strings.Repeat(" and more words", 40) + "."
		f := tax.Classify(postmortemIncident("", long))
		x, ok := finding(f, "certificate")
		if !ok {
			t.Fatalf("no certificate\n%s", describe(f))
		}
		if n := len([]rune(x.Evidence[0].Text)); n > 301 {
			t.Errorf("evidence text of %d characters", n)
		}
		if !strings.HasPrefix(x.Evidence[0].Text, "The outage was caused by an expired certificate") {
			t.Errorf("evidence text %q does not start with the sentence", x.Evidence[0].Text)
		}
	})
}

func TestClassifyDeterministic(t *testing.T) {
	tax := defaultTaxonomy(t)
	inc := statusIncident("Acme",
		textUpdate(ingest.StatusInvestigating, "Investigating", 3, "We suspect a DNS problem; a network outage is possible."),
		textUpdate(ingest.StatusIdentified, "Identified", 7, "A memory leak crashed the workers after a deploy. An expired certificate broke logins."),
		textUpdate(ingest.StatusResolved, "Resolved", 11, "The database was healthy throughout. We have added integration tests for the deploy path."),
	)
	first := tax.Classify(inc)
	if len(first.Found) < 3 {
		t.Fatalf("found %q, want several factors for the test to mean anything", first.Names())
	}
	for i := range 50 {
		if got := tax.Classify(inc); !equalFactors(got, first) {
			t.Fatalf("run %d: %q\n%s\nfirst run: %q\n%s", i, got.Names(), describe(got), first.Names(), describe(first))
		}
	}
}

func TestClassifyConcurrent(t *testing.T) {
	// A taxonomy is read concurrently once built (run with -race).
	tax := defaultTaxonomy(t)
	incs := []ingest.Incident{
		postmortemIncident("", "The outage was caused by a deploy of the search service."),
		postmortemIncident("Acme", "Card payments are failing because of a Stripe outage."),
		postmortemIncident("", "## Root cause\nA schema migration locked the orders table.\n\n## Action items\n- Add integration tests."),
	}
	want := make([]Factors, len(incs))
	for i, inc := range incs {
		want[i] = tax.Classify(inc)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Go(func() {
			for k := range 20 {
				i := (g + k) % len(incs)
				if got := tax.Classify(incs[i]); !equalFactors(got, want[i]) {
					errs <- fmt.Sprintf("incident %d: %q, want %q", i, got.Names(), want[i].Names())
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}

func TestFactorsNamesAndHas(t *testing.T) {
	f := Factors{Found: []FactorFinding{{Factor: "deploy"}, {Factor: "dns"}}}
	if got := f.Names(); !slices.Equal(got, []Factor{"deploy", "dns"}) {
		t.Errorf("Names() = %q", got)
	}
	for _, tt := range []struct {
		name Factor
		want bool
	}{{"deploy", true}, {"dns", true}, {"network", false}, {"", false}} {
		if got := f.Has(tt.name); got != tt.want {
			t.Errorf("Has(%q) = %v, want %v", tt.name, got, tt.want)
		}
	}
	if got := (Factors{}).Names(); len(got) != 0 {
		t.Errorf("empty Names() = %q", got)
	}
}

func TestHeadingKind(t *testing.T) {
	tests := []struct {
		heading string
		want    sectionKind
	}{
		{"Root cause", sectionCause},
		{"Root Causes", sectionCause},
		{"Contributing factors", sectionCause},
		{"What went wrong", sectionCause},
		{"Action items", sectionRemedy},
		{"Next steps", sectionRemedy},
		{"Follow-ups", sectionRemedy},
		{"What went well", sectionPositive},
		{"Where we got lucky", sectionPositive},
		{"Detection", sectionDetection},
		{"How we found out", sectionDetection},
		{"Timeline", sectionOther},
		{"Summary", sectionOther},
		{"Impact", sectionOther},
	}
	for _, tt := range tests {
		if got := headingKind(tt.heading); got != tt.want {
			t.Errorf("headingKind(%q) = %d, want %d", tt.heading, got, tt.want)
		}
	}
}

// The classifier's own phrases are compiled at package init
// (mustPhrases); a phrase that matches nothing it is meant for is as bad
// as one that does not compile.
func TestBuiltinPhrasesMatch(t *testing.T) {
	tests := []struct {
		name  string
		match func([]string, []bool) bool
		text  string
		want  bool
	}{
		{"causal caused by", causal, "The outage was caused by a bad push.", true},
		{"causal due to", causal, "Errors rose due to a full disk.", true},
		{"causal traced back to", causal, "The errors were traced back to a full disk.", true},
		{"no causal phrase", causal, "A deploy went out at noon.", false},
		{"remedy we have added", remedySentence, "We have added alerting on queue depth.", true},
		{"remedy going forward", remedySentence, "Going forward, every change gets a review.", true},
		{"remedy to prevent recurrence", remedySentence, "To prevent a recurrence we split the pool.", true},
		{"no remedy", remedySentence, "A deploy went out at noon.", false},
		{"mitigation to restore", mitigation, "We failed over the database to restore service.", true},
		{"no mitigation", mitigation, "The database failed over at noon.", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ws := words(tt.text)
			// With the index of the classifier's phrases and without.
			if got := tt.match(ws, fixedIndex.present(ws)); got != tt.want {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
			if got := tt.match(ws, nil); got != tt.want {
				t.Errorf("%q: %v, want %v", tt.text, got, tt.want)
			}
		})
	}
}

func TestFutureAt(t *testing.T) {
	tests := []struct {
		text string
		want int // position of the first future word; -1 for none
	}{
		{"We will add alerting.", 1},
		{"We'll add alerting.", 1}, // "we 'll": the modal is the second word
		{"We are going to add alerting.", 2},
		{"We plan to add alerting.", 1},
		{"We added alerting.", -1},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			ws := words(tt.text)
			want := tt.want
			if want < 0 {
				want = len(ws)
			}
			if got := futureAt(ws, fixedIndex.present(ws)); got != want {
				t.Errorf("futureAt(%q) = %d, want %d (words %q)", tt.text, got, want, ws)
			}
		})
	}
}
