package ingest

import (
	"testing"
	"unicode/utf8"
)

// firstProseHintRef is firstProseHint as it was before it looked up byte
// pairs at even offsets only: a look at every byte and the byte after it
// in quietNext. It is the oracle of the pair table, which must give the
// same first index on any text.
func firstProseHintRef(s string) int {
	for i := 0; i+1 < len(s); i++ {
		if quietNext[s[i]]&(1<<(s[i+1]&63)) == 0 {
			continue
		}
		if s[i] >= utf8.RuneSelf || durationAt(s, i) || relativeHints.atFold(s, i) {
			return i
		}
	}
	if n := len(s) - 1; n >= 0 && (s[n] >= utf8.RuneSelf || durationByte[s[n]] == '0' || relativeHints.atFold(s, n)) {
		return n
	}
	return len(s)
}

func TestFirstProseHintAsReference(t *testing.T) {
	tests := []struct {
		s    string
		want int
	}{
		{"", 0},
		{"7", 0},
		{"a7", 1},
		{"ab7", 2},
		{"xhour", 1},  // a word at an odd offset: its second pair is at 2
		{"xxhour", 2}, // at an even offset: its first pair is there
		{"xday", 1},   // three letters, odd offset
		{"xxday", 2},  // three letters, even offset
		{"xxdaz", 5},  // no word
		{"xLaTeR", 1}, // any case
		{"xthe nexT ", 1},
		{"the next", 8}, // "the next " needs its space
		{"holiday", 4},
		{"ab\xe9", 2},
		{"abc\xe9", 3},
		{"hohohohoho", 10},
		{"hohohohohour", 8},
	}
	for _, tt := range tests {
		if got := firstProseHint(tt.s); got != tt.want {
			t.Errorf("firstProseHint(%q) = %d; want %d", tt.s, got, tt.want)
		}
		if got := firstProseHintRef(tt.s); got != tt.want {
			t.Errorf("firstProseHintRef(%q) = %d; want %d", tt.s, got, tt.want)
		}
	}
}

// TestProseHintPairsHoldDigits checks the rows and columns proseHintPairs
// fills whole: every pair with a digit or a byte beyond ASCII in it.
func TestProseHintPairsHoldDigits(t *testing.T) {
	for a := range 256 {
		for b := range 256 {
			if !(a >= utf8.RuneSelf || b >= utf8.RuneSelf || durationByte[a] == '0' || durationByte[b] == '0') {
				continue
			}
			if v := uint16(a) | uint16(b)<<8; proseHintPairs[v>>6]&(1<<(v&63)) == 0 {
				t.Fatalf("proseHintPairs lacks the pair %q", []byte{byte(a), byte(b)})
			}
		}
	}
}
