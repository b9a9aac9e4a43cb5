package metrics

import (
	"errors"
	"slices"
	"testing"

	"github.com/mttx-dev/mttx/ingest"
)

// fuzzIncident is a small incident that shows several factors with the
// default taxonomy.
var fuzzIncident = ingest.Incident{
	Organization: "Acme",
	Title:        "Checkout errors",
	Source:       ingest.Source{Path: "fuzz.md", Line: 1},
	Updates: []ingest.Update{
		{Status: ingest.StatusIdentified, Word: "Identified", Line: 3,
			Text: "The outage was caused by a deploy; we ruled out a network outage. We suspect DNS."},
	},
	Postmortem: &ingest.Text{Line: 6, Body: "## Root cause\nA cosmic ray flipped a bit.\n\n## Action items\n- Add integration tests."},
}

// FuzzTaxonomyExtend feeds arbitrary bytes to Extend: it never panics, its
// errors are *TaxonomyError naming the file, it never changes the
// receiver, and a taxonomy it returns classifies without panicking.
func FuzzTaxonomyExtend(f *testing.F) {
	seeds := []string{
		"",
		"factors: [",
		"lists:\n  db: [quasardb]\n",
		"lists:\n  Bad: [a]\n",
		"disable: [deploy, unknown]\n",
		"disable: [nosuch]\n",
		"factors:\n  - name: cosmic-ray\n    description: a bit flipped\n    phrases:\n      - cosmic ray|rays\n      - bit flip|flips\n",
		"factors:\n  - name: dns\n    phrases: [zone transfer]\n    except: ['zone ... ok']\n    remedies: [add ... resolver]\n    detection: [resolver ... alarm]\n    not_after_self: true\n",
		"factors:\n  - name: certificate\n    disable: [certificate|certificates|cert|certs]\n",
		"factors:\n  - name: certificate\n    disable: [no such phrase]\n",
		"factors:\n  - name: Bad_Name\n    phrases: [a]\n",
		"factors:\n  - name: x\n    phrases: ['(a|b']\n",
		"factors:\n  - name: x\n    phrases: ['a? b?']\n",
		"factors:\n  - name: x\n    phrases: ['... a']\n",
		"factors:\n  - name: x\n    phrases: ['@nosuch']\n",
		"factors:\n  - name: x\n    phrases: [{a: b}]\n",
		"factors:\n  - name: x\n    phrases: [42]\n",
		"factors:\n  - name: x\n    phrases:\n      - |\n        multi line\n        phrase\n",
		"factors:\n  - name: x\n    phrase: [a]\n",
		"factors: 3\n",
		"lists:\n  l: ['']\nfactors:\n  - name: x\n    phrases: ['@l']\n",
		"&a [*a]",
		"factors:\n  - &f {name: x, phrases: [a]}\n  - *f\n",
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	base, err := DefaultTaxonomy()
	if err != nil {
		f.Fatal(err)
	}
	baseFactors := base.Factors()
	f.Fuzz(func(t *testing.T, data []byte) {
		ext, err := base.Extend("fuzz.yaml", data)
		if got := base.Factors(); !slices.Equal(got, baseFactors) {
			t.Fatalf("Extend changed the receiver's factors to %q", got)
		}
		if err != nil {
			if ext != nil {
				t.Errorf("Extend returned a taxonomy with error %v", err)
			}
			var te *TaxonomyError
			if !errors.As(err, &te) {
				t.Fatalf("error %v (%T) is no *TaxonomyError", err, err)
			}
			// The builtin file's name shows when a list word added here
			// breaks a builtin phrase (TestBuiltinTaxonomyName).
			if te.File != "fuzz.yaml" && te.File != BuiltinTaxonomyName {
				t.Errorf("error %q names file %q", err, te.File)
			}
			if te.Line < 0 || te.Col < 0 {
				t.Errorf("error %q at a negative position", err)
			}
			return
		}
		if ext == nil {
			t.Fatal("Extend returned neither a taxonomy nor an error")
		}
		for _, name := range ext.Factors() {
			if !ext.Has(name) {
				t.Errorf("Factors() lists %q, Has denies it", name)
			}
		}
		fs := ext.Classify(fuzzIncident)
		checkFuzzFactors(t, ext, fs)
	})
}

// FuzzClassify classifies arbitrary text as an update and as a postmortem:
// it never panics and every finding has evidence.
func FuzzClassify(f *testing.F) {
	seeds := []string{
		"",
		"The outage was not caused by the deploy. A full disk on the primary database host stopped writes.",
		"## Root cause\nA memory leak crashed the workers.\n\n## Action items\n- Add integration tests.\n- We will add alerting.",
		"## What went well\nOur alerting caught the certificate expiry.\n## Detection\nCustomers reported the failures.",
		"We suspect a DNS problem; we ruled out a network outage — the database load was normal (mostly).",
		"Root cause: a bad config push.\nSummary: the root cause is still unknown.",
		"```\n{\"log\": \"deploy\"}\n```\n> [\"x\"]\n## Root Cause: A deploy ## Next steps: fix",
		"didn't can't provider’s Let's Encrypt —; : ( ) - – ...",
		"**Root cause**\n1. Stripe outage\n2) [link](http://example.com) www.example.com/x",
		"\xff\xfe\x00 caused by \u00a0 \u2028",
	}
	for _, s := range seeds {
		f.Add(s)
	}
	tax, err := DefaultTaxonomy()
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text string) {
		inc := ingest.Incident{
			Organization: "Acme",
			Title:        "Errors",
			Impact:       ingest.ImpactMaintenance,
			Source:       ingest.Source{Path: "fuzz.md", Line: 1},
			Updates: []ingest.Update{
				{Status: ingest.StatusIdentified, Word: "Identified", Line: 2, Text: text},
				{Status: ingest.StatusResolved, Line: 9, Text: text, TextLines: []int{10, 12}},
			},
			Postmortem: &ingest.Text{Body: text, Line: 20, Lines: []int{21, 22, 23}},
		}
		fs := tax.Classify(inc)
		checkFuzzFactors(t, tax, fs)
		if !fs.Has("maintenance") && !slices.ContainsFunc(fs.RuledOut, func(e Evidence) bool { return e.Factor == "maintenance" }) {
			t.Errorf("a maintenance incident without maintenance, and no sentence denies it: %q", fs.Names())
		}
	})
}

// checkFuzzFactors checks what holds for any classification.
func checkFuzzFactors(t *testing.T, tax *Taxonomy, fs Factors) {
	t.Helper()
	order := tax.Factors()
	last := -1
	for _, x := range fs.Found {
		i := slices.Index(order, x.Factor)
		if i < 0 || i <= last {
			t.Errorf("found %q: not an enabled factor in taxonomy order (%q)", x.Factor, fs.Names())
		}
		last = i
		if len(x.Evidence) == 0 || len(x.Evidence) > maxEvidence {
			t.Fatalf("%s: %d pieces of evidence", x.Factor, len(x.Evidence))
		}
		if x.Strength != x.Evidence[0].Strength {
			t.Errorf("%s: strength %v, strongest evidence %v", x.Factor, x.Strength, x.Evidence[0].Strength)
		}
		for _, e := range x.Evidence {
			if e.Factor != x.Factor || e.Text == "" || e.Line <= 0 || e.Strength < Hedged || e.Strength > Stated {
				t.Errorf("%s: bad evidence %+v", x.Factor, e)
			}
		}
	}
	if fs.Has(Unknown) && len(fs.Found) > 1 {
		t.Errorf("unknown with other factors: %q", fs.Names())
	}
	for _, e := range fs.RuledOut {
		if !tax.Has(e.Factor) || e.Line <= 0 {
			t.Errorf("bad ruled-out evidence %+v", e)
		}
	}
}
