package metrics

// BriefList holds Briefs in chunks of a fixed size. A slice of a million
// Briefs grows by copying itself into one a quarter larger: for a moment
// it needs both, and afterwards it keeps up to a quarter of spare
// capacity. A BriefList grows a chunk at a time and never copies, so the
// memory a review keeps is the Briefs' own.
type BriefList struct {
	chunks [][]Brief
	n      int
}

// briefChunk is how many Briefs a chunk holds (a power of two: At divides
// with a shift): 16,384 Briefs, 1.7 MB.
const (
	briefShift = 14
	briefChunk = 1 << briefShift
)

// ListOf returns a BriefList of bs, copied.
func ListOf(bs []Brief) *BriefList {
	l := &BriefList{}
	for _, b := range bs {
		l.Append(b)
	}
	return l
}

// Len is the number of Briefs in l; a nil list is empty.
func (l *BriefList) Len() int {
	if l == nil {
		return 0
	}
	return l.n
}

// At returns the Brief at index i, which must be below Len.
func (l *BriefList) At(i int) *Brief { return &l.chunks[i>>briefShift][i&(briefChunk-1)] }

// Append adds b at the end of l. The first chunk grows as a slice does,
// so a few Briefs take a few Briefs' memory; the others are made whole.
func (l *BriefList) Append(b Brief) {
	k := l.n >> briefShift
	if k == len(l.chunks) {
		size := briefChunk
		if k == 0 {
			size = 0
		}
		l.chunks = append(l.chunks, make([]Brief, 0, size))
	}
	l.chunks[k] = append(l.chunks[k], b)
	l.n++
}

// Slice returns the Briefs of l as one slice, copied: for tests and small
// lists.
func (l *BriefList) Slice() []Brief {
	out := make([]Brief, l.n)
	for i := range out {
		out[i] = *l.At(i)
	}
	return out
}

// truncate keeps the first n Briefs, letting go of the chunks past them
// and of what the rest of the last one points to.
func (l *BriefList) truncate(n int) {
	keep := (n + briefChunk - 1) >> briefShift
	if keep > 0 {
		last, m := l.chunks[keep-1], n-(keep-1)<<briefShift
		clear(last[m:])
		l.chunks[keep-1] = last[:m]
	}
	clear(l.chunks[keep:])
	l.chunks, l.n = l.chunks[:keep], n
}
