package ingest

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
)

// TestReadAll checks readAll against io.ReadAll whatever the size it is
// told (none, too small, exact, too large) and however the reader hands
// its bytes over, errors included.
func TestReadAll(t *testing.T) {
	text := strings.Repeat("Investigating - errors on the API.\n", 200)
	readers := map[string]func() io.Reader{
		"plain":    func() io.Reader { return strings.NewReader(text) },
		"one byte": func() io.Reader { return iotest.OneByteReader(strings.NewReader(text)) },
		"data+EOF": func() io.Reader { return iotest.DataErrReader(strings.NewReader(text)) },
		"half":     func() io.Reader { return iotest.HalfReader(strings.NewReader(text)) },
	}
	for name, r := range readers {
		for _, size := range []int{0, 1, 511, len(text) - 1, len(text), len(text) + 1, 3 * len(text)} {
			got, err := readAll(r(), size)
			if err != nil || !bytes.Equal(got, []byte(text)) {
				t.Errorf("%s, size %d: %d bytes, %v; want %d bytes", name, size, len(got), err, len(text))
			}
		}
	}
	boom := errors.New("boom")
	got, err := readAll(io.MultiReader(strings.NewReader("abc"), iotest.ErrReader(boom)), 3)
	if !errors.Is(err, boom) || string(got) != "abc" {
		t.Errorf("got %q, %v; want the bytes before the error and the error", got, err)
	}
}
