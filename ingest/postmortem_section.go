package ingest

import "strings"

// isPMSection is pmSection.MatchString(s) read by hand: detection asks it
// of every markdown heading, and the regexp package's backtracker tries
// each of the expression's thirty alternatives at the start of each.
// postmortem_section_test.go checks it against the expression.
//
// The expression is anchored at both ends: optional '#'s and white space,
// an optional "**", one of the section names, then only "?", ":" and "**"
// in that order, each optional. The names that end in ".*" take any rest
// without a line break. Text beyond ASCII goes to the expression, whose
// (?i) folds "ſ" and the Kelvin sign to "s" and "k".
func isPMSection(s string) bool {
	if !isASCII(s) {
		return pmSection.MatchString(s)
	}
	// "#+\s*" and "\*\*": no section name starts with '#', white space
	// or '*', so each optional part is taken whenever it is there.
	if s != "" && s[0] == '#' {
		for s != "" && s[0] == '#' {
			s = s[1:]
		}
		for s != "" && isRESpace(s[0]) {
			s = s[1:]
		}
	}
	s = strings.TrimPrefix(s, "**")
	for _, name := range pmSectionNames {
		rest, ok := foldPrefix(s, name)
		if ok && isPMSectionEnd(rest) {
			return true
		}
	}
	for _, name := range pmSectionOpenings {
		if rest, ok := foldPrefix(s, name); ok && strings.IndexByte(rest, '\n') < 0 {
			return true
		}
	}
	return false
}

// pmSectionNames are the names pmSection takes whole, each optional part
// written out, lower-case.
var pmSectionNames = [...]string{
	"what happened", "root cause", "root cause analysis", "timeline", "timeline of events", "summary",
	"incident summary", "impact", "service impact", "customer impact", "scope of impact", "next steps",
	"action items", "lessons learned", "resolution", "resolution steps", "contributing factors",
	"what went wrong", "cause analysis", "overview", "details", "mitigation", "postmortem", "post-mortem",
	"post mortem", "rfo", "reason for outage",
}

// pmSectionOpenings are the names pmSection ends with ".*": any text
// without a line break may follow them.
var pmSectionOpenings = [...]string{
	"remediation", "why did ", "what we are do", "what we're do", "what will we do", "how we", "further action",
	"follow-up", "follow up", "prevention", "post-incident", "post incident",
}

// isPMSectionEnd reports whether rest is what pmSection allows after a
// name: "\??:?(?:\*\*)?$".
func isPMSectionEnd(rest string) bool {
	rest = strings.TrimPrefix(rest, "?")
	rest = strings.TrimPrefix(rest, ":")
	rest = strings.TrimPrefix(rest, "**")
	return rest == ""
}

// foldPrefix reports whether ASCII s opens with word (lower-case ASCII)
// in any case, and returns the rest of s.
func foldPrefix(s, word string) (string, bool) {
	if len(s) < len(word) {
		return "", false
	}
	for i := 0; i < len(word); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != word[i] {
			return "", false
		}
	}
	return s[len(word):], true
}
