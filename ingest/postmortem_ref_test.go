package ingest

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// The cheap tests before the postmortem reader's expressions must let
// every line the expressions match through.

func TestMayBylineGuardsByline(t *testing.T) {
	skipOracleUnderRace(t)
	for _, s := range []string{"Posted on May 3", "posted", "PUBLISHED 2024", "Written by A", "updated: x", "Last updated today",
		"last modified", "Created", "edited", "by Jane", "By\tJane", "This was published on May 3", "PUBLISHED ON", "publiſhed on x",
		"Poſted", "ſomething", "\u212aey", "", "x", "Postedx", "by", "bystander", "republished on x"} {
		checkByline(t, s)
	}
	r := rand.New(rand.NewPCG(91, 92))
	pieces := []string{"posted", "Posted", "published", "PUBLISHED", "publiſhed", "written", "updated", "last ", "modified", "created",
		"edited", "by", "By", " ", "\t", "on", " on", "x", "é", "ſ", "_", "1", ":", "Update", "l", "re"}
	matched := 0
	for range 200000 {
		s := randomPieces(r, pieces, 6)
		if byline.MatchString(s) {
			matched++
		}
		checkByline(t, s)
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

func checkByline(t *testing.T, s string) {
	t.Helper()
	if byline.MatchString(s) && !mayByline(s) {
		t.Fatalf("byline matches %q but mayByline is false", s)
	}
}

func FuzzMayByline(f *testing.F) {
	f.Add("Posted on May 3")
	f.Add("This was published on May 3")
	f.Add("by Jane")
	f.Fuzz(func(t *testing.T, s string) { checkByline(t, s) })
}

func TestMdHeadingPartsIsRegexp(t *testing.T) {
	r := rand.New(rand.NewPCG(93, 94))
	pieces := []string{"#", "##", "#######", " ", "\t", "Timeline", "x", "é", "\n", "#x", " #", "\u00a0"}
	for range 200000 {
		checkMdHeading(t, randomPieces(r, pieces, 6))
	}
}

// mdHeading is a markdown ATX heading: the expression mdHeadingParts
// (and headingTitle, in prose.go) read by hand, and their oracle.
var mdHeading = regexp.MustCompile(`^(#{1,6})\s+(.*?)\s*#*$`)

func checkMdHeading(t *testing.T, s string) {
	t.Helper()
	hashes, title, ok := mdHeadingParts(s)
	var got []string
	if ok {
		got = []string{s, hashes, title} // the expression is anchored at both ends
	}
	if want := mdHeading.FindStringSubmatch(s); !slices.Equal(got, want) {
		t.Fatalf("mdHeadingParts(%q) = %q, %q, %v; the expression says %q", s, hashes, title, ok, want)
	}
}

func FuzzMdHeadingParts(f *testing.F) {
	f.Add("## Timeline ##")
	f.Add("# ")
	f.Fuzz(func(t *testing.T, s string) { checkMdHeading(t, s) })
}
