package ingest

// A direct reader for well-formed Statuspage API JSON. encoding/json reads
// every value twice (once to find its end, once to decode it) through
// reflection, and that was half the time spent on a page of incidents.
// This reader walks the bytes once, for the shapes the API writes: objects
// with lower-case keys, strings, null, and any valid JSON in the fields it
// skips. The moment it meets anything else (a syntax error, a value of
// another type, an escaped or upper-case key, a repeated list), it gives
// up and the document is read again by decodeSPJ, the encoding/json
// reader, which says what is wrong or decodes what this one does not
// know. So what it accepts it must decode exactly as decodeSPJ does: that
// is tested on every fixture and on mutated and fuzzed documents.

import (
	"encoding/json"
	"unicode/utf8"
)

// spjFast reads JSON from data; pos is where it stands. src is data as a
// string sharing its bytes (the document's own text, see decodeSPJFast):
// plain string values, kept or only read, are cut from it, not copied.
type spjFast struct {
	data []byte
	src  string
	pos  int
	// Lists are read into these, one for the whole document, and cut
	// from them (list).
	updates    []spjUpdate
	components []spjComponent
}

// arenaChunk is how many list elements (updates, components) the fast
// reader allocates at once (list).
const arenaChunk = 256

// maxFastDepth is how deeply nested a skipped value may be before the fast
// reader leaves it to encoding/json (whose own limit is far higher).
const maxFastDepth = 200

// decodeSPJFast reads a Statuspage document held in body, which starts at
// byte base of the whole document; src is body as an immutable string
// with the same bytes (the slice of the doc's text that body views), so
// the strings decoded are slices of it: an Incident keeps its texts as
// slices of the document's text, as the text readers' incidents do. ok is
// false when the document must be read by decodeSPJ instead.
func decodeSPJFast(body []byte, src string, base int) (page spjPage, found []spjFound, ok bool) {
	if len(src) != len(body) {
		return page, nil, false // not the same bytes: a caller's mistake, left to decodeSPJ
	}
	r := &spjFast{data: body, src: src}
	r.space()
	switch r.peek() {
	case '[':
		r.pos++
		ok = r.incidentElems(&found, base, false)
		return page, found, ok
	case '{':
		r.pos++
	default:
		return page, nil, false
	}
	for first := true; ; first = false {
		r.space()
		switch c := r.peek(); {
		case c == '}':
			// As decodeSPJ, nothing after the object is read.
			return page, found, true
		case c == ',' && !first:
			r.pos++
			r.space()
		case !first:
			return page, nil, false
		}
		key, ok := r.key()
		if !ok {
			return page, nil, false
		}
		switch string(key) {
		case "page":
			ok = r.page(&page)
		case "incident":
			f := spjFound{offset: base + r.pos}
			if ok = r.incident(&f.inc); ok {
				f.end = base + r.pos
				found = append(found, f)
			}
		case "incidents", "scheduled_maintenances":
			if r.literal("null") {
				break
			}
			if r.peek() != '[' {
				return page, nil, false
			}
			r.pos++
			ok = r.incidentElems(&found, base, string(key) == "scheduled_maintenances")
		default:
			ok = r.skip(0)
		}
		if !ok {
			return page, nil, false
		}
	}
}

// incidentElems reads the incidents of an array whose "[" was read, and
// its "]", appending them to *out in place (an incident is large: read
// into a local one and then appended, each would be copied twice).
func (r *spjFast) incidentElems(out *[]spjFound, base int, maintenance bool) bool {
	r.space()
	if r.peek() == ']' {
		r.pos++
		return true
	}
	for {
		r.space()
		*out = append(*out, spjFound{offset: base + r.pos, maintenance: maintenance})
		f := &(*out)[len(*out)-1]
		if !r.incident(&f.inc) {
			return false
		}
		f.end = base + r.pos
		r.space()
		switch r.peek() {
		case ',':
			r.pos++
		case ']':
			r.pos++
			return true
		default:
			return false
		}
	}
}

// page reads the page object into p, over what an earlier "page" set, as
// encoding/json does.
func (r *spjFast) page(p *spjPage) bool {
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "name":
			return r.str(&p.Name)
		case "url":
			return r.str(&p.URL)
		case "time_zone":
			return r.str(&p.TimeZone)
		}
		return r.skip(0)
	})
}

// incident reads one incident or maintenance (or null, a zero one).
func (r *spjFast) incident(j *spjIncident) bool {
	var seenUpdates, seenComponents bool
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			return r.str(&j.ID)
		case "name":
			return r.str(&j.Name)
		case "status":
			return r.str(&j.Status)
		case "impact":
			return r.str(&j.Impact)
		case "shortlink":
			return r.str(&j.Shortlink)
		case "created_at":
			return r.str(&j.CreatedAt)
		case "monitoring_at":
			return r.str(&j.MonitoringAt)
		case "resolved_at":
			return r.str(&j.ResolvedAt)
		case "started_at":
			return r.str(&j.StartedAt)
		case "scheduled_for":
			return r.str(&j.ScheduledFor)
		case "scheduled_until":
			return r.str(&j.ScheduledUntil)
		case "postmortem_body":
			return r.str(&j.PostmortemBody)
		case "postmortem_published_at":
			return r.str(&j.PostmortemPublishedAt)
		case "incident_updates":
			// encoding/json would decode a second list over the
			// first one's elements: left to it.
			if seenUpdates {
				return false
			}
			seenUpdates = true
			return list(r, &j.Updates, &r.updates, r.update)
		case "components":
			if seenComponents {
				return false
			}
			seenComponents = true
			return list(r, &j.Components, &r.components, func(c *spjComponent) bool {
				return r.object(func(key []byte) bool {
					if string(key) == "name" {
						return r.str(&c.Name)
					}
					return r.skip(0)
				})
			})
		}
		return r.skip(0)
	})
}

// update reads one incident update.
func (r *spjFast) update(u *spjUpdate) bool {
	return r.object(func(key []byte) bool {
		switch string(key) {
		case "id":
			return r.str(&u.ID)
		case "status":
			return r.str(&u.Status)
		case "body":
			return r.str(&u.Body)
		case "created_at":
			return r.str(&u.CreatedAt)
		case "display_at":
			return r.str(&u.DisplayAt)
		}
		return r.skip(0)
	})
}

// list reads an array of objects into a slice, or null (a nil slice).
// The elements are read into arena, the document's current chunk (of
// arenaChunk elements once past the first few), and *dst is cut from it, capped at its
// length so that an append to it copies rather than writing over the next
// list's: a document's lists take one allocation per chunk rather than
// one each, and a full chunk is left to the lists cut from it, not copied
// (only the list being read moves to the next). An empty array is an
// empty, non-nil slice, as encoding/json makes it.
func list[T any](r *spjFast, dst *[]T, arena *[]T, elem func(*T) bool) bool {
	if r.literal("null") {
		*dst = nil
		return true
	}
	if r.peek() != '[' {
		return false
	}
	r.pos++
	buf := *arena
	start := len(buf)
	r.space()
	if r.peek() != ']' {
		for {
			r.space()
			if len(buf) == cap(buf) {
				n := len(buf) - start
				// Small for a small document, then chunks.
				next := make([]T, n, max(min(2*cap(buf), arenaChunk), 8, 2*n))
				copy(next, buf[start:])
				buf, start = next, 0
			}
			// Read in place: a local element would escape to the heap.
			var zero T
			buf = append(buf, zero)
			if !elem(&buf[len(buf)-1]) {
				return false
			}
			r.space()
			if r.peek() != ',' {
				break
			}
			r.pos++
		}
		if r.peek() != ']' {
			return false
		}
	}
	r.pos++
	*arena = buf
	if len(buf) == start {
		*dst = []T{}
		return true
	}
	*dst = buf[start:len(buf):len(buf)]
	return true
}

// object reads an object (or null, which changes nothing), calling field
// at each key with the reader on the key's value.
func (r *spjFast) object(field func(key []byte) bool) bool {
	if r.literal("null") {
		return true
	}
	if r.peek() != '{' {
		return false
	}
	r.pos++
	r.space()
	if r.peek() == '}' {
		r.pos++
		return true
	}
	for {
		r.space()
		key, ok := r.key()
		if !ok || !field(key) {
			return false
		}
		r.space()
		switch r.peek() {
		case ',':
			r.pos++
		case '}':
			r.pos++
			return true
		default:
			return false
		}
	}
}

// key reads an object key and its colon, leaving the reader on the value.
// Only keys that need no decoding are read: plain lower-case ASCII, digits
// and punctuation, which encoding/json matches to a field only when equal
// to its name (it also matches other cases and some non-ASCII letters).
func (r *spjFast) key() ([]byte, bool) {
	if r.peek() != '"' {
		return nil, false
	}
	start := r.pos + 1
	for i := start; i < len(r.data); i++ {
		c := r.data[i]
		switch {
		case c == '"':
			r.pos = i + 1
			r.space()
			if r.peek() != ':' {
				return nil, false
			}
			r.pos++
			r.space()
			return r.data[start:i], true
		case c < 0x20 || c == '\\' || c >= utf8.RuneSelf || 'A' <= c && c <= 'Z':
			return nil, false
		}
	}
	return nil, false
}

// str reads a string into *dst, or null, which leaves *dst as it was (as
// encoding/json does). A plain string (no escapes, valid UTF-8) is cut
// from src, the document's immutable text, not copied.
func (r *spjFast) str(dst *string) bool {
	if r.literal("null") {
		return true
	}
	start := r.pos
	plain, ok := r.skipString()
	if !ok {
		return false
	}
	if plain {
		*dst = r.src[start+1 : r.pos-1]
		return true
	}
	// Escapes or invalid UTF-8: decoded by encoding/json itself, so
	// exactly as it would (into a new string).
	var v string
	if json.Unmarshal(r.data[start:r.pos], &v) != nil {
		return false
	}
	*dst = v
	return true
}

// skipString moves past a valid JSON string. plain says it has no escapes
// and is valid UTF-8, so its bytes are its value.
func (r *spjFast) skipString() (plain, ok bool) {
	if r.peek() != '"' {
		return false, false
	}
	plain = true
	var high byte
	start := r.pos + 1
	for i := start; i < len(r.data); i++ {
		c := r.data[i]
		switch {
		case c == '"':
			r.pos = i + 1
			if high >= utf8.RuneSelf && plain {
				plain = utf8.Valid(r.data[start:i])
			}
			return plain, true
		case c < 0x20:
			return false, false
		case c == '\\':
			plain = false
			i++
			if i >= len(r.data) {
				return false, false
			}
			switch r.data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(r.data) {
					return false, false
				}
				for _, h := range r.data[i+1 : i+5] {
					if !isHex(h) {
						return false, false
					}
				}
				i += 4
			default:
				return false, false
			}
		}
		high |= c
	}
	return false, false
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// skip moves past any valid JSON value, depth levels deep already.
func (r *spjFast) skip(depth int) bool {
	switch c := r.peek(); {
	case c == '"':
		_, ok := r.skipString()
		return ok
	case c == '{', c == '[':
		if depth >= maxFastDepth {
			return false
		}
		return r.skipComposite(depth)
	case c == 't':
		return r.literal("true")
	case c == 'f':
		return r.literal("false")
	case c == 'n':
		return r.literal("null")
	case c == '-' || '0' <= c && c <= '9':
		return r.number()
	}
	return false
}

// skipComposite moves past an object or array.
func (r *spjFast) skipComposite(depth int) bool {
	closing := byte('}')
	if r.data[r.pos] == '[' {
		closing = ']'
	}
	r.pos++
	r.space()
	if r.peek() == closing {
		r.pos++
		return true
	}
	for {
		r.space()
		if closing == '}' {
			if _, ok := r.skipString(); !ok {
				return false
			}
			r.space()
			if r.peek() != ':' {
				return false
			}
			r.pos++
			r.space()
		}
		if !r.skip(depth + 1) {
			return false
		}
		r.space()
		switch r.peek() {
		case ',':
			r.pos++
		case closing:
			r.pos++
			return true
		default:
			return false
		}
	}
}

// number moves past a JSON number:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (r *spjFast) number() bool {
	if r.peek() == '-' {
		r.pos++
	}
	switch c := r.peek(); {
	case c == '0':
		r.pos++
	case '1' <= c && c <= '9':
		r.digits()
	default:
		return false
	}
	if r.peek() == '.' {
		r.pos++
		if !r.digits() {
			return false
		}
	}
	if c := r.peek(); c == 'e' || c == 'E' {
		r.pos++
		if c := r.peek(); c == '+' || c == '-' {
			r.pos++
		}
		if !r.digits() {
			return false
		}
	}
	return true
}

// digits moves past one or more digits.
func (r *spjFast) digits() bool {
	start := r.pos
	for r.pos < len(r.data) && '0' <= r.data[r.pos] && r.data[r.pos] <= '9' {
		r.pos++
	}
	return r.pos > start
}

// literal moves past word if the reader stands on it.
func (r *spjFast) literal(word string) bool {
	if len(r.data)-r.pos >= len(word) && string(r.data[r.pos:r.pos+len(word)]) == word {
		r.pos += len(word)
		return true
	}
	return false
}

// space moves past JSON white space.
func (r *spjFast) space() {
	for r.pos < len(r.data) {
		switch r.data[r.pos] {
		case ' ', '\t', '\r', '\n':
			r.pos++
		default:
			return
		}
	}
}

// peek returns the byte the reader stands on, or 0 at the end.
func (r *spjFast) peek() byte {
	if r.pos < len(r.data) {
		return r.data[r.pos]
	}
	return 0
}
