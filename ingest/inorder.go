package ingest

import (
	"context"
	"sync"
	"sync/atomic"
)

// inOrder runs work(ctx, w, i) for i in [0, n) on up to workers goroutines
// (w, in [0, workers), tells which: what it keeps per goroutine) and
// hands each result to deliver in index order, one call at a time, from
// whichever goroutine finished the result that let it go out. At most
// window results are read and not yet delivered, so memory is bounded by
// window, not n. It stops when ctx is cancelled or deliver returns an
// error, returns that error (else ctx's), and returns only once every
// goroutine it started is done: deliver is never called after it returns.
// The ctx work is given is cancelled when deliver fails.
//
// Why not a dispatcher goroutine handing out indices and the caller
// delivering: on short inputs (a status-page report is read, parsed and
// analysed in about 25 µs) those hand-offs woke and parked threads for
// every file, and on two cores the pipeline spent a third more CPU and
// gained almost no wall time over one. Here a goroutine claims the next
// index itself and delivers what is ready itself, so no goroutine waits
// for another unless the window is full.
func inOrder[T any](ctx context.Context, n, workers, window int, work func(ctx context.Context, w, i int) T, deliver func(T) error) error {
	workers = max(1, min(workers, n))
	window = max(window, workers)
	p := &pool[T]{n: n, work: work, deliver: deliver,
		slots: make([]orderSlot[T], window), tokens: make(chan struct{}, window)}
	ctx, p.cancel = context.WithCancel(ctx)
	defer p.cancel()
	var wg sync.WaitGroup
	for w := range workers {
		wg.Go(func() { p.run(ctx, w) })
	}
	wg.Wait()
	if p.err != nil {
		return p.err
	}
	return ctx.Err()
}

// pool is the state inOrder's goroutines share.
type pool[T any] struct {
	n       int
	work    func(ctx context.Context, w, i int) T
	deliver func(T) error
	cancel  context.CancelFunc

	next   atomic.Int64  // the next index to claim
	head   atomic.Int64  // the next index to deliver; written only by the deliverer
	busy   atomic.Bool   // a goroutine is delivering
	tokens chan struct{} // one per index claimed and not yet delivered
	slots  []orderSlot[T]
	err    error // deliver's error; written only by the deliverer
}

// orderSlot holds the result of index i in slots[i%window] until it is
// delivered.
type orderSlot[T any] struct {
	out  T
	done atomic.Bool
}

// run claims indices, works them and delivers what is ready, until every
// index is claimed or ctx is cancelled.
func (p *pool[T]) run(ctx context.Context, w int) {
	for ctx.Err() == nil {
		// A token first, then the index: indices claimed and not
		// delivered are then exactly [head, next), at most window of
		// them, so slot i%window is free.
		select {
		case p.tokens <- struct{}{}:
		case <-ctx.Done():
			return
		}
		i := int(p.next.Add(1) - 1)
		if i >= p.n {
			<-p.tokens
			return
		}
		s := &p.slots[i%len(p.slots)]
		s.out = p.work(ctx, w, i)
		s.done.Store(true)
		p.flush(ctx)
	}
}

// flush delivers the results that are ready, in order, unless another
// goroutine is doing so. After letting go it looks again: a result that
// became ready while it delivered, whose goroutine found it busy, is
// delivered by someone.
func (p *pool[T]) flush(ctx context.Context) {
	for p.busy.CompareAndSwap(false, true) {
		p.deliverReady(ctx)
		p.busy.Store(false)
		if !p.ready(ctx) {
			return
		}
	}
}

// ready tells whether the result at head can be delivered.
func (p *pool[T]) ready(ctx context.Context) bool {
	h := int(p.head.Load())
	return ctx.Err() == nil && h < p.n && p.slots[h%len(p.slots)].done.Load()
}

// deliverReady hands on results from head for as long as they are ready;
// only the goroutine holding busy calls it.
func (p *pool[T]) deliverReady(ctx context.Context) {
	for p.ready(ctx) {
		h := p.head.Load()
		s := &p.slots[int(h)%len(p.slots)]
		out := s.out
		var zero T
		s.out = zero
		s.done.Store(false)
		p.head.Store(h + 1)
		<-p.tokens
		if err := p.deliver(out); err != nil {
			p.err = err
			p.cancel()
			return
		}
	}
}
