package ingest

// mentionsAfter gives the mentions scanMentions(s[k:], order) finds from
// ms, the mentions scanMentions(s, order) found, without scanning again,
// where it can tell the two agree: ok is false where it cannot, and the
// caller scans s[k:] itself.
//
// They agree when s[k-1] is ASCII white space and no mention of s runs
// across k. The byte before k being white space, the token at k is lexed
// alike from either start and reads no token before it (a clock looks
// back only at a token glued to it); a mention of s that ends at or
// before k leaves the scan of s trying the tokens from k on as the scan
// of s[k:] tries them from its start, and the mentions of s from k on are
// those of s[k:], k bytes later. scan_shift_test.go tests this against
// scanning s[k:].
//
// The mentions returned are appended to buf[:0]; they share their parts
// (Date, Clock, ...) with those of ms, which no reader writes through.
func mentionsAfter(buf, ms []mention, s string, k int) ([]mention, bool) {
	if k < 0 || k > len(s) || k > 0 && byteClasses[s[k-1]] != bcSpace {
		return nil, false
	}
	out := buf[:0]
	for _, m := range ms {
		switch {
		case m.End <= k:
			continue
		case m.Start < k:
			return nil, false // runs across k
		}
		m.Start -= k
		m.End -= k
		out = append(out, m)
	}
	return out, true
}
