package report

import (
	"math/rand/v2"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/mttx-dev/mttx/metrics"
)

// TestNameFile checks that every ID and title comes back from memory and
// from the file, short and long (past the window one read takes, the
// title's length prefix included), in any order and from several
// goroutines, and that the file leaves nothing in its directory.
func TestNameFile(t *testing.T) {
	dir := t.TempDir()
	n := NewNameFile(dir)
	n.memLimit = 1000
	rng := rand.New(rand.NewPCG(1, 2))
	text := func() string {
		switch rng.IntN(6) {
		case 0:
			return ""
		case 1:
			return strings.Repeat("é", 100+rng.IntN(300)) // past the 256-byte window
		}
		return strings.Repeat("x", rng.IntN(60))
	}
	type rec struct {
		k         metrics.NameKey
		id, title string
	}
	var recs []rec
	for i := range 3000 {
		r := rec{id: text() + string(rune('a'+i%26)), title: text()}
		if i == 1500 {
			r.id = strings.Repeat("i", 250) // the title's prefix past the window
		}
		var err error
		if r.k, err = n.Add(r.id, r.title); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if n.f == nil || n.base == 0 || len(n.mem) == 0 {
		t.Fatalf("want names both in the file and in memory: file %v, %d bytes written, %d in memory", n.f != nil, n.base, len(n.mem))
	}
	if left, _ := os.ReadDir(dir); len(left) != 0 {
		t.Errorf("the names file is left in its directory: %v", left)
	}
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			for _, i := range rand.New(rand.NewPCG(uint64(w), 7)).Perm(len(recs)) {
				r := recs[i]
				if id, title, err := n.Name(r.k); err != nil || id != r.id || title != r.title {
					t.Errorf("name %d: %q, %q, %v; want %q, %q", r.k, id, title, err, r.id, r.title)
					return
				}
			}
		})
	}
	wg.Wait()
	if _, _, err := n.Name(-1); err == nil {
		t.Error("a negative key gave a name")
	}
	if err := n.Close(); err != nil {
		t.Fatal(err)
	}
}

// TestNameFileSmall checks that a run whose names fit in memory writes no
// file.
func TestNameFileSmall(t *testing.T) {
	n := NewNameFile(t.TempDir())
	k, err := n.Add("INC-1", "Checkout down")
	if err != nil {
		t.Fatal(err)
	}
	if id, title, err := n.Name(k); err != nil || id != "INC-1" || title != "Checkout down" {
		t.Errorf("got %q, %q, %v", id, title, err)
	}
	if n.f != nil {
		t.Error("a names file was made for one incident")
	}
	if _, _, err := n.Name(k + 100); err == nil {
		t.Error("a key past the last record gave a name")
	}
}
