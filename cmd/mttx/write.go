package main

import (
	"context"
	"io"

	"github.com/mttx-dev/mttx/report"
)

// writeFile writes path atomically with report.WriteFile, and gives up when
// ctx is done (Ctrl-C, SIGTERM): every write after that fails, and so does
// a render that ignored the failed write, so report.WriteFile removes its
// temporary file and path keeps what it held before, or stays absent.
func writeFile(ctx context.Context, path string, render func(io.Writer) error) error {
	return report.WriteFile(path, func(w io.Writer) error {
		if err := render(cancellable(ctx, w)); err != nil {
			return err
		}
		return ctx.Err()
	})
}

// writerFunc is an io.Writer made of a function.
type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

// cancellable passes writes to w until ctx is done, then fails them with
// ctx's error.
func cancellable(ctx context.Context, w io.Writer) io.Writer {
	return writerFunc(func(p []byte) (int, error) {
		if err := ctx.Err(); err != nil {
			return 0, err
		}
		return w.Write(p)
	})
}
