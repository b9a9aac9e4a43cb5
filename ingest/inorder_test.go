package ingest

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"sync/atomic"
	"testing"
	"time"
)

// TestInOrder checks inOrder's promises under random work times: every
// index delivered once and in order, deliver never running twice at once,
// goroutine numbers w in range and never two works at once with one w,
// never more than window results read and not delivered (one more while
// deliver runs: its slot is free once it has the result), and every
// worker count (more workers than indices included).
func TestInOrder(t *testing.T) {
	for _, tc := range []struct{ n, workers, window int }{
		{0, 2, 8}, {1, 2, 8}, {5, 8, 2}, {200, 1, 4}, {200, 2, 2}, {500, 2, 8}, {500, 4, 16}, {1000, 3, 3},
	} {
		t.Run(fmt.Sprintf("n=%d/workers=%d/window=%d", tc.n, tc.workers, tc.window), func(t *testing.T) {
			var inside, started, delivered atomic.Int64
			busy := make([]atomic.Bool, tc.workers) // per goroutine number w
			var got []int
			err := inOrder(context.Background(), tc.n, tc.workers, tc.window, func(_ context.Context, w, i int) int {
				if w < 0 || w >= tc.workers || !busy[w].CompareAndSwap(false, true) {
					t.Errorf("index %d given to goroutine %d, out of range or busy", i, w)
				} else {
					defer busy[w].Store(false)
				}
				if ahead := started.Add(1) - delivered.Load(); ahead > int64(max(tc.window, min(tc.workers, tc.n))+1) {
					t.Errorf("index %d read with %d results not delivered; window %d", i, ahead, tc.window)
				}
				spin(i)
				return i
			}, func(i int) error {
				if inside.Add(1) != 1 {
					t.Error("deliver called while another call ran")
				}
				got = append(got, i)
				spin(i + 1)
				delivered.Add(1)
				inside.Add(-1)
				return nil
			})
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != tc.n {
				t.Fatalf("delivered %d results; want %d", len(got), tc.n)
			}
			for k, i := range got {
				if i != k {
					t.Fatalf("result %d delivered in place %d", i, k)
				}
			}
		})
	}
}

// spin takes a pseudo-random while, up to about 50 µs, different for each
// index, so results are finished out of order.
func spin(i int) {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	if r.IntN(4) == 0 {
		time.Sleep(time.Duration(r.IntN(50)) * time.Microsecond)
	}
}

// TestInOrderStops checks that a failing deliver and a cancelled context
// stop inOrder with their error, that nothing is delivered after the
// failure, and that deliver is never called once inOrder has returned.
func TestInOrderStops(t *testing.T) {
	boom := errors.New("boom")
	for _, workers := range []int{1, 2, 4} {
		var calls, after atomic.Int64
		var returned atomic.Bool
		err := inOrder(context.Background(), 1000, workers, 8, func(_ context.Context, _, i int) int {
			spin(i)
			return i
		}, func(i int) error {
			if returned.Load() {
				after.Add(1)
			}
			if calls.Add(1) == 10 {
				return boom
			}
			return nil
		})
		returned.Store(true)
		time.Sleep(time.Millisecond)
		if !errors.Is(err, boom) || calls.Load() != 10 || after.Load() != 0 {
			t.Errorf("workers %d: %v after %d calls (%d after returning); want boom after 10", workers, err, calls.Load(), after.Load())
		}

		ctx, cancel := context.WithCancel(context.Background())
		var read atomic.Int64
		err = inOrder(ctx, 100000, workers, 8, func(_ context.Context, _, i int) int {
			if read.Add(1) == 50 {
				cancel()
			}
			return i
		}, func(int) error { return nil })
		if !errors.Is(err, context.Canceled) || read.Load() > 50+int64(workers) {
			t.Errorf("workers %d: cancelled after 50 reads: %v after %d reads; want context.Canceled", workers, err, read.Load())
		}
	}
}

// BenchmarkInOrder is the cost inOrder adds to each index when the work is
// short, as reading a small report is: the hand-offs between goroutines.
func BenchmarkInOrder(b *testing.B) {
	for b.Loop() {
		var sum int
		err := inOrder(context.Background(), 10000, 2, 8, func(_ context.Context, _, i int) int { return i }, func(i int) error {
			sum += i
			return nil
		})
		if err != nil || sum != 10000*9999/2 {
			b.Fatal(sum, err)
		}
	}
}
