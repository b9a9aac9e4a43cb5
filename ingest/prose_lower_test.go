package ingest

import (
	"strings"
	"testing"
)

// TestLazyLowerAsToLower checks that lazyLower reads as strings.ToLower
// did, in the reused buffer or not, and that the buffer is reused.
func TestLazyLowerAsToLower(t *testing.T) {
	var buf []byte
	for _, s := range []string{"", "abc", "At 10:02 UTC, Errors ROSE", "ÉTÉ À Paris", "plain text.", "X", "Ǆ and İ"} {
		l := lazyLower{text: s, ascii: isASCII(s)}
		got := l.lower(&buf)
		if want := strings.ToLower(s); got != want {
			t.Errorf("lower(%q) = %q; want %q", s, got, want)
		}
		if again := l.lower(&buf); again != got {
			t.Errorf("lower(%q) a second time = %q; want %q", s, again, got)
		}
	}
	buf = make([]byte, 0, 64)
	allocs := testing.AllocsPerRun(100, func() {
		l := lazyLower{text: "The Outage BEGAN at 10:02 UTC.", ascii: true}
		_ = l.lower(&buf)
	})
	if allocs != 0 {
		t.Errorf("lower of ASCII text in a buffer large enough: %v allocations; want 0", allocs)
	}
}
