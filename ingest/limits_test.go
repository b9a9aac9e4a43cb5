package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// statuspagePage is a small Statuspage incident page with n updates, the
// oldest first in time and last on the page.
func statuspagePage(n int) []byte {
	var b bytes.Buffer
	b.WriteString("Cache nodes evicting\nIncident Report for Fernhollow\n\n")
	start := time.Date(2024, 3, 14, 10, 0, 0, 0, time.UTC)
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, "Update\nStill looking.\nPosted %s UTC\n", start.Add(time.Duration(i)*time.Minute).Format("Jan 2, 2006 - 15:04"))
	}
	return b.Bytes()
}

func TestLimits(t *testing.T) {
	long := strings.Repeat("x", MaxLineLength+1)
	tests := []struct {
		name     string
		data     []byte
		kind     error
		line     int
		contains string
	}{
		{"empty", nil, ErrEmpty, 1, "nothing but white space"},
		{"white space", []byte(" \n\t\r\n"), ErrEmpty, 1, "want an incident report"},
		{"NUL", []byte("Title\nabc\x00def"), ErrBinary, 2, "a NUL byte at offset 9"},
		{"long line", []byte("Title\n\n" + long + "\nmore"), ErrLineTooLong, 3, fmt.Sprintf("a line of %d bytes (at most %d", MaxLineLength+1, MaxLineLength)},
		{"long last line", []byte("Title\r" + long), ErrLineTooLong, 2, "a line of"},
		{"long line after lone CRs", []byte("a\rb\r\nc\r" + long), ErrLineTooLong, 4, "a line of"},
		{"too many lines", bytes.Repeat([]byte("x\n"), MaxLines+5), ErrTooLarge, MaxLines + 1, fmt.Sprintf("more than %d lines", MaxLines)},
		// The page lists the newest update, the 10,001st, first: line 4.
		{"too many updates", statuspagePage(MaxUpdates + 1), ErrTooManyUpdates, 4, fmt.Sprintf("has %d updates (at most %d", MaxUpdates+1, MaxUpdates)},
		{"long JSON body", []byte(`{"incident":{"id":"a","name":"n","incident_updates":[` + "\n" +
			`{"id":"u1","status":"resolved","body":"` + long + `","display_at":"2024-03-14T10:00:00Z"}]}}`), ErrLineTooLong, 2, "an update or postmortem with a line"},
		{"HTML visible text", []byte("<html><body>\n<p>" + long + "</p></body></html>"), ErrLineTooLong, 2, "HTML page: visible text"},
		{"front matter nesting", []byte("---\ntitle: t\nx: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n---\n# Postmortem\n\n## Timeline\n\n- 10:00 UTC: up\n- 11:00 UTC: down\n"),
			ErrFrontMatter, 3, "nested more than 64 deep"},
		{"front matter nesting hidden by a quote", []byte("---\ntitle: don't\nx: " + strings.Repeat("[", 100) + strings.Repeat("]", 100) + "\n---\n# Postmortem\n\n## Timeline\n\n- 10:00 UTC: up\n"),
			ErrFrontMatter, 3, "nested more than 64 deep"},
		{"front matter size", []byte("---\ntitle: t\n" + strings.Repeat("k: v\n", maxFrontMatter/5+1) + "---\n# Postmortem\n\n## Timeline\n\n- 10:00 UTC: up\n- 11:00 UTC: down\n"),
			ErrFrontMatter, 1, fmt.Sprintf("(at most %d)", maxFrontMatter)},
		{"too large", make([]byte, MaxInputSize+1), ErrTooLarge, 0, "input too large"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			format := FormatUnknown
			if tt.name == "front matter size" || strings.HasPrefix(tt.name, "front matter nesting") {
				format = FormatMarkdownPostmortem
			}
			_, _, err := Parse("in.txt", tt.data, Options{Format: format})
			var pe *ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("Parse = %v; want a *ParseError", err)
			}
			if !errors.Is(err, tt.kind) || pe.Line != tt.line || pe.File != "in.txt" || !strings.Contains(err.Error(), tt.contains) {
				t.Errorf("Parse error:\ngot  %v (line %d)\nwant %v at line %d, containing %q", err, pe.Line, tt.kind, tt.line, tt.contains)
			}
		})
	}
}

// TestLimitsLeaveRealInputAlone checks the limits against what real
// inputs do: exactly MaxUpdates updates, lines of exactly MaxLineLength,
// one-line JSON far longer than a line.
func TestLimitsLeaveRealInputAlone(t *testing.T) {
	incs, _, err := Parse("in.txt", statuspagePage(MaxUpdates), Options{})
	if err != nil || len(incs) != 1 || len(incs[0].Updates) != MaxUpdates {
		t.Fatalf("a page of %d updates: err %v", MaxUpdates, err)
	}
	body := strings.Repeat("y", MaxLineLength)
	data := []byte(`{"incident":{"id":"a","name":"n","incident_updates":[{"id":"u1","status":"resolved","body":"` + body +
		`","display_at":"2024-03-14T10:00:00Z"},{"id":"u2","status":"investigating","body":"` + body + `","display_at":"2024-03-14T09:00:00Z"}]}}`)
	if _, _, err := Parse("in.json", data, Options{}); err != nil {
		t.Fatalf("one-line JSON of %d bytes with bodies at the limit: %v", len(data), err)
	}
}

// TestUTF16 reads a report saved as UTF-16 (either byte order, with its
// mark) exactly as the same report in UTF-8.
func TestUTF16(t *testing.T) {
	src := "Tëst outage\nIncident Report for Fernhollow\n\nResolved\nFixed – all good.\nPosted Mar 14, 2024 - 11:20 UTC\nInvestigating\nLooking.\nPosted Mar 14, 2024 - 10:02 UTC\n"
	want, _, err := Parse("in.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, big := range []bool{false, true} {
		data := utf16Bytes(src, big)
		got, _, err := Parse("in.txt", data, Options{})
		if err != nil {
			t.Fatalf("big endian %v: %v", big, err)
		}
		if got[0].Title != want[0].Title || len(got[0].Updates) != len(want[0].Updates) || got[0].Updates[0].Text != want[0].Updates[0].Text {
			t.Errorf("big endian %v: read %q with %d updates; want %q with %d", big, got[0].Title, len(got[0].Updates), want[0].Title, len(want[0].Updates))
		}
	}
}

func utf16Bytes(s string, big bool) []byte {
	out := []byte{0xff, 0xfe}
	if big {
		out = []byte{0xfe, 0xff}
	}
	for _, r := range s { // the test text is all in the Basic Multilingual Plane
		if big {
			out = append(out, byte(r>>8), byte(r))
		} else {
			out = append(out, byte(r), byte(r>>8))
		}
	}
	return out
}

// TestInvalidUTF8Warns: bytes that are not UTF-8 are read as U+FFFD, and a
// warning names the first line that holds them.
func TestInvalidUTF8Warns(t *testing.T) {
	src := "Outage\nIncident Report for Fernhollow\n\nResolved\nFixed caf\xe9.\nPosted Mar 14, 2024 - 11:20 UTC\n"
	incs, _, err := Parse("in.txt", []byte(src), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range incs[0].Warnings {
		if w.Line == 5 && strings.Contains(w.Msg, "not valid UTF-8") {
			return
		}
	}
	t.Errorf("warnings %v; want one at line 5 saying the text is not valid UTF-8", incs[0].Warnings)
}

// TestReadInputRefusesHugeFileUnread: a file over MaxInputSize is refused
// from its size, without reading it, so memory does not grow with it.
func TestReadInputRefusesHugeFileUnread(t *testing.T) {
	path := filepath.Join(t.TempDir(), "huge.txt")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	// A sparse file: 100 MB on paper, no disk used.
	if err := f.Truncate(100 << 20); err != nil {
		t.Fatal(err)
	}
	f.Close()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	res := ReadInput(t.Context(), path, nil, Options{})
	runtime.ReadMemStats(&after)
	if !errors.Is(res.Err, ErrTooLarge) || !strings.Contains(res.Err.Error(), "104857600 bytes (at most 33554432)") {
		t.Fatalf("error %v; want input too large naming both sizes", res.Err)
	}
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 1<<20 {
		t.Errorf("refusing a 100 MB file allocated %d bytes; want it refused unread", grew)
	}
}
