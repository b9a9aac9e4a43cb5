package synth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sync"
)

// Path is where file k of the corpus lives, relative to its directory:
// a thousand files per subdirectory, so that a million incidents do not
// make one huge directory.
func (c Config) Path(k int) string {
	prefix := map[Format]string{StatuspageJSON: "spj", StatuspageText: "sp", AggregatorText: "ag", MarkdownPostmortem: "pm"}[c.Format]
	return filepath.Join(fmt.Sprintf("%04d", k/1000), fmt.Sprintf("%s-%07d%s", prefix, k, c.Format.ext()))
}

// File returns the incidents of file k, each with its File set.
func (c Config) File(k int) []Incident {
	var incs []Incident
	for i := k * c.perFile(); i < min(c.N, (k+1)*c.perFile()); i++ {
		inc := c.Draw(i)
		inc.File = filepath.ToSlash(c.Path(k))
		incs = append(incs, inc)
	}
	return incs
}

// WriteCorpus writes the corpus into dir (created if need be) on workers
// goroutines, and, if truth is not nil, the truth of every incident to it
// as JSON Lines in corpus order. It stops when ctx is cancelled.
func WriteCorpus(ctx context.Context, dir string, c Config, workers int, truth io.Writer) error {
	if c.N < 1 {
		return fmt.Errorf("want at least one incident, not %d", c.N)
	}
	files := c.Files()
	type result struct {
		incs []Incident
		err  error
	}
	slots := make([]chan result, files)
	for k := range slots {
		slots[k] = make(chan result, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range max(1, workers) {
		wg.Go(func() {
			for k := range next {
				incs := c.File(k)
				err := writeFile(filepath.Join(dir, c.Path(k)), c.Format, incs)
				if truth == nil {
					incs = nil
				}
				slots[k] <- result{incs, err}
			}
		})
	}
	errc := make(chan error, 1)
	stop := make(chan struct{})
	go func() {
		defer close(errc)
		enc := json.NewEncoder(io.Discard)
		if truth != nil {
			enc = json.NewEncoder(truth)
		}
		for k := range files {
			var res result
			select {
			case res = <-slots[k]:
			case <-stop:
				return
			}
			if res.err != nil {
				errc <- res.err
				return
			}
			for _, inc := range res.incs {
				if err := enc.Encode(inc); err != nil {
					errc <- err
					return
				}
			}
		}
	}()
	var err error
feed:
	for k := range files {
		select {
		case next <- k:
		case err = <-errc:
			break feed
		case <-ctx.Done():
			err = ctx.Err()
			break feed
		}
	}
	close(next)
	wg.Wait()
	if err != nil {
		close(stop)
		return err
	}
	return <-errc
}

func writeFile(path string, f Format, incs []Incident) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	out, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := Write(out, f, incs); err != nil {
		out.Close()
		return fmt.Errorf("write %s: %w", path, err)
	}
	return out.Close()
}
