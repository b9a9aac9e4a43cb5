package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"
)

// goodInput is read next to every hostile one: whatever the hostile input
// does, this one must still be reported.
const goodInput = "../../testdata/examples/quillbase-2023-11-14-expired-certificate.txt"

// parsed is what a test needs of one JSONL record of mttx parse.
type parsed struct {
	Source  string `json:"source"`
	Title   string `json:"title"`
	Updates []struct {
		At string `json:"at"`
	} `json:"updates"`
}

// records decodes mttx parse --format jsonl output by source.
func records(t *testing.T, out string) map[string]parsed {
	t.Helper()
	m := map[string]parsed{}
	dec := json.NewDecoder(strings.NewReader(out))
	for dec.More() {
		var p parsed
		if err := dec.Decode(&p); err != nil {
			t.Fatalf("stdout is not JSONL: %v\n%s", err, out)
		}
		m[p.Source] = p
	}
	return m
}

// TestGoldenBad reads every hostile input of testdata/bad next to a good
// one: the good one is always reported, stderr (errors and warnings, each
// file:line: ...) matches the .err golden file, and the exit code is 1 when
// the hostile input could not be read. Inputs that are odd but readable
// (CRLF, UTF-16, Latin-1, a YAML alias bomb, a bad date on one update) are
// read, with a located warning for what was lost.
func TestGoldenBad(t *testing.T) {
	tests := map[string]struct {
		exit    int
		updates int // of the hostile input, when it is read
	}{
		"blank.md":             {exit: exitPartial},
		"clock-25-61.txt":      {exit: exitOK, updates: 2},
		"crlf.txt":             {exit: exitOK, updates: 3},
		"deep-nesting.json":    {exit: exitPartial},
		"empty.txt":            {exit: exitPartial},
		"feb-30.txt":           {exit: exitPartial},
		"gzip-report.txt":      {exit: exitPartial},
		"html-scripts.html":    {exit: exitPartial},
		"latin1.txt":           {exit: exitOK, updates: 3},
		"lone-cr.txt":          {exit: exitOK, updates: 3},
		"truncated.json":       {exit: exitPartial},
		"unknown-zone.txt":     {exit: exitPartial},
		"utf16-bom.txt":        {exit: exitOK, updates: 3},
		"wrong-types.json":     {exit: exitPartial},
		"yaml-alias-bomb.md":   {exit: exitOK},
		"yaml-nesting-bomb.md": {exit: exitPartial},
		"year-0.json":          {exit: exitOK, updates: 2},
	}
	for _, f := range fixtureFiles(t, "../../testdata/bad") {
		name := filepath.Base(f)
		if strings.HasPrefix(name, ".") {
			continue // .gitattributes
		}
		t.Run(name, func(t *testing.T) {
			tt, ok := tests[name]
			if !ok {
				t.Fatalf("%s is not in the table of TestGoldenBad: say what mttx must do with it", f)
			}
			start := time.Now()
			code, out, stderr := mttx(t, "", "parse", "--warnings", "--format", "jsonl", f, goodInput)
			if elapsed := time.Since(start); elapsed > 20*time.Second {
				t.Errorf("took %v", elapsed)
			}
			if code != tt.exit {
				t.Errorf("exit %d; want %d\n%s", code, tt.exit, stderr)
			}
			recs := records(t, out)
			if _, ok := recs[goodInput]; !ok {
				t.Errorf("the good input next to it was not reported:\n%s", out)
			}
			if rec, ok := recs[f]; ok != (tt.exit == exitOK) {
				t.Errorf("hostile input reported: %v; want %v", ok, tt.exit == exitOK)
			} else if ok && len(rec.Updates) != tt.updates {
				t.Errorf("%d updates read; want %d", len(rec.Updates), tt.updates)
			}
			if stderr != "" && !strings.HasPrefix(stderr, f+":") {
				t.Errorf("stderr does not start with the file name %q:\n%s", f, stderr)
			}
			golden(t, strings.TrimSuffix(f, filepath.Ext(f))+".err", stderr)
		})
	}
}

// TestReadableOddEncodings: CRLF, lone CR and UTF-16 give the same
// incident as each other.
func TestReadableOddEncodings(t *testing.T) {
	var want string
	for _, f := range []string{"crlf.txt", "lone-cr.txt", "utf16-bom.txt"} {
		p := "../../testdata/bad/" + f
		_, out, _ := mttx(t, "", "parse", "--format", "jsonl", p)
		rec := records(t, out)[p]
		got := fmt.Sprint(strings.ReplaceAll(rec.Title, "ö", "o"), rec.Updates)
		if want == "" {
			want = got
		} else if got != want {
			t.Errorf("%s read as %s; want %s", f, got, want)
		}
	}
}

// runBad runs mttx parse on inputs with the good one after them and checks
// the exit code, that the good one was reported, and the exact stderr,
// in which dir stands for DIR. It returns the time taken and the bytes
// allocated.
func runBad(t *testing.T, dir, stdin, wantStderr string, inputs ...string) (time.Duration, uint64) {
	t.Helper()
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	start := time.Now()
	code, out, stderr := mttx(t, stdin, append(append([]string{"parse", "--format", "jsonl"}, inputs...), goodInput)...)
	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	if code != exitPartial {
		t.Errorf("exit %d; want %d", code, exitPartial)
	}
	if _, ok := records(t, out)[goodInput]; !ok {
		t.Errorf("the good input next to it was not reported:\n%s", out)
	}
	if got := strings.ReplaceAll(stderr, dir, "DIR"); got != wantStderr {
		t.Errorf("stderr:\ngot  %s\nwant %s", got, wantStderr)
	}
	return elapsed, after.TotalAlloc - before.TotalAlloc
}

func writeTestFile(t *testing.T, path string, data []byte) {
	t.Helper()
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestHugeInputs generates the inputs too large to commit: a 100 MB line
// (from a file and from standard input), a 1 MB line, and an incident of
// 1,000,000 updates in text and in JSON. Each is refused with its limit,
// quickly and in bounded memory: the budgets are what a run takes at most
// whatever the input's size (reading at most 32 MiB, then nothing more),
// with room for the race detector and a busy machine.
func TestHugeInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 200 MB of temporary files")
	}
	dir := t.TempDir()
	line100 := bytes.Repeat([]byte("all quiet "), 10<<20) // 100 MB, no newline
	writeTestFile(t, filepath.Join(dir, "line-100mb.txt"), line100)
	writeTestFile(t, filepath.Join(dir, "line-1mb.txt"), line100[:1<<20])
	var cachet bytes.Buffer
	cachet.WriteString("Monday 8th January 2024\n\nQueue: jobs stuck\n\nJobs are stuck.\n")
	for i := range 1000000 {
		fmt.Fprintf(&cachet, "\n%02d:%02d UTC: x\n", i%1440/60, i%60)
	}
	writeTestFile(t, filepath.Join(dir, "million-updates.txt"), cachet.Bytes())
	writeTestFile(t, filepath.Join(dir, "million-updates.json"), spjUpdates(1000000))
	writeTestFile(t, filepath.Join(dir, "twenty-thousand-updates.json"), spjUpdates(20000))

	// Time is given generously, for -race and a busy machine: without the
	// limits these inputs took from 13 s to minutes.
	const budget = 20 * time.Second
	tests := []struct {
		name, input, stdin, want string
		maxTime                  time.Duration
		maxAlloc                 uint64
	}{
		{"100 MB line", "line-100mb.txt", "", "DIR/line-100mb.txt: input too large: 104857600 bytes (at most 33554432)\n", budget, 8 << 20},
		{"100 MB line on stdin", "-", string(line100), "-: input too large: over 33554432 bytes\n", budget, 160 << 20},
		{"1 MB line", "line-1mb.txt", "", "DIR/line-1mb.txt:1: line too long: a line of 1048576 bytes (at most 65536; want a report in lines of text)\n", budget, 16 << 20},
		{"1,000,000 updates in text", "million-updates.txt", "", "DIR/million-updates.txt:200001: input too large: more than 200000 lines (want one report, or a page of them, per file)\n", budget, 128 << 20},
		{"1,000,000 updates in JSON", "million-updates.json", "", fmt.Sprintf("DIR/million-updates.json: input too large: %d bytes (at most 33554432)\n", len(spjUpdates(1000000))), budget, 8 << 20},
		{"20,000 updates in JSON", "twenty-thousand-updates.json", "", "DIR/twenty-thousand-updates.json:1: too many updates: the incident has 20000 updates (at most 10000; the incident on this line)\n", budget, 64 << 20},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			input := tt.input
			if input != "-" {
				input = filepath.Join(dir, input)
			}
			elapsed, alloc := runBad(t, dir, tt.stdin, tt.want+"mttx parse: 1 of 2 inputs could not be read (listed above)\n", input)
			t.Logf("refused in %v, %.1f MB allocated (the good input included)", elapsed.Round(time.Millisecond), float64(alloc)/(1<<20))
			if elapsed > tt.maxTime || alloc > tt.maxAlloc {
				t.Errorf("took %v and %d bytes; want at most %v and %d", elapsed, alloc, tt.maxTime, tt.maxAlloc)
			}
		})
	}
}

// spjUpdates is a Statuspage API incident with n updates, one per line,
// the newest first as the API lists them.
func spjUpdates(n int) []byte {
	var b bytes.Buffer
	b.WriteString(`{"incident":{"id":"big1","name":"Many updates","incident_updates":[` + "\n")
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i := n - 1; i >= 0; i-- {
		fmt.Fprintf(&b, `{"id":"u%d","status":"monitoring","body":"x","display_at":"%s"}`, i, start.Add(time.Duration(i)*time.Minute).Format(time.RFC3339))
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString("]}}\n")
	return b.Bytes()
}

// TestHostileFileSystem: symlink loops, named pipes and unreadable files,
// made at run time. Each is reported at its path and the run goes on.
func TestHostileFileSystem(t *testing.T) {
	dir := t.TempDir()
	loops := filepath.Join(dir, "loops")
	if err := os.Mkdir(loops, 0o755); err != nil {
		t.Fatal(err)
	}
	for _, l := range [][2]string{{"a.txt", "b.txt"}, {"b.txt", "a.txt"}, {"self.md", "self.md"}, {"again", "."}} {
		if err := os.Symlink(l[1], filepath.Join(loops, l[0])); err != nil {
			t.Skipf("no symlinks here: %v", err)
		}
	}
	t.Run("symlink loops in a directory", func(t *testing.T) {
		runBad(t, dir, "", "DIR/loops/a.txt: cannot read: too many levels of symbolic links\n"+
			"DIR/loops/b.txt: cannot read: too many levels of symbolic links\n"+
			"DIR/loops/self.md: cannot read: too many levels of symbolic links\n"+
			"mttx parse: 3 of 4 inputs could not be read (listed above)\n", loops)
	})
	t.Run("symlink loop as an argument", func(t *testing.T) {
		runBad(t, dir, "", "DIR/loops/a.txt: cannot read: too many levels of symbolic links\n"+
			"mttx parse: 1 of 2 inputs could not be read (listed above)\n", filepath.Join(loops, "a.txt"))
	})

	fifo := filepath.Join(dir, "pipe.txt")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	t.Run("named pipe nobody writes to", func(t *testing.T) {
		done := make(chan struct{})
		go func() {
			defer close(done)
			runBad(t, dir, "", "DIR/pipe.txt:1: empty input: nothing but white space (want an incident report)\n"+
				"mttx parse: 1 of 2 inputs could not be read (listed above)\n", fifo)
		}()
		select {
		case <-done:
		case <-time.After(20 * time.Second):
			t.Fatal("reading a named pipe with no writer hangs")
		}
	})
	t.Run("named pipe with a writer, as from <(cmd)", func(t *testing.T) {
		report, err := os.ReadFile(goodInput)
		if err != nil {
			t.Fatal(err)
		}
		go func() {
			w, err := os.OpenFile(fifo, os.O_WRONLY, 0) // blocks until mttx opens it
			if err != nil {
				return
			}
			w.Write(report)
			w.Close()
		}()
		code, out, stderr := mttx(t, "", "parse", "--format", "jsonl", fifo)
		if code != exitOK || records(t, out)[fifo].Title == "" {
			t.Errorf("exit %d, stderr %s; want the report read through the pipe", code, stderr)
		}
	})

	// An unreadable directory is an error at its path, and the walk goes
	// on: secret.txt, after it in the walk, is still listed.
	t.Run("unreadable file and directory", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("running as root, which reads files whatever their mode: run the tests as another user to check unreadable files")
		}
		locked := filepath.Join(dir, "locked")
		if err := os.Mkdir(locked, 0o755); err != nil {
			t.Fatal(err)
		}
		writeTestFile(t, filepath.Join(locked, "secret.txt"), []byte("x"))
		if err := os.Mkdir(filepath.Join(locked, "closed"), 0o755); err != nil {
			t.Fatal(err)
		}
		for _, p := range []string{filepath.Join(locked, "secret.txt"), filepath.Join(locked, "closed")} {
			if err := os.Chmod(p, 0); err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { os.Chmod(p, 0o755) })
		}
		runBad(t, dir, "", "DIR/locked/closed: cannot read: permission denied\n"+
			"DIR/locked/secret.txt: cannot read: permission denied\n"+
			"mttx parse: 2 of 3 inputs could not be read (listed above)\n", locked)
	})
}

// TestBadChecked checks that mttx check, the command a CI job runs on a
// postmortem repository, exits 1 on every hostile input with a located
// problem, whether the reports readers refuse it or read it with a
// warning; only the valid encodings (CRLF, lone CR, UTF-16 with a byte
// order mark) and the harmless alias bomb read clean.
func TestBadChecked(t *testing.T) {
	clean := map[string]bool{"crlf.txt": true, "lone-cr.txt": true, "utf16-bom.txt": true, "yaml-alias-bomb.md": true}
	files, err := filepath.Glob("../../testdata/bad/*")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if filepath.Ext(f) == ".err" {
			continue
		}
		t.Run(filepath.Base(f), func(t *testing.T) {
			code, out, _ := mttx(t, "", "check", "--require", "title", f)
			if clean[filepath.Base(f)] {
				if code != exitOK {
					t.Errorf("exit %d; want 0 for a valid encoding:\n%s", code, out)
				}
				return
			}
			if code != exitPartial || !strings.HasPrefix(out, f+":") {
				t.Errorf("exit %d; want 1 with a problem at %s:LINE:\n%s", code, f, out)
			}
		})
	}
}
