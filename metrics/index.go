package metrics

import (
	"slices"
	"strings"
)

// wordIndex tells, for the words of one sentence, which required steps of
// the taxonomy's phrases can match: a phrase whose required steps are not
// all present cannot match, and most phrases are ruled out this way for
// most sentences without trying them word by word.
type wordIndex struct {
	steps    int              // required steps indexed
	exact    map[string][]int // word -> steps it starts
	prefixes []prefixSteps    // word prefixes -> steps they start
}

type prefixSteps struct {
	prefix string
	steps  []int
}

// buildIndex numbers the required steps of every phrase in lists and
// records the words that start them.
func buildIndex(lists ...[]phrase) *wordIndex {
	ix := &wordIndex{exact: map[string][]int{}}
	byPrefix := map[string][]int{}
	for _, list := range lists {
		for pi := range list {
			p := &list[pi]
			p.req = p.req[:0]
			for k := range p.steps {
				s := &p.steps[k]
				if s.gap || s.optional {
					continue
				}
				id := ix.steps
				ix.steps++
				p.req = append(p.req, id)
				for _, seq := range s.alts {
					first := seq[0]
					if first.prefix {
						byPrefix[first.word] = append(byPrefix[first.word], id)
					} else {
						ix.exact[first.word] = append(ix.exact[first.word], id)
					}
				}
			}
		}
	}
	for pre, ids := range byPrefix {
		ix.prefixes = append(ix.prefixes, prefixSteps{pre, ids})
	}
	slices.SortFunc(ix.prefixes, func(a, b prefixSteps) int { return strings.Compare(a.prefix, b.prefix) })
	return ix
}

// present returns which required steps the words can start, in buf when
// it is large enough (to spare an allocation per sentence).
func (ix *wordIndex) present(ws []string, buf ...[]bool) []bool {
	var seen []bool
	if len(buf) > 0 && cap(buf[0]) >= ix.steps {
		seen = buf[0][:ix.steps]
		clear(seen)
	} else {
		seen = make([]bool, ix.steps)
	}
	for _, w := range ws {
		for _, id := range ix.exact[w] {
			seen[id] = true
		}
		for _, ps := range ix.prefixes {
			if strings.HasPrefix(w, ps.prefix) {
				for _, id := range ps.steps {
					seen[id] = true
				}
			}
		}
	}
	return seen
}

// possibleIn reports whether every required step of p is present. With
// no index (seen nil) or a phrase outside it (req nil), it says maybe.
func (p phrase) possibleIn(seen []bool) bool {
	if p.req == nil || seen == nil {
		return true
	}
	for _, id := range p.req {
		if id >= len(seen) || !seen[id] {
			return false
		}
	}
	return true
}
