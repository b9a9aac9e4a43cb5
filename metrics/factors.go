package metrics

import (
	"cmp"
	"math/bits"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/mttx-dev/mttx/ingest"
)

// Strength says how firmly a report states a factor.
type Strength int

// Strengths, weakest first.
const (
	// Hedged: a guess ("we suspect a DNS issue", "may have contributed").
	Hedged Strength = iota + 1
	// Mentioned: said plainly, outside a cause section and without a
	// causal phrase ("a deploy went out at 14:00").
	Mentioned
	// Stated: under a "Root cause" / "Contributing factors" heading, or
	// in a causal phrase ("caused by", "due to", "triggered").
	Stated
)

var strengthNames = [...]string{"", "hedged", "mentioned", "stated"}

func (s Strength) String() string {
	if s >= Hedged && s <= Stated {
		return strengthNames[s]
	}
	return "none"
}

// Evidence is one sentence of a report that shows a factor.
type Evidence struct {
	Factor   Factor
	Strength Strength
	// Section is the heading the sentence stands under ("Root cause"),
	// "title", or the status of the update it is in ("update: identified").
	Section string
	Line    int
	Text    string
	// Phrase is the taxonomy phrase that matched.
	Phrase string
	// causal: the sentence names a cause ("caused by", "due to").
	causal bool
}

// FactorFinding is a factor found in a report, with its evidence, the
// strongest first.
type FactorFinding struct {
	Factor   Factor
	Strength Strength
	Evidence []Evidence
}

// Factors is what the classifier finds in one report.
type Factors struct {
	// Found lists the factors, in taxonomy order.
	Found []FactorFinding
	// RuledOut lists sentences that name a factor to deny it ("not caused
	// by the deploy", "we ruled out the network").
	RuledOut []Evidence
}

// Names returns the names of the factors found, in taxonomy order.
func (f Factors) Names() []Factor {
	out := make([]Factor, len(f.Found))
	for i, x := range f.Found {
		out[i] = x.Factor
	}
	return out
}

// Has reports whether factor name was found.
func (f Factors) Has(name Factor) bool {
	return slices.ContainsFunc(f.Found, func(x FactorFinding) bool { return x.Factor == name })
}

// maxEvidence is how many sentences are kept per factor: enough to judge,
// few enough to read.
const maxEvidence = 3

// Classify finds the contributing factors of a report: every sentence of
// its title, updates and postmortem is matched against the taxonomy's
// phrases. A match counts unless it is negated ("not caused by a deploy"),
// about the remedy or the future ("we will add alerting"), under a
// remedy or "what went well" heading, names the reporting organisation
// itself (GitHub's own page saying "GitHub Actions is degraded" is no
// third party), or is matched by one of the factor's except phrases. A
// factor's remedies phrases count in remedies ("we added integration
// tests" shows testing was missing), its detection phrases under a
// "Detection" heading. A factor is found when it is stated or mentioned; a
// hedged guess counts only when the report states no cause at all; a
// factor the report rules out is dropped unless it is also stated.
// Unknown is found only when nothing else is.
func (t *Taxonomy) Classify(inc ingest.Incident) Factors {
	sc, _ := t.scratch.Get().(*scratch)
	if sc == nil {
		sc = &scratch{}
	}
	defer func() {
		clear(sc.report) // keep no report alive in the pool
		t.scratch.Put(sc)
	}()
	if sc.self == nil || sc.selfOf != inc.Organization { // a page's incidents share theirs
		sc.self, sc.selfOf = selfWords(inc.Organization), inc.Organization
	}
	c := classifier{tax: t, scratch: sc, self: sc.self}
	sc.report = sc.reportSentences(sc.report[:0], inc)
	for _, s := range sc.report {
		c.sentence(s)
	}
	if inc.Impact == ingest.ImpactMaintenance {
		c.add(Evidence{Factor: "maintenance", Strength: Mentioned, Section: "impact", Line: inc.Source.Line,
			Text: "the report lists this incident as a maintenance", Phrase: "impact: maintenance"})
	}
	return c.decide()
}

type classifier struct {
	tax *Taxonomy
	*scratch
	self     map[string]bool // the organisation's own name
	found    map[Factor][]Evidence
	ruledOut []Evidence
	stated   bool // some factor is stated
}

// scratch is the classifier's working memory, nothing of which outlives
// a Classify call: Classify takes it from its taxonomy's pool and gives it
// back, so that each report does not allocate it anew.
type scratch struct {
	words wordBuf // the current sentence's words
	// fixed tells the required steps of the classifier's own phrases
	// present in the current sentence; fixedCount counts them by phrase,
	// and fixedSet holds the phrases with all of theirs present.
	fixed      []bool
	fixedCount [maxFixedPhrases]uint8
	fixedSet   fixedSet
	// flags tells which of the word sets of negation and hedge each
	// word of the current sentence is in.
	flags []wordFlags
	// possible lists the taxonomy's phrases (by id) the current
	// sentence anchors, in order: the only ones it can match.
	possible []int32
	// anchored holds the anchors the sentence's words start, bit 2*id+k
	// for anchor k of phrase id (see anchorBits).
	anchored []uint64
	// The report's sentences, and what reportSentences needs to list
	// each once.
	report []textSentence
	once   map[sentenceKey]bool
	// Buffers of blockSentences: a paragraph's sentences and line
	// starts, a line's parts.
	paraSentences []paraSentence
	lines         []lineStart
	inline        []string
	// self is selfWords(selfOf), kept for the next report of the same
	// organisation; sections names the sections of updates.
	self     map[string]bool
	selfOf   string
	sections map[updateKey]string
}

// updateKey is what names an update's section.
type updateKey struct {
	word   string
	status ingest.Status
}

// section names the section of an update's sentences ("update:
// identified").
func (sc *scratch) section(u ingest.Update) string {
	key := updateKey{u.Word, u.Status}
	if s, ok := sc.sections[key]; ok {
		return s
	}
	section := "update"
	if w := strings.ToLower(u.Word); w != "" {
		section += ": " + w
	} else {
		section += ": " + u.Status.String()
	}
	if sc.sections == nil || len(sc.sections) > 1000 { // the words of a few pages at most
		sc.sections = map[updateKey]string{}
	}
	sc.sections[key] = section
	return section
}

// selfStop are words of organisation names that say nothing of who they
// are.
var selfStop = map[string]bool{"inc": true, "ltd": true, "llc": true, "corp": true, "co": true, "the": true,
	"status": true, "company": true, "gmbh": true, "io": true, "com": true, "app": true, "hq": true, "labs": true,
	"group": true, "limited": true, "plc": true, "sa": true, "ag": true, "technologies": true, "software": true}

func selfWords(org string) map[string]bool {
	out := map[string]bool{}
	for _, w := range words(org) {
		if !selfStop[w] && len(w) > 1 {
			out[w] = true
		}
	}
	return out
}

func (c *classifier) add(e Evidence) {
	if !c.tax.Has(e.Factor) {
		return
	}
	if c.found == nil {
		c.found = map[Factor][]Evidence{}
	}
	c.found[e.Factor] = append(c.found[e.Factor], e)
	if e.Strength == Stated && e.Factor != Unknown {
		c.stated = true
	}
}

// sentence matches one sentence against every factor.
func (c *classifier) sentence(s textSentence) {
	if s.kind == sectionPositive {
		return
	}
	ws := c.words.words(s.text)
	if len(ws) == 0 {
		return
	}
	c.index(ws)
	remedy := s.kind == sectionRemedy || remedyIn(ws, c.fixedSet) || mitigationIn(ws, c.fixedSet)
	future := futureIn(ws, c.fixedSet)
	isCausal := causalIn(ws, c.fixedSet)
	base := Mentioned
	if s.kind == sectionCause || isCausal {
		base = Stated
	}
	text := "" // the evidence text, made when first needed
	ev := func(f *compiledFactor, p phrase, st Strength) Evidence {
		if text == "" {
			text = evidenceText(s.text)
		}
		return Evidence{Factor: f.name, Strength: st, Section: s.section, Line: s.line,
			Text: text, Phrase: p.text, causal: isCausal}
	}
	// Only a factor with a phrase the sentence anchors can match, or be
	// denied by name: the possible phrases, in order, name the factors
	// to try, in taxonomy order.
	for j := 0; j < len(c.possible); {
		f := &c.tax.enabled[c.tax.factorOf[c.possible[j]]]
		for j < len(c.possible) && c.possible[j] < f.end {
			j++
		}
		if remedy {
			if p, sp, ok := c.match(f, f.remedies, ws); ok && negation(ws, c.flags, sp, c.fixedSet) == notDenied {
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
				if p, sp, ok := c.match(f, f.remedies, ws); ok && negation(ws, c.flags, sp, c.fixedSet) == notDenied {
					c.add(ev(f, p, Mentioned))
				}
				break
			}
			e := ev(f, p, base)
			switch negation(ws, c.flags, sp, c.fixedSet) {
			case ruledOut:
				c.ruledOut = append(c.ruledOut, e)
				continue
			case negatedOnly:
				continue
			}
			if li == 0 {
				// Detection phrases name who noticed; "reported" there is
				// the evidence, not a hedge.
				e.Strength = hedge(ws, c.flags, sp, e.Strength, c.fixedSet)
			}
			c.add(e)
			break
		}
		if !found {
			c.deniedByName(f, s, ws)
		}
	}
}

// index finds the taxonomy's phrases whose two anchors the words of a
// sentence start (see Taxonomy.anchors): the only ones it can match, a
// few of hundreds; in fixed, the required steps of the fixed phrases
// they start, as fixedIndex.present does; and in fixedSet, the fixed
// phrases all of whose required steps they start.
func (c *classifier) index(ws []string) {
	if len(c.fixed) != fixedIndex.steps {
		c.fixed = make([]bool, fixedIndex.steps)
	}
	clear(c.fixed)
	c.fixedSet = 0
	clear(c.fixedCount[:])
	if c.anchored == nil {
		n := len(c.tax.enabled)
		if n > 0 {
			n = int(c.tax.enabled[n-1].end)
		}
		c.anchored = make([]uint64, (2*n+63)/64)
	}
	anchored := c.anchored
	clear(anchored)
	table, prefixes, fixedPrefixes := &c.tax.anchors, c.tax.anchorPrefixes, fixedIndex.prefixes
	flags := c.flags[:0]
	for _, w := range ws {
		steps := table.lookup(w)
		if steps == nil {
			flags = append(flags, 0)
		} else {
			flags = append(flags, steps.flags)
			for _, b := range steps.anchors {
				anchored[b.at] |= b.bits
			}
			c.present(steps.fixed)
		}
		for _, ap := range prefixes {
			if strings.HasPrefix(w, ap.prefix) {
				for _, b := range ap.anchors {
					anchored[b.at] |= b.bits
				}
			}
		}
		for _, ps := range fixedPrefixes {
			if strings.HasPrefix(w, ps.prefix) {
				c.present(ps.steps)
			}
		}
	}
	c.flags = flags
	// A phrase is possible when both its bits are set; the even bit of
	// the pair numbers it.
	possible := c.possible[:0]
	for at, x := range anchored {
		for m := x & (x >> 1) & evenBits; m != 0; m &= m - 1 {
			possible = append(possible, int32(at*32+bits.TrailingZeros64(m)/2))
		}
	}
	c.possible = possible
}

// evenBits are the bits of a word of an anchor set that stand for the
// first anchor of a phrase.
const evenBits = 0x5555555555555555

// present records the fixed steps a word starts, and adds to fixedSet
// the fixed phrases whose required steps are now all present.
func (c *classifier) present(steps []int) {
	for _, id := range steps {
		if c.fixed[id] {
			continue
		}
		c.fixed[id] = true
		ph := fixedPhrases.of[id]
		if c.fixedCount[ph]++; c.fixedCount[ph] == fixedPhrases.need[ph] {
			c.fixedSet |= 1 << ph
		}
	}
}

// possibleIn returns the phrases of list, a list of the taxonomy's, that
// the current sentence can match, in order.
func (c *classifier) possibleIn(list []phrase) []int32 {
	if len(list) == 0 {
		return nil
	}
	lo, hi := int32(list[0].id), int32(list[len(list)-1].id)
	i, _ := slices.BinarySearch(c.possible, lo)
	j := i
	for j < len(c.possible) && c.possible[j] <= hi {
		j++
	}
	return c.possible[i:j]
}

// deniedByName records a sentence that denies a factor by naming it,
// though no phrase of the factor matched: "we ruled out the network", "the
// database was healthy throughout".
func (c *classifier) deniedByName(f *compiledFactor, s textSentence, ws []string) {
	for _, id := range c.possibleIn(f.names) {
		p := &f.names[int(id)-f.names[0].id]
		for i := range ws {
			sp, ok := p.at(ws, i)
			if !ok || c.isSelf(ws, sp, false) || negation(ws, c.flags, sp, c.fixedSet) != ruledOut {
				continue
			}
			c.ruledOut = append(c.ruledOut, Evidence{Factor: f.name, Strength: Mentioned, Section: s.section, Line: s.line,
				Text: evidenceText(s.text), Phrase: p.text})
			return
		}
	}
}

// match returns the first phrase of list that matches ws and is neither
// excepted by f nor about the organisation itself.
func (c *classifier) match(f *compiledFactor, list []phrase, ws []string) (phrase, span, bool) {
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

// evidenceText is a sentence as evidence shows it: its spaces made single,
// at most 300 runes. Most sentences are so already, and are kept as they
// are.
func evidenceText(s string) string {
	if !singleSpaced(s) {
		s = strings.Join(strings.Fields(s), " ")
	}
	if len(s) <= 300 {
		return s // 300 bytes or fewer are 300 runes or fewer
	}
	return clip(s, 300)
}

// singleSpaced reports whether s is ASCII with single spaces between
// words and none at its ends, as strings.Join(strings.Fields(s), " ")
// would return it.
func singleSpaced(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= utf8.RuneSelf || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r':
			return false
		case c == ' ' && s[i+1] == ' ': // s does not end in a space
			return false
		}
	}
	return true
}

// isSelf reports whether the match names the organisation itself, or (with
// after) follows its name closely ("Google Cloud HTTP Load Balancer").
func (c *classifier) isSelf(ws []string, sp span, after bool) bool {
	for _, i := range sp.hit {
		if c.self[ws[i]] {
			return true
		}
	}
	if after {
		for i := sp.from - 1; i >= 0 && i >= sp.from-3; i-- {
			if c.self[ws[i]] {
				return true
			}
		}
	}
	return false
}

// decide turns the evidence into findings.
func (c *classifier) decide() Factors {
	var out Factors
	denied := map[Factor]bool{}
	for _, e := range c.ruledOut {
		denied[e.Factor] = true
	}
	for name, es := range c.found {
		best := slices.MaxFunc(es, func(a, b Evidence) int { return cmp.Compare(a.Strength, b.Strength) }).Strength
		switch {
		case denied[name] && !slices.ContainsFunc(es, func(e Evidence) bool { return e.causal && e.Strength == Stated }):
			continue // ruled out, and never named in a sentence of cause
		case best == Hedged && c.stated:
			continue // a guess, and the report states its causes elsewhere
		}
		slices.SortStableFunc(es, func(a, b Evidence) int { return cmp.Compare(b.Strength, a.Strength) })
		out.Found = append(out.Found, FactorFinding{Factor: name, Strength: best, Evidence: es[:min(len(es), maxEvidence)]})
	}
	if len(out.Found) > 1 {
		out.Found = slices.DeleteFunc(out.Found, func(f FactorFinding) bool { return f.Factor == Unknown })
	}
	slices.SortFunc(out.Found, func(a, b FactorFinding) int { return cmp.Compare(c.tax.order(a.Factor), c.tax.order(b.Factor)) })
	out.RuledOut = c.ruledOut
	return out
}

// excepted reports whether an except phrase matches over the match sp:
// the except phrase must overlap it, so that "we deployed a fix" spares
// "a deploy caused the outage" in the same sentence.
func (c *classifier) excepted(except []phrase, ws []string, sp span) bool {
	for _, id := range c.possibleIn(except) {
		p := &except[int(id)-except[0].id]
		for i := range ws {
			if end, ok := p.endAt(ws, i); ok && i < sp.to && end > sp.from {
				return true
			}
		}
	}
	return false
}

// wordFlags tells which of the classifier's word sets a word is in, so
// that negation and hedge test a flag the sentence's index looked up
// with its anchors, not a map per set per word.
type wordFlags uint16

// The word sets, as flags.
const (
	isNegator wordFlags = 1 << iota
	isTransparent
	isStrongBreak
	isAbsenceDenial
	isDenialLink
	isHedge
	isGuess
	isClauseBreak
)

// wordSetFlags returns the flags of every word of the word sets.
func wordSetFlags() map[string]wordFlags {
	out := map[string]wordFlags{}
	for _, set := range []struct {
		words map[string]bool
		flag  wordFlags
	}{{negators, isNegator}, {transparent, isTransparent}, {strongBreak, isStrongBreak}, {absenceDenials, isAbsenceDenial},
		{denialLinks, isDenialLink}, {hedges, isHedge}, {guesses, isGuess}, {clauseBreak, isClauseBreak}} {
		for w := range set.words {
			out[w] |= set.flag
		}
	}
	return out
}

var negators = map[string]bool{
	"not": true, "n't": true, "no": true, "never": true, "nor": true, "neither": true, "without": true,
	"none": true, "unrelated": true, "excluded": true, "eliminated": true, "out": true, // "ruled out"
}

// transparent words may stand between a negator and what it denies: "not
// caused by the deploy", "no indication that this was a security issue",
// "we ruled out a network problem". Any other word ends the negation's
// reach: "we could not scale to handle the load" denies the scaling, not
// the load.
var transparent = map[string]bool{
	"a": true, "an": true, "the": true, "any": true, "our": true, "its": true, "their": true, "this": true,
	"that": true, "these": true, "those": true, "of": true, "by": true, "to": true, "be": true, "been": true,
	"being": true, "was": true, "were": true, "is": true, "are": true, "caused": true, "related": true,
	"due": true, "because": true, "from": true, "with": true, "in": true, "on": true, "at": true, "for": true,
	"indication": true, "indications": true, "evidence": true, "sign": true, "signs": true, "involved": true,
	"result": true, "attributable": true, "it": true, "there": true, "either": true, "also": true, "actually": true,
	"find": true, "found": true, "see": true, "saw": true, "suggest": true, "suggests": true, "involve": true,
	"involving": true, "triggered": true, "linked": true, "connected": true, "cause": true, "all": true,
	"other": true, "further": true, "underlying": true, "recent": true, "relevant": true, "known": true,
	"go": true, "goes": true, "went": true, "through": true, "via": true, "have": true, "has": true, "had": true,
	"single": true, "one": true, "obvious": true, "new": true,
}

// postNegation phrases deny a factor named before them in the clause,
// however far ("third-party integrations such as our calendar sync were
// unaffected").
var postNegation = mustPhrases(
	"(ruled|rule|ruling) out", "unaffected", "(not|n't) (affected|impacted|involved|related|responsible|the cause|a cause|a factor|at fault|the issue|the problem|to blame|a contributing|implicated)",
	"(played no|had no|has no) (role|part|impact)", "unrelated", "was a red herring", "red herring",
)

// nearNegation phrases deny only what stands right before them ("the
// database was healthy"); further on they speak of something else
// ("accounts locked during the attack were unlocked and sign-in is working
// normally").
var nearNegation = mustPhrases(
	"(was|were|is|are|remained|stayed|worked|looked|appeared) (all|still|fully|entirely|both|otherwise)? (healthy|fine|normal|stable|operational|valid|intact|unchanged|available|flat|throughout|ok|okay|correct|correctly)",
	"(operating|functioning|working|performing|behaving) (normally|as expected|as designed|correctly|fine|properly)",
	"(showed|reported|had|saw|showing) (normal|no|nominal)", "(finished|completed|went|ran) (cleanly|normally|successfully|as planned|without)",
	"without (issue|issues|incident|incidents|problems|errors|error)", "(within|well within) (capacity|limits|normal|its|their|our)",
)

// nearWords is how far after a match a near denial may stand.
const nearWords = 5

// denialLinks carry a negation over any words to what it denies: "not
// related to the scheduled maintenance", "not caused by last night's
// database upgrade".
var denialLinks = map[string]bool{"related": true, "caused": true, "due": true, "involve": true, "involved": true,
	"involving": true, "result": true, "attributable": true, "linked": true, "connected": true, "triggered": true}

// strongBreak words end a clause for a denial after a match; lists ("A,
// B and C were unaffected") run on.
var strongBreak = map[string]bool{
	clauseMark: true,
	"because":  true, "but": true, "however": true, "although": true, "though": true, "whereas": true,
	"which": true, "while": true, "so": true, "since": true, "until": true, "instead": true, "after": true,
}

// Denial says how a sentence denies a match.
type denial int

const (
	notDenied denial = iota
	// negatedOnly: a plain negation ("we did not deploy the change"); the
	// match is no evidence, but the factor is not ruled out.
	negatedOnly
	// ruledOut: the sentence denies the factor as a cause ("not caused by
	// the deploy", "we ruled out the network", "the database was
	// healthy").
	ruledOut
)

// negation reports whether and how the sentence denies the match sp: a
// negator before it with only transparent words between ("not caused by a
// deploy") or a denial link ("not related to the scheduled maintenance"),
// or a denial after it in its clause ("the database was healthy"). "No"
// denies only with a word of denial ("no indication of an attack", "no
// issues with the database"): "there was no DNS record" names the cause.
func negation(ws []string, fl []wordFlags, sp span, set fixedSet) denial {
	for i := sp.from - 1; i >= 0 && i >= sp.from-8; i-- {
		w := ws[i]
		if fl[i]&isStrongBreak != 0 {
			break
		}
		if fl[i]&isNegator == 0 {
			continue
		}
		ruled := w == "out" && i > 0 && (ws[i-1] == "ruled" || ws[i-1] == "rule" || ws[i-1] == "ruling")
		if w == "out" && !ruled {
			break
		}
		between, betweenFl := ws[i+1:sp.from], fl[i+1:sp.from]
		switch {
		case w == "no" || w == "none" || w == "without":
			// "no hardware failed", "no fault in the network" deny; "there
			// was no DNS record" names what was missing.
			if anyFlag(betweenFl, isAbsenceDenial) || (len(between) == 0 && len(sp.hit) > 1) {
				return ruledOut
			}
		case ruled || w == "unrelated" || w == "excluded" || w == "eliminated" || anyFlag(betweenFl, isDenialLink):
			return ruledOut
		case transparentOnly(between, betweenFl):
			return negatedOnly
		}
		break
	}
	// The denial may follow the first word of the match ("the load
	// balancers showed normal error rates").
	from := sp.to
	if len(sp.hit) > 0 {
		from = sp.hit[0] + 1
	}
	end := from
	for end < len(ws) && end < sp.to+16 && fl[end]&isStrongBreak == 0 {
		end++
	}
	if _, ok := firstIn(ws[from:end], set&postNegationSet); ok {
		return ruledOut
	}
	if _, ok := firstIn(ws[from:min(end, sp.to+nearWords)], set&nearNegationSet); ok {
		return ruledOut
	}
	return notDenied
}

// absenceDenials after "no" make it a denial: "no indication of", "no
// issues with".
var absenceDenials = map[string]bool{"indication": true, "indications": true, "evidence": true, "sign": true,
	"signs": true, "issue": true, "issues": true, "problem": true, "problems": true, "impact": true, "relation": true,
	"connection": true, "link": true, "role": true, "fault": true, "faults": true, "change": true, "changes": true,
	"correlation": true, "involvement": true, "errors": true, "anomalies": true, "reason": true}

// anyFlag reports whether a word of fl has flag.
func anyFlag(fl []wordFlags, flag wordFlags) bool {
	for _, f := range fl {
		if f&flag != 0 {
			return true
		}
	}
	return false
}

// transparentOnly reports whether every word of ws (with flags fl) is
// transparent or a number.
func transparentOnly(ws []string, fl []wordFlags) bool {
	for i, f := range fl {
		if f&isTransparent == 0 && !isNumber(ws[i]) {
			return false
		}
	}
	return true
}

func isNumber(w string) bool {
	for _, r := range w {
		if r < '0' || r > '9' {
			return false
		}
	}
	return w != ""
}

// hedges make a match a guess: "may", "we believe", "possibly". Words
// of investigation and symptom ("we are investigating", "we are seeing
// connectivity issues") count too: a symptom is a clue, not a cause.
var hedges = map[string]bool{
	"may": true, "might": true, "possibly": true, "possible": true, "potentially": true, "potential": true,
	"perhaps": true, "probably": true, "likely": true, "appears": true, "appeared": true, "seems": true,
	"seemed": true, "believe": true, "think": true, "could": true, "speculate": true, "preliminary": true,
	"investigating": true, "investigate": true, "investigation": true, "checking": true, "experiencing": true,
	"experienced": true, "seeing": true, "observed": true, "observing": true, "detected": true, "tracking": true,
	"noticed": true, "reports": true, "reported": true, "whether": true, "unconfirmed": true,
}

// guesses mark a hypothesis, in a postmortem usually one that proved
// wrong ("we initially suspected a DNS issue"): the match is only ever a
// guess.
var guesses = map[string]bool{
	"suspect": true, "suspected": true, "suspecting": true, "suspects": true, "suspicion": true, "suspicions": true,
	"hypothesis": true, "hypothesized": true, "theory": true, "guess": true, "guessed": true, "assumed": true,
	"initially": true, "wondered": true, "speculated": true, "suspect's": true,
}

// clauseBreak words end the reach of a hedge before a match.
var clauseBreak = map[string]bool{
	clauseMark: true,
	"because":  true, "since": true, "after": true, "when": true, "which": true, "while": true,
	"but": true, "however": true, "although": true, "though": true, "whereas": true, "instead": true,
	"so": true, "and": true, "as": true, "following": true, "until": true,
	"rather": true, "then": true, "where": true, "once": true, "that": true,
}

// impactHedge is a hedge about the impact, not the cause: "customers may
// have experienced errors".
var impactHedge = mustPhrases(
	"(may|might|could) (have|have been)? (experienced|seen|noticed|encountered|received|found|affected|impacted|unable|see|experience|notice|encounter|receive|find|be affected|be impacted|be unable|been affected|been impacted|been unable)",
	// A counterfactual is no hedge: "it could have been avoided".
	"(could|should|would) have been (avoided|prevented|caught|detected|tested|reviewed|validated|noticed|mitigated|spotted)",
)

// impactHedgeAt reports whether an impact hedge of set matches at word i.
func impactHedgeAt(ws []string, i int, set fixedSet) bool {
	for m := set & impactHedgeSet; m != 0; m &= m - 1 {
		if _, ok := fixedPhrases.phrase(m).endAt(ws, i); ok {
			return true
		}
	}
	return false
}

// hedge returns the strength sp keeps given the hedges in its clause
// (before it or inside it): base for none, one less for a hedge, Hedged
// for a guess.
func hedge(ws []string, fl []wordFlags, sp span, base Strength, set fixedSet) Strength {
	from := sp.from
	for from > 0 && from > sp.from-10 && fl[from-1]&isClauseBreak == 0 {
		from--
	}
	if anyFlag(fl[max(0, sp.from-15):min(len(ws), sp.to+15)], isGuess) {
		return Hedged
	}
	to := sp.to
	for to < len(ws) && to < sp.to+3 && fl[to]&isClauseBreak == 0 {
		to++
	}
	st := base
	for i := from; i < to; i++ {
		if fl[i]&isHedge == 0 {
			continue
		}
		if impactHedgeAt(ws, i, set) {
			continue
		}
		st = max(base-1, Hedged)
	}
	return st
}

// causalPhrases mark a sentence that names a cause.
var causalPhrases = mustPhrases(
	"caused by", "(the|a|root|primary|main|underlying|proximate|likely) (cause|causes|trigger)", "cause (of|was|is)",
	"due to", "because", "result of", "resulted|resulting (from|in)", "(triggered|precipitated|initiated) by",
	"(led|leading|contributed|contributing) to", "stemmed|stems|stemming from", "originated|originating (from|in|with)",
	"contributing factor|factors", "contributor|contributors", "responsible for", "attributed|attributable to",
	"traced (back)? to", "culprit", "was the source", "the reason", "root caused", "owing to", "as a consequence of",
)

// causal reports whether a sentence names a cause; seen is from
// fixedIndex.present (nil: not known).
func causal(ws []string, seen []bool) bool {
	return causalIn(ws, fixedPhrases.possible(seen))
}

// causalIn is causal for a sentence that can match the fixed phrases of
// set.
func causalIn(ws []string, set fixedSet) bool {
	_, ok := firstIn(ws, set&causalSet)
	return ok
}

// remedyPhrases mark a sentence about the remedy, not the cause: "we
// have added alerting", "to prevent this from happening again".
var remedyPhrases = mustPhrases(
	"(we|we 've|we have|the team|our team|engineers|they|they are) (also)? (have since|'ve since|have added|'ve added|have implemented|'ve implemented|have introduced|have improved|have updated|have increased|have put|have made|'ve made|have enabled|have expanded|expanded|are adding|are implementing|are improving|are introducing|are reviewing|are investing|are exploring|are evaluating|are committed|are working on|have begun|would like)",
	"to (prevent|avoid|reduce|minimize|minimise|ensure|help prevent|guard against) ... (recurrence|reoccurrence|this|similar|future|again|repeat|such)",
	"going forward", "in the future", "moving forward", "action item|items", "follow up|up items|work|tasks|ticket",
	"next steps", "remediation items|steps|plan", "we recommend", "lessons learned",
)

// remedySentence reports whether a sentence is about what was or will be
// done about the incident.
func remedySentence(ws []string, seen []bool) bool {
	return remedyIn(ws, fixedPhrases.possible(seen))
}

// remedyIn is remedySentence for a sentence that can match the fixed
// phrases of set.
func remedyIn(ws []string, set fixedSet) bool {
	for m := set & remedySet; m != 0; m &= m - 1 {
		if from, ok := firstMatch(fixedPhrases.phrase(m), ws); ok && from < 6 {
			return true
		}
	}
	return false
}

// mitigationPhrases mark a sentence about what was done to end the
// impact: "we changed the DNS record to restore service".
var mitigationPhrases = mustPhrases(
	"to (restore|mitigate|recover|stabilize|stabilise|alleviate|relieve|unblock|reduce the impact|bring back|work around|route around|speed up|resolve|remediate)",
	"in order to (restore|mitigate|recover|resolve)",
)

func mitigation(ws []string, seen []bool) bool {
	return mitigationIn(ws, fixedPhrases.possible(seen))
}

// mitigationIn is mitigation for a sentence that can match the fixed
// phrases of set.
func mitigationIn(ws []string, set fixedSet) bool {
	_, ok := firstIn(ws, set&mitigationSet)
	return ok
}

// futureModals mark what will happen, not what happened: a match after
// one is about the future ("this change will roll out gradually").
var futureModals = mustPhrases("will", "'ll", "shall", "going to", "(plan|plans|planning|intend|intends) to")

// futureAt returns the position of the first future modal in ws, or
// len(ws).
func futureAt(ws []string, seen []bool) int {
	return futureIn(ws, fixedPhrases.possible(seen))
}

// futureIn is futureAt for a sentence that can match the fixed phrases of
// set.
func futureIn(ws []string, set fixedSet) int {
	at := len(ws)
	for m := set & futureSet; m != 0; m &= m - 1 {
		if from, ok := firstMatch(fixedPhrases.phrase(m), ws); ok && from < at {
			at = from
		}
	}
	return at
}

// fixedIndex indexes the classifier's own phrase lists (see wordIndex), so
// that a sentence is matched only against the ones it can match.
var fixedIndex = rarestFirst(buildIndex(causalPhrases, remedyPhrases, mitigationPhrases, futureModals, postNegation, nearNegation, impactHedge),
	causalPhrases, remedyPhrases, mitigationPhrases, futureModals, postNegation, nearNegation, impactHedge)

// rarestFirst orders the required steps of each phrase of lists, indexed
// by ix, by how many steps their words start, fewest first: possibleIn
// then rules a phrase out at its first step most of the time ("caused by"
// at "caused", not at "by").
func rarestFirst(ix *wordIndex, lists ...[]phrase) *wordIndex {
	count := make([]int, ix.steps) // how many steps the words of each start
	for _, ids := range ix.exact {
		for _, id := range ids {
			count[id] += len(ids)
		}
	}
	for _, ps := range ix.prefixes {
		for _, id := range ps.steps {
			count[id] += 2 * len(ps.steps) // it starts words of every ending
		}
	}
	for _, list := range lists {
		for i := range list {
			slices.SortStableFunc(list[i].req, func(a, b int) int { return count[a] - count[b] })
		}
	}
	return ix
}

// firstMatch returns where p.find's match would start, without its
// quick test, for a phrase the index has found possible.
func firstMatch(p *phrase, ws []string) (int, bool) {
	for i := range ws {
		if _, ok := p.endAt(ws, i); ok {
			return i, true
		}
	}
	return 0, false
}

// firstIn returns where the first match in ws of the first phrase of set
// that matches starts.
func firstIn(ws []string, set fixedSet) (int, bool) {
	for m := set; m != 0; m &= m - 1 {
		if from, ok := firstMatch(fixedPhrases.phrase(m), ws); ok {
			return from, true
		}
	}
	return 0, false
}

// A fixedSet is a set of the classifier's own phrases, by their number in
// fixedPhrases: those a sentence can match, or those of one list.
type fixedSet uint64

// maxFixedPhrases is how many fixed phrases a fixedSet holds.
const maxFixedPhrases = 64

// fixedTable numbers the classifier's own phrases, in the order of
// fixedIndex's lists, so that the classifier tells which of them a
// sentence can match as it indexes the sentence's words, and tries
// those only (not the 55 phrases for each sentence and each denial).
type fixedTable struct {
	phrases []*phrase // by number
	of      []uint8   // the phrase of each of fixedIndex's steps
	need    []uint8   // how many required steps each phrase has
	lists   []fixedSet
}

// fixedPhrases numbers the phrases of fixedIndex.
var fixedPhrases = numberFixed(fixedIndex, causalPhrases, remedyPhrases, mitigationPhrases, futureModals, postNegation,
	nearNegation, impactHedge)

// The phrases of each list of fixedPhrases.
var (
	causalSet       = fixedPhrases.lists[0]
	remedySet       = fixedPhrases.lists[1]
	mitigationSet   = fixedPhrases.lists[2]
	futureSet       = fixedPhrases.lists[3]
	postNegationSet = fixedPhrases.lists[4]
	nearNegationSet = fixedPhrases.lists[5]
	impactHedgeSet  = fixedPhrases.lists[6]
)

// numberFixed numbers the phrases of lists, indexed by ix; they are
// constants of this file, and there are at most maxFixedPhrases.
func numberFixed(ix *wordIndex, lists ...[]phrase) fixedTable {
	t := fixedTable{of: make([]uint8, ix.steps)}
	for _, list := range lists {
		var set fixedSet
		for i := range list {
			n := len(t.phrases)
			if n == maxFixedPhrases || len(list[i].req) == 0 {
				panic("metrics: more than 64 built-in phrases, or one not indexed")
			}
			for _, id := range list[i].req {
				t.of[id] = uint8(n)
			}
			t.phrases = append(t.phrases, &list[i])
			t.need = append(t.need, uint8(len(list[i].req)))
			set |= 1 << n
		}
		t.lists = append(t.lists, set)
	}
	return t
}

// phrase returns the phrase of the lowest number in set.
func (t *fixedTable) phrase(set fixedSet) *phrase {
	return t.phrases[bits.TrailingZeros64(uint64(set))]
}

// possible returns the phrases all of whose required steps seen (from
// fixedIndex.present) holds; every phrase when seen is nil.
func (t *fixedTable) possible(seen []bool) fixedSet {
	var set fixedSet
	for n, p := range t.phrases {
		if p.possibleIn(seen) {
			set |= 1 << n
		}
	}
	return set
}

// mustPhrases compiles the classifier's own fixed phrases; they are
// constants of this file, checked by its tests.
func mustPhrases(texts ...string) []phrase {
	out := make([]phrase, 0, len(texts))
	for _, t := range texts {
		p, err := compilePhrase(t, nil)
		if err != nil {
			panic("metrics: bad built-in phrase: " + err.Error())
		}
		out = append(out, p)
	}
	return out
}

// sectionKind is the role of a heading in a report.
type sectionKind int

const (
	sectionOther     sectionKind = iota
	sectionCause                 // "Root cause", "Contributing factors", "What went wrong"
	sectionRemedy                // "Action items", "Next steps", "Prevention"
	sectionPositive              // "What went well", "Where we got lucky"
	sectionDetection             // "Detection", "How we found out"
)

// headingKind returns the role of a heading by the section names it
// holds (heading_names.go): what went well, detection, a remedy unless it
// also names a cause, then a cause.
func headingKind(h string) sectionKind {
	switch {
	case positiveNames.in(h):
		return sectionPositive
	case detectNames.in(h):
		return sectionDetection
	case remedyNames.in(h) && !causeNames.in(h):
		return sectionRemedy
	case causeNames.in(h):
		return sectionCause
	}
	return sectionOther
}

// textSentence is a sentence of a report with its place.
type textSentence struct {
	text    string
	line    int
	section string
	kind    sectionKind
}

// reportSentences returns the sentences of a report's title, updates and
// postmortem, each sentence once (a status page's postmortem is both an
// update and the postmortem).
func (sc *scratch) reportSentences(out []textSentence, inc ingest.Incident) []textSentence {
	if inc.Title != "" {
		out = append(out, textSentence{text: inc.Title, line: inc.Source.Line, section: "title"})
	}
	if sc.once == nil {
		sc.once = map[sentenceKey]bool{}
	}
	clear(sc.once)
	addBlock := func(text, section string, lineOf func(int) int) {
		from := len(out)
		out = sc.blockSentences(out, text, section, lineOf)
		kept := out[:from]
		for _, s := range out[from:] {
			key := sentenceKey{s.text, s.line}
			if sc.once[key] {
				continue
			}
			sc.once[key] = true
			kept = append(kept, s)
		}
		clear(out[len(kept):]) // let go of the strings of the dropped
		out = kept
	}
	for _, u := range inc.Updates {
		addBlock(u.Text, sc.section(u), u.TextLine)
	}
	if pm := inc.Postmortem; pm != nil {
		addBlock(pm.Body, "postmortem", pm.LineOf)
	}
	return out
}

// sentenceKey is a sentence as reportSentences tells it from the others.
type sentenceKey struct {
	text string
	line int
}

// blockSentences splits a block of text into sentences, tracking the
// heading each stands under. section names the block ("update:
// identified"); lineOf maps a 0-based line of text to its source line.
// Lines wrapped in the middle of a sentence (markdown) are joined first;
// code blocks and log lines are skipped.
func (sc *scratch) blockSentences(out []textSentence, text, section string, lineOf func(int) int) []textSentence {
	head, headKind := section, sectionOther // the last heading
	cur, kind := head, headKind             // narrowed by a label ("Root cause: ...") for its paragraph
	remedyList := false                     // list items after "We have made these changes:"
	para := paragraph{lines: sc.lines[:0]}
	flush := func() {
		k := kind
		if remedyList && para.item {
			k = sectionRemedy
		}
		sc.paraSentences = para.sentences(sc.paraSentences[:0])
		for _, ps := range sc.paraSentences {
			out = append(out, textSentence{text: ps.text, line: lineOf(ps.line), section: cur, kind: k})
			if !strings.HasSuffix(ps.text, ":") {
				continue // only a line ending in a colon opens a remedy list
			}
			if ws := words(ps.text); remedySentence(ws, fixedIndex.present(ws)) {
				remedyList = true
			}
		}
		para = paragraph{lines: para.lines[:0]}
	}
	code := false
	for i, rest, more := 0, text, true; more; i++ {
		var raw string
		raw, rest, more = strings.Cut(rest, "\n")
		if strings.HasPrefix(strings.TrimSpace(raw), "```") {
			flush()
			code = !code
			continue
		}
		if code || isLogLine(raw) {
			continue
		}
		sc.inline = splitInlineHeadings(sc.inline[:0], raw)
		for _, ln := range sc.inline {
			if ln == "" {
				flush()
				cur, kind = head, headKind
				continue
			}
			marker := listMarker(ln)
			item := marker >= 0
			h, rest, isHeading := heading(ln)
			if isHeading || item || !para.continues(ln) {
				flush()
			}
			if !item && !isHeading && !para.started() {
				remedyList = false // a paragraph of prose ends the remedy list
			}
			if isHeading {
				head, headKind = h, headingKind(h)
				cur, kind = head, headKind
				remedyList = false
				if rest == "" {
					continue
				}
				ln = rest
			} else if label, text, isLabel := labelMatch(ln); isLabel {
				if k := headingKind(label); k != sectionOther {
					cur, kind, ln = label, k, text
				}
			}
			para.add(ln[max(marker, 0):], i, item)
		}
	}
	flush()
	sc.lines = para.lines[:0]
	return out
}

// logLine matches lines that are machine output, not prose: JSON objects
// and quoted log records.
var logLine = regexp.MustCompile(`^\s*(?:>\s*)?[\[{]\s*"`)

// isLogLine is logLine.MatchString, the expression tried only on a line
// whose first byte that is not white space could start a match.
func isLogLine(ln string) bool {
	i := reSpaceEnd(ln)
	if i == len(ln) || ln[i] != '>' && ln[i] != '[' && ln[i] != '{' {
		return false
	}
	return logLine.MatchString(ln)
}

// listMarker returns the length of the list marker that starts ln ("- ",
// "2) "), as the expression ^(?:[-*•+]|\d{1,2}[.)])\s+ matches it
// (listItemRef in the tests), or -1 for none. It reads bytes: the
// expression took a tenth of the time to split a report into sentences.
func listMarker(ln string) int {
	i := 0
	switch {
	case strings.HasPrefix(ln, "•"):
		i = len("•")
	case ln != "" && (ln[0] == '-' || ln[0] == '*' || ln[0] == '+'):
		i = 1
	default:
		for i < len(ln) && i < 2 && '0' <= ln[i] && ln[i] <= '9' {
			i++
		}
		if i == 0 || i == len(ln) || ln[i] != '.' && ln[i] != ')' {
			return -1
		}
		i++
	}
	j := i + reSpaceEnd(ln[i:])
	if j == i {
		return -1
	}
	return j
}

// paragraph gathers the lines of one paragraph or list item, with the
// line each byte came from.
type paragraph struct {
	// one is the text of a paragraph of one line (most are) and joined
	// that of a longer one, its lines joined by spaces.
	one    string
	joined strings.Builder
	// lines says where each line starts in text (with the space that
	// joins it to the line before) and its 0-based line: a byte comes
	// from the last line that starts at or before it.
	lines []lineStart
	item  bool
	last  string
}

type lineStart struct{ at, line int }

// lineAt returns the 0-based line of the byte at offset i of the text.
func (p *paragraph) lineAt(i int) int {
	for k := len(p.lines) - 1; k > 0; k-- {
		if p.lines[k].at <= i {
			return p.lines[k].line
		}
	}
	return p.lines[0].line
}

func (p *paragraph) started() bool { return p.one != "" }

// text returns the paragraph's text.
func (p *paragraph) text() string {
	if p.joined.Len() > 0 {
		return p.joined.String()
	}
	return p.one
}

// continues reports whether ln carries on the sentence of the paragraph's
// last line: a line wrapped in the middle of a sentence.
func (p *paragraph) continues(ln string) bool {
	if !p.started() {
		return true
	}
	if strings.HasSuffix(p.last, ".") || strings.HasSuffix(p.last, ":") || strings.HasSuffix(p.last, "!") || strings.HasSuffix(p.last, "?") {
		return false
	}
	if ln == "" {
		return false
	}
	r, _ := utf8.DecodeRuneInString(ln)
	return unicode.IsLower(r) || len(p.last) >= 60 && !unicode.IsDigit(r)
}

func (p *paragraph) add(ln string, line int, item bool) {
	p.lines = append(p.lines, lineStart{at: len(p.text()), line: line})
	switch {
	case !p.started():
		p.item = item
		p.one = ln
	case p.joined.Len() == 0:
		p.joined.Grow(len(p.one) + 1 + len(ln))
		p.joined.WriteString(p.one)
		fallthrough
	default:
		p.joined.WriteByte(' ')
		p.joined.WriteString(ln)
	}
	p.last = ln
}

type paraSentence struct {
	text string
	line int // 0-based line of the block
}

// sentences appends to out the paragraph's sentences, split at sentence
// ends, with links reduced to their words and URLs dropped.
func (p *paragraph) sentences(out []paraSentence) []paraSentence {
	text := p.text()
	start := 0
	emit := func(end int) {
		if t := strings.TrimSpace(text[start:end]); t != "" {
			out = append(out, paraSentence{text: cleanSentence(t), line: p.lineAt(start)})
		}
		start = end
	}
	for end := sentenceEnd(text, 0); end >= 0; end = sentenceEnd(text, end) {
		emit(end)
	}
	emit(len(text))
	return out
}

// sentenceEnd returns where the first sentence end at or after from stops
// (after the blanks that follow it), or -1: a full stop, question or
// exclamation mark, any closing quotes and brackets, then white space. It
// scans bytes, as every byte it looks for is ASCII; the regular expression
// it replaces (sentenceEndRef in the tests) was a tenth of the time to
// classify a report.
func sentenceEnd(text string, from int) int {
	for i := from; i < len(text); i++ {
		// '!', '.' and '?' lie in '!'..'?': one comparison passes letters
		// and spaces by.
		if c := text[i]; c-'!' > '?'-'!' || c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(text) && (text[j] == '"' || text[j] == '\'' || text[j] == ')' || text[j] == ']') {
			j++
		}
		if j == len(text) || !asciiSpace(text[j]) {
			continue
		}
		for j < len(text) && asciiSpace(text[j]) {
			j++
		}
		return j
	}
	return -1
}

// asciiSpace reports whether c is white space as \s means it in a regular
// expression: tab, newline, form feed, carriage return or space.
func asciiSpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// cleanSentence keeps a link's words and drops URLs, which name vendors
// ("github.com/...") without speaking of them.
func cleanSentence(s string) string {
	if strings.Contains(s, "](") {
		s = linkWords(s)
	}
	if strings.Contains(s, "://") || strings.Contains(s, "www.") || strings.Contains(s, "WWW.") {
		s = dropURLs(s)
	}
	return s
}

// linkWords returns s with each markdown link reduced to its words
// ("[the status page](https://...)" to "the status page"), as the
// expression \[([^\]]*)\]\([^)]*\) replaced by $1 did (mdLinkRef in the
// tests): from each '[' to the first ']', which '(' must follow, and from
// there to the first ')'. It reads bytes: the expression took a thirtieth
// of the time to classify the example reports.
func linkWords(s string) string {
	var b strings.Builder
	done, closing := 0, -1 // s[:done] is written; closing is the first ']' after the '[' at hand
	for i := 0; i < len(s); {
		open := strings.IndexByte(s[i:], '[')
		if open < 0 {
			break
		}
		open += i
		if closing <= open {
			c := strings.IndexByte(s[open+1:], ']')
			if c < 0 {
				break // no later '[' has a ']' after it either
			}
			closing = open + 1 + c
		}
		i = open + 1
		if closing+1 == len(s) || s[closing+1] != '(' {
			continue
		}
		end := strings.IndexByte(s[closing+2:], ')')
		if end < 0 {
			break // nor has any later link target its ')'
		}
		end += closing + 2
		b.WriteString(s[done:open])
		b.WriteString(s[open+1 : closing])
		done, i = end+1, end+1
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// dropURLs returns s without its URLs, as the expression
// (?i)\b(?:https?://|www\.)\S+ replaced by nothing did (urlRef in the
// tests): "http://", "https://" or "www." in any case at the start of a
// word, and at least one byte other than white space, up to white space.
func dropURLs(s string) string {
	var b strings.Builder
	done := 0 // s[:done] is written
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c != 'h' && c != 'w' || i > 0 && reWordByte(s[i-1]) {
			continue
		}
		n := foldNamePrefix(s[i:], "https://")
		if n < 0 {
			n = foldNamePrefix(s[i:], "http://")
		}
		if n < 0 {
			n = foldNamePrefix(s[i:], "www.")
		}
		if n < 0 || i+n == len(s) || asciiSpace(s[i+n]) {
			continue
		}
		end := i + n
		for end < len(s) && !asciiSpace(s[end]) {
			end++
		}
		b.WriteString(s[done:i])
		done, i = end, end
	}
	if done == 0 {
		return s
	}
	b.WriteString(s[done:])
	return b.String()
}

// mdHeadingMatch returns the text of a markdown heading ("## Root
// cause"), as the expression ^#{1,6}\s+(.+?)\s*#*\s*$ captures it
// (mdHeadingRef in the tests), and whether ln is one. It reads bytes: the
// expression took a sixteenth of the time to read a markdown postmortem.
func mdHeadingMatch(ln string) (string, bool) {
	n := 0
	for n < len(ln) && ln[n] == '#' {
		n++
	}
	// Fewer '#'s than there are would leave a '#' where \s+ needs space.
	if n == 0 || n > 6 || n == len(ln) || !asciiSpace(ln[n]) {
		return "", false
	}
	spaces := n + 1 + reSpaceEnd(ln[n+1:])
	// The closing \s*#*\s* takes any end of ln from tail on.
	tail := len(ln)
	for tail > 0 && asciiSpace(ln[tail-1]) {
		tail--
	}
	for tail > 0 && ln[tail-1] == '#' {
		tail--
	}
	for tail > 0 && asciiSpace(ln[tail-1]) {
		tail--
	}
	// \s+ gives back space to the text only when the text finds no end
	// after all of it; the text (.+?) is as short as it can be and holds
	// no line break.
	for from := spaces; from > n; from-- {
		if from == len(ln) {
			continue
		}
		to := max(from+1, tail)
		if strings.IndexByte(ln[from:to], '\n') < 0 {
			return ln[from:to], true
		}
	}
	return "", false
}

// boldHeadingMatch returns the text of a bold line ("**Root cause**"), as
// the expression ^(?:\*\*|__)([^*_]{2,80})(?:\*\*|__)\s*:?\s*$ captures
// it (boldHeadingRef in the tests), and whether ln is one: the text runs
// to the first '*' or '_', which must open the closing "**" or "__", and
// holds two to 80 runes.
func boldHeadingMatch(ln string) (string, bool) {
	if !strings.HasPrefix(ln, "**") && !strings.HasPrefix(ln, "__") {
		return "", false
	}
	end := strings.IndexAny(ln[2:], "*_")
	if end < 0 {
		return "", false
	}
	end += 2
	text, rest := ln[2:end], ln[end:]
	if !strings.HasPrefix(rest, "**") && !strings.HasPrefix(rest, "__") {
		return "", false
	}
	rest = rest[2:]
	rest = strings.TrimPrefix(rest[reSpaceEnd(rest):], ":")
	if reSpaceEnd(rest) != len(rest) {
		return "", false
	}
	if n := utf8.RuneCountInString(text); n < 2 || n > 80 {
		return "", false
	}
	return text, true
}

// labelMatch returns the label that starts a line ("Root cause: ...")
// and the text after it, as the expression
//
//	^(?:[-*•]\s+)?(?:\*\*|__)?([A-Za-z][A-Za-z /&'’-]{1,48}?)(?:\*\*|__)?\s*:(?:\*\*|__)?\s+(\S.*)$
//
// (labelHeadingRef in the tests) captures them, and whether there is one.
// It reads bytes: the expression ran on every line with a colon. No part
// before the colon takes a colon, so the expression's is the line's first;
// each optional part is taken when it is there, as without it the next
// part cannot match; and the label is the shortest that leaves only the
// optional "**" and white space before the colon.
func labelMatch(ln string) (label, rest string, ok bool) {
	colon := strings.IndexByte(ln, ':')
	if colon < 0 {
		return "", "", false
	}
	r := colon + 1
	if strings.HasPrefix(ln[r:], "**") || strings.HasPrefix(ln[r:], "__") {
		r += 2
	}
	if r == len(ln) || !asciiSpace(ln[r]) {
		return "", "", false
	}
	r += reSpaceEnd(ln[r:])
	if r == len(ln) || strings.IndexByte(ln[r:], '\n') >= 0 {
		return "", "", false
	}
	i := 0
	if n := listBullet(ln); n > 0 && n < len(ln) && asciiSpace(ln[n]) {
		i = n + reSpaceEnd(ln[n:])
	}
	if strings.HasPrefix(ln[i:], "**") || strings.HasPrefix(ln[i:], "__") {
		i += 2
	}
	if i == len(ln) || !('a' <= ln[i]|0x20 && ln[i]|0x20 <= 'z') {
		return "", "", false
	}
	for end, runes := i+1, 1; runes <= 49; runes++ {
		if runes >= 2 && labelTail(ln[end:colon]) {
			return ln[i:end], ln[r:], true
		}
		n := labelRune(ln[end:colon])
		if n == 0 {
			return "", "", false
		}
		end += n
	}
	return "", "", false
}

// listBullet returns the length of the bullet ([-*•]) that ln opens with,
// or 0.
func listBullet(ln string) int {
	switch {
	case ln == "":
		return 0
	case ln[0] == '-' || ln[0] == '*':
		return 1
	case strings.HasPrefix(ln, "•"):
		return len("•")
	}
	return 0
}

// labelRune returns the length of the rune that s opens with if a label
// may hold it ([A-Za-z /&'’-]), or 0.
func labelRune(s string) int {
	switch {
	case s == "":
		return 0
	case 'a' <= s[0]|0x20 && s[0]|0x20 <= 'z', s[0] == ' ', s[0] == '/', s[0] == '&', s[0] == '\'', s[0] == '-':
		return 1
	case strings.HasPrefix(s, "’"):
		return len("’")
	}
	return 0
}

// labelTail reports whether s is what may stand between a label and its
// colon: (?:\*\*|__)?\s*.
func labelTail(s string) bool {
	if strings.HasPrefix(s, "**") || strings.HasPrefix(s, "__") {
		s = s[2:]
	}
	return reSpaceEnd(s) == len(s)
}

// splitInlineHeadings appends to out the parts of a line, split where a
// flattened markdown page keeps its headings inline ("... ## Root Cause:
// ..."), keeping the markers.
func splitInlineHeadings(out []string, raw string) []string {
	raw = strings.TrimSpace(raw)
	if !strings.Contains(raw, "#") {
		return append(out, raw)
	}
	start := 0
	for from := 0; ; {
		at, end := inlineHeadingMark(raw, from)
		if at < 0 {
			break
		}
		out = append(out, strings.TrimSpace(raw[start:at]))
		start, from = at+1, end
	}
	return append(out, strings.TrimSpace(raw[start:]))
}

// inlineHeadingMark returns where the first match of \s#{1,6}\s at or
// after from starts and ends (inlineMDHeadRef in the tests), or -1, -1: a
// run of one to six '#'s between white space. A longer run is none, as
// #{1,6} leaves a '#' where \s is needed.
func inlineHeadingMark(s string, from int) (at, end int) {
	for from+1 < len(s) {
		k := strings.IndexByte(s[from+1:], '#')
		if k < 0 {
			break
		}
		k += from + 1 // the run of '#'s starts at k
		run := k
		for run < len(s) && s[run] == '#' {
			run++
		}
		if asciiSpace(s[k-1]) && run-k <= 6 && run < len(s) && asciiSpace(s[run]) {
			return k - 1, run + 1
		}
		from = run // a match starts with white space, not inside the run
	}
	return -1, -1
}

// heading reports whether a line is a heading and returns its text, and
// any text after it on the line ("## Root Cause: A system failed ..."):
// a markdown heading, a bold line, or a short line of a known section name
// ("Root Cause", "Why did this issue occur?").
func heading(ln string) (h, rest string, ok bool) {
	if md, isMD := mdHeadingMatch(ln); isMD {
		if before, after, found := strings.Cut(md, ": "); found && strings.TrimSpace(after) != "" {
			return strings.TrimSpace(before), strings.TrimSpace(after), true
		}
		return strings.TrimRight(md, ":"), "", true
	}
	if bold, isBold := boldHeadingMatch(ln); isBold {
		return strings.TrimSpace(bold), "", true
	}
	t := strings.TrimRight(ln, ":")
	if !strings.HasSuffix(t, ".") && headingAtStart(t) && fieldsAtMost(t, 8) && !strings.ContainsAny(t, ",;") {
		return t, "", true
	}
	return "", "", false
}

// fieldsAtMost reports whether s has at most n fields, as strings.Fields
// splits it, without splitting it.
func fieldsAtMost(s string, n int) bool {
	fields, in := 0, false
	for _, r := range s {
		switch space := unicode.IsSpace(r); {
		case space:
			in = false
		case !in:
			in = true
			if fields++; fields > n {
				return false
			}
		}
	}
	return true
}

// headingAtStart reports whether a plain line begins with the name of a
// known section ("Root Cause", "Why did this issue occur?", "Next steps"):
// a short line that merely contains such a word ("The outage was caused
// by an expired") is a wrapped sentence, not a heading.
func headingAtStart(t string) bool {
	t = strings.TrimLeftFunc(t, func(r rune) bool { return !unicode.IsLetter(r) })
	return positiveNames.atStart(t) || detectNames.atStart(t) || remedyNames.atStart(t) || causeNames.atStart(t)
}
