package metrics

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// builtinFactors are the factors of metrics/factors.yaml, in file order.
var builtinFactors = []Factor{
	"deploy", "config-change", "maintenance", "third-party", "cloud-provider", "network", "dns", "certificate",
	"database", "capacity", "hardware", "software-bug", "security", "human-error", "process-gap",
	"monitoring-gap", "unknown",
}

// yamlLines joins lines into a taxonomy file, so that a test can name the
// line of an entry by its place in the list (the first line is line 1).
func yamlLines(lines ...string) []byte {
	return []byte(strings.Join(lines, "\n") + "\n")
}

func defaultTaxonomy(t testing.TB) *Taxonomy {
	t.Helper()
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatalf("DefaultTaxonomy: %v", err)
	}
	return tax
}

// foundNames classifies a postmortem of one paragraph and returns the
// names of the factors found.
func foundNames(tax *Taxonomy, text string) []Factor {
	return tax.Classify(postmortemIncident("", text)).Names()
}

func TestDefaultTaxonomy(t *testing.T) {
	tax := defaultTaxonomy(t)
	if got := tax.Factors(); !slices.Equal(got, builtinFactors) {
		t.Fatalf("Factors() = %q,\nwant %q", got, builtinFactors)
	}
	for _, f := range builtinFactors {
		if !tax.Has(f) {
			t.Errorf("Has(%q) = false", f)
		}
		if d := strings.TrimSpace(tax.Description(f)); d == "" {
			t.Errorf("factor %q has no description", f)
		}
	}
	for _, f := range []Factor{"", "nope", "Deploy", "dns "} {
		if tax.Has(f) {
			t.Errorf("Has(%q) = true for a factor the taxonomy does not define", f)
		}
		if d := tax.Description(f); d != "" {
			t.Errorf("Description(%q) = %q, want empty", f, d)
		}
	}
	if Unknown != "unknown" {
		t.Errorf("Unknown = %q", Unknown)
	}
}

func TestDefaultTaxonomyIsFresh(t *testing.T) {
	// Each call builds its own taxonomy: extending one leaves the next
	// untouched.
	a := defaultTaxonomy(t)
	if _, err := a.Extend("off.yaml", yamlLines("disable: [deploy]")); err != nil {
		t.Fatal(err)
	}
	b := defaultTaxonomy(t)
	if !b.Has("deploy") {
		t.Error("a second DefaultTaxonomy lost deploy")
	}
}

func TestExtendNewFactor(t *testing.T) {
	tax := defaultTaxonomy(t)
	const text = "The corruption was caused by a cosmic ray."
	if slices.Contains(foundNames(tax, text), "cosmic-ray") {
		t.Fatal("cosmic-ray found before the taxonomy defines it")
	}
	ext, err := tax.Extend("cosmic.yaml", yamlLines(
		"factors:",
		"  - name: cosmic-ray",
		"    description: a particle from space flipped a bit.",
		"    phrases:",
		"      - cosmic ray|rays",
		"      - bit flip|flips",
	))
	if err != nil {
		t.Fatalf("Extend: %v", err)
	}
	want := append(slices.Clone(builtinFactors), "cosmic-ray")
	if got := ext.Factors(); !slices.Equal(got, want) {
		t.Errorf("Factors() = %q, want the new factor last: %q", got, want)
	}
	if d := ext.Description("cosmic-ray"); d != "a particle from space flipped a bit." {
		t.Errorf("Description = %q", d)
	}
	f := ext.Classify(postmortemIncident("", text))
	if !f.Has("cosmic-ray") {
		t.Fatalf("Classify(%q) = %q, want cosmic-ray", text, f.Names())
	}
	ff := f.Found[slices.IndexFunc(f.Found, func(x FactorFinding) bool { return x.Factor == "cosmic-ray" })]
	if ff.Strength != Stated {
		t.Errorf("strength = %v, want stated (the match stands in a sentence of cause)", ff.Strength)
	}
	if len(ff.Evidence) == 0 || ff.Evidence[0].Phrase != "cosmic ray|rays" {
		t.Errorf("evidence = %+v, want the phrase \"cosmic ray|rays\"", ff.Evidence)
	}
}

func TestExtendExistingFactor(t *testing.T) {
	tax := defaultTaxonomy(t)
	tests := []struct {
		name   string
		file   []byte
		text   string
		factor Factor
	}{
		{
			name: "phrases appended",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    phrases:",
				"      - zone transfer|transfers",
			),
			text:   "The zone transfer stalled for an hour.",
			factor: "dns",
		},
		{
			name: "list words appended",
			file: yamlLines(
				"lists:",
				"  db: [quasardb]",
			),
			text:   "A quasardb node was overloaded.",
			factor: "database",
		},
		{
			name: "new list used by a new phrase",
			file: yamlLines(
				"lists:",
				"  queue: [kafka, rabbitmq]",
				"factors:",
				"  - name: capacity",
				"    phrases:",
				"      - '@queue ... lagged|lagging'",
			),
			text:   "The kafka consumers lagged behind.",
			factor: "capacity",
		},
		{
			name: "remedies appended",
			file: yamlLines(
				"factors:",
				"  - name: monitoring-gap",
				"    remedies:",
				"      - add|added ... alerting",
			),
			text:   "We have added alerting on queue depth.",
			factor: "monitoring-gap",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if slices.Contains(foundNames(tax, tt.text), tt.factor) {
				t.Fatalf("%q already shows %s before the extension; the case tests nothing", tt.text, tt.factor)
			}
			ext, err := tax.Extend("user.yaml", tt.file)
			if err != nil {
				t.Fatalf("Extend: %v", err)
			}
			if got := foundNames(ext, tt.text); !slices.Contains(got, tt.factor) {
				t.Errorf("after Extend, Classify(%q) = %q, want %s", tt.text, got, tt.factor)
			}
			if got := ext.Factors(); !slices.Equal(got, builtinFactors) {
				t.Errorf("extending an existing factor changed the factor list: %q", got)
			}
		})
	}
}

func TestExtendExceptPhrase(t *testing.T) {
	tax := defaultTaxonomy(t)
	const text = "The certificate had lapsed on Sunday."
	if got := foundNames(tax, text); !slices.Contains(got, "certificate") {
		t.Fatalf("Classify(%q) = %q, want certificate before the extension", text, got)
	}
	ext, err := tax.Extend("user.yaml", yamlLines(
		"factors:",
		"  - name: certificate",
		"    except:",
		"      - certificate had lapsed",
	))
	if err != nil {
		t.Fatal(err)
	}
	if got := foundNames(ext, text); slices.Contains(got, "certificate") {
		t.Errorf("Classify(%q) = %q, want no certificate once an except phrase covers the match", text, got)
	}
}

func TestExtendDisablePhrase(t *testing.T) {
	tax := defaultTaxonomy(t)
	const text = "The certificate had lapsed on Sunday."
	if got := foundNames(tax, text); !slices.Contains(got, "certificate") {
		t.Fatalf("Classify(%q) = %q, want certificate before the phrase is disabled", text, got)
	}
	ext, err := tax.Extend("user.yaml", yamlLines(
		"factors:",
		"  - name: certificate",
		"    disable:",
		"      - certificate|certificates|cert|certs",
	))
	if err != nil {
		t.Fatalf("Extend: %v", err)
	}
	if got := foundNames(ext, text); slices.Contains(got, "certificate") {
		t.Errorf("Classify(%q) = %q after disabling the phrase, want no certificate", text, got)
	}
	// Other phrases of the factor still work.
	const other = "Logins failed because of an expired TLS certificate."
	if got := foundNames(ext, other); !slices.Contains(got, "certificate") {
		t.Errorf("Classify(%q) = %q, want certificate from its other phrases", other, got)
	}
	if !ext.Has("certificate") {
		t.Error("disabling one phrase disabled the factor")
	}
}

func TestExtendDisableEveryPhrase(t *testing.T) {
	tax := defaultTaxonomy(t)
	ext, err := tax.Extend("user.yaml", yamlLines(
		"factors:",
		"  - name: tiny",
		"    phrases: [gremlin]",
	))
	if err != nil {
		t.Fatal(err)
	}
	ext, err = ext.Extend("user2.yaml", yamlLines(
		"factors:",
		"  - name: tiny",
		"    disable: [gremlin]",
	))
	if err != nil {
		t.Fatalf("Extend: %v", err)
	}
	if ext.Has("tiny") {
		t.Error("a factor without phrases left is still enabled")
	}
	if got := foundNames(ext, "A gremlin ate the cable."); slices.Contains(got, "tiny") {
		t.Errorf("Classify = %q, want no tiny", got)
	}
}

func TestExtendDisableFactor(t *testing.T) {
	tax := defaultTaxonomy(t)
	const text = "The outage was caused by a deploy of the search service."
	if got := foundNames(tax, text); !slices.Contains(got, "deploy") {
		t.Fatalf("Classify(%q) = %q, want deploy before it is disabled", text, got)
	}
	ext, err := tax.Extend("user.yaml", yamlLines(
		"disable:",
		"  - deploy",
		"  - unknown",
	))
	if err != nil {
		t.Fatalf("Extend: %v", err)
	}
	want := slices.DeleteFunc(slices.Clone(builtinFactors), func(f Factor) bool { return f == "deploy" || f == "unknown" })
	if got := ext.Factors(); !slices.Equal(got, want) {
		t.Errorf("Factors() = %q, want %q", got, want)
	}
	if ext.Has("deploy") || ext.Has("unknown") {
		t.Error("Has reports a disabled factor")
	}
	if got := foundNames(ext, text); slices.Contains(got, "deploy") {
		t.Errorf("Classify(%q) = %q, want no disabled deploy", text, got)
	}
	if got := foundNames(ext, "The root cause is still unknown."); len(got) != 0 {
		t.Errorf("Classify = %q, want nothing with unknown disabled", got)
	}
}

func TestExtendDoesNotChangeReceiver(t *testing.T) {
	tax := defaultTaxonomy(t)
	texts := []string{
		"The outage was caused by a deploy of the search service.",
		"The zone transfer stalled for an hour.",
		"A quasardb node was overloaded.",
		"The certificate had lapsed on Sunday.",
		"A cosmic ray caused a bit flip.",
	}
	before := make([]Factors, len(texts))
	for i, text := range texts {
		before[i] = tax.Classify(postmortemIncident("", text))
	}
	check := func(t *testing.T) {
		t.Helper()
		if got := tax.Factors(); !slices.Equal(got, builtinFactors) {
			t.Errorf("receiver's Factors() = %q, want %q", got, builtinFactors)
		}
		if d := tax.Description("dns"); strings.Contains(d, "changed") {
			t.Errorf("receiver's description changed to %q", d)
		}
		for i, text := range texts {
			if got := tax.Classify(postmortemIncident("", text)); !equalFactors(got, before[i]) {
				t.Errorf("receiver's Classify(%q) = %q, was %q before Extend", text, got.Names(), before[i].Names())
			}
		}
	}
	ext, err := tax.Extend("user.yaml", yamlLines(
		"lists:",
		"  db: [quasardb]",
		"  fresh: [gremlin]",
		"factors:",
		"  - name: dns",
		"    description: changed",
		"    phrases: [zone transfer]",
		"  - name: certificate",
		"    disable: [certificate|certificates|cert|certs]",
		"  - name: cosmic-ray",
		"    phrases: [cosmic ray]",
		"disable: [deploy]",
	))
	if err != nil {
		t.Fatalf("Extend: %v", err)
	}
	if ext.Has("deploy") || !ext.Has("cosmic-ray") || ext.Description("dns") != "changed" {
		t.Fatalf("the extension did not apply: factors %q", ext.Factors())
	}
	check(t)

	// A failing Extend leaves the receiver alone too, even when the error
	// comes after changes that would have applied.
	_, err = tax.Extend("bad.yaml", yamlLines(
		"lists:",
		"  db: [quasardb]",
		"factors:",
		"  - name: dns",
		"    description: changed",
		"    phrases: [zone transfer]",
		"  - name: deploy",
		"    disable: [no such phrase]",
	))
	if err == nil {
		t.Fatal("Extend with a bad disable succeeded")
	}
	check(t)

	// Extending the extension leaves the extension alone.
	if _, err := ext.Extend("more.yaml", yamlLines("disable: [cosmic-ray]")); err != nil {
		t.Fatal(err)
	}
	if !ext.Has("cosmic-ray") {
		t.Error("extending an extension changed it")
	}
}

func TestExtendErrors(t *testing.T) {
	tax := defaultTaxonomy(t)
	tests := []struct {
		name      string
		file      []byte
		line, col int    // 0: not checked
		msg       string // a part of the message
	}{
		{
			name: "bad yaml",
			file: yamlLines("factors: ["),
			line: 1,
		},
		{
			name: "not a mapping",
			file: yamlLines("- deploy"),
			line: 1,
		},
		{
			name: "nesting bomb",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    phrases: "+strings.Repeat("[", 20000)+strings.Repeat("]", 20000),
			),
			line: 3, msg: "nested more than 64 deep",
		},
		{
			name: "nesting bomb behind an apostrophe",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    phrases: [it's, "+strings.Repeat("[", 70)+strings.Repeat("]", 70)+"]",
			),
			line: 3, msg: "nested more than 64 deep",
		},
		{
			name: "too large",
			file: []byte("lists:\n  big: [" + strings.Repeat("w, ", 400000) + "w]\n"),
			msg:  "(at most 1048576)",
		},
		{
			name: "unknown top-level field",
			file: yamlLines(
				"lists:",
				"  db: [quasardb]",
				"colour: red",
			),
			line: 3, col: 1, msg: "colour",
		},
		{
			name: "unknown factor field",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    phrases: [zone transfer]",
				"    phrase: [zone transfer]",
			),
			line: 4, col: 5, msg: "phrase",
		},
		{
			name: "factors not a list",
			file: yamlLines(
				"# a comment",
				"factors: 3",
			),
			line: 2,
		},
		{
			name: "bad factor name",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    phrases: [zone transfer]",
				"  - name: Cosmic_Ray",
				"    phrases: [cosmic ray]",
			),
			line: 4, col: 11, msg: `"Cosmic_Ray"`,
		},
		{
			name: "factor name with a space",
			file: yamlLines(
				"factors:",
				"  - name: cosmic ray",
				"    phrases: [cosmic ray]",
			),
			line: 2, col: 11, msg: `"cosmic ray"`,
		},
		{
			name: "factor name not a string",
			file: yamlLines(
				"factors:",
				"  - name: [cosmic]",
				"    phrases: [cosmic ray]",
			),
			line: 2,
		},
		{
			name: "factor without a name",
			file: yamlLines(
				"factors:",
				"  - description: no name",
				"    phrases: [cosmic ray]",
			),
			line: 2,
		},
		{
			name: "new factor without phrases",
			file: yamlLines(
				"factors:",
				"  - name: cosmic-ray",
				"    description: a particle from space flipped a bit.",
			),
			line: 2, col: 11, msg: "no phrases",
		},
		{
			name: "new factor with only remedies",
			file: yamlLines(
				"factors:",
				"",
				"  - name: cosmic-ray",
				"    remedies: [add shielding]",
			),
			line: 3, col: 11, msg: "no phrases",
		},
		{
			name: "new factor disabling a phrase",
			file: yamlLines(
				"factors:",
				"  - name: cosmic-ray",
				"    phrases: [cosmic ray]",
				"    disable:",
				"      - bit flip",
			),
			line: 5, col: 9, msg: "cosmic-ray",
		},
		{
			name: "bad phrase syntax",
			file: yamlLines(
				"factors:",
				"  - name: cosmic-ray",
				"    phrases:",
				"      - cosmic ray",
				"      - (bit flip",
			),
			line: 5, col: 9, msg: "( without )",
		},
		{
			name: "bad phrase in an existing factor",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    phrases:",
				"      - zone ...",
			),
			line: 4, col: 9, msg: `factor "dns"`,
		},
		{
			name: "bad except phrase",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    except:",
				"      - ... resolver",
			),
			line: 4, col: 9, msg: "starts with ...",
		},
		{
			name: "bad remedies phrase",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    remedies:",
				"      - add? dns?",
			),
			line: 4, col: 9, msg: "every word is optional",
		},
		{
			name: "phrase names an unknown list",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    phrases:",
				"      - zone transfer",
				"      - '@zones failed'",
			),
			line: 5, col: 9, msg: "@zones",
		},
		{
			name: "phrase not a string",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    phrases:",
				"      - {zone: transfer}",
			),
			line: 4, col: 9, msg: "want a string",
		},
		{
			name: "disabling a phrase the factor does not have",
			file: yamlLines(
				"factors:",
				"  - name: certificate",
				"    disable:",
				"      - certificate|certificates|cert|certs",
				"      - gift voucher",
			),
			line: 5, col: 9, msg: `"gift voucher"`,
		},
		{
			name: "disabling a phrase of another factor",
			file: yamlLines(
				"factors:",
				"  - name: dns",
				"    disable:",
				"      - certificate|certificates|cert|certs",
			),
			line: 4, col: 9, msg: `factor "dns" has no phrase`,
		},
		{
			name: "disabling an unknown factor",
			file: yamlLines(
				"disable:",
				"  - deploy",
				"  - cosmic-ray",
			),
			line: 3, col: 5, msg: `"cosmic-ray"`,
		},
		{
			name: "bad list name",
			file: yamlLines(
				"lists:",
				"  Zones: [zone]",
			),
			line: 2, msg: `"Zones"`,
		},
		{
			name: "bad word in a list",
			file: yamlLines(
				"lists:",
				"  zones: ['---']",
				"factors:",
				"  - name: dns",
				"    phrases: ['@zones failed']",
			),
			// Reported where the bad word is written, not where a phrase
			// first uses the list.
			line: 2, msg: "list @zones",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			ext, err := tax.Extend("user.yaml", tt.file)
			if err == nil {
				t.Fatalf("Extend succeeded, want an error\n%s", tt.file)
			}
			if ext != nil {
				t.Errorf("Extend returned a taxonomy with its error")
			}
			var te *TaxonomyError
			if !errors.As(err, &te) {
				t.Fatalf("error %v (%T) is no *TaxonomyError", err, err)
			}
			if te.File != "user.yaml" {
				t.Errorf("File = %q, want user.yaml", te.File)
			}
			if tt.line > 0 && te.Line != tt.line {
				t.Errorf("Line = %d, want %d (error %q)", te.Line, tt.line, err)
			}
			if tt.col > 0 && te.Col != tt.col {
				t.Errorf("Col = %d, want %d (error %q)", te.Col, tt.col, err)
			}
			if !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("error %q does not contain %q", err, tt.msg)
			}
			if tt.line > 0 && tt.col > 0 {
				if prefix := fmt.Sprintf("user.yaml:%d:%d: ", tt.line, tt.col); !strings.HasPrefix(err.Error(), prefix) {
					t.Errorf("error %q does not start with %q", err, prefix)
				}
			}
		})
	}
}

func TestExtendAcceptsEmptyFile(t *testing.T) {
	tax := defaultTaxonomy(t)
	for _, data := range [][]byte{nil, []byte(""), []byte("# only a comment\n"), []byte("lists: {}\nfactors: []\n")} {
		ext, err := tax.Extend("empty.yaml", data)
		if err != nil {
			t.Errorf("Extend(%q): %v", data, err)
			continue
		}
		if got := ext.Factors(); !slices.Equal(got, builtinFactors) {
			t.Errorf("Extend(%q) changed the factors: %q", data, got)
		}
	}
}

func TestTaxonomyErrorString(t *testing.T) {
	tests := []struct {
		err  TaxonomyError
		want string
	}{
		{TaxonomyError{File: "f.yaml", Line: 3, Col: 7, Msg: "bad"}, "f.yaml:3:7: bad"},
		{TaxonomyError{File: "f.yaml", Line: 3, Msg: "bad"}, "f.yaml:3: bad"},
		{TaxonomyError{File: "f.yaml", Msg: "bad"}, "f.yaml: bad"},
		{TaxonomyError{File: "f.yaml", Col: 4, Msg: "bad"}, "f.yaml: bad"},
	}
	for _, tt := range tests {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.err, got, tt.want)
		}
	}
}

func TestBuiltinTaxonomyName(t *testing.T) {
	// A user file that breaks a builtin factor's phrases is named in
	// the error, never the builtin file.
	tax := defaultTaxonomy(t)
	_, err := tax.Extend("mine.yaml", yamlLines(
		"lists:",
		"  db: ['***']",
	))
	if err == nil {
		t.Fatal("a list word without a word in it was accepted")
	}
	var te *TaxonomyError
	if !errors.As(err, &te) {
		t.Fatalf("error %v is no *TaxonomyError", err)
	}
	if te.File != "mine.yaml" {
		t.Errorf("error %q names %q, want mine.yaml (the file that added the bad word)", err, te.File)
	}
}

// equalFactors compares two classifications: names, strengths, evidence
// and ruled-out sentences.
func equalFactors(a, b Factors) bool {
	return slices.EqualFunc(a.Found, b.Found, func(x, y FactorFinding) bool {
		return x.Factor == y.Factor && x.Strength == y.Strength && slices.Equal(x.Evidence, y.Evidence)
	}) && slices.Equal(a.RuledOut, b.RuledOut)
}
