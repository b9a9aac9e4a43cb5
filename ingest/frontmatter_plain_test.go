package ingest

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// libraryFrontMatter is the front matter of a YAML block as readFrontMatter
// made it before plainYAML gave pieces: the library's map (plainYAML gave
// the same one), keys lower-cased.
func libraryFrontMatter(t *testing.T, block string) frontMatter {
	t.Helper()
	raw := map[string]any{}
	if err := decodeYAML([]byte(block), &raw); err != nil {
		t.Fatalf("the library refuses %q, which plainYAML reads: %v", block, err)
	}
	fields := make(map[string]any, len(raw))
	for k, v := range raw {
		fields[strings.ToLower(k)] = v
	}
	return frontMatter{fields: fields}
}

// fmProbeKeys are the keys the readers ask for, and some the random
// blocks hold.
var fmProbeKeys = append(append(append([]string{"title", "name", "company", "organization", "affected", "services",
	"components", "severity", "impact", "section", "resolved", "resolvedwhen", "informational", "date", "k", "_x",
	"a-b", "Title", "", "missing"}, fmStartKeys...), fmEndKeys...), "true", "null")

// checkPlainFrontMatter asserts that the front matter readFrontMatter
// makes of a YAML block plainYAML reads answers str, components, truthy, has and
// keys as the library's map did, and reports whether plainYAML read it.
func checkPlainFrontMatter(t *testing.T, block string) bool {
	t.Helper()
	got, ok := plainFrontMatter(block)
	if !ok {
		return false
	}
	want := libraryFrontMatter(t, block)
	if g, w := got.keys(), want.keys(); !slicesEqualOrEmpty(g, w) {
		t.Fatalf("block %q: keys %q; the library's map %q", block, g, w)
	}
	for _, k := range fmProbeKeys {
		if g, gk := got.str(k); true {
			if w, wk := want.str(k); g != w || gk != wk {
				t.Fatalf("block %q: str(%q) = %q, %q; the library's map %q, %q", block, k, g, gk, w, wk)
			}
		}
		checkComponents(t, block, got, want, k)
		if g, w := got.truthy(k), want.truthy(k); g != w {
			t.Fatalf("block %q: truthy(%q) = %v; the library's map %v", block, k, g, w)
		}
		if g, w := got.has(k), want.has(k); g != w {
			t.Fatalf("block %q: has(%q) = %v; the library's map %v", block, k, g, w)
		}
	}
	for i := range fmProbeKeys {
		ks := fmProbeKeys[i:min(i+3, len(fmProbeKeys))]
		g, gk := got.str(ks...)
		w, wk := want.str(ks...)
		if g != w || gk != wk {
			t.Fatalf("block %q: str(%q) = %q, %q; the library's map %q, %q", block, ks, g, gk, w, wk)
		}
		checkComponents(t, block, got, want, ks...)
	}
	return true
}

// refList is the list of strings the readers made components of before
// components made them itself, on the library's map: the oracle of
// components on both paths.
func refList(fm frontMatter, keys ...string) []string {
	for _, k := range keys {
		switch x := fm.fields[k].(type) {
		case string:
			if s := strings.TrimSpace(x); s != "" {
				return []string{s}
			}
		case []any:
			var out []string
			for _, e := range x {
				if s, ok := e.(string); ok && strings.TrimSpace(s) != "" {
					out = append(out, strings.TrimSpace(s))
				}
			}
			if len(out) > 0 {
				return out
			}
		}
	}
	return nil
}

// checkComponents asserts that components of keys, on the plain pieces
// and on the library's map, names what refList lists.
func checkComponents(t *testing.T, block string, plain, lib frontMatter, keys ...string) {
	t.Helper()
	want := refList(lib, keys...)
	for _, fm := range []frontMatter{plain, lib} {
		var got []string
		for _, c := range fm.components(keys...) {
			if c.Group != "" {
				t.Fatalf("block %q: components(%q) gives a group %q", block, keys, c.Group)
			}
			got = append(got, c.Name)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("block %q: components(%q) = %q (plain pieces: %v); the list was %q", block, keys, got, fm.fields == nil, want)
		}
	}
}

func slicesEqualOrEmpty(a, b []string) bool {
	return len(a) == 0 && len(b) == 0 || reflect.DeepEqual(a, b)
}

func TestPlainFrontMatterMatchesLibrary(t *testing.T) {
	skipOracleUnderRace(t)
	for _, b := range []string{
		"title: Increased latency on Data Exports\ndate: 2024-11-27\ncompany: Quinbria\nseverity: major\nservices:\n  - Data Exports\n  - ' API '\n  - 7\n  - true\nstart_time: 2024-11-27T11:43:00-08:00\nend_time: 2024-11-27T12:29:00-08:00\n",
		"title: \"Quoted: with a colon\"\nsection: issue\nresolved: true\nresolvedWhen: 2021-05-30T08:13:00-00:00\naffected:\n- API\n- Web\n",
		"Title: ' '\nname: x\nCompany: 12\nseverity: TRUE\nresolved: 'Yes '\ninformational: false\nservices:\ncomponents: Web\n",
		"affected:\n- ''\n- null\nservices: ' '\ncomponents:\n - 1\nproduct: Data\n", "k:\n", "", "# c\n",
	} {
		if !checkPlainFrontMatter(t, b) {
			t.Errorf("plainYAML declines %q, which is in the plain subset", b)
		}
	}
	r := rand.New(rand.NewPCG(41, 42))
	n := 0
	for range 50000 {
		if checkPlainFrontMatter(t, randomYAMLBlock(r)) {
			n++
		}
	}
	if n < 1500 {
		t.Fatalf("plainYAML reads only %d random blocks: the test tests little", n)
	}
}

// FuzzPlainFrontMatter checks the front matter's answers on the pieces
// plainYAML reads against the library's map on any block.
func FuzzPlainFrontMatter(f *testing.F) {
	f.Add("title: a\nservices:\n  - ' B '\n  - 3\nseverity: 2\nresolved: True\n")
	f.Add("Start_Time: 2024-11-27T11:43:00Z\nresolvedWhen: x\n")
	f.Fuzz(func(t *testing.T, block string) {
		checkPlainFrontMatter(t, block)
	})
}
