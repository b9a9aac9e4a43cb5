package ingest

import (
	"bytes"
	"math/rand/v2"
	"testing"
)

// TestFirstIndexMatchesIndex checks the incident-first search against a
// plain search of everything after from.
func TestFirstIndexMatchesIndex(t *testing.T) {
	want := func(data []byte, from int, needle []byte) int {
		if i := bytes.Index(data[from:], needle); i >= 0 {
			return from + i
		}
		return -1
	}
	r := rand.New(rand.NewPCG(3, 4))
	const alphabet = `"ab`
	for range 200000 {
		data := make([]byte, r.IntN(20))
		for i := range data {
			data[i] = alphabet[r.IntN(len(alphabet))]
		}
		needle := make([]byte, 1+r.IntN(4))
		for i := range needle {
			needle[i] = alphabet[r.IntN(len(alphabet))]
		}
		from := r.IntN(len(data) + 1)
		end := r.IntN(len(data)+3) - 1 // before from, past the data too
		if got, w := firstIndex(data, from, end, needle), want(data, from, needle); got != w {
			t.Fatalf("firstIndex(%q, %d, %d, %q) = %d; want %d", data, from, end, needle, got, w)
		}
	}
}

// TestIDOffsetsMatchesFirstIndex checks the one-pass search against
// firstIndex for each ID.
func TestIDOffsetsMatchesFirstIndex(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	const alphabet = `"ab\`
	rnd := func(n int) string {
		b := make([]byte, n)
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		return string(b)
	}
	for range 200000 {
		data := []byte(rnd(r.IntN(24)))
		us := make([]spjUpdate, r.IntN(4))
		for i := range us {
			us[i].ID = rnd(r.IntN(3))
		}
		from := r.IntN(len(data) + 1)
		end := r.IntN(len(data)+3) - 1
		got := idOffsets([]int{7, 7, 7, 7, 7, 7, 7, 7}, data, from, end, us) // a used buffer: every answer overwritten
		for i, u := range us {
			want := -1
			if u.ID != "" {
				want = firstIndex(data, from, end, []byte(`"`+u.ID+`"`))
			}
			if got[i] != want {
				t.Fatalf("idOffsets(%q, %d, %d) for ID %q = %d; want %d", data, from, end, u.ID, got[i], want)
			}
		}
	}
}
