package ingest

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
)

// Kinds of parse failure, for errors.Is.
var (
	// ErrUnknownFormat: no reader recognised the input.
	ErrUnknownFormat = errors.New("no known incident format")
	// ErrNoUpdates: the input looks like a known format but holds no
	// update that could be read.
	ErrNoUpdates = errors.New("no status update could be read")
	// ErrBadTime: a date/time could not be read.
	ErrBadTime = errors.New("bad date or time")
	// ErrFrontMatter: a markdown file's front matter is not valid YAML or
	// TOML.
	ErrFrontMatter = errors.New("bad front matter")
	// ErrTooLarge: the input is larger than the reader accepts.
	ErrTooLarge = errors.New("input too large")
)

// ParseError is a failure to read an input, with its position. Line and
// Column are 1-based; 0 means unknown (the whole file).
type ParseError struct {
	File   string
	Line   int
	Column int
	Err    error
}

func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString(e.File)
	if e.Line > 0 {
		fmt.Fprintf(&b, ":%d", e.Line)
		if e.Column > 0 {
			fmt.Fprintf(&b, ":%d", e.Column)
		}
	}
	b.WriteString(": ")
	b.WriteString(e.Err.Error())
	return b.String()
}

func (e *ParseError) Unwrap() error { return e.Err }

// ErrorList is a list of parse errors, sorted by file, line and column so
// that what is printed does not depend on the order inputs were read in.
type ErrorList []*ParseError

func (l ErrorList) Error() string {
	switch len(l) {
	case 0:
		return "no errors"
	case 1:
		return l[0].Error()
	}
	return fmt.Sprintf("%s (and %d more errors)", l[0], len(l)-1)
}

// Sort orders the list by file, line, column and message.
func (l ErrorList) Sort() {
	slices.SortStableFunc(l, func(a, b *ParseError) int {
		return cmp.Or(
			strings.Compare(a.File, b.File),
			cmp.Compare(a.Line, b.Line),
			cmp.Compare(a.Column, b.Column),
			strings.Compare(a.Err.Error(), b.Err.Error()),
		)
	})
}

// Err returns nil for an empty list and the list otherwise.
func (l ErrorList) Err() error {
	if len(l) == 0 {
		return nil
	}
	return l
}

// lineErrorf is an error of a kind at a line of the input being parsed;
// Parse adds the file name.
func lineErrorf(line int, kind error, format string, args ...any) *ParseError {
	return &ParseError{Line: line, Err: fmt.Errorf("%w: %s", kind, fmt.Sprintf(format, args...))}
}
