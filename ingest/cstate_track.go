package ingest

import "strings"

// The track shortcode that dates a cState update, after the status word
// or at the end of its text ({{< track "2025-06-24T20:02:00+00:00" >}}),
// found by hand: the expression
//
//	\{\{[<%]\s*track\s+"([^"]+)"\s*[>%]\}\}
//
// (csTrack, the oracle in cstate_track_test.go) made a slice of submatches
// for every line the reader and trackZone looked at, and a copy of each
// text it cut a shortcode out of. The expression matches at most one way
// from a given start (each part ends where the next must begin), and only
// where "{{" is, so the leftmost match is the first "{{" a match starts at.

// firstTrack finds the first track shortcode in s: its quoted time and
// where the shortcode starts and ends.
func firstTrack(s string) (at string, start, end int, ok bool) {
	for i := 0; i < len(s); {
		k := strings.Index(s[i:], "{{")
		if k < 0 {
			break
		}
		k += i
		if at, end, ok := trackAt(s, k); ok {
			return at, k, end, true
		}
		i = k + 1
	}
	return "", 0, 0, false
}

// trackAt matches the shortcode at k, where s holds "{{", and returns its
// quoted time and its end.
func trackAt(s string, k int) (string, int, bool) {
	j := k + len("{{")
	if j >= len(s) || s[j] != '<' && s[j] != '%' {
		return "", 0, false
	}
	j = skipRESpace(s, j+1)
	if !strings.HasPrefix(s[j:], "track") {
		return "", 0, false
	}
	j += len("track")
	if q := skipRESpace(s, j); q > j && q < len(s) && s[q] == '"' {
		j = q + 1
	} else {
		return "", 0, false
	}
	n := strings.IndexByte(s[j:], '"')
	if n <= 0 {
		return "", 0, false // no closing quote, or nothing between
	}
	at := s[j : j+n]
	j = skipRESpace(s, j+n+1)
	if j >= len(s) || s[j] != '>' && s[j] != '%' || !strings.HasPrefix(s[j+1:], "}}") {
		return "", 0, false
	}
	return at, j + 1 + len("}}"), true
}

// hasTrack reports whether s holds a track shortcode.
func hasTrack(s string) bool {
	_, _, _, ok := firstTrack(s)
	return ok
}

// withoutTracks is s with every track shortcode cut out, as
// csTrack.ReplaceAllString(s, "") gives it.
func withoutTracks(s string) string {
	var b strings.Builder
	rest := s
	for {
		_, start, end, ok := firstTrack(rest)
		if !ok {
			break
		}
		b.WriteString(rest[:start])
		rest = rest[end:]
	}
	if len(rest) == len(s) {
		return s // nothing cut
	}
	b.WriteString(rest)
	return b.String()
}
