package metrics

import "strings"

// The names of the sections a report's headings open (sectionKind), read
// by hand. They were four case-insensitive regular expressions of many
// alternatives each; the regexp package's backtracker tried every
// alternative at every byte of every heading, label and short line, a
// seventh of the time to read a markdown postmortem end to end.
// heading_names_test.go keeps the expressions and checks these against
// them.

// sectionNames is one of those expressions: an alternation of names,
// each opened by a word boundary (\b) or, for an anchored one, by the
// start of the text and any white space (^\s*), and each closed by a
// word boundary or, without closeWord, by anything.
type sectionNames struct {
	// byFirst holds the names by their first letter, 'a' to 'z'.
	byFirst [26][]string
	// anchored is ^\s* in front of the names instead of \b.
	anchored bool
	// closeWord is a \b after the names.
	closeWord bool
}

// newSectionNames files names, lower-case ASCII that each open with a
// letter, by their first letter. A '*', only at the end of a name, is \w*
// (any ASCII letters, digits and underscores).
func newSectionNames(anchored, closeWord bool, names ...string) *sectionNames {
	sn := &sectionNames{anchored: anchored, closeWord: closeWord}
	for _, n := range names {
		sn.byFirst[n[0]-'a'] = append(sn.byFirst[n[0]-'a'], n)
	}
	return sn
}

// Each expression's names with every optional part written out (root[-
// ]?causes? is six names). Where no \b closes the names an optional end
// is left out: the name without it matches wherever the name with it
// does ("fix" where "fixes", "what we do" where "what we doing", but
// "change" is no prefix of "changing"). These are immutable after package initialisation.
var (
	// (?i)\b(what went (well|right)|where we got lucky|went (well|right)|got lucky|were lucky|worked well)\b
	positiveNames = newSectionNames(false, true,
		"what went well", "what went right", "where we got lucky", "went well", "went right", "got lucky",
		"were lucky", "worked well")
	// (?i)\b(action items?|actions|action plan|solutions?|mitigations?|mitigation steps|resolution|resolution steps|
	// recovery|fix|fixes|next steps?|remediation|follow[- ]?ups?|prevent|preventive|preventative|corrective|
	// improvements?|future|what (we|we're|we are|we will|will we) (do|doing|change|changing)|how we('ll| will)|
	// moving forward|going forward|lessons?( learned)?|learnings|recommendations?|to ?dos?|commitments?|changes we)
	remedyNames = newSectionNames(false, false,
		"action item", "actions", "action plan", "solution", "mitigation", "resolution", "recovery", "fix",
		"next step", "remediation", "follow-up", "follow up", "followup", "prevent", "corrective", "improvement",
		"future", "what we do", "what we change", "what we changing", "what we're do", "what we're change",
		"what we're changing", "what we are do", "what we are change", "what we are changing", "what we will do",
		"what we will change", "what we will changing", "what will we do", "what will we change",
		"what will we changing",
		"how we'll", "how we will", "moving forward", "going forward", "lesson", "learnings", "recommendation",
		"todo", "to do", "commitment", "changes we")
	// (?i)^\s*(detection|discovery|how (we|it was) (detected|found|discovered|noticed)|how we found out)\b
	detectNames = newSectionNames(true, true,
		"detection", "discovery", "how we detected", "how we found", "how we discovered", "how we noticed",
		"how it was detected", "how it was found", "how it was discovered", "how it was noticed", "how we found out")
	// (?i)\b(what went wrong|what went poorly|what happened and why|root[- ]?causes?|causes?|contribut\w*|went wrong|
	// went poorly|why|triggers?|analysis|technical (details?|summary|explanation)|problems?|what went bad|what failed)\b
	causeNames = newSectionNames(false, true,
		"what went wrong", "what went poorly", "what happened and why", "root-cause", "root-causes", "root cause",
		"root causes", "rootcause", "rootcauses", "cause", "causes", "contribut*", "went wrong", "went poorly", "why",
		"trigger", "triggers", "analysis", "technical detail", "technical details", "technical summary",
		"technical explanation", "problem", "problems", "what went bad", "what failed")
)

// in reports whether one of the names occurs in s, as the expression's
// MatchString does.
func (sn *sectionNames) in(s string) bool {
	if sn.anchored {
		return sn.at(s, reSpaceEnd(s))
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case reWordByte(c):
			// A name starts with a letter, and \b before it holds only
			// at the start of a word.
			if (i == 0 || !reWordByte(s[i-1])) && c > '9' && c != '_' && sn.at(s, i) {
				return true
			}
		case c == 0xc5 || c == 0xe2: // "ſ" or the Kelvin sign may follow a word
			if sn.at(s, i) {
				return true
			}
		}
	}
	return false
}

// atStart reports whether one of the names occurs at the start of s: the
// expression's leftmost match starts there.
func (sn *sectionNames) atStart(s string) bool {
	if sn.anchored {
		return sn.in(s)
	}
	return sn.at(s, 0)
}

// at reports whether a name, with what opens and closes it, matches s at
// byte i.
func (sn *sectionNames) at(s string, i int) bool {
	if i >= len(s) || !sn.anchored && !reWordBoundary(s, i) {
		return false
	}
	first, size := foldLetter(s[i:])
	if first == 0 {
		return false
	}
	j := i + size
	for _, name := range sn.byFirst[first-'a'] {
		// Most names differ from the text at their second byte, which is
		// ASCII in both where it decides.
		if j < len(s) && s[j] < 0x80 && s[j] != name[1] && s[j]|0x20 != name[1] {
			continue
		}
		n := foldNamePrefix(s[j:], name[1:])
		if n >= 0 && (!sn.closeWord || reWordBoundary(s, j+n)) {
			return true
		}
	}
	return false
}

// foldNamePrefix returns the length of the prefix of s that name
// (lower-case ASCII) matches as (?i) does, or -1: a letter in either
// case, and "ſ" for s and the Kelvin sign for k, the only letters beyond
// ASCII that fold to ASCII ones. A '*' that ends the name takes any ASCII
// word bytes (\w*).
func foldNamePrefix(s, name string) int {
	n := 0
	for k := 0; k < len(name); k++ {
		w := name[k]
		switch {
		case w == '*':
			for n < len(s) && reWordByte(s[n]) {
				n++
			}
			return n
		case n < len(s) && (s[n] == w || s[n]|0x20 == w && 'a' <= w && w <= 'z'):
			n++
		case w == 's' && strings.HasPrefix(s[n:], "ſ"):
			n += len("ſ")
		case w == 'k' && strings.HasPrefix(s[n:], "\u212a"):
			n += len("\u212a")
		default:
			return -1
		}
	}
	return n
}

// foldLetter returns the lower-case ASCII letter that s opens with, as
// (?i) folds it, and its length in bytes, or 0 and 0.
func foldLetter(s string) (byte, int) {
	switch {
	case s == "":
		return 0, 0
	case 'a' <= s[0]|0x20 && s[0]|0x20 <= 'z':
		return s[0] | 0x20, 1
	case strings.HasPrefix(s, "ſ"):
		return 's', len("ſ")
	case strings.HasPrefix(s, "\u212a"): // the Kelvin sign
		return 'k', len("\u212a")
	}
	return 0, 0
}

// reWordBoundary reports whether \b holds at byte i of s: an ASCII word
// byte on one side and not on the other. A byte beyond ASCII is part of
// a rune that is no word character, or an invalid one, which is none
// either.
func reWordBoundary(s string, i int) bool {
	before := i > 0 && reWordByte(s[i-1])
	after := i < len(s) && reWordByte(s[i])
	return before != after
}

// reWordByte reports whether c is a word character as \w means it: an ASCII
// letter, digit or underscore.
func reWordByte(c byte) bool {
	return 'a' <= c|0x20 && c|0x20 <= 'z' || '0' <= c && c <= '9' || c == '_'
}

// reSpaceEnd returns where the white space (\s) that s opens with ends.
func reSpaceEnd(s string) int {
	i := 0
	for i < len(s) && asciiSpace(s[i]) {
		i++
	}
	return i
}
