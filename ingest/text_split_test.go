package ingest

import (
	"reflect"
	"testing"
)

func TestSplitTextCleanUTF8(t *testing.T) {
	for _, s := range []string{"café — ok\nnext line ", "\ufeffé\nx", "a\u00a0b\nc", "é\r\nx", "é\x00", "\xff\né", "x\ufeff\ny",
		"  é  ", "\u2003é\u2003\n\u3000"} {
		if got, want := splitText(s), refSplitText(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitText(%q) = %v; want %v", s, got, want)
		}
	}
}

func FuzzSplitText(f *testing.F) {
	f.Add("Resolved\nThis incident has been resolved.\nPosted Feb 09, 2019 - 14:37 GMT")
	f.Add("\ufeffcafé\r\n\u00a0x\x00\xff")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := splitText(s), refSplitText(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("splitText(%q) = %v; want %v", s, got, want)
		}
	})
}
