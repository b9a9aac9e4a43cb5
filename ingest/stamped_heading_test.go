package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// isHeadingOfOracle is isHeadingOf as it was before it tested the first
// byte itself: foldPrefixS of every phrase.
func isHeadingOfOracle(s string, phrases []string) bool {
	for _, p := range phrases {
		n, ok := foldPrefixS(s, p)
		if !ok {
			continue
		}
		i := skipRESpace(s, n)
		if i < len(s) && s[i] == ':' {
			i++
		}
		if i == len(s) {
			return true
		}
	}
	return false
}

// headingPhraseLists are the phrase lists isHeadingOf is asked about, and
// one of phrases that open with bytes other than lower-case letters.
var headingPhraseLists = [][]string{componentsHeads[:], updatesHeadings[:], {"Zed", "@home", "1st", "sun", "ſun"}}

func checkIsHeadingOf(t *testing.T, s string) {
	t.Helper()
	for _, ps := range headingPhraseLists {
		if got, want := isHeadingOf(s, ps), isHeadingOfOracle(s, ps); got != want {
			t.Fatalf("isHeadingOf(%q, %q) = %v; the old test says %v", s, ps, got, want)
		}
	}
}

func TestIsHeadingOfTable(t *testing.T) {
	for _, tc := range []struct {
		s          string
		comp, upds bool
	}{
		{"", false, false},
		{"u", false, false},
		{"updates", false, true},
		{"Updates:", false, true},
		{"UPDATES  :", false, true},
		{"updates:  ", false, false},
		{"UPDATES\t", false, true},
		{"Update History", false, true},
		{"history", false, true},
		{"Hiſtory", false, true},
		{"hiſtory:", false, true},
		{"ſervices affected", true, false},
		{"Services affected:", true, false},
		{"affected ſervices", true, false},
		{"Affected Components", true, false},
		{"features affected", true, false},
		{"Features Affected :", true, false},
		{"incident updates", false, true},
		{"Incident Updates", false, true},
		{"all updates", false, true},
		{"all updates here", false, false},
		{" updates", false, false},
		{"\xffupdates", false, false},
		{"Ûpdates", false, false},
		{"updates\xff", false, false},
		{"\u212aupdates", false, false},
		{strings.Repeat("updates ", 200), false, false},
		{"updates" + strings.Repeat(" ", 500), false, true},
	} {
		if got := isComponentsHead(tc.s); got != tc.comp {
			t.Errorf("isComponentsHead(%q) = %v; want %v", tc.s, got, tc.comp)
		}
		if got := isUpdatesHeading(tc.s); got != tc.upds {
			t.Errorf("isUpdatesHeading(%q) = %v; want %v", tc.s, got, tc.upds)
		}
		checkIsHeadingOf(t, tc.s)
	}
	for _, ps := range headingPhraseLists {
		for _, p := range ps {
			if p == "" {
				t.Fatalf("an empty phrase in %q: mayOpenFold needs a first byte", ps)
			}
			checkIsHeadingOf(t, p)
			checkIsHeadingOf(t, strings.ToUpper(p)+":")
		}
	}
}

func TestMayOpenFold(t *testing.T) {
	for _, w := range []string{"a", "s", "z", "A", "@", "1", "ſ", "\xff", "`", "{"} {
		for b := range 256 {
			_, ok := foldPrefixS(string([]byte{byte(b)})+"ſ"[1:]+w[1:], w)
			if ok && !mayOpenFold(byte(b), w) {
				t.Errorf("foldPrefixS reads %q from a text opening with %#x but mayOpenFold says no", w, b)
			}
		}
	}
}

func TestIsHeadingOfRandom(t *testing.T) {
	pieces := []string{"updates", "Update", " history", "ſ", "s", "S", "affected", " components", "features", ":", " ", "\t",
		"\u212a", "é", "\xff", "x", "U", "all", "incident", "zed", "@home", "1st"}
	r := rand.New(rand.NewPCG(3, 4))
	for range 20000 {
		checkIsHeadingOf(t, randomPieces(r, pieces, 5))
	}
}

// FuzzIsHeadingOf checks isHeadingOf against the old test on any line.
func FuzzIsHeadingOf(f *testing.F) {
	for _, s := range []string{"", "updates:", "ſervices affected", "Hiſtory", "\xffupdates", "1st", "@home"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { checkIsHeadingOf(t, s) })
}
