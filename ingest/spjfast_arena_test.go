package ingest

import (
	"fmt"
	"strings"
	"testing"
)

// TestSPJFastArenaChunks checks documents whose lists fill the fast
// reader's chunks (list): many short lists, a list that moves to the next
// chunk when read half, a list longer than a chunk, empty lists between.
func TestSPJFastArenaChunks(t *testing.T) {
	skipOracleUnderRace(t)
	updates := func(n int, tag string) string {
		var b strings.Builder
		for k := range n {
			if k > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"id":"%s-%d","status":"resolved","body":"b %d","display_at":"2024-01-02T03:04:05Z"}`, tag, k, k)
		}
		return "[" + b.String() + "]"
	}
	for _, sizes := range [][]int{
		{3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3},
		{7, 0, 5, 300, 1, 0, 2 * arenaChunk, 9, arenaChunk - 1, 2},
		{arenaChunk + 1, arenaChunk, 1},
	} {
		var incs []string
		for i, n := range sizes {
			incs = append(incs, fmt.Sprintf(`{"id":"i%d","components":[{"name":"c%d"},{"name":"d"}],"incident_updates":%s}`, i, i, updates(n, fmt.Sprint(i))))
		}
		data := []byte(`{"page":{"name":"P"},"incidents":[` + strings.Join(incs, ",") + `]}`)
		if !checkSPJFast(t, data) {
			t.Fatalf("fast reader refused the document of lists %v", sizes)
		}
	}
}
