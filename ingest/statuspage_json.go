package ingest

// Statuspage REST API JSON (/api/v2): incidents.json, incidents/unresolved.json,
// scheduled-maintenances.json (and upcoming/active), summary.json and a single
// incident (incidents/<id>.json). Every document is an object holding "page"
// and one of "incident", "incidents", "scheduled_maintenances"; a bare array of
// incidents and a JavaScript wrapper ("var history = [...];") are read too.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"slices"
	"strings"
	"time"
)

// spjIncident is the part of a Statuspage incident or maintenance mttx uses.
// The fast reader cuts its plain string values from the document's text
// (decodeSPJFast), which stays alive while they or the Incident's texts
// made from them do.
type spjIncident struct {
	ID                    string         `json:"id"`
	Name                  string         `json:"name"`
	Status                string         `json:"status"`
	Impact                string         `json:"impact"`
	Shortlink             string         `json:"shortlink"`
	CreatedAt             string         `json:"created_at"`
	MonitoringAt          string         `json:"monitoring_at"`
	ResolvedAt            string         `json:"resolved_at"`
	StartedAt             string         `json:"started_at"`
	ScheduledFor          string         `json:"scheduled_for"`
	ScheduledUntil        string         `json:"scheduled_until"`
	PostmortemBody        string         `json:"postmortem_body"`
	PostmortemPublishedAt string         `json:"postmortem_published_at"`
	Updates               []spjUpdate    `json:"incident_updates"`
	Components            []spjComponent `json:"components"`
}

type spjUpdate struct {
	ID        string `json:"id"`
	Status    string `json:"status"`
	Body      string `json:"body"`
	CreatedAt string `json:"created_at"`
	DisplayAt string `json:"display_at"`
}

type spjComponent struct {
	Name string `json:"name"`
}

type spjPage struct {
	Name     string `json:"name"`
	URL      string `json:"url"`
	TimeZone string `json:"time_zone"`
}

// jsonBody returns the JSON inside data: as is, or without a JavaScript
// wrapper ("var x = {...};").
func jsonBody(data []byte) ([]byte, int) {
	trimmed := bytes.TrimLeft(data, " \t\r\n\xef\xbb\xbf")
	skipped := len(data) - len(trimmed)
	if len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[') {
		return trimmed, skipped
	}
	eq := bytes.IndexByte(trimmed, '=')
	if eq < 0 || eq > 200 || !bytes.HasPrefix(bytes.TrimSpace(trimmed[:eq]), []byte("var ")) &&
		!bytes.HasPrefix(bytes.TrimSpace(trimmed[:eq]), []byte("const ")) && !bytes.HasPrefix(bytes.TrimSpace(trimmed[:eq]), []byte("let ")) {
		return nil, 0
	}
	rest := bytes.TrimLeft(trimmed[eq+1:], " \t\r\n")
	off := len(data) - len(rest)
	rest = bytes.TrimRight(rest, " \t\r\n;")
	if len(rest) == 0 || (rest[0] != '{' && rest[0] != '[') {
		return nil, 0
	}
	return rest, off
}

// detectStatuspageJSON recognises Statuspage API JSON by its update lists.
func detectStatuspageJSON(d *doc) (int, string) {
	body, _ := jsonBody(d.data)
	if body == nil {
		return 0, "not a JSON document"
	}
	switch {
	case bytes.Contains(body, []byte(`"incident_updates"`)):
		return 3, `JSON with "incident_updates" (Statuspage API)`
	case bytes.Contains(body, []byte(`"page"`)) && (bytes.Contains(body, []byte(`"incidents"`)) || bytes.Contains(body, []byte(`"scheduled_maintenances"`))):
		return 2, `JSON with "page" and "incidents" (Statuspage API)`
	}
	return 0, `JSON without "incident_updates"`
}

// parseStatuspageJSON reads every incident and maintenance of a document.
func parseStatuspageJSON(d *doc) ([]Incident, error) {
	body, base := jsonBody(d.data)
	if body == nil {
		return nil, lineErrorf(1, ErrUnknownFormat, "want a JSON object or array")
	}
	lines := newLineIndex(d.data)
	// body is d.data[base:base+len(body)]; the same bytes of the doc's
	// string are its text, made once for every reader.
	page, found, ok := decodeSPJFast(body, d.str()[base:base+len(body)], base)
	if !ok {
		var err error
		if page, found, err = decodeSPJ(d.data, body, base, lines); err != nil {
			return nil, err
		}
	}
	if len(found) == 0 {
		return nil, lineErrorf(1, ErrNoUpdates, "Statuspage JSON without incidents or maintenances (want incidents.json, scheduled-maintenances.json, summary.json or incidents/<id>.json)")
	}
	// The lines of every update body and postmortem, most of one line,
	// are cut from one buffer made for the document (bodyLinesIn).
	nbodies := 0
	for _, f := range found {
		nbodies += min(len(f.inc.Updates), MaxUpdates+1) + 1
	}
	scratch := spjScratch{bodies: make([]line, 0, nbodies)}
	var out []Incident
	for _, f := range found {
		if n := len(f.inc.Updates); n > MaxUpdates {
			// Checked before the updates are placed on their lines,
			// which costs more the more there are.
			return nil, tooManyUpdates(lines.at(f.offset), n, "the incident on this line")
		}
		inc := spjToIncident(f, page, d, lines, &scratch)
		if len(inc.Updates) == 0 {
			continue
		}
		out = append(out, inc)
	}
	if len(out) == 0 {
		return nil, lineErrorf(lines.at(found[0].offset), ErrNoUpdates, "no incident has an update with a readable display_at or created_at")
	}
	return out, nil
}

// decodeSPJ reads the page and the incidents of a document with
// encoding/json: what decodeSPJFast leaves to it, and every error.
func decodeSPJ(data, body []byte, base int, lines lineIndex) (spjPage, []spjFound, error) {
	var page spjPage
	var found []spjFound
	dec := json.NewDecoder(bytes.NewReader(body))
	tok, err := dec.Token()
	if err != nil {
		return page, nil, jsonError(lines, base, dec, err)
	}
	switch tok {
	case json.Delim('['):
		if found, err = decodeIncidentElems(dec, data, base, false); err != nil {
			return page, nil, jsonError(lines, base, dec, err)
		}
	case json.Delim('{'):
		for dec.More() {
			key, err := dec.Token()
			if err != nil {
				return page, nil, jsonError(lines, base, dec, err)
			}
			var ferr error
			var fs []spjFound
			switch key {
			case "page":
				ferr = dec.Decode(&page)
			case "incident":
				var f spjFound
				f.offset = valueStart(data, base+int(dec.InputOffset()))
				ferr = dec.Decode(&f.inc)
				f.end = base + int(dec.InputOffset())
				fs = []spjFound{f}
			case "incidents":
				fs, ferr = decodeIncidents(dec, data, base, false)
			case "scheduled_maintenances":
				fs, ferr = decodeIncidents(dec, data, base, true)
			default:
				var skip json.RawMessage
				ferr = dec.Decode(&skip)
			}
			if ferr != nil {
				return page, nil, jsonError(lines, base, dec, ferr)
			}
			found = append(found, fs...)
		}
	default:
		return page, nil, lineErrorf(1, ErrUnknownFormat, "want a JSON object or array")
	}
	return page, found, nil
}

// spjFound is an incident decoded with the byte offsets where it starts
// and ends (just after its closing brace).
type spjFound struct {
	inc         spjIncident
	offset, end int
	maintenance bool
}

// decodeIncidents reads an array of incidents at the decoder's position.
func decodeIncidents(dec *json.Decoder, data []byte, base int, maintenance bool) ([]spjFound, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if tok == nil {
		return nil, nil // "incidents": null
	}
	if tok != json.Delim('[') {
		return nil, errors.New("want an array of incidents")
	}
	return decodeIncidentElems(dec, data, base, maintenance)
}

// decodeIncidentElems reads the elements of an array whose "[" was read,
// and its "]".
func decodeIncidentElems(dec *json.Decoder, data []byte, base int, maintenance bool) ([]spjFound, error) {
	var out []spjFound
	for dec.More() {
		f := spjFound{offset: valueStart(data, base+int(dec.InputOffset())), maintenance: maintenance}
		if err := dec.Decode(&f.inc); err != nil {
			return nil, err
		}
		f.end = base + int(dec.InputOffset())
		out = append(out, f)
	}
	_, err := dec.Token() // ']'
	return out, err
}

// jsonError locates a JSON syntax or type error.
func jsonError(lines lineIndex, base int, dec *json.Decoder, err error) *ParseError {
	off := base + int(dec.InputOffset())
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = base + int(se.Offset)
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		// Where the decoder stood is where the unfinished value began;
		// what is missing is at the end.
		return lineErrorf(len(lines), ErrUnknownFormat, "JSON: the document ends in the middle of a value (truncated?)")
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		off = base + int(te.Offset)
		// Said in JSON's words, not Go's (struct and field types).
		return lineErrorf(lines.at(off), ErrUnknownFormat, "JSON: %q is %s, want %s", te.Field, article(te.Value), jsonKind(te.Type))
	}
	return lineErrorf(lines.at(off), ErrUnknownFormat, "JSON: %v", err)
}

// jsonKind names the JSON value a Go type is decoded from.
func jsonKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.String:
		return "a string"
	case reflect.Slice, reflect.Array:
		return "an array"
	case reflect.Struct, reflect.Map:
		return "an object"
	case reflect.Bool:
		return "true or false"
	case reflect.Pointer:
		return jsonKind(t.Elem()) + " or null"
	}
	return "a number"
}

// article puts "a" or "an" before a JSON value kind ("number", "array").
func article(kind string) string {
	if strings.IndexByte("aeiou", kind[0]) >= 0 {
		return "an " + kind
	}
	return "a " + kind
}

// jsonTime reads an API timestamp ("2023-04-11T14:22:00.123-04:00"), in
// the years the text date reader accepts: year 0 or 9999 is a placeholder
// or a corrupt value, and would turn every duration into millennia.
func jsonTime(s string) (time.Time, bool) {
	if s == "" {
		return time.Time{}, false
	}
	// The API's own shape, read directly: its year is the one written,
	// which Year gives in the stamp's zone.
	if t, year, ok := parseRFC3339(s); ok {
		if year < 1970 || year > 2200 {
			return time.Time{}, false
		}
		return t, true
	}
	t, err := time.Parse(time.RFC3339Nano, s)
	if err != nil || t.Year() < 1970 || t.Year() > 2200 {
		return time.Time{}, false
	}
	return t.UTC(), true
}

// spjScratch is what spjToIncident reuses across a document's incidents.
type spjScratch struct {
	bodies []line // the buffer bodyLinesIn cuts body lines from
	ids    []int  // idOffsets' answer for the incident at hand
}

// spjToIncident turns one API incident into an Incident.
func spjToIncident(f spjFound, page spjPage, d *doc, lines lineIndex, scratch *spjScratch) Incident {
	j := f.inc
	inc := Incident{Format: FormatStatuspageJSON, Organization: strings.TrimSpace(page.Name), Title: strings.TrimSpace(j.Name)}
	inc.Source.Line = lines.at(f.offset)
	if imp, ok := ParseImpact(j.Impact); ok {
		inc.Impact = imp
	}
	maintenance := f.maintenance || inc.Impact == ImpactMaintenance || j.ScheduledFor != ""
	if maintenance {
		inc.Impact = ImpactMaintenance
	}
	named := 0
	for _, c := range j.Components {
		if strings.TrimSpace(c.Name) != "" {
			named++
		}
	}
	if named > 0 {
		// Made once, at its length (nil when no component is named).
		inc.Components = make([]Component, 0, named)
		for _, c := range j.Components {
			if name := strings.TrimSpace(c.Name); name != "" {
				inc.Components = append(inc.Components, Component{Name: name})
			}
		}
	}
	pmAt, pm := jsonTime(j.PostmortemPublishedAt)
	pm = pm && strings.TrimSpace(j.PostmortemBody) != ""
	var texts []proseBlock
	if len(j.Updates) > 0 || pm {
		// Made once, with room for what standIn and the postmortem
		// add: orderUpdates sorts the list in place.
		extra := 0
		for _, b := range []bool{j.MonitoringAt != "", j.ResolvedAt != "", pm} {
			if b {
				extra++
			}
		}
		inc.Updates = make([]Update, 0, len(j.Updates)+extra)
		texts = make([]proseBlock, 0, len(j.Updates)+1)
	}
	if pm {
		// The postmortem's prose comes first (reverseProse keeps it
		// there); its update is added after the list's are ordered.
		texts = append(texts, proseBlock{Lines: bodyLinesIn(&scratch.bodies, j.PostmortemBody, inc.Source.Line), Postmortem: true})
	}
	at := idOffsets(scratch.ids, d.data, min(f.offset, len(d.data)), f.end, j.Updates)
	scratch.ids = at
	for k, u := range j.Updates {
		line := inc.Source.Line
		if at[k] >= 0 {
			line = lines.at(at[k])
		}
		at, ok := jsonTime(u.DisplayAt)
		if !ok {
			at, ok = jsonTime(u.CreatedAt)
		}
		if !ok {
			inc.warnf(line, "update without a readable display_at or created_at (RFC 3339, years 1970 to 2200): skipped")
			continue
		}
		st, known := ParseStatus(u.Status)
		if !known {
			st = StatusUpdate
			inc.warnf(line, "unknown update status %q: read as an update", u.Status)
		}
		inc.Updates = append(inc.Updates, Update{Status: st, Word: u.Status, At: at, Text: strings.TrimSpace(u.Body), Line: line})
		texts = append(texts, proseBlock{Lines: bodyLinesIn(&scratch.bodies, u.Body, line)})
	}
	inc.Updates = orderUpdates(&inc, inc.Updates)
	standIn(&inc, j)
	if pm {
		inc.Postmortem = &Text{Body: strings.TrimSpace(j.PostmortemBody), Line: inc.Source.Line}
		inc.Updates = append(inc.Updates, Update{Status: StatusPostmortem, Word: "postmortem", At: pmAt, Text: inc.Postmortem.Body, Line: inc.Source.Line})
	}
	sortUpdatesStable(inc.Updates)
	// Prose is read oldest first, after any postmortem.
	reverseProse(texts)
	finish(&inc, d, finishing{texts: texts, maintenance: maintenance})
	// started_at before created_at is the page's own statement of when the
	// impact began (a backdated start); equal (to the minute) says nothing.
	if inc.ImpactStart == nil {
		started, ok1 := jsonTime(j.StartedAt)
		created, ok2 := jsonTime(j.CreatedAt)
		if ok1 && ok2 && created.Sub(started).Abs() >= time.Minute {
			inc.ImpactStart = &Stated{At: started, Line: inc.Source.Line, Text: "started_at " + j.StartedAt}
		}
	}
	inc.computeID()
	return inc
}

// idOffsets returns where each update's ID is first written as a JSON
// string ("ID", quotes included) in data at or after from, or -1 (always
// for an empty ID): firstIndex for each, but found in one pass over the
// quotes of the incident's bytes (up to end) for IDs without quotes.
//
// The answer is written over buf when it has room (a scratch slice reused
// from incident to incident).
func idOffsets(buf []int, data []byte, from, end int, us []spjUpdate) []int {
	at := slices.Grow(buf[:0], len(us))[:len(us)]
	left := 0       // IDs the pass can find
	var lens uint64 // their lengths, below 64
	for k, u := range us {
		at[k] = -1
		if quoteFree(u.ID) {
			left++
			if len(u.ID) < 64 {
				lens |= 1 << len(u.ID)
			}
		}
	}
	win := data[:min(max(end, from), len(data))]
	// A quote-free ID written whole in the incident lies between two
	// consecutive quotes p and q: "ID" is exactly win[p:q+1].
	p := bytes.IndexByte(win[from:], '"')
	if p >= 0 {
		p += from
	}
	for p >= 0 && left > 0 {
		j := bytes.IndexByte(win[p+1:], '"')
		if j < 0 {
			break
		}
		q := p + 1 + j
		if n := q - p - 1; n >= 64 || lens&(1<<n) != 0 {
			for k, u := range us {
				if at[k] < 0 && len(u.ID) == n && quoteFree(u.ID) && string(win[p+1:q]) == u.ID {
					at[k] = p
					left--
				}
			}
		}
		p = q
	}
	var needle []byte
	for k, u := range us {
		if at[k] >= 0 || u.ID == "" {
			continue
		}
		needle = append(append(append(needle[:0], '"'), u.ID...), '"')
		at[k] = firstIndex(data, from, end, needle)
	}
	return at
}

// quoteFree reports whether id is not empty and has no quote.
func quoteFree(id string) bool {
	return id != "" && strings.IndexByte(id, '"') < 0
}

// firstIndex returns the offset of the first needle in data at or after
// from, or -1. The incident's own bytes, up to end, are searched first: an
// update's ID is nearly always there, and a match found there is the first
// one (an earlier match could not end later), so a long document is read
// past the incident only when the ID is not in it.
func firstIndex(data []byte, from, end int, needle []byte) int {
	end = min(max(end, from), len(data))
	if i := bytes.Index(data[from:end], needle); i >= 0 {
		return from + i
	}
	// A match starting before end-len(needle)+1 would lie inside the
	// incident, and there is none.
	rest := max(from, end-len(needle)+1)
	if i := bytes.Index(data[rest:], needle); i >= 0 {
		return rest + i
	}
	return -1
}

// standIn adds the monitoring and resolved updates a cut-short update list
// lost, from the incident's monitoring_at and resolved_at.
func standIn(inc *Incident, j spjIncident) {
	has := func(s Status) bool {
		for _, u := range inc.Updates {
			if u.Status == s {
				return true
			}
		}
		return false
	}
	for _, c := range []struct {
		at string
		st Status
	}{{j.MonitoringAt, StatusMonitoring}, {j.ResolvedAt, StatusResolved}} {
		at, ok := jsonTime(c.at)
		if !ok || has(c.st) || len(inc.Updates) == 0 {
			continue
		}
		if c.st == StatusResolved && has(StatusCompleted) {
			continue
		}
		inc.Updates = append(inc.Updates, Update{Status: c.st, Inferred: true, At: at, Line: inc.Source.Line})
		inc.warnf(inc.Source.Line, "no %s update in the list: the incident's %s_at stands in for it", c.st, c.st)
	}
}

// bodyLines splits an update body into lines numbered from line.
func bodyLines(body string, line int) []line {
	ls := splitText(body)
	for i := range ls {
		ls[i].N = line
	}
	return ls
}

// bodyLinesIn is bodyLines, but the line of a clean one-line body (most
// are) is cut from *buf, grown as needed, rather than made on its own.
// Each body's lines are a full slice (capped at their length), so an
// append to them copies rather than writing over the next body's.
func bodyLinesIn(buf *[]line, body string, n int) []line {
	if clean, oneLine := cleanText(body); !clean || !oneLine {
		return bodyLines(body, n)
	}
	start := len(*buf)
	*buf = append(*buf, line{N: n, Text: strings.TrimSpace(body)})
	return (*buf)[start:len(*buf):len(*buf)]
}

// reverseProse puts update prose oldest first (API lists are newest
// first), keeping a leading postmortem in place.
func reverseProse(texts []proseBlock) {
	start := 0
	if len(texts) > 0 && texts[0].Postmortem {
		start = 1
	}
	rest := texts[start:]
	for i, j := 0, len(rest)-1; i < j; i, j = i+1, j-1 {
		rest[i], rest[j] = rest[j], rest[i]
	}
}

// valueStart skips what a JSON decoder's offset may still point before the
// next value: white space, ":" and ",".
func valueStart(data []byte, off int) int {
	for off < len(data) && strings.IndexByte(" \t\r\n:,", data[off]) >= 0 {
		off++
	}
	return off
}

// lineIndex maps byte offsets to 1-based line numbers.
type lineIndex []int // offsets where each line starts

func newLineIndex(data []byte) lineIndex {
	idx := lineIndex{0}
	for i := 0; ; {
		j := bytes.IndexByte(data[i:], '\n')
		if j < 0 {
			return idx
		}
		i += j + 1
		idx = append(idx, i)
	}
}

// at returns the line of byte offset off.
func (idx lineIndex) at(off int) int {
	lo, hi := 0, len(idx)-1
	for lo < hi {
		mid := (lo + hi + 1) / 2
		if idx[mid] <= off {
			lo = mid
		} else {
			hi = mid - 1
		}
	}
	return lo + 1
}
