package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refMayHoldDurationFold is mayHoldDurationFold as it was before it
// looked at the byte after a unit's first letter: the oracle of the
// tests below.
func refMayHoldDurationFold(s string) bool {
	for i := 0; i < len(s); i++ {
		switch durationByte[s[i]] {
		case 0:
		case '0':
			return true
		case 'h':
			if hasPrefixFold(s[i:], "hour") {
				return true
			}
		case 'm':
			if hasPrefixFold(s[i:], "minute") {
				return true
			}
		case 's':
			if hasPrefixFold(s[i:], "second") {
				return true
			}
		case 'd':
			if hasPrefixFold(s[i:], "day") {
				return true
			}
		}
	}
	return false
}

func TestMayHoldDurationFoldAsReference(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"the service was slow", false},
		{"errors for two HOURS then", true},
		{"errors for two hourz", true},
		{"a long sentence that ends in 7", true},
		{"a long sentence, no number, a holiday", true}, // "day"
		{"most users saw errors for several minutes", true},
		{"most users saw errors for several mins", false},
		{"Seconds", true},
		{"sec", false},
		{"hohohohohohohohoho", false},
		{"hohohohohohohohohour", true},
		{"ho\xffur seconds\x80", true},
		{"\xc8\xcf\xd5\xd2 \xb0 ho", false}, // bytes that are letters or digits with the high bit set
		{"/:@[`{ \x10\x2a", false},
	}
	for _, tt := range tests {
		if got := mayHoldDurationFold(tt.s); got != tt.want {
			t.Errorf("mayHoldDurationFold(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if got := refMayHoldDurationFold(tt.s); got != tt.want {
			t.Errorf("refMayHoldDurationFold(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	// Every unit and digit at every offset and alignment, in both cases,
	// among bytes that are near them.
	r := rand.New(rand.NewPCG(51, 52))
	pieces := []string{"hour", "minute", "second", "day", "ho", "mi", "se", "da", "h", "m", "s", "d", "0", "9", "/", ":", "H", "O", "\x80", "\xe8", " ", "x", "HoUr", "DAY"}
	var texts []string
	for range 100000 {
		var b strings.Builder
		for range r.IntN(12) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	texts = append(texts, refTestLines(t)...)
	for _, s := range texts {
		if got, want := mayHoldDurationFold(s), refMayHoldDurationFold(s); got != want {
			t.Fatalf("mayHoldDurationFold(%q) = %v; the reference says %v", s, got, want)
		}
	}
}

func FuzzMayHoldDurationFold(f *testing.F) {
	for _, s := range []string{"errors for two HOURS then", "hohohohohohohohohour", "a sentence without any of them", "\xc8\xcf\xd5\xd2 \xb0 hoUR"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mayHoldDurationFold(s), refMayHoldDurationFold(s); got != want {
			t.Fatalf("mayHoldDurationFold(%q) = %v; the reference says %v", s, got, want)
		}
	})
}

// BenchmarkMayHoldDurationFold runs mayHoldDurationFold, and its
// reference, on the ASCII fixture lines without a digit: the texts it
// reads through.
func BenchmarkMayHoldDurationFold(b *testing.B) {
	var texts []string
	size := 0
	for _, s := range refTestLines(b) {
		if isASCII(s) && indexDigit(s) < 0 {
			texts = append(texts, s)
			size += len(s)
		}
	}
	for _, c := range []struct {
		name string
		f    func(string) bool
	}{{"pairs", mayHoldDurationFold}, {"bytes", refMayHoldDurationFold}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			n := 0
			for b.Loop() {
				for _, s := range texts {
					if c.f(s) {
						n++
					}
				}
			}
			if n < 0 {
				b.Fatal(n)
			}
		})
	}
}
