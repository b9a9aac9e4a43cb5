package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refRawBlock is rawBlock as it was before it copied only the block: the
// oracle of the tests below.
func refRawBlock(data []byte, from, to int) string {
	s := strings.TrimPrefix(string(data), "\xef\xbb\xbf")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	raw := strings.Split(s, "\n")
	if to > len(raw) {
		to = len(raw)
	}
	if from >= to {
		return ""
	}
	return strings.Join(raw[from:to], "\n") + "\n"
}

func checkRawBlock(t *testing.T, data string, from, to int) {
	t.Helper()
	if got, want := rawBlock(data, from, to), refRawBlock([]byte(data), from, to); got != want {
		t.Fatalf("rawBlock(%q, %d, %d) = %q; the old one says %q", data, from, to, got, want)
	}
}

func TestRawBlockTable(t *testing.T) {
	for _, data := range []string{"", "---\ntitle: x\n---\nbody", "\xef\xbb\xbf---\r\ntitle: x\r\n---\r\n", "a\rb\r\nc\n\r\nd",
		"a\r\r\nb", "\n\n\n", "\r", "x\ry", "only one line"} {
		for from := 0; from < 6; from++ {
			for to := 0; to < 7; to++ {
				checkRawBlock(t, data, from, to)
			}
		}
	}
}

func TestRawBlockRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(99, 100))
	pieces := []string{"\n", "\r", "\r\n", "\xef\xbb\xbf", "a", "key: value", "  ", "é", "---"}
	for range 100000 {
		checkRawBlock(t, randomPieces(r, pieces, 12), r.IntN(8), r.IntN(10))
	}
}

func FuzzRawBlock(f *testing.F) {
	f.Add("---\r\ntitle: x\r\n---\r\nbody", 1, 2)
	f.Fuzz(func(t *testing.T, data string, from, to int) {
		if from < 0 || to < 0 {
			return // the reader passes line indexes
		}
		checkRawBlock(t, data, from, to)
	})
}

// TestLowerFieldsDeterministic: keys that lower-case alike keep the same
// value on every run, the lower-case key's if there is one.
func TestLowerFieldsDeterministic(t *testing.T) {
	cases := []struct {
		keys []string
		want string // the key whose value "title" keeps
	}{
		{[]string{"Title", "title", "TITLE"}, "title"},
		{[]string{"Title", "TITLE"}, "TITLE"},
		{[]string{"tItle", "Title"}, "Title"},
		{[]string{"Title"}, "Title"},
	}
	for _, c := range cases {
		m := map[string]any{"Other": 1}
		for _, k := range c.keys {
			m[k] = k
		}
		for range 50 { // a map's order differs from range to range
			got := lowerFields(m)
			if got["title"] != c.want || got["other"] != 1 || len(got) != 2 {
				t.Fatalf("lowerFields(%v) = %v; want title %q and other 1", m, got, c.want)
			}
		}
	}
}
