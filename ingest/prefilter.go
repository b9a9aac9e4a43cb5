package ingest

import (
	"strings"
	"time"
	"unicode/utf8"
)

// Hand-written matchers for expressions tried on every line of a page,
// where the regexp engine's setup cost more than the match. Each is tested
// against the expression it replaces or guards (prefilter_test.go).

// postedStamp matches a Statuspage "Posted <stamp>" line, as the
// expression (?i)^posted\s+(.*\d.*)$ does, and returns the stamp: the text
// after "posted" (any case) and its white space, which must hold a digit
// and no line break.
func postedStamp(s string) (string, bool) {
	i, ok := foldPrefixS(s, "posted")
	if !ok {
		return "", false
	}
	j := i
	for j < len(s) && isRESpace(s[j]) {
		j++
	}
	rest := s[j:]
	if j == i || strings.IndexByte(rest, '\n') >= 0 || indexDigit(rest) < 0 {
		return "", false
	}
	return rest, true
}

// isPosted reports whether s is a "Posted <stamp>" line.
func isPosted(s string) bool {
	if !mayPosted(s) {
		return false
	}
	_, ok := postedStamp(s)
	return ok
}

// mayPosted is the first test of postedStamp, small enough to be inlined
// in the loops that try every line: a Posted line opens with "p" or "P".
func mayPosted(s string) bool { return s != "" && s[0]|0x20 == 'p' }

// foldPrefixS reports whether s starts with the lower-case ASCII word in
// any case, as a (?i) expression matches it (an "s" also matches "ſ", the
// one non-ASCII letter folding to a letter without a "k"), and where the
// prefix ends.
//
// Each byte of the word takes one of s until an "ſ" turns up: the word is
// compared byte for byte at the start of s, and foldPrefixSlow, which
// walks the two apart, reads s only from an "ſ" where the word has an
// "s". Every Posted line and the page's affected line are tested so.
func foldPrefixS(s, word string) (int, bool) {
	if len(s) < len(word) {
		return 0, false // each of the word's bytes takes one of s or more
	}
	for k := 0; k < len(word); k++ {
		c := word[k]
		if s[k] == c || s[k]|0x20 == c && 'a' <= c && c <= 'z' {
			continue
		}
		if c == 's' && strings.HasPrefix(s[k:], "ſ") {
			return foldPrefixSlow(s, word)
		}
		return 0, false
	}
	return len(word), true
}

// foldPrefixSlow is foldPrefixS walking s and the word apart, an "s" of
// the word taking the two bytes of an "ſ" in s.
func foldPrefixSlow(s, word string) (int, bool) {
	i := 0
	for k := 0; k < len(word); k++ {
		c := word[k]
		switch {
		case i < len(s) && s[i]|0x20 == c && ('a' <= c && c <= 'z'):
			i++
		case i < len(s) && s[i] == c:
			i++
		case c == 's' && strings.HasPrefix(s[i:], "ſ"):
			i += len("ſ")
		default:
			return 0, false
		}
	}
	return i, true
}

// isRESpace is \s in a Go regular expression: [\t\n\f\r ].
func isRESpace(c byte) bool {
	return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'
}

// containsFold reports whether s holds word, a lower-case ASCII phrase
// without "k" or "s", in any ASCII case: a (?i) expression cannot match
// the phrase without it (only "k" and "s" fold to non-ASCII letters).
//
// The loop tests the first two bytes itself before it calls
// strings.EqualFold: lines are scanned for the phrase on every input, and
// its first letter is a common one.
func containsFold(s, word string) bool {
	if len(word) < 2 {
		return containsFold1(s, word)
	}
	w0, w1 := word[0], word[1]|0x20
	for i := 0; i+len(word) <= len(s); i++ {
		// s[i+1]|0x20 == w1 holds wherever the second bytes fold alike.
		if s[i]|0x20 == w0 && s[i+1]|0x20 == w1 && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// containsFold1 is containsFold of a word shorter than two bytes.
func containsFold1(s, word string) bool {
	if word == "" {
		return true
	}
	for i := 0; i+len(word) <= len(s); i++ {
		if s[i]|0x20 == word[0] && strings.EqualFold(s[i:i+len(word)], word) {
			return true
		}
	}
	return false
}

// agUpdateLine matches an aggregator update line ("- identified Sep 21,
// 2021, 11:40 AM UTC", "2. resolved 2024-01-02 10:00 UTC") as the
// expression
//
//	^(?:[-*•]|\d{1,3}[.)])\s+([A-Za-z][A-Za-z_ -]*?)\s+((?:[A-Z][a-z]{2,8}\.? \d{1,2}|\d{4}-\d{2}-\d{2}).*)$
//
// does, and returns its two groups: the status words (the shortest that
// lets the rest match) and the stamp.
func agUpdateLine(s string) (word, stamp string, ok bool) {
	i := 0
	switch {
	case strings.HasPrefix(s, "-"), strings.HasPrefix(s, "*"):
		i = 1
	case strings.HasPrefix(s, "•"):
		i = len("•")
	default:
		for i < len(s) && i < 4 && isDigit(s[i]) {
			i++
		}
		if i == 0 || i > 3 || i >= len(s) || (s[i] != '.' && s[i] != ')') {
			return "", "", false
		}
		i++
	}
	a := skipRESpace(s, i)
	if a == i || a >= len(s) || !isASCIILetter(s[a]) {
		return "", "", false
	}
	// The status words end at the first white space after which a stamp
	// follows; they may only hold letters, "_", " " and "-".
	for e := a + 1; e < len(s); e++ {
		c := s[e]
		if isRESpace(c) {
			if g := skipRESpace(s, e); agStampStart(s[g:]) && strings.IndexByte(s[g:], '\n') < 0 {
				return s[a:e], s[g:], true
			}
		}
		if !isASCIILetter(c) && c != '_' && c != ' ' && c != '-' {
			return "", "", false
		}
	}
	return "", "", false
}

// agStampStart reports whether s starts as an aggregator stamp must:
// [A-Z][a-z]{2,8}\.? \d or \d{4}-\d{2}-\d{2}.
func agStampStart(s string) bool {
	if len(s) >= 10 && isDigit(s[0]) && isDigit(s[1]) && isDigit(s[2]) && isDigit(s[3]) && s[4] == '-' &&
		isDigit(s[5]) && isDigit(s[6]) && s[7] == '-' && isDigit(s[8]) && isDigit(s[9]) {
		return true
	}
	if s == "" || s[0] < 'A' || s[0] > 'Z' {
		return false
	}
	j := 1
	for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
		j++
	}
	if n := j - 1; n < 2 || n > 8 {
		return false
	}
	if j < len(s) && s[j] == '.' {
		j++
	}
	return j+1 < len(s) && s[j] == ' ' && isDigit(s[j+1])
}

// skipRESpace returns the index after the run of \s at i.
func skipRESpace(s string, i int) int {
	for i < len(s) && isRESpace(s[i]) {
		i++
	}
	return i
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

// mayMonthHeading reports whether s may be a monthHeading ("April 2024"):
// 8 to 14 bytes, a capital first and four digits last.
func mayMonthHeading(s string) bool {
	n := len(s)
	return n >= 8 && n <= 14 && 'A' <= s[0] && s[0] <= 'Z' && digitsAt(s, n-4, 4)
}

// mayStartMention reports whether a date or time mention may start at the
// first byte of s: a mention's first token is a number, a weekday or a
// month, so s must start with a digit or one of those words (a word
// running into a character beyond ASCII is let through).
func mayStartMention(s string) bool {
	if s == "" || isDigit(s[0]) || s[0] >= utf8.RuneSelf {
		return s != ""
	}
	if !isASCIILetter(s[0]) {
		return false
	}
	i := 1
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	if i < len(s) && s[i] >= utf8.RuneSelf {
		return true
	}
	var buf [len("september")]byte
	if i < len("may") || i > len(buf) {
		return false // shorter or longer than any month or weekday
	}
	low := buf[:i]
	for k := range i {
		low[k] = s[k] | 0x20
	}
	return monthOrWeekday(low)
}

// monthOrWeekday reports whether w, lower-case, is a key of monthWords or
// weekdayWords (prefilter_mention_ref_test.go checks that it is), by one
// switch: cheaper than hashing it for two maps, and a switch on
// string(w) makes no string.
func monthOrWeekday(w []byte) bool {
	switch string(w) {
	case "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may", "jun", "june", "jul", "july",
		"aug", "august", "sep", "sept", "september", "oct", "october", "nov", "november", "dec", "december",
		"sun", "sunday", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu", "thur", "thurs", "thursday",
		"fri", "friday", "sat", "saturday":
		return true
	}
	return false
}

// mayEndMention reports whether a date or time mention may end at the end
// of s. A mention ends with a number, punctuation or a word of its own: a
// month, weekday, ordinal suffix, "am"/"pm" (or the "m" of "a.m"), a zone
// abbreviation or the last word of a zone name. s ending in any other
// ASCII word, set apart by a space, can end no mention.
func mayEndMention(s string) bool {
	n := len(s)
	if n == 0 {
		return false
	}
	if !isASCIILetter(s[n-1]) {
		return true
	}
	i := n - 1
	for i > 0 && isASCIILetter(s[i-1]) {
		i--
	}
	if i > 0 && s[i-1] != ' ' {
		return true // glued to what precedes: "America/New_York", "0Z", "é"
	}
	w := s[i:]
	var buf [32]byte
	if len(w) > len(buf) {
		return false // longer than any word of a mention
	}
	low := buf[:len(w)]
	for k := range len(w) {
		low[k] = w[k] | 0x20
	}
	if monthOrWeekday(low) {
		return true
	}
	switch string(low) {
	case "st", "nd", "rd", "th", "am", "pm", "m":
		return true
	}
	var ubuf [32]byte
	for k := range len(w) {
		ubuf[k] = w[k] &^ 0x20
	}
	if _, ok := zoneAbbrevs[string(ubuf[:len(w)])]; ok {
		return true
	}
	return zoneNameEnds[string(low)]
}

// zoneNameEnds holds the last word of every zone name in words
// ("pacific", "time"), built from zoneNames once, when the package is
// initialised, and only read afterwards.
var zoneNameEnds = func() map[string]bool {
	out := map[string]bool{}
	for name := range zoneNames {
		out[name[strings.LastIndexByte(name, ' ')+1:]] = true
	}
	return out
}()

// agBadgeWords are the state words of the aggregator's badge line.
var agBadgeWords = [...]string{"resolved", "ongoing", "active", "investigating", "identified", "monitoring", "scheduled",
	"in progress", "completed", "postmortem"}

// isAgBadge reports whether agBadge matches s: by hand (an optional word
// and white space, then a state word ending a word, at the start; or "view
// vendor source" anywhere, in any case) for text without "ſ" or the Kelvin
// sign, the two letters (?i) folds to ASCII ones, such as the badge's own
// "View vendor source →"; by the expression for other text.
func isAgBadge(s string) bool {
	if !isASCII(s) && !asciiFolds(s) {
		return agBadge.MatchString(s)
	}
	// The state words at the start first: they settle the badge itself
	// ("Minor Resolved View vendor source →") without the search.
	if agBadgeWordAt(s, 0) {
		return true
	}
	i := 0
	for i < len(s) && isASCIILetter(s[i]) {
		i++
	}
	if j := skipRESpace(s, i); i > 0 && j > i && agBadgeWordAt(s, j) {
		return true
	}
	return containsFold(s, "view vendor source")
}

// agBadgeWordAt reports whether a state word, in any ASCII case, starts
// at i and ends a word there (\b).
//
// A word can start only at its first letter in either case, or (for
// strings.EqualFold) at a character beyond ASCII folding to it: other
// bytes are let go before the words are tried.
func agBadgeWordAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	c := s[i]
	if c < utf8.RuneSelf {
		switch c | 0x20 {
		case 'r', 'o', 'a', 'i', 'm', 's', 'c', 'p': // the words' first letters
		default:
			return false
		}
	}
	for _, w := range agBadgeWords {
		if c < utf8.RuneSelf && c|0x20 != w[0] {
			continue // an ASCII letter folds only to its other case
		}
		if e := i + len(w); e <= len(s) && strings.EqualFold(s[i:e], w) && (e == len(s) || !isWordByte(s[e])) {
			return true
		}
	}
	return false
}

// asciiFolds reports whether a (?i) expression of ASCII letters, \s and
// ASCII \b matches s where a match on its bytes does: s is valid UTF-8
// without "ſ" or the Kelvin sign, whose other characters fold to no ASCII
// letter and are neither word characters nor white space to it.
func asciiFolds(s string) bool {
	return utf8.ValidString(s) && !strings.Contains(s, "ſ") && !strings.Contains(s, "\u212a")
}

// mayBeAgHeading reports whether agHeading may match s: its headings start
// with a, u, s, r, d or e in any case (or "ſ", beyond ASCII).
//
// The letters are tested in a switch, not looked for in a string of them
// (a call for every line of a page, a third of isAgHeading).
func mayBeAgHeading(s string) bool {
	if s == "" {
		return false
	}
	if s[0] >= utf8.RuneSelf {
		return true
	}
	switch s[0] | 0x20 {
	case 'a', 'u', 's', 'r', 'd', 'e':
		return true
	}
	return false
}

// spAffectedLine matches a Statuspage "This incident affected: A, B" line
// as spAffected does, and returns its two groups: the kind of event as
// written and the list.
func spAffectedLine(s string) (kind, list string, ok bool) {
	i, ok := foldPrefixS(s, "this ")
	if !ok {
		return "", "", false
	}
	n := 0
	for _, w := range [...]string{"incident", "scheduled maintenance", "maintenance"} {
		if k, ok := foldPrefixS(s[i:], w); ok {
			n = k
			break
		}
	}
	if n == 0 {
		return "", "", false
	}
	j, ok := foldPrefixS(s[i+n:], " affected:")
	if !ok {
		return "", "", false
	}
	rest := s[skipRESpace(s, i+n+j):]
	if strings.IndexByte(rest, '\n') >= 0 {
		return "", "", false
	}
	return s[i : i+n], rest, true
}

// agHeadings are the aggregator's headings agHeading matches whole.
var agHeadings = [...]string{"affected components", "update timeline", "started", "resolved", "duration", "ended"}

// isAgHeading reports whether agHeading matches s: by hand for ASCII text
// (one of the headings, or "detected by " and more, in any case), by the
// expression for other text, where (?i) also folds "ſ" and the Kelvin sign.
func isAgHeading(s string) bool {
	if !mayBeAgHeading(s) {
		return false
	}
	// "detected by " holds no "s" or "k": in any text, only its ASCII
	// spellings match it, and (.+)$ is any rest without a line break.
	const by = "detected by "
	if len(s) > len(by) && s[0]|0x20 == 'd' && strings.EqualFold(s[:len(by)], by) {
		return strings.IndexByte(s[len(by):], '\n') < 0
	}
	// The other headings are as long as they are written, or a byte
	// longer with their one "s" written "ſ": text of another length is
	// none of them, and need not be looked at whole.
	switch len(s) {
	case 5, 7, 8, 9, 15, 19, 20:
	default:
		return false
	}
	if !isASCII(s) {
		return agHeading.MatchString(s)
	}
	// ASCII text equals a heading in any case only at its length.
	for _, h := range agHeadings {
		if len(h) == len(s) && strings.EqualFold(s, h) {
			return true
		}
	}
	return false
}

// summaryDate reads the date of an aggregator summary, as agSummaryInto
// captured it ([A-Z][a-z]+\.? \d{1,2}, \d{4}), when it is a month, a day and
// a year the date reader takes ("September 5, 2025", "Sept. 5, 2025"): the
// date the reader's first mention of the text would hold. ok is false for
// anything else, which is left to the reader.
func summaryDate(s string) (date, bool) {
	mw, i := letterRun(s, 0)
	var low [16]byte
	if mw == "" || len(mw) > len(low) {
		return date{}, false
	}
	for k := range len(mw) {
		low[k] = mw[k] | 0x20
	}
	mo, ok := monthWords[string(low[:len(mw)])]
	if !ok || (mo == time.May || mo == time.March) && mw[0] >= 'a' {
		return date{}, false // "may" and "march" are months only capitalised
	}
	if byteAt(s, i, '.') {
		i++
	}
	if !byteAt(s, i, ' ') {
		return date{}, false
	}
	day, j := quickDigits(s, i+1, 1, 2)
	if j < 0 || !strings.HasPrefix(s[j:], ", ") || len(s) != j+6 || !digitsAt(s, j+2, 4) {
		return date{}, false
	}
	d := date{Year: atoiDigits(s[j+2:]), Month: mo, Day: day}
	if d.Year < 1970 || d.Year > 2200 || !d.valid() {
		return date{}, false
	}
	return d, true
}

// mayReportFor is a cheap test spReportFor cannot match a line without,
// run before reportForHead on every line: the expression
// is anchored, and its first letter is an "i", "m" or "s" in any case, or
// "ſ", which (?i) folds to "s".
func mayReportFor(s string) bool {
	if s == "" {
		return false
	}
	c := s[0] | 0x20
	return c == 'i' || c == 'm' || c == 's' || strings.HasPrefix(s, "ſ")
}

// reportForHead reports whether s opens as spReportFor's lines do: with
// "incident", "scheduled maintenance" or "maintenance", then " report
// for", in any case (foldPrefixS). The expression cannot match a line
// without it, and detection tests every line whose first letter may open
// one (mayReportFor): it reads no further than the words, where a search
// for "report for" (containsFold) read the whole line.
func reportForHead(s string) bool {
	for _, w := range [...]string{"incident", "scheduled maintenance", "maintenance"} {
		if n, ok := foldPrefixS(s, w); ok {
			if _, ok := foldPrefixS(s[n:], " report for"); ok {
				return true
			}
		}
	}
	return false
}

// spReportForMatch returns what spReportFor.FindStringSubmatch(s) returns:
// by hand for ASCII text ("Incident Report for Acme", "Scheduled
// Maintenance Report for Acme", in any case), by the expression for other
// text, where (?i) also folds "ſ" and the Kelvin sign.
func spReportForMatch(s string) []string {
	return spReportForInto(s, new([3]string))
}

// spReportForInto is spReportForMatch that writes the submatches of ASCII
// text into out, which it returns as a slice: detection keeps them in the
// doc rather than in a new slice.
func spReportForInto(s string, out *[3]string) []string {
	if !isASCII(s) {
		return spReportFor.FindStringSubmatch(s)
	}
	kind, i := "", 0
	for _, w := range [...]string{"scheduled maintenance", "maintenance", "incident"} {
		if len(s) >= len(w) && strings.EqualFold(s[:len(w)], w) {
			i = len(w)
			if w != "incident" {
				kind = s[:i]
			}
			break
		}
	}
	const rf = " report for"
	if i == 0 || len(s) < i+len(rf) || !strings.EqualFold(s[i:i+len(rf)], rf) {
		return nil
	}
	i += len(rf)
	// \s+(.+)$: the white space as long as the rest, which holds no line
	// break, is not empty.
	w := skipRESpace(s, i)
	for k := w; k > i; k-- {
		if rest := s[k:]; rest != "" && strings.IndexByte(rest, '\n') < 0 {
			*out = [3]string{s, kind, rest}
			return out[:]
		}
	}
	return nil
}

// letterRun returns the run of ASCII letters at i and where it ends.
func letterRun(s string, i int) (string, int) {
	j := i
	for j < len(s) && isASCIILetter(s[j]) {
		j++
	}
	return s[i:j], j
}
