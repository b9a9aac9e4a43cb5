package ingest

import (
	"math/rand/v2"
	"reflect"
	"sort"
	"strings"
	"testing"
)

// wordCues are the expressions searched as wordCues.
func wordCues() map[string]*wordCue {
	out := map[string]*wordCue{
		"zoneCue": zoneCue, "futureCue": futureCue, "impactCtx": impactCtx, "recoveryCtx": recoveryCtx,
		"relativeTime": relativeTime, "detectionCtx": detectionCtx, "narrativeEndCue": narrativeEndCue,
		"durStrong": durStrong, "durWeak": durWeak, "notDurCtx": notDurCtx, "durAdj": durAdj,
	}
	for name, c := range endCues() {
		out[name] = c
	}
	for _, c := range milestoneCues {
		out["milestone "+c.m.String()] = c.re
	}
	return out
}

// endCues are the wordCues anchored at the end of the text: searched in
// the words before a time.
func endCues() map[string]*wordCue {
	return map[string]*wordCue{
		"windowOpen": windowOpen, "startCue": startCue, "sinceCue": sinceCue, "byCue": byCue,
		"resolvedAtCue": resolvedAtCue, "correctionCue": correctionCue, "startNounCue": startNounCue,
		"startLabel": startLabel, "endLabel": endLabel, "endCue": endCue,
	}
}

// cueWords are the words of every cue expression, the pieces random text
// for them is made of, with marks, spaces and letters that change length
// or turn ASCII when case is changed.
func cueWords() []string {
	seen := map[string]bool{}
	for _, c := range wordCues() {
		for _, w := range strings.FieldsFunc(c.String(), func(r rune) bool {
			return !('a' <= r && r <= 'z' || r == '\'')
		}) {
			seen[w] = true
		}
	}
	// Phrases too: "minutes later", "back to normal".
	for _, c := range wordCues() {
		for _, p := range strings.FieldsFunc(c.String(), func(r rune) bool { return strings.ContainsRune(`()|?:\`, r) }) {
			if strings.Contains(p, " ") {
				seen[p] = true
			}
		}
	}
	out := []string{"a 20-minute outage", "an hour-long", "a two hour window", "20 minutes later", "an hour afterwards", "the next morning", "later that day", "the following day", " ", " ", "  ", "\t", ".", ",", ":", "-", "_", "(", "7", "42", "x", "s", "ſ", "K", "É", "é", "İ", "a", "the", "\n"}
	for w := range seen {
		out = append(out, w, strings.ToUpper(w[:1])+w[1:])
	}
	return out
}

// TestWordCuesAsRegexp checks that every wordCue finds what its expression
// finds, searched as the regexp package does, on every fixture line
// (lower-cased) and on random text made of the expressions'
// words.
func TestWordCuesAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	// The cues are searched in lower-case text (zoneCue ignores case).
	var lines []string
	for _, l := range refTestLines(t) {
		lines = append(lines, strings.ToLower(l))
	}
	words := cueWords()
	r := rand.New(rand.NewPCG(41, 42))
	for range 12000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		lines = append(lines, b.String())
	}
	matched := map[string]int{}
	for name, c := range wordCues() {
		for i, s := range lines {
			got, want := c.FindAllStringIndex(s, -1), c.re.FindAllStringIndex(s, -1)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s.FindAllStringIndex(%q) = %v; the expression finds %v", name, s, got, want)
			}
			if len(want) > 0 {
				matched[name]++
			}
			if i%4 != 0 && len(want) == 0 {
				continue // the other searches on a sample, and wherever there is a match
			}
			if got, want := c.FindStringIndex(s), c.re.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s.FindStringIndex(%q) = %v; the expression finds %v", name, s, got, want)
			}
			if got, want := c.FindStringSubmatchIndex(s), c.re.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s.FindStringSubmatchIndex(%q) = %v; the expression finds %v", name, s, got, want)
			}
			if got, want := c.MatchString(s), c.re.MatchString(s); got != want {
				t.Fatalf("%s.MatchString(%q) = %v; want %v", name, s, got, want)
			}
		}
	}
	// The random text must exercise every expression, not only its misses;
	// the expressions anchored at the end are exercised by
	// TestEndCuesAsRegexp.
	for name := range wordCues() {
		if endCues()[name] != nil {
			continue
		}
		if matched[name] < 100 {
			t.Errorf("%s matched only %d texts", name, matched[name])
		}
	}
}

// endCueTexts are texts for the cues anchored at the end: the words
// before every time of the fixture lines, as the prose reader searches
// them, and random words of the expressions ending as a cue does, with
// hedges, marks and spaces.
func endCueTexts(t testing.TB, n int) []string {
	var texts []string
	if t, ok := t.(*testing.T); ok {
		for _, l := range refTestLines(t) {
			low := strings.ToLower(l)
			for _, m := range scanMentions(low, monthFirst) {
				texts = append(texts, low[max(0, m.Start-cueWindow):m.Start])
			}
		}
	}
	seen := map[string]bool{}
	for _, c := range endCues() {
		expr := strings.NewReplacer(`\b`, "|", `\s`, " ").Replace(c.String())
		for _, p := range strings.FieldsFunc(expr, func(r rune) bool { return strings.ContainsRune(`()|?:$*+`, r) }) {
			if p = strings.TrimSpace(p); p != "" {
				seen[p] = true
			}
		}
	}
	words := []string{"at", "on", "from", "around", "about", "approx.", "approx", "ca.", "~", "the incident", "this issue", "(utc)", "(pst)", "( utc )",
		"(a long label here)", ":", ": ", " :", "x", "xfrom", "é", "ſ", "K", "\n", "\t", " ", " ", "  ", "\f", "\v", "-", ",", "."}
	for w := range seen {
		words = append(words, w, w+" ", strings.ToUpper(w))
	}
	var keys []string
	for w := range seen {
		keys = append(keys, w)
	}
	sort.Strings(words) // the same texts every run
	sort.Strings(keys)
	tails := []string{"", " ", ": ", " at ", " (utc): ", "  ", " about ", " ~", " from ", " the issue at ", ":approx. "}
	r := rand.New(rand.NewPCG(57, 58))
	for range n {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		// Half end as a cue does: a word of one, then a tail.
		if r.IntN(2) == 0 {
			b.WriteString(keys[r.IntN(len(keys))])
			b.WriteString(tails[r.IntN(len(tails))])
		}
		texts = append(texts, b.String())
	}
	return texts
}

// TestEndCuesAsRegexp checks the cues anchored at the end against their
// expressions on the texts they are searched in.
func TestEndCuesAsRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	texts := endCueTexts(t, 30000)
	for name, c := range endCues() {
		matched := 0
		for _, s := range texts {
			if got, want := c.MatchString(s), c.re.MatchString(s); got != want {
				t.Fatalf("%s.MatchString(%q) = %v; want %v", name, s, got, want)
			}
			if got, want := c.FindStringIndex(s), c.re.FindStringIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s.FindStringIndex(%q) = %v; the expression finds %v", name, s, got, want)
			}
			if c.re.MatchString(s) {
				matched++
			}
		}
		if matched < 100 {
			t.Errorf("%s matched only %d texts", name, matched)
		}
	}
}

// FuzzWordCues compares every wordCue with its expression on arbitrary
// text.
func FuzzWordCues(f *testing.F) {
	for _, s := range endCueTexts(f, 200) {
		f.Add(s)
	}
	cues := wordCues()
	f.Fuzz(func(t *testing.T, s string) {
		for name, c := range cues {
			if got, want := c.FindAllStringIndex(s, -1), c.re.FindAllStringIndex(s, -1); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s.FindAllStringIndex(%q) = %v; the expression finds %v", name, s, got, want)
			}
			if got, want := c.FindStringSubmatchIndex(s), c.re.FindStringSubmatchIndex(s); !reflect.DeepEqual(got, want) {
				t.Fatalf("%s.FindStringSubmatchIndex(%q) = %v; the expression finds %v", name, s, got, want)
			}
			if got, want := c.MatchString(s), c.re.MatchString(s); got != want {
				t.Fatalf("%s.MatchString(%q) = %v; want %v", name, s, got, want)
			}
		}
	})
}

// TestCueHintsNeeded checks that each hint set put in front of a cue
// holds a word of every text the cue matches, on the fixture lines and
// random text of the cues' words. durStrongHints is not such a set: its
// " of " misses "outage of" not followed by a space, which durStrong
// matches (the reader's answers are what they are; the set is kept).
func TestCueHintsNeeded(t *testing.T) {
	skipOracleUnderRace(t)
	type pair struct {
		name  string
		hints *hintSet
		match func(string) bool
	}
	pairs := []pair{
		{"futureHints", futureHints, futureCue.re.MatchString},
		{"relativeHints", relativeHints, relativeTime.re.MatchString},
		{"negationHints", negationHints, negation.MatchString},
		{"endHints", endHints, narrativeEndCue.re.MatchString},
		{"durUnitHints", durUnitHints, durAdj.re.MatchString},
		{"durStrongNeeds", durStrongNeeds, durStrong.re.MatchString},
	}
	for _, c := range milestoneCues {
		pairs = append(pairs, pair{"milestone " + c.m.String(), c.hints, c.re.re.MatchString})
	}
	var texts []string
	for _, l := range refTestLines(t) {
		texts = append(texts, strings.ToLower(l))
	}
	words := append(cueWords(), "not ", "no ", "n't ", "unable to ", "without ", "before ", "yet ", "been ")
	r := rand.New(rand.NewPCG(69, 70))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(12) {
			b.WriteString(words[r.IntN(len(words))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		texts = append(texts, b.String())
	}
	for _, p := range pairs {
		matched := 0
		for _, s := range texts {
			if !p.match(s) {
				continue
			}
			matched++
			if !containsAny(s, p.hints) {
				t.Fatalf("the cue of %s matches %q, which holds none of %q", p.name, s, p.hints.words)
			}
		}
		if matched < 50 {
			t.Errorf("the cue of %s matched only %d texts", p.name, matched)
		}
	}
}

// TestNewWordCueRefuses checks that expressions a wordCue cannot search
// faithfully are refused.
func TestNewWordCueRefuses(t *testing.T) {
	for _, expr := range []string{`n't\b`, `\b(?:not)|n't`, `(?:\bnot)?`, `\b~`, `\b.x`, `(?i)\bsk`} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("newWordCue(%q) did not panic", expr)
				}
			}()
			newWordCue(expr)
		}()
	}
}

// TestAbbrevBefore checks abbrevBefore against the table lower-cased by
// strings.ToLower, on every abbreviation and random words.
func TestAbbrevBefore(t *testing.T) {
	var words []string
	for k := range abbrevBeforeDot {
		words = append(words, k, strings.ToUpper(k), strings.ToUpper(k[:1])+k[1:], k+"s")
		if len(k) > len("approx") {
			t.Errorf("%q is longer than abbrevBefore looks at", k)
		}
	}
	r := rand.New(rand.NewPCG(43, 44))
	letters := []rune("aeiouxnstmcAEINSTM.ſKİé")
	for range 50000 {
		var b strings.Builder
		for range r.IntN(9) {
			b.WriteRune(letters[r.IntN(len(letters))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		if got, want := abbrevBefore(w), abbrevBeforeDot[strings.ToLower(w)]; got != want {
			t.Fatalf("abbrevBefore(%q) = %v; want %v", w, got, want)
		}
	}
}

// TestHintSets checks every hint set against strings.Contains of each of
// its words, on fixture lines and random text of the words' pieces.
func TestHintSets(t *testing.T) {
	sets := []*hintSet{futureHints, relativeHints, negationHints, endHints, durStrongHints, durStrongNeeds, durUnitHints, allCueHints}
	for _, c := range milestoneCues {
		sets = append(sets, c.hints)
	}
	var pieces []string
	for _, h := range sets {
		for _, w := range h.words {
			pieces = append(pieces, w, w[:len(w)/2], w[len(w)/2:])
		}
	}
	pieces = append(pieces, " ", "x", "é", ".")
	texts := refTestLines(t)
	r := rand.New(rand.NewPCG(45, 46))
	for range 30000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, h := range sets {
		hits := 0
		for _, s := range texts {
			want := false
			for _, w := range h.words {
				want = want || strings.Contains(s, w)
			}
			if got := containsAny(s, h); got != want {
				t.Fatalf("containsAny(%q, %q) = %v; want %v", s, h.words, got, want)
			}
			if want {
				hits++
			}
		}
		if hits < 100 {
			t.Errorf("%q: only %d texts hold a word", h.words, hits)
		}
	}
}

// TestFoldTests checks the tests made on ASCII text before it is
// lower-cased against the same tests of the lower-cased text.
func TestFoldTests(t *testing.T) {
	sets := []*hintSet{futureHints, relativeHints, negationHints, endHints, durStrongHints, durStrongNeeds, durUnitHints, allCueHints}
	for _, c := range milestoneCues {
		sets = append(sets, c.hints)
	}
	pieces := []string{"Hour", "HOUR", "hour", "hou", "Minute", "MINUTES", "minut", "Second", "SECOND", "Day", "DAY", "da", "5", " ",
		"Later", "LATER", "Next", "THAT", "That", "Following", "Afterward", "Will", "PLAN", "Schedul", "N'T", "No", "Before", "Unable",
		"Without", "Restore", "OVER", "End", "h", "H", "@", "[", "`", "{", "\x08", "\x00", ".", "x"}
	for _, h := range sets {
		for _, w := range h.words {
			pieces = append(pieces, w, strings.ToUpper(w))
		}
	}
	texts := refTestLines(t)
	r := rand.New(rand.NewPCG(47, 48))
	for range 50000 {
		var b strings.Builder
		for range r.IntN(8) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for _, s := range texts {
		if !isASCII(s) {
			continue
		}
		low := strings.ToLower(s)
		if got, want := mayHoldDurationFold(s), mayHoldDuration(low); got != want {
			t.Fatalf("mayHoldDurationFold(%q) = %v; want %v", s, got, want)
		}
		for _, h := range sets {
			if got, want := h.inFold(s), h.in(low); got != want {
				t.Fatalf("inFold(%q) of %q = %v; want %v", s, h.words, got, want)
			}
		}
	}
}

// TestDurationJoinLen checks the hand-written durationJoin against the
// expression on random joins.
func TestDurationJoinLen(t *testing.T) {
	pieces := []string{" ", "\t", "\n", "\v", "\f", "\r", ",", "and", "an", "a", "d", "x", "5", "m", "ſ"}
	r := rand.New(rand.NewPCG(49, 50))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(7) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := durationJoinLen(s), len(durationJoin.FindString(s)); got != want {
			t.Fatalf("durationJoinLen(%q) = %d; durationJoin matches %d bytes", s, got, want)
		}
	}
}

// mayNameTimeLoop is the one-pass, byte by byte mayNameTime that the
// three searches replaced again: the oracle of TestMayNameTime.
func mayNameTimeLoop(s string) bool {
	for i := 0; i < len(s); i++ {
		switch {
		case s[i] == 'i' && strings.HasPrefix(s[i:], "ime"), s[i] == 'I' && strings.HasPrefix(s[i:], "IME"),
			s[i] == 'h' && strings.HasPrefix(s[i:], "hronolog"):
			return true
		}
	}
	return false
}

// TestMayNameTime checks the three searches against a pass byte by byte.
func TestMayNameTime(t *testing.T) {
	pieces := []string{"ime", "IME", "im", "IM", "me", "i", "I", "hronolog", "hronolo", "Chronology", "TIME", "Time", "x", " ", "é"}
	r := rand.New(rand.NewPCG(53, 54))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(6) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := mayNameTime(s), mayNameTimeLoop(s); got != want {
			t.Fatalf("mayNameTime(%q) = %v; want %v", s, got, want)
		}
	}
}

// TestMayOpenEntryPrefix checks that entryPrefix matches nothing where
// the cheap test says it cannot.
func TestMayOpenEntryPrefix(t *testing.T) {
	pieces := []string{"-", "*", "•", "+", ">", "|", "#", "[", "(", " ", "\t", "1", "12", "123", "1234", ".", ")", "x", "é", "–", "\xe2"}
	r := rand.New(rand.NewPCG(55, 56))
	for range 100000 {
		var b strings.Builder
		for range r.IntN(5) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if m := entryPrefix.FindString(s); m != "" && !mayOpenEntryPrefix(s) {
			t.Fatalf("entryPrefix matches %q in %q, which mayOpenEntryPrefix rules out", m, s)
		}
	}
}
