package metrics

import (
	_ "embed"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"

	"github.com/mttx-dev/mttx/ingest"
)

// Factor names a contributing factor ("deploy", "third-party"). Names come
// from the taxonomy, which users may extend, so a factor is a name rather
// than a closed enumeration; Taxonomy.Has tells a known one.
type Factor string

// Unknown is the factor of a report that says its cause is unknown. It is
// found only when no other factor is.
const Unknown Factor = "unknown"

//go:embed factors.yaml
var builtinTaxonomy []byte

// BuiltinTaxonomyName is how errors and docs name the embedded taxonomy.
const BuiltinTaxonomyName = "metrics/factors.yaml"

// Taxonomy is a set of contributing factors, each with the phrases that
// show it in a report. It is built once (DefaultTaxonomy, then Extend for a
// user's file) and read concurrently afterwards.
type Taxonomy struct {
	lists   map[string][]string
	defs    []factorDef
	enabled []compiledFactor
	words   *wordIndex
	// anchors (in wordSteps) and anchorPrefixes give, for a word, the
	// anchor steps of phrases it can start, each as its phrase's id times
	// two plus 0 or 1 (see anchor): a phrase can match only a sentence
	// whose words start both its anchors, so a sentence is matched
	// against the few phrases its words anchor, not all of them.
	anchors        wordTable
	anchorPrefixes []anchorPrefix
	// factorOf gives the factor (its index in enabled) of each phrase,
	// by id, so that a sentence visits only the factors it anchors.
	factorOf []int32
	// scratch holds the classifiers' working memory (*scratch) between
	// reports.
	scratch sync.Pool
}

// wordSteps is what a word starts: anchors of the taxonomy's phrases,
// and required steps of the classifier's own (as fixedIndex.exact says),
// so that a sentence is indexed for both with one look-up per word.
type wordSteps struct {
	anchors []anchorBits
	fixed   []int
	flags   wordFlags // the classifier's word sets it is in
}

// anchorPrefix is a word prefix and the anchor steps it starts.
type anchorPrefix struct {
	prefix  string
	anchors []anchorBits
}

// anchorBits is anchors as bits of a set of the taxonomy's anchors, bit
// 2*id+k for anchor k of phrase id: the bits of its word at. A word's
// anchors are a few such words, ORed into the set of a sentence's
// anchors one word at a time, not one anchor at a time.
type anchorBits struct {
	at   int
	bits uint64
}

// anchorSet returns the anchors as, each phrase id times two plus 0 or
// 1, as bits of words of an anchor set.
func anchorSet(as []int32) []anchorBits {
	var out []anchorBits
	for _, a := range slices.Sorted(slices.Values(as)) {
		at, bit := int(a/64), uint64(1)<<(a%64)
		if n := len(out); n > 0 && out[n-1].at == at {
			out[n-1].bits |= bit
			continue
		}
		out = append(out, anchorBits{at, bit})
	}
	return out
}

// factorDef is a factor as its files define it, phrases uncompiled.
type factorDef struct {
	name        Factor
	description string
	phrases     []posText
	except      []posText
	remedies    []posText
	detection   []posText
	names       []posText
	disabled    bool
	// notAfterSelf: a match right after the organisation's own name
	// speaks of its product, not of a cause ("GitHub Actions is
	// degraded" on GitHub's page is no third party).
	notAfterSelf bool
}

type compiledFactor struct {
	name      Factor
	phrases   []phrase
	except    []phrase
	remedies  []phrase
	detection []phrase
	names     []phrase
	// notAfterSelf: see factorDef.
	notAfterSelf bool
	// first and end number the factor's phrases, of every list:
	// phrase.id from first to end-1.
	first, end int32
}

// posText is a string from a taxonomy file and where it is, for errors.
type posText struct {
	Text      string
	File      string
	Line, Col int
}

// UnmarshalYAML keeps the position of a string.
func (p *posText) UnmarshalYAML(n ast.Node) error {
	tk := n.GetToken()
	if tk != nil && tk.Position != nil {
		p.Line, p.Col = tk.Position.Line, tk.Position.Column
	}
	s, ok := n.(*ast.StringNode)
	if !ok {
		if lit, isLit := n.(*ast.LiteralNode); isLit {
			p.Text = lit.Value.Value
			return nil
		}
		return &TaxonomyError{Line: p.Line, Col: p.Col, Msg: fmt.Sprintf("want a string, found %s", n.Type())}
	}
	p.Text = s.Value
	return nil
}

// taxonomyFile is the YAML layout of factors.yaml and of --factors files.
type taxonomyFile struct {
	Lists   listsFile    `yaml:"lists"`
	Factors []factorFile `yaml:"factors"`
	// Disable turns whole factors off.
	Disable []posText `yaml:"disable"`
}

// listsFile is the lists of a taxonomy file, in file order, with the
// position of every name and word.
type listsFile []listFile

type listFile struct {
	Name  posText
	Words []posText
}

// UnmarshalYAML reads a mapping of list names to lists of words.
func (l *listsFile) UnmarshalYAML(n ast.Node) error {
	m, ok := n.(*ast.MappingNode)
	if !ok {
		if _, null := n.(*ast.NullNode); null {
			return nil
		}
		return nodeError(n, "lists: want a mapping of list names to lists of words")
	}
	for _, kv := range m.Values {
		var lf listFile
		if err := lf.Name.UnmarshalYAML(kv.Key); err != nil {
			return err
		}
		if err := yaml.NodeToValue(kv.Value, &lf.Words); err != nil {
			return err
		}
		*l = append(*l, lf)
	}
	return nil
}

// nodeError is a TaxonomyError at a node (the file is filled in later).
func nodeError(n ast.Node, msg string) error {
	e := &TaxonomyError{Msg: msg}
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		e.Line, e.Col = tk.Position.Line, tk.Position.Column
	}
	return e
}

type factorFile struct {
	// at is where the factor's entry starts, for errors about the entry.
	at          posText
	Name        posText   `yaml:"name"`
	Description string    `yaml:"description"`
	Phrases     []posText `yaml:"phrases"`
	Except      []posText `yaml:"except"`
	// Remedies are phrases that show the factor in a remedy or action
	// item ("we added integration tests" shows the testing was missing).
	Remedies []posText `yaml:"remedies"`
	// Detection are phrases that show the factor under a "Detection"
	// heading ("users reported the failures").
	Detection []posText `yaml:"detection"`
	// Names are the words that name what the factor is about ("the
	// network", "DNS"): matched only to read denials ("we ruled out the
	// network", "the database was healthy"), never as evidence.
	Names []posText `yaml:"names"`
	// NotAfterSelf: a match right after the organisation's own name is
	// about its product, not a cause.
	NotAfterSelf *bool `yaml:"not_after_self"`
	// Disable turns off phrases (of any of the lists above) the factor
	// already has, by their exact text.
	Disable []posText `yaml:"disable"`
}

// UnmarshalYAML reads a factor entry and keeps where it starts.
func (f *factorFile) UnmarshalYAML(n ast.Node) error {
	type plain factorFile // no UnmarshalYAML: decode field by field
	var p plain
	if err := yaml.NodeToValue(n, &p, yaml.DisallowUnknownField()); err != nil {
		return err
	}
	*f = factorFile(p)
	if tk := n.GetToken(); tk != nil && tk.Position != nil {
		f.at = posText{Line: tk.Position.Line, Col: tk.Position.Column}
	}
	return nil
}

// TaxonomyError is a problem in a taxonomy file, with its position.
type TaxonomyError struct {
	File      string
	Line, Col int
	Msg       string
}

func (e *TaxonomyError) Error() string {
	switch {
	case e.Line > 0 && e.Col > 0:
		return fmt.Sprintf("%s:%d:%d: %s", e.File, e.Line, e.Col, e.Msg)
	case e.Line > 0:
		return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
	}
	return fmt.Sprintf("%s: %s", e.File, e.Msg)
}

// DefaultTaxonomy returns the taxonomy mttx is built with
// (metrics/factors.yaml, documented in docs/factors.md).
func DefaultTaxonomy() (*Taxonomy, error) {
	return (&Taxonomy{lists: map[string][]string{}}).Extend(BuiltinTaxonomyName, builtinTaxonomy)
}

var factorName = regexp.MustCompile(`^[a-z0-9][a-z0-9-]*$`)

// Extend returns a taxonomy with the file's changes applied: its lists are
// added (words appended to a list of the same name), its factors added or,
// for a factor that exists, its phrases and except phrases appended and
// the phrases it disables removed; factors under disable are turned off.
// name is the file's name in errors. t is not changed.
func (t *Taxonomy) Extend(name string, data []byte) (*Taxonomy, error) {
	if err := checkYAMLBounds(name, data); err != nil {
		return nil, err
	}
	f, err := decodeTaxonomy(data)
	if err != nil {
		return nil, yamlError(name, err)
	}
	out := t.clone()
	for _, l := range f.Lists {
		if !factorName.MatchString(l.Name.Text) {
			return nil, &TaxonomyError{File: name, Line: l.Name.Line, Col: l.Name.Col,
				Msg: fmt.Sprintf("list name %q: want lower-case letters, digits and hyphens", l.Name.Text)}
		}
		for _, w := range l.Words {
			// Checked here, where the word is written: a bad word would
			// otherwise surface in whichever phrase first uses the list.
			if _, err := parseSeq(w.Text); err != nil {
				return nil, &TaxonomyError{File: name, Line: w.Line, Col: w.Col, Msg: fmt.Sprintf("list @%s: %v", l.Name.Text, err)}
			}
			out.lists[l.Name.Text] = append(out.lists[l.Name.Text], w.Text)
		}
	}
	for _, ff := range f.Factors {
		if err := out.apply(name, ff); err != nil {
			return nil, err
		}
	}
	for _, d := range f.Disable {
		i := out.index(Factor(d.Text))
		if i < 0 {
			return nil, &TaxonomyError{File: name, Line: d.Line, Col: d.Col, Msg: fmt.Sprintf("disable: no factor named %q", d.Text)}
		}
		out.defs[i].disabled = true
	}
	if err := out.compile(); err != nil {
		return nil, err
	}
	return out, nil
}

// apply adds or extends one factor.
func (t *Taxonomy) apply(file string, ff factorFile) error {
	at := func(p posText, msg string) error {
		return &TaxonomyError{File: file, Line: p.Line, Col: p.Col, Msg: msg}
	}
	name := Factor(ff.Name.Text)
	if !factorName.MatchString(string(name)) {
		pos := ff.Name
		if pos.Line == 0 {
			pos = ff.at // no name at all: point at the entry
		}
		return at(pos, fmt.Sprintf("factor name %q: want lower-case letters, digits and hyphens (new-factor)", ff.Name.Text))
	}
	for _, lists := range [][]posText{ff.Phrases, ff.Except, ff.Remedies, ff.Detection, ff.Names, ff.Disable} {
		for i := range lists {
			lists[i].File = file
		}
	}
	i := t.index(name)
	if i < 0 {
		if len(ff.Phrases) == 0 {
			return at(ff.Name, fmt.Sprintf("new factor %q has no phrases", name))
		}
		if len(ff.Disable) > 0 {
			return at(ff.Disable[0], fmt.Sprintf("new factor %q has no phrases to disable yet", name))
		}
		t.defs = append(t.defs, factorDef{name: name, description: ff.Description, phrases: ff.Phrases,
			except: ff.Except, remedies: ff.Remedies, detection: ff.Detection, names: ff.Names, notAfterSelf: ff.NotAfterSelf != nil && *ff.NotAfterSelf})
		return nil
	}
	d := &t.defs[i]
	if ff.NotAfterSelf != nil {
		d.notAfterSelf = *ff.NotAfterSelf
	}
	if ff.Description != "" {
		d.description = ff.Description
	}
	d.phrases = append(d.phrases, ff.Phrases...)
	d.except = append(d.except, ff.Except...)
	d.remedies = append(d.remedies, ff.Remedies...)
	d.detection = append(d.detection, ff.Detection...)
	d.names = append(d.names, ff.Names...)
	for _, off := range ff.Disable {
		removed := false
		for _, list := range []*[]posText{&d.phrases, &d.except, &d.remedies, &d.detection, &d.names} {
			n := len(*list)
			*list = slices.DeleteFunc(*list, func(p posText) bool { return p.Text == off.Text })
			removed = removed || len(*list) < n
		}
		if !removed {
			return at(off, fmt.Sprintf("factor %q has no phrase %q to disable", name, off.Text))
		}
	}
	return nil
}

// compile compiles every phrase of every enabled factor.
func (t *Taxonomy) compile() error {
	t.enabled = t.enabled[:0]
	for _, d := range t.defs {
		if d.disabled {
			continue
		}
		cf := compiledFactor{name: d.name, notAfterSelf: d.notAfterSelf}
		for _, src := range []struct {
			in  []posText
			out *[]phrase
		}{{d.phrases, &cf.phrases}, {d.except, &cf.except}, {d.remedies, &cf.remedies}, {d.detection, &cf.detection}, {d.names, &cf.names}} {
			for _, p := range src.in {
				c, err := compilePhrase(p.Text, t.lists)
				if err != nil {
					return &TaxonomyError{File: p.File, Line: p.Line, Col: p.Col, Msg: fmt.Sprintf("factor %q: %v", d.name, err)}
				}
				*src.out = append(*src.out, c)
			}
		}
		if len(cf.phrases)+len(cf.remedies)+len(cf.detection) == 0 {
			continue // every phrase disabled: the factor can no longer be found
		}
		t.enabled = append(t.enabled, cf)
	}
	var all [][]phrase
	for i := range t.enabled {
		f := &t.enabled[i]
		all = append(all, f.phrases, f.except, f.remedies, f.detection, f.names)
	}
	t.words = buildIndex(all...)
	t.anchor(all)
	id := int32(0)
	t.factorOf = t.factorOf[:0]
	for i := range t.enabled {
		f := &t.enabled[i]
		f.first = id
		id += int32(len(f.phrases) + len(f.except) + len(f.remedies) + len(f.detection) + len(f.names))
		f.end = id
		for range f.end - f.first {
			t.factorOf = append(t.factorOf, int32(i))
		}
	}
	return nil
}

// anchor numbers the phrases of lists and indexes each by the words that
// start its two anchors: the required steps whose words start the fewest
// steps of the taxonomy, which are the least likely to be in a sentence
// ("the" and the words of @problem start dozens of steps, "certificate" a
// few). A phrase of one required step has it as both anchors.
func (t *Taxonomy) anchor(lists [][]phrase) {
	weight := func(s *step) int {
		n := 0
		for _, seq := range s.alts {
			w := seq[0]
			if !w.prefix {
				n += len(t.words.exact[w.word])
				continue
			}
			i, _ := slices.BinarySearchFunc(t.words.prefixes, w.word, func(p prefixSteps, w string) int { return strings.Compare(p.prefix, w) })
			n += 2 * len(t.words.prefixes[i].steps) // it starts words of every ending
		}
		return n
	}
	anchors := map[string][]int32{}
	byPrefix := map[string][]int32{}
	add := func(m map[string][]int32, w string, a int32) {
		if as := m[w]; !slices.Contains(as, a) {
			m[w] = append(as, a)
		}
	}
	id := int32(0)
	for _, list := range lists {
		for i := range list {
			p := &list[i]
			p.id = int(id)
			var req []*step
			for k := range p.steps {
				if s := &p.steps[k]; !s.gap && !s.optional {
					req = append(req, s)
				}
			}
			slices.SortStableFunc(req, func(a, b *step) int { return weight(a) - weight(b) })
			for k, s := range []*step{req[0], req[min(1, len(req)-1)]} {
				for _, seq := range s.alts {
					if seq[0].prefix {
						add(byPrefix, seq[0].word, 2*id+int32(k))
					} else {
						add(anchors, seq[0].word, 2*id+int32(k))
					}
				}
			}
			id++
		}
	}
	table := map[string]wordSteps{}
	for w, as := range anchors {
		table[w] = wordSteps{anchors: anchorSet(as)}
	}
	for w, steps := range fixedIndex.exact {
		table[w] = wordSteps{anchors: table[w].anchors, fixed: steps}
	}
	for w, flags := range wordSetFlags() {
		steps := table[w]
		steps.flags = flags
		table[w] = steps
	}
	t.anchors = newWordTable(table)
	t.anchorPrefixes = nil
	for pre, as := range byPrefix {
		t.anchorPrefixes = append(t.anchorPrefixes, anchorPrefix{pre, anchorSet(as)})
	}
	slices.SortFunc(t.anchorPrefixes, func(a, b anchorPrefix) int { return strings.Compare(a.prefix, b.prefix) })
}

func (t *Taxonomy) clone() *Taxonomy {
	out := &Taxonomy{lists: make(map[string][]string, len(t.lists)), defs: make([]factorDef, len(t.defs))}
	for k, v := range t.lists {
		out.lists[k] = slices.Clone(v)
	}
	for i, d := range t.defs {
		d.phrases, d.except = slices.Clone(d.phrases), slices.Clone(d.except)
		d.remedies, d.detection, d.names = slices.Clone(d.remedies), slices.Clone(d.detection), slices.Clone(d.names)
		out.defs[i] = d
	}
	return out
}

func (t *Taxonomy) index(name Factor) int {
	return slices.IndexFunc(t.defs, func(d factorDef) bool { return d.name == name })
}

// Factors lists the enabled factors in taxonomy order.
func (t *Taxonomy) Factors() []Factor {
	out := make([]Factor, len(t.enabled))
	for i, f := range t.enabled {
		out[i] = f.name
	}
	return out
}

// Has reports whether name is an enabled factor.
func (t *Taxonomy) Has(name Factor) bool {
	return slices.ContainsFunc(t.enabled, func(f compiledFactor) bool { return f.name == name })
}

// Description returns a factor's one-line definition.
func (t *Taxonomy) Description(name Factor) string {
	if i := t.index(name); i >= 0 {
		return t.defs[i].description
	}
	return ""
}

// order returns the position of a factor in the taxonomy, for sorting.
func (t *Taxonomy) order(name Factor) int {
	if i := t.index(name); i >= 0 {
		return i
	}
	return len(t.defs)
}

// maxTaxonomyFile and maxTaxonomyDepth bound a --factors file before the
// YAML reader sees it: its time and memory grow with the square of the
// nesting (20,000 nested brackets took 3.9 s and 670 MB). A real file is a
// few kilobytes of flat lists.
const (
	maxTaxonomyFile  = 1 << 20
	maxTaxonomyDepth = 64
)

// checkYAMLBounds refuses a taxonomy file over maxTaxonomyFile bytes or
// whose flow collections ([ and {) nest deeper than maxTaxonomyDepth, at
// the line where the limit is crossed (ingest.DeepFlow, which also bounds
// the front matter of postmortems).
func checkYAMLBounds(name string, data []byte) error {
	if len(data) > maxTaxonomyFile {
		return &TaxonomyError{File: name, Msg: fmt.Sprintf("%d bytes (at most %d)", len(data), maxTaxonomyFile)}
	}
	if line, deep := ingest.DeepFlow(data, maxTaxonomyDepth); deep {
		return &TaxonomyError{File: name, Line: line, Msg: fmt.Sprintf("lists or maps nested more than %d deep", maxTaxonomyDepth)}
	}
	return nil
}

// decodeTaxonomy decodes a taxonomy file. The YAML library panics on some
// malformed input (goccy/go-yaml issue 735, not fixed in v1.19.2); a
// user's file must get an error, never a crash.
func decodeTaxonomy(data []byte) (f taxonomyFile, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("not valid YAML (the YAML reader failed: %v)", r)
		}
	}()
	err = yaml.UnmarshalWithOptions(data, &f, yaml.DisallowUnknownField())
	return f, err
}

// yamlError turns a YAML library error into a TaxonomyError with its
// position.
func yamlError(file string, err error) error {
	var te *TaxonomyError
	if errors.As(err, &te) {
		te.File = file
		return te
	}
	var ye yaml.Error
	if errors.As(err, &ye) {
		e := &TaxonomyError{File: file, Msg: ye.GetMessage()}
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			e.Line, e.Col = tk.Position.Line, tk.Position.Column
		}
		return e
	}
	return &TaxonomyError{File: file, Msg: err.Error()}
}
