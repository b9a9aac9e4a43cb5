package report

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mttx-dev/mttx/ingest"
	"github.com/mttx-dev/mttx/metrics"
)

// FileProblem is a problem of mttx check: a file that cannot be read, or
// something wrong in one of its reports.
type FileProblem struct {
	Path string
	Line int // 0: the file as a whole
	Msg  string
	// Warning marks a reader's warning rather than a rule of the check.
	Warning bool
}

// CheckOptions say what mttx check asks of every report.
type CheckOptions struct {
	Required []metrics.Field
	// IgnoreWarnings leaves the readers' warnings out.
	IgnoreWarnings bool
}

// Check lists the problems of a set of inputs, in input order and, within
// a file, by line: each input that could not be read, and each problem of
// each incident read.
func Check(files []Input, entries []Entry, opts CheckOptions) []FileProblem {
	var out []FileProblem
	order := map[string]int{}
	for i, f := range files {
		order[f.Path] = i
		if f.Err == nil {
			continue
		}
		out = append(out, inputProblems(f)...)
	}
	for _, e := range entries {
		for _, p := range metrics.Check(e.Analysis, opts.Required) {
			if p.Warning && opts.IgnoreWarnings {
				continue
			}
			out = append(out, FileProblem{Path: e.Incident.Source.Path, Line: p.Line, Msg: p.Msg, Warning: p.Warning})
		}
	}
	slices.SortStableFunc(out, func(a, b FileProblem) int {
		return cmp.Or(cmp.Compare(order[a.Path], order[b.Path]), cmp.Compare(a.Line, b.Line))
	})
	return out
}

// inputProblems are the problems of an input that could not be read: one
// per located error.
func inputProblems(f Input) []FileProblem {
	var list ingest.ErrorList
	if errors.As(f.Err, &list) && len(list) > 0 {
		out := make([]FileProblem, len(list))
		for i, pe := range list {
			out[i] = FileProblem{Path: pe.File, Line: pe.Line, Msg: pe.Err.Error()}
		}
		return out
	}
	var pe *ingest.ParseError
	if errors.As(f.Err, &pe) {
		return []FileProblem{{Path: f.Path, Line: pe.Line, Msg: pe.Err.Error()}}
	}
	return []FileProblem{{Path: f.Path, Msg: strings.TrimPrefix(f.Err.Error(), f.Path+": ")}}
}

// ProblemFormat is how mttx check writes problems.
type ProblemFormat int

// The problem formats.
const (
	// ProblemsPlain writes file:line: problem, the form editors and most
	// CI systems link to the line.
	ProblemsPlain ProblemFormat = iota
	// ProblemsGitHub writes GitHub Actions workflow commands, which
	// annotate the lines of a pull request.
	ProblemsGitHub
)

// WriteProblems writes one line per problem.
func WriteProblems(w io.Writer, ps []FileProblem, format ProblemFormat) error {
	for _, p := range ps {
		var err error
		switch format {
		case ProblemsGitHub:
			err = githubAnnotation(w, p)
		default:
			loc := p.Path
			if p.Line > 0 {
				loc += fmt.Sprintf(":%d", p.Line)
			}
			kind := ""
			if p.Warning {
				kind = "warning: "
			}
			_, err = fmt.Fprintf(w, "%s: %s%s\n", loc, kind, p.Msg)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// githubAnnotation writes ::error file=F,line=L::msg, escaped as the
// workflow command syntax asks (a report's text must not end the command
// or start another).
func githubAnnotation(w io.Writer, p FileProblem) error {
	level := "error"
	if p.Warning {
		level = "warning"
	}
	props := "file=" + ghEscape(p.Path, true)
	if p.Line > 0 {
		props += fmt.Sprintf(",line=%d", p.Line)
	}
	_, err := fmt.Fprintf(w, "::%s %s::%s\n", level, props, ghEscape(p.Msg, false))
	return err
}

var (
	ghData     = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A")
	ghProperty = strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C")
)

func ghEscape(s string, property bool) string {
	if property {
		return ghProperty.Replace(s)
	}
	return ghData.Replace(s)
}
