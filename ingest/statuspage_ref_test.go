package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// refSplitList is splitList as it was before it appended each item as it
// found it, without the slice of pieces: the oracle of the tests below.
func refSplitList(s string) []string {
	var parts []string
	depth, last := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				parts = append(parts, s[last:i])
				last = i + 1
			}
		}
	}
	parts = append(parts, s[last:])
	var out []string
	for i, p := range parts {
		p = strings.TrimSpace(p)
		p = strings.TrimPrefix(p, "and ")
		if i == len(parts)-1 {
			if k := refTopLevelAnd(p); k >= 0 {
				out = appendNonEmpty(out, strings.TrimSpace(p[:k]))
				p = strings.TrimSpace(p[k+len(" and "):])
			}
		}
		out = appendNonEmpty(out, p)
	}
	return out
}

// refTopLevelAnd is topLevelAnd before it looked for the last " and " of
// a list without parentheses at once.
func refTopLevelAnd(s string) int {
	if i := strings.LastIndex(s, ") and "); i >= 0 && strings.Count(s[:i+1], "(") == strings.Count(s[:i+1], ")") {
		return i + 1
	}
	depth := 0
	found := -1
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case ' ':
			if depth == 0 && strings.HasPrefix(s[i:], " and ") {
				found = i
			}
		}
	}
	return found
}

// refParseComponentList is parseComponentList before it sized its
// components, over refSplitList.
func refParseComponentList(s string) ([]Component, []ComponentGroup) {
	var comps []Component
	var groups []ComponentGroup
	for _, item := range refSplitList(s) {
		open := strings.Index(item, "(")
		if open > 0 && strings.HasSuffix(item, ")") {
			g := ComponentGroup{Name: strings.TrimSpace(item[:open])}
			for _, c := range refSplitList(item[open+1 : len(item)-1]) {
				g.Components = append(g.Components, c)
				comps = append(comps, Component{Name: c, Group: g.Name})
			}
			groups = append(groups, g)
			continue
		}
		comps = append(comps, Component{Name: item})
	}
	return comps, groups
}

func checkComponentList(t *testing.T, s string) {
	t.Helper()
	gc, gg := parseComponentList(s)
	wc, wg := refParseComponentList(s)
	if !reflect.DeepEqual(gc, wc) || !reflect.DeepEqual(gg, wg) {
		t.Fatalf("parseComponentList(%q) = %v, %v; the old one says %v, %v", s, gc, gg, wc, wg)
	}
	if got, want := topLevelAnd(s), refTopLevelAnd(s); got != want {
		t.Fatalf("topLevelAnd(%q) = %d; the old one says %d", s, got, want)
	}
	if got, want := splitList(s), refSplitList(s); len(got) != len(want) || (len(got) > 0 && !reflect.DeepEqual(got, want)) {
		t.Fatalf("splitList(%q) = %q; the old one says %q", s, got, want)
	}
}

func TestComponentListAsBefore(t *testing.T) {
	skipOracleUnderRace(t)
	for _, s := range []string{"", " ", ",", "Email Delivery", "A, B, and C", "A and B", "Supporting Services (Dashboard, Admin Portal)",
		"Sync and Collaboration (Docs, Presence) and Mobile and Desktop Apps", "and", "and A", "(", ")", "A (B", "A (B, C) , D ( E )",
		"A and B and C", "A (B and C", "A (B) and C and D", "A) and B", "A ( and B", "A and (B and C)", " and ", "A and ", "A  and  B"} {
		checkComponentList(t, s)
	}
	r := rand.New(rand.NewPCG(109, 110))
	pieces := []string{"A", "Bb", " ", ",", ", ", " and ", "and ", "(", ")", "é", "x"}
	for range 100000 {
		checkComponentList(t, randomPieces(r, pieces, 12))
	}
}

func FuzzComponentList(f *testing.F) {
	f.Add("Sync and Collaboration (Docs, Presence) and Mobile and Desktop Apps")
	f.Add("A, B, and C")
	f.Fuzz(func(t *testing.T, s string) { checkComponentList(t, s) })
}
