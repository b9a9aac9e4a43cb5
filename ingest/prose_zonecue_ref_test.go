package ingest

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// refMayCueZone is mayCueZone as it was before it looked for an "m" or a
// "g" eight bytes at a time: one pass, byte by byte. It is the oracle of
// the tests below.
func refMayCueZone(s string) bool {
	for i := 0; i+4 < len(s); i++ {
		switch s[i] | 0x20 {
		case 't':
			if s[i+1]|0x20 != 'i' || s[i+2]|0x20 != 'm' || s[i+3]|0x20 != 'e' {
				continue
			}
			switch s[i+4] {
			case 's', 'S', 'l', 'L', '(':
				return true
			case ' ', '\t', '\n', '\f', '\r':
				// Only "time line" and "time (" go on after a space.
				if s[i+4] == ' ' && len(s)-i >= len("time line") && strings.EqualFold(s[i+5:i+9], "line") {
					return true
				}
				j := i + 4
				for j < len(s) && strings.IndexByte(" \t\n\f\r", s[j]) >= 0 {
					j++
				}
				if j < len(s) && s[j] == '(' {
					return true
				}
			case 0xc5: // "ſ" is c5 bf
				if i+5 < len(s) && s[i+5] == 0xbf {
					return true
				}
			}
		case 'c':
			if len(s)-i >= len("chronology") && strings.EqualFold(s[i:i+len("chronology")], "chronology") {
				return true
			}
		}
	}
	return false
}

func TestMayCueZoneAsReference(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"times", true},
		{"time", false},
		{"TIME LINE", true},
		{"time lin", false},
		{"at this time (UTC)", true},
		{"at this time\t\n (UTC)", true},
		{"at this time, UTC", false},
		{"timeſtamps", true},
		{"time\xc5", false},
		{"x CHRONOLOGY", true},
		{"chronolog", false},
		{"12345678 timestamps", true},
		{"1234567timestamps", true},
		{"mmmmmmmmgggggggg", false},
		{"MMMMMMMMtimes", true},
		{"\xed\xe7\xcd\xc7\x6d\x67 timel", true},
		{"\xed\xe7\xcd\xc7\x6d\x67 timex", false},
	}
	for _, tt := range tests {
		if got := mayCueZone(tt.s); got != tt.want {
			t.Errorf("mayCueZone(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if got := refMayCueZone(tt.s); got != tt.want {
			t.Errorf("refMayCueZone(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	// The words at every offset and alignment, in every case, beside
	// bytes that alias "m" and "g" or borrow into them.
	r := rand.New(rand.NewPCG(71, 72))
	pieces := []string{"time", "TIME", "tImE", "chronology", "CHRONOLOGY", "chronolog", "s", "L", "(", " ", "\t", " line", " LINE", " lin",
		"m", "M", "g", "G", "\x6d", "\x4d", "\xed", "\xcd", "\x00", "\x01", "\x6c", "\x66", "ſ", "\xc5", "x", "é"}
	for range 200000 {
		var b strings.Builder
		for range r.IntN(10) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if got, want := mayCueZone(s), refMayCueZone(s); got != want {
			t.Fatalf("mayCueZone(%q) = %v; the reference says %v", s, got, want)
		}
	}
	for _, s := range refTestLines(t) {
		if got, want := mayCueZone(s), refMayCueZone(s); got != want {
			t.Fatalf("mayCueZone(%q) = %v; the reference says %v", s, got, want)
		}
	}
}

func FuzzMayCueZone(f *testing.F) {
	for _, s := range []string{"All times are in UTC", "Timeline (UTC)", "x CHRONOLOGY", "12345678 timestamps", "time\t\n (utc)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mayCueZone(s), refMayCueZone(s); got != want {
			t.Fatalf("mayCueZone(%q) = %v; the reference says %v", s, got, want)
		}
	})
}

// refMayNameTime is mayNameTime as it was before it looked for each
// word's rarest letter: strings.Contains, which looks for its first.
func refMayNameTime(s string) bool {
	return strings.Contains(s, "ime") || strings.Contains(s, "IME") || strings.Contains(s, "hronolog")
}

func TestMayNameTimeAsReference(t *testing.T) {
	tests := []struct {
		s    string
		want bool
	}{
		{"", false},
		{"me", false},
		{"ime", true},
		{"IME", true},
		{"Ime", false},
		{"mime", true},
		{"mmmmmmmme", false},
		{"hronolo", false},
		{"ghronolog", true},
		{"Chronology", true},
		{"CHRONOLOGY", false},
		{strings.Repeat("im", 100) + "e", true},
	}
	for _, tt := range tests {
		if got := mayNameTime(tt.s); got != tt.want {
			t.Errorf("mayNameTime(%q) = %v, want %v", tt.s, got, tt.want)
		}
		if got := refMayNameTime(tt.s); got != tt.want {
			t.Errorf("refMayNameTime(%q) = %v, want %v", tt.s, got, tt.want)
		}
	}
	for _, s := range refTestLines(t) {
		if got, want := mayNameTime(s), refMayNameTime(s); got != want {
			t.Fatalf("mayNameTime(%q) = %v; the reference says %v", s, got, want)
		}
	}
}

func FuzzMayNameTime(f *testing.F) {
	for _, s := range []string{"at this time", "TIMELINE", "Chronology", "mime", "ghronolog"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := mayNameTime(s), refMayNameTime(s); got != want {
			t.Fatalf("mayNameTime(%q) = %v; the reference says %v", s, got, want)
		}
	})
}

// BenchmarkMayNameTime runs mayNameTime and its reference on the fixture
// lines.
func BenchmarkMayNameTime(b *testing.B) {
	lines := refTestLines(b)
	size := 0
	for _, s := range lines {
		size += len(s)
	}
	for _, c := range []struct {
		name string
		f    func(string) bool
	}{{"rarest", mayNameTime}, {"first", refMayNameTime}} {
		b.Run(c.name, func(b *testing.B) {
			b.SetBytes(int64(size))
			n := 0
			for b.Loop() {
				for _, s := range lines {
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
