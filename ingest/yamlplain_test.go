package ingest

import (
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"
	"testing"
)

// plainMap is the map the YAML library decodes the pieces plainYAML read
// to, as plainYAML built them before it gave pieces: each value as the
// library types it.
func plainMap(t *testing.T, ps []plainPiece) map[string]any {
	t.Helper()
	m := map[string]any{}
	value := func(p plainPiece) any {
		switch p.kind {
		case plainString:
			return p.text
		case plainUint:
			n, err := strconv.ParseUint(p.text, 10, 64)
			if err != nil {
				t.Fatalf("plainYAML reads %q as a number: %v", p.text, err)
			}
			return n
		case plainTrue, plainFalse:
			if p.text != "" {
				t.Fatalf("a boolean has the text %q", p.text)
			}
			return p.kind == plainTrue
		case plainNull:
			if p.text != "" {
				t.Fatalf("null has the text %q", p.text)
			}
			return nil
		}
		t.Fatalf("piece %#v: a list where a scalar should be", p)
		return nil
	}
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		if p.key == "" {
			t.Fatalf("pieces %#v: an item at %d follows no list", ps, i)
		}
		if _, dup := m[p.key]; dup {
			t.Fatalf("pieces %#v: key %q twice", ps, p.key)
		}
		if p.kind != plainList {
			m[p.key] = value(p)
			continue
		}
		var items []any
		for i+1 < len(ps) && ps[i+1].key == "" {
			i++
			items = append(items, value(ps[i]))
		}
		if items == nil {
			t.Fatalf("pieces %#v: list %q without items", ps, p.key)
		}
		m[p.key] = items
	}
	return m
}

// checkPlainYAML asserts that plainYAML, where it reads a block at all,
// gives what the YAML library gives, and reports whether it read it.
func checkPlainYAML(t *testing.T, block string) bool {
	t.Helper()
	ps, ok := plainYAML(block)
	if !ok {
		return false
	}
	got := plainMap(t, ps)
	want := map[string]any{}
	if err := decodeYAML([]byte(block), &want); err != nil {
		t.Fatalf("plainYAML(%q) = %#v; the library refuses it: %v", block, got, err)
	}
	if len(want) == 0 && len(got) == 0 {
		return true
	}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("plainYAML(%q) = %#v; the library gives %#v", block, got, want)
	}
	return true
}

func TestPlainYAMLMatchesLibrary(t *testing.T) {
	skipOracleUnderRace(t)
	decoded := []string{
		"", "\n", "# only a comment\n",
		"title: Increased latency on Data Exports\ndate: 2024-11-27\ncompany: Quinbria\nseverity: major\nservices:\n  - Data Exports\nstart_time: 2024-11-27T11:43:00-08:00\nend_time: 2024-11-27T12:29:00-08:00\n",
		"title: \"Quoted: with a colon\"\nsection: issue\nresolved: true\nresolvedWhen: 2021-05-30T08:13:00-00:00\naffected:\n- API\n- Web\n",
		"k:\n", "k: \n", "k:\n  -  a\n\n  - b\nj: 7\n", "k: 0\nj: 123456789012345678\n",
		"k: 'single # not a comment'\n", "k: a#b\n", "k: a:b\n", "k: x, y\n", "k: x -\n", "k: Null\nj: FALSE\n",
		"k: yes\nj: off\n", "k: 2023-01-19T23:58:02.289Z\n", "k: 2018-04-25 04:13:00\n", "k: 2018-04-25 04:13:00 +01:00\n",
		"k: Außer — Betrieb\n", "_k-2: v\n", "k: ''\nj: \"\"\n",
		"k: 502 errors\n", "uuid: 0787bc22-cd28-42d0-a0b2-71610a38a78f\n", "k:\n  - /incidents/id113\n", "k:\n- 502 errors\n",
	}
	for _, b := range decoded {
		if !checkPlainYAML(t, b) {
			t.Errorf("plainYAML declines %q, which is in the plain subset", b)
		}
	}
	declined := []string{
		"k: a: b\n", "k: a\nk: b\n", "k: a # comment\n", "k: a\n  b\n", "k:\n  - a\n    - b\n", "k: [a, b]\n", "k: {a: 1}\n",
		"k: &x a\n", "k: *x\n", "k: !!str 1\n", "k: |\n  text\n", "k: >\n  text\n", "k: \"a\\nb\"\n", "k: 'it''s'\n",
		"k: 012\n", "k: 1.5\n", "k: -1\n", "k: 1_000\n", "k: 1e3\n", "k: .inf\n", "k : a\n", "k:a\n", "  k: a\n",
		"null: a\n", "True: a\n", "\"k\": a\n", "k:\tv\n", "k:\n  j: v\n", "%YAML 1.2\nk: v\n", "k: 1234567890123456789\n",
		"k:\n  - a\n  # c\n  - b\n", "#\r0", "k:\n  - \n", "A: \nC:\n-\nX:", "# \u0085k: v\n", "k: @x\n", "k: `x\n", "k: x\\y\n", "k: 0x1F\n",
		"Title: a\ntitle: b\n", "k:\n- a\nK: b\n", // keys that lower-case alike: left to the library path
	}
	for _, b := range declined {
		if _, ok := plainYAML(b); ok {
			t.Errorf("plainYAML decodes %q, which is outside the plain subset", b)
		}
	}
	r := rand.New(rand.NewPCG(31, 32))
	n := 0
	for range 100000 {
		if checkPlainYAML(t, randomYAMLBlock(r)) {
			n++
		}
	}
	if n < 3000 {
		t.Fatalf("plainYAML decodes only %d random blocks: the test tests little", n)
	}
}

// randomYAMLBlock is a block of one to four random lines, most of them
// "key: value" or a key and its list, of keys and values near and beyond
// the plain subset's edges.
func randomYAMLBlock(r *rand.Rand) string {
	keys := []string{"title", "date", "Title", "k", "k", "services", "true", "Null", "_x", "a-b", "1", "a b", "\"q\"", "", " "}
	vals := []string{"", " ", "a", "Hello world", "x: y", "x:y", "x:", ":x", "#x", "x #y", "x#y", "'q'", "\"q\"", "'a'b'", "\"a\\\"",
		"true", "True", "tRUE", "false", "null", "~", "yes", "0", "00", "012", "7", "-3", "+3", "1.5", "1e3", "1_0",
		"99999999999999999999", "2024-11-27", "2024-11-27T11:43:00-08:00", "2024-11-27 11:43", "2024-11-27Z", "2024-1-2",
		"2024-11-27T11:43:00.5Z", "2024-11-27 11:43:00 +01:00", "2024-11-27T11", "[a]", "{a}", "x]", "&a", "*a", "!t", "|", ">",
		"- a", "-a", "?", "? a", "a ? b", "%", "@", "`", "é", "—", "\u00a0", "\ufeff", "x\ty", "\\", "R&D", "a,b", "<<", "=", "\xff",
		"502 errors", "0787bc22-cd28-42d0", "0x1F", "0X1f", "0o17", "0b101", "0B1 z", "10:00 AM", "1h30m", "2024-11-27 11:43 PST",
		"/incidents/id113", "/", "/ x", "1e3x", "12abc", "1 2", "1.5 x", "1_000 users", "3rd", "24/7", "1:30", "1:30 pm", "7 days", "0 z",
		"1 # c", "1 x: y", "9z:", "1.0.0-rc1", "2nd", "5xx"}
	line := func() string {
		k := keys[r.IntN(len(keys))]
		switch r.IntN(6) {
		case 0:
			var b strings.Builder
			b.WriteString(k + ":\n")
			ind := strings.Repeat(" ", r.IntN(3))
			for range r.IntN(4) {
				if r.IntN(8) == 0 {
					ind = strings.Repeat(" ", r.IntN(5))
				}
				b.WriteString(ind + "-" + strings.Repeat(" ", r.IntN(3)) + vals[r.IntN(len(vals))] + "\n")
			}
			return b.String()
		case 1:
			return []string{"", "# c", "  ", "   x", "...", "- a", "  k: v"}[r.IntN(7)] + "\n"
		}
		v := vals[r.IntN(len(vals))]
		if r.IntN(3) == 0 {
			v += vals[r.IntN(len(vals))]
		}
		return k + []string{": ", ":", " : ", ":  "}[r.IntN(4)] + v + []string{"", " ", "  "}[r.IntN(3)] + "\n"
	}
	var b strings.Builder
	for range 1 + r.IntN(4) {
		b.WriteString(line())
	}
	return b.String()
}

// FuzzPlainYAML checks the hand-written reader against the library on any
// block.
func FuzzPlainYAML(f *testing.F) {
	for _, s := range []string{
		"title: Increased latency\ndate: 2024-11-27\nservices:\n  - Data Exports\nstart_time: 2024-11-27T11:43:00-08:00\n",
		"k: 'a'\nj: \"b\"\nl:\n- 1\n- true\n", "k: 2018-04-25 04:13:00 +01:00\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, block string) {
		checkPlainYAML(t, block)
	})
}
