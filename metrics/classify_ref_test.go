package metrics

import (
	"bytes"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/synth"
)

// classifyRef is Classify as it was written before its work on each
// sentence was indexed for speed (as of commit 7dc4602): a sentence's
// words split by wordsRef, every phrase of every factor and every fixed
// phrase tried in turn, in order, with no index of the words. It is the
// oracle of TestClassifyMatchesReference and FuzzClassifyMatchesReference:
// the fast classifier must find exactly what it finds, evidence and its
// order included.
func (t *Taxonomy) classifyRef(inc ingest.Incident) Factors {
	sc := &scratch{}
	self := selfWords(inc.Organization)
	c := classifierRef{classifier: classifier{tax: t, scratch: sc, self: self}}
	for _, s := range sc.reportSentences(nil, inc) {
		c.sentence(s)
	}
	if inc.Impact == ingest.ImpactMaintenance {
		c.add(Evidence{Factor: "maintenance", Strength: Mentioned, Section: "impact", Line: inc.Source.Line,
			Text: "the report lists this incident as a maintenance", Phrase: "impact: maintenance"})
	}
	return c.decide()
}

// classifierRef is the classifier with the old sentence-level code; add,
// isSelf and decide are the classifier's own.
type classifierRef struct {
	classifier
}

func (c *classifierRef) sentence(s textSentence) {
	if s.kind == sectionPositive {
		return
	}
	ws := wordsRef(s.text)
	if len(ws) == 0 {
		return
	}
	remedy := s.kind == sectionRemedy || remedySentenceRef(ws) || mitigationRef(ws)
	future := futureAtRef(ws)
	isCausal := causalRef(ws)
	base := Mentioned
	if s.kind == sectionCause || isCausal {
		base = Stated
	}
	ev := func(f compiledFactor, p phrase, st Strength) Evidence {
		return Evidence{Factor: f.name, Strength: st, Section: s.section, Line: s.line,
			Text: clip(strings.Join(strings.Fields(s.text), " "), 300), Phrase: p.text, causal: isCausal}
	}
	for _, f := range c.tax.enabled {
		if remedy {
			if p, sp, ok := c.match(f, f.remedies, ws); ok && negationRef(ws, sp) == notDenied {
				c.add(ev(f, p, Mentioned))
			}
			continue
		}
		lists := [][]phrase{f.phrases}
		if s.kind == sectionDetection {
			lists = append(lists, f.detection)
		}
		found := false
		for li, list := range lists {
			p, sp, ok := c.match(f, list, ws)
			if !ok {
				continue
			}
			found = true
			if sp.from > future {
				if p, sp, ok := c.match(f, f.remedies, ws); ok && negationRef(ws, sp) == notDenied {
					c.add(ev(f, p, Mentioned))
				}
				break
			}
			e := ev(f, p, base)
			switch negationRef(ws, sp) {
			case ruledOut:
				c.ruledOut = append(c.ruledOut, e)
				continue
			case negatedOnly:
				continue
			}
			if li == 0 {
				e.Strength = hedgeRef(ws, sp, e.Strength)
			}
			c.add(e)
			break
		}
		if !found {
			c.deniedByName(f, s, ws)
		}
	}
}

// possibleIn returns the ids of every phrase of list: the oracle tries
// them all, in order, where the classifier tries the ones the sentence
// anchors.
func (c *classifierRef) possibleIn(list []phrase) []int32 {
	ids := make([]int32, len(list))
	for i := range list {
		ids[i] = int32(list[i].id)
	}
	return ids
}

func (c *classifierRef) deniedByName(f compiledFactor, s textSentence, ws []string) {
	for _, id := range c.possibleIn(f.names) {
		p := &f.names[int(id)-f.names[0].id]
		for i := range ws {
			sp, ok := p.at(ws, i)
			if !ok || c.isSelf(ws, sp, false) || negationRef(ws, sp) != ruledOut {
				continue
			}
			c.ruledOut = append(c.ruledOut, Evidence{Factor: f.name, Strength: Mentioned, Section: s.section, Line: s.line,
				Text: clip(strings.Join(strings.Fields(s.text), " "), 300), Phrase: p.text})
			return
		}
	}
}

func (c *classifierRef) match(f compiledFactor, list []phrase, ws []string) (phrase, span, bool) {
	for _, id := range c.possibleIn(list) {
		p := &list[int(id)-list[0].id]
		for i := range ws {
			sp, ok := p.at(ws, i)
			if !ok || c.isSelf(ws, sp, f.notAfterSelf) || c.excepted(f.except, ws, sp) {
				continue
			}
			return *p, sp, true
		}
	}
	return phrase{}, span{}, false
}

func (c *classifierRef) excepted(except []phrase, ws []string, sp span) bool {
	for _, id := range c.possibleIn(except) {
		p := &except[int(id)-except[0].id]
		for i := range ws {
			if ex, ok := p.at(ws, i); ok && ex.from < sp.to && ex.to > sp.from {
				return true
			}
		}
	}
	return false
}

func negationRef(ws []string, sp span) denial {
	for i := sp.from - 1; i >= 0 && i >= sp.from-8; i-- {
		w := ws[i]
		if strongBreak[w] {
			break
		}
		if !negators[w] {
			continue
		}
		ruled := w == "out" && i > 0 && (ws[i-1] == "ruled" || ws[i-1] == "rule" || ws[i-1] == "ruling")
		if w == "out" && !ruled {
			break
		}
		between := ws[i+1 : sp.from]
		switch {
		case w == "no" || w == "none" || w == "without":
			if hasAnyRef(between, absenceDenials) || (len(between) == 0 && len(sp.hit) > 1) {
				return ruledOut
			}
		case ruled || w == "unrelated" || w == "excluded" || w == "eliminated" || hasAnyRef(between, denialLinks):
			return ruledOut
		case transparentOnlyRef(between):
			return negatedOnly
		}
		break
	}
	from := sp.to
	if len(sp.hit) > 0 {
		from = sp.hit[0] + 1
	}
	end := from
	for end < len(ws) && end < sp.to+16 && !strongBreak[ws[end]] {
		end++
	}
	tail := ws[from:end]
	for i := range postNegation {
		if _, ok := postNegation[i].find(tail); ok {
			return ruledOut
		}
	}
	near := ws[from:min(end, sp.to+nearWords)]
	for i := range nearNegation {
		if _, ok := nearNegation[i].find(near); ok {
			return ruledOut
		}
	}
	return notDenied
}

func hedgeRef(ws []string, sp span, base Strength) Strength {
	from := sp.from
	for from > 0 && from > sp.from-10 && !clauseBreak[ws[from-1]] {
		from--
	}
	for _, w := range ws[max(0, sp.from-15):min(len(ws), sp.to+15)] {
		if guesses[w] {
			return Hedged
		}
	}
	to := sp.to
	for to < len(ws) && to < sp.to+3 && !clauseBreak[ws[to]] {
		to++
	}
	st := base
	for i := from; i < to; i++ {
		if !hedges[ws[i]] {
			continue
		}
		if slices.ContainsFunc(impactHedge, func(p phrase) bool { _, ok := p.at(ws, i); return ok }) {
			continue
		}
		st = max(base-1, Hedged)
	}
	return st
}

func causalRef(ws []string) bool {
	for i := range causalPhrases {
		if _, ok := causalPhrases[i].find(ws); ok {
			return true
		}
	}
	return false
}

func remedySentenceRef(ws []string) bool {
	for i := range remedyPhrases {
		if sp, ok := remedyPhrases[i].find(ws); ok && sp.from < 6 {
			return true
		}
	}
	return false
}

func mitigationRef(ws []string) bool {
	for i := range mitigationPhrases {
		if _, ok := mitigationPhrases[i].find(ws); ok {
			return true
		}
	}
	return false
}

func futureAtRef(ws []string) int {
	at := len(ws)
	for i := range futureModals {
		if sp, ok := futureModals[i].find(ws); ok && sp.from < at {
			at = sp.from
		}
	}
	return at
}

// refIncident is text as the updates and the postmortem of one incident,
// as FuzzClassify reads it.
func refIncident(org, text string) ingest.Incident {
	return ingest.Incident{
		Organization: org,
		Title:        "Errors",
		Source:       ingest.Source{Path: "ref.md", Line: 1},
		Updates: []ingest.Update{
			{Status: ingest.StatusIdentified, Word: "Identified", Line: 2, Text: text},
			{Status: ingest.StatusResolved, Line: 9, Text: text, TextLines: []int{10, 12}},
		},
		Postmortem: &ingest.Text{Body: text, Line: 20, Lines: []int{21, 22, 23}},
	}
}

// TestClassifyMatchesReference classifies the example reports, synthetic
// incidents of every format and random sentences of the taxonomy's words
// (the default taxonomy extended with refFactors, whose phrases have
// prefixes and gaps) with Classify and with classifyRef, which must agree
// on everything.
func TestClassifyMatchesReference(t *testing.T) {
	tax, vocab, _ := taxonomyWords(t)
	var incs []ingest.Incident
	files, _ := filepath.Glob("../testdata/examples/*")
	for _, f := range files {
		res := ingest.ReadFile(f, nil, ingest.Options{})
		if res.Err != nil {
			t.Fatalf("%s: %v", f, res.Err)
		}
		incs = append(incs, res.Incidents...)
	}
	for _, format := range synth.Formats() {
		c := synth.Config{Format: format, N: 200, Seed: 3, PerFile: 100}
		for k := range c.Files() {
			var buf bytes.Buffer
			if err := synth.Write(&buf, c.Format, c.File(k)); err != nil {
				t.Fatal(err)
			}
			got, _, err := ingest.Parse(c.Path(k), buf.Bytes(), ingest.Options{})
			if err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			incs = append(incs, got...)
		}
	}
	// Words of the classifier's own phrases and word sets, clause marks,
	// clitics, capitals and the organisation's name.
	vocab = append(vocab, "the", "a", "was", "not", "no", "never", "out", "ruled", ";", " - ", "—", "(", ")", ":", ".", "\n\n",
		"didn't", "provider's", "we'll", "Won’t", "will", "due", "to", "caused", "by", "going", "forward", "we", "have",
		"added", "restore", "healthy", "may", "could", "have", "been", "experienced", "suspect", "because", "but", "and",
		"related", "indication", "of", "Acme", "acme", "DEPLOY", "Certificate", "## Root cause\n", "## Action items\n",
		"## Detection\n", "## What went well\n", "- ", "1. ", "Root cause: ", "ÉCOLE", "\u00a0", "x\xff")
	r := rand.New(rand.NewPCG(11, 12))
	var b strings.Builder
	for range 3000 {
		b.Reset()
		for range r.IntN(60) {
			b.WriteString(vocab[r.IntN(len(vocab))])
			b.WriteByte(" .,"[r.IntN(3)])
		}
		incs = append(incs, refIncident("Acme Cloud", b.String()))
	}
	for _, inc := range incs {
		if got, want := tax.Classify(inc), tax.classifyRef(inc); !reflect.DeepEqual(got, want) {
			t.Fatalf("%s:%d %q:\n got %+v\nwant %+v", inc.Source.Path, inc.Source.Line, inc.Title, got, want)
		}
	}
}

// FuzzClassifyMatchesReference classifies arbitrary text with Classify
// and with classifyRef, which must agree on everything.
func FuzzClassifyMatchesReference(f *testing.F) {
	for _, s := range []string{
		"",
		"The outage was not caused by the deploy. A full disk on the primary database host stopped writes.",
		"## Root cause\nA memory leak crashed the workers.\n\n## Action items\n- Add integration tests.\n- We will add alerting.",
		"We suspect a DNS problem; we ruled out a network outage — the database load was normal (mostly).",
		"Customers may have experienced errors. Acme Cloud storage was degraded. A bit flip in memory; cosmic rays.",
		"didn't can't provider’s Let's Encrypt —; : ( ) - – ... We've added ECC memory to prevent this again.",
		"\xff\xfe\x00 caused by \u00a0 \u2028 KİK Ａ",
	} {
		f.Add(s)
	}
	tax, _, _ := taxonomyWords(f)
	f.Fuzz(func(t *testing.T, text string) {
		inc := refIncident("Acme Cloud", text)
		if got, want := tax.Classify(inc), tax.classifyRef(inc); !reflect.DeepEqual(got, want) {
			t.Fatalf("%q:\n got %+v\nwant %+v", text, got, want)
		}
	})
}

func hasAnyRef(ws []string, set map[string]bool) bool {
	return slices.ContainsFunc(ws, func(w string) bool { return set[w] })
}

func transparentOnlyRef(ws []string) bool {
	return !slices.ContainsFunc(ws, func(w string) bool { return !transparent[w] && !isNumber(w) })
}
