package ingest

import "testing"

// refQuickDigits is quickDigits as it was, testing each byte against both
// ends of the digits and the count against max on every step: the oracle
// TestQuickDigits and FuzzQuickDigits compare it with.
func refQuickDigits(s string, i, min, max int) (v, next int) {
	j := i
	for j < len(s) && j-i < max && '0' <= s[j] && s[j] <= '9' {
		v = v*10 + int(s[j]-'0')
		j++
	}
	if j-i < min || j < len(s) && '0' <= s[j] && s[j] <= '9' {
		return 0, -1
	}
	return v, j
}

func TestQuickDigits(t *testing.T) {
	tests := []struct {
		s             string
		i, min, max   int
		wantV, wantAt int
	}{
		{"Feb 09, 2019", 4, 1, 2, 9, 6},
		{"Feb 9, 2019", 4, 1, 2, 9, 5},
		{"Feb 123, 2019", 4, 1, 2, 0, -1}, // a third digit follows
		{"Feb , 2019", 4, 1, 2, 0, -1},
		{"2019", 0, 4, 4, 2019, 4},
		{"201", 0, 4, 4, 0, -1},
		{"14:37", 0, 1, 2, 14, 2},
		{"14:37", 3, 2, 2, 37, 5},
		{"14:3", 3, 2, 2, 0, -1},
		{"14:", 3, 2, 2, 0, -1}, // i at the end
		{"14", 3, 1, 2, 0, -1},  // i past the end
		{"1/", 0, 1, 2, 1, 1},
		{"1:", 0, 1, 2, 1, 1},
		{"\xb0", 0, 1, 2, 0, -1},
	}
	for _, tt := range tests {
		v, at := quickDigits(tt.s, tt.i, tt.min, tt.max)
		if v != tt.wantV || at != tt.wantAt {
			t.Errorf("quickDigits(%q, %d, %d, %d) = %d, %d; want %d, %d", tt.s, tt.i, tt.min, tt.max, v, at, tt.wantV, tt.wantAt)
		}
		if rv, rat := refQuickDigits(tt.s, tt.i, tt.min, tt.max); rv != v || rat != at {
			t.Errorf("quickDigits(%q, %d, %d, %d) = %d, %d; the reference gives %d, %d", tt.s, tt.i, tt.min, tt.max, v, at, rv, rat)
		}
	}
}

// FuzzQuickDigits compares quickDigits with refQuickDigits on any text,
// at any place from its start to one past its end, for the counts its
// callers ask for.
func FuzzQuickDigits(f *testing.F) {
	f.Add("Feb 09, 2019 - 14:37 GMT", uint8(4), uint8(1), uint8(2))
	f.Add("2019", uint8(0), uint8(4), uint8(4))
	f.Add("9:/0", uint8(2), uint8(2), uint8(2))
	f.Fuzz(func(t *testing.T, s string, i, min, max uint8) {
		at := int(i) % (len(s) + 2)
		lo := 1 + int(min)%4
		hi := lo + int(max)%3
		v, next := quickDigits(s, at, lo, hi)
		rv, rnext := refQuickDigits(s, at, lo, hi)
		if v != rv || next != rnext {
			t.Fatalf("quickDigits(%q, %d, %d, %d) = %d, %d; the reference gives %d, %d", s, at, lo, hi, v, next, rv, rnext)
		}
	})
}
