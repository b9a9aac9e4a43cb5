package main

import (
	"bytes"
	"strings"
	"testing"
	"time"
)

// TestConsole checks that nothing but data and errors reaches a pipe: no
// bar, no colour; and that a terminal run shows its bar only once it has
// taken a while.
func TestConsole(t *testing.T) {
	var buf bytes.Buffer
	c := newConsole(&buf, false)
	if c.progress || c.color {
		t.Errorf("a buffer is no terminal: progress %v, color %v", c.progress, c.color)
	}
	c.alert("threshold broken: %s", "x")
	if buf.String() != "threshold broken: x\n" {
		t.Errorf("alert on a pipe wrote %q", buf.String())
	}
	buf.Reset()
	tty := console{stderr: &buf, progress: true, color: true}
	tty.alert("broken")
	if buf.String() != "\x1b[31mbroken\x1b[0m\n" {
		t.Errorf("alert on a colour terminal wrote %q", buf.String())
	}
	buf.Reset()
	p := tty.newProgress(10)
	p.add()
	if buf.Len() != 0 {
		t.Errorf("a bar after %v: %q", time.Since(p.start), buf.String())
	}
	p.start = p.start.Add(-time.Second)
	p.add()
	p.add()
	if !strings.Contains(buf.String(), "reading") || !strings.Contains(buf.String(), "2/10") {
		t.Errorf("no bar after a second: %q", buf.String())
	}
	p.finish()
}
