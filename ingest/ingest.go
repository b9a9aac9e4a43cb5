package ingest

import (
	"bytes"
	"cmp"
	"fmt"
	"math/bits"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
	"unsafe"
)

// Format is an input format mttx reads.
type Format uint8

// The formats, named as in the corpus labels.
const (
	FormatUnknown Format = iota
	FormatStatuspageText
	FormatAggregatorText
	FormatStatuspageJSON
	FormatCState
	FormatMarkdownPostmortem
	FormatTextPostmortem
	FormatStampedText
	FormatCachetText
	FormatHTML
	FormatHistoryText
)

var formatNames = [...]string{"unknown", "statuspage-text", "aggregator-text", "statuspage-json",
	"cstate-markdown", "markdown-postmortem", "blog-postmortem", "stamped-updates-text", "cachet-text", "html",
	"statuspage-history-text"}

func (f Format) String() string {
	if int(f) >= 0 && int(f) < len(formatNames) {
		return formatNames[f]
	}
	return "unknown"
}

// Formats lists the formats mttx can read, in the order detection tries
// them.
func Formats() []Format {
	return []Format{FormatHTML, FormatStatuspageJSON, FormatCState, FormatStatuspageText, FormatAggregatorText,
		FormatHistoryText, FormatCachetText, FormatStampedText, FormatMarkdownPostmortem, FormatTextPostmortem}
}

// ParseFormat reads a format name as given on the command line; "auto"
// (or "") means detect, and gives FormatUnknown.
func ParseFormat(s string) (Format, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || s == "auto" {
		return FormatUnknown, nil
	}
	for _, f := range Formats() {
		if f.String() == s {
			return f, nil
		}
	}
	names := make([]string, 0, len(Formats()))
	for _, f := range Formats() {
		names = append(names, f.String())
	}
	return FormatUnknown, fmt.Errorf("unknown input format %q (want auto, %s)", s, strings.Join(names, ", "))
}

// doc is one input as every reader sees it: the raw bytes, the trimmed
// numbered lines, the document's numeric date order and the options. The
// lines and the order are made when first asked for (lines, order): the
// Statuspage JSON reader, which reads the bytes, needs only the order.
type doc struct {
	// data is the input's bytes, which nothing writes: a doc made by
	// ParseString shares them with text (its bytes are text's own, read
	// in place), and a write would change text and every string sliced
	// from it.
	data []byte
	// text is data as a string: the string ParseString was given, or
	// data copied once (str) in a doc made of bytes. The lines are slices
	// of it when it is clean.
	text  string
	split []line
	ord   dateOrder
	// What has been made once: text, split (with clean), ord and fm. The
	// flags are kept together, where they take one word of the doc, which
	// every input allocates.
	textDone, splitDone, ordDone, fmDone bool
	// clean reports that splitText had nothing to clean in text (see
	// cleanText): it is valid UTF-8 and its lines are its pieces between
	// line feeds, trimmed. Set with the lines.
	clean bool
	opts  Options
	// limit is the first limit an incident of the document broke (see
	// checkLimits); Parse returns it instead of the incidents.
	limit *ParseError
	// fm is the document's front matter once read (fmDone): two detectors
	// and a reader ask for it, and decoding YAML costs more than the rest.
	fm frontMatterRead
	// summary is the aggregator summary line detection found, if it ran
	// and found one (its m is then not nil).
	summary summaryMatch
	// reportFor is the Statuspage "Incident Report for" line detection
	// found, if it ran and found one. It holds its submatches by value: a
	// slice of an array in the doc would point the doc at itself, which
	// keeps it off Parse's stack.
	reportFor reportForMatch
	// fmScans are the front matter values scanned for dates (see fmScan).
	fmScans []scanned
	// cachet are the Cachet follow-ups once read (see cachetFollowUps).
	cachet *[]cachetHit
	// stamps are the timestamp lines once read (see stampLines).
	stamps     []stampLine
	stampsDone bool
	// pooled is the buffer of linePool check split the lines into, given
	// back by release.
	pooled *[]line
	// digits marks which of the first lines hold an ASCII digit (see
	// digitLines). Held by value: the doc stays on Parse's stack, and the
	// memo costs no allocation.
	digits digitMemo
}

// digitMemo marks which of a document's first digitMemoLines lines hold
// an ASCII digit, a bit for each, as far as the detectors have looked
// (upto): it is filled as they ask, so that the aggregator's, which stops
// at the summary line near the top of its pages, looks no further.
type digitMemo struct {
	bits [digitMemoLines / 64]uint64
	upto int // the lines before upto are marked
}

// digitMemoLines is how many of a document's first lines a digitMemo
// covers: as many as most reports have. Lines after them are tested as
// they are asked for, and not kept.
const digitMemoLines = 512

// digitLines returns the document's lines and the memo of those that
// hold an ASCII digit (see digitMemo.next). The detectors of the formats
// built on dates (the aggregator's summary and update lines, the list
// pages' headings and spans, stamp lines) ask every line for a date or a
// time, which no line without an ASCII digit holds (the date scanner
// reads numbers from ASCII digits only, and the expressions and matchers
// they replaced ask for \d): each line is looked over for digits once,
// for all of them, eight bytes at a time, and the prose of a postmortem,
// tried by every detector before its own, is passed over at one bit test
// a line by the second and third.
func (d *doc) digitLines() ([]line, *digitMemo) {
	return d.lines(), &d.digits
}

// next returns the index of the first of the lines ls from i on that
// holds an ASCII digit, or len(ls) when none does: a marked line below
// digitMemoLines, or a line from there on that indexDigit finds one in.
// The lines below i are marked first, if they are not yet. The detectors
// ask for no other test of a digit in the lines it returns.
func (m *digitMemo) next(ls []line, i int) int {
	n := min(len(ls), digitMemoLines)
	for i < n {
		for ; m.upto <= i; m.upto++ {
			if indexDigit(ls[m.upto].Text) >= 0 {
				m.bits[uint(m.upto)/64] |= 1 << (uint(m.upto) % 64)
			}
		}
		// The lines from i to upto are marked; the bits after upto are
		// clear.
		if w := m.bits[uint(i)/64] >> (uint(i) % 64); w != 0 {
			return i + bits.TrailingZeros64(w)
		}
		i = min(i|63+1, m.upto)
	}
	for i = max(i, n); i < len(ls); i++ {
		if indexDigit(ls[i].Text) >= 0 {
			return i
		}
	}
	return len(ls)
}

// reader is one input format: how to recognise it (detect) and how to
// read it (parse). Its methods are the dispatch points from a format to
// its functions, which they call directly, in a switch, not through
// function values: the compiler cannot tell what a function value does
// with the doc, so a doc handed to one is allocated on the heap, once for
// every input, while a doc only handed to functions that keep no pointer
// to it stays on Parse's stack.
type reader struct {
	format Format
}

// readerFor returns the reader of a format mttx reads.
func readerFor(f Format) (reader, bool) {
	if f == FormatUnknown || int(f) >= len(formatNames) {
		return reader{}, false
	}
	return reader{format: f}, true
}

// detect scores a document: 0 is no match, higher is surer; why says what
// matched or what was missing.
func (r reader) detect(d *doc) (score int, why string) {
	switch r.format {
	case FormatStatuspageText:
		return detectStatuspage(d)
	case FormatAggregatorText:
		return detectAggregator(d)
	case FormatStatuspageJSON:
		return detectStatuspageJSON(d)
	case FormatCState:
		return detectCState(d)
	case FormatMarkdownPostmortem:
		return detectMarkdown(d)
	case FormatTextPostmortem:
		return detectText(d)
	case FormatStampedText:
		return detectStamped(d)
	case FormatCachetText:
		return detectCachet(d)
	case FormatHTML:
		return detectHTML(d)
	case FormatHistoryText:
		return detectHistory(d)
	}
	return 0, "not a format mttx reads"
}

// parse reads a document's incidents: the formats of many incidents a
// document give them all, the others their one.
func (r reader) parse(d *doc) ([]Incident, error) {
	var inc Incident
	var err error
	switch r.format {
	case FormatStatuspageJSON:
		return parseStatuspageJSON(d)
	case FormatHTML:
		return parseHTML(d)
	case FormatHistoryText:
		return parseHistory(d)
	case FormatStatuspageText:
		inc, err = parseStatuspage(d)
	case FormatAggregatorText:
		inc, err = parseAggregator(d)
	case FormatCState:
		inc, err = parseCState(d)
	case FormatMarkdownPostmortem:
		inc, err = parseMarkdown(d)
	case FormatTextPostmortem:
		inc, err = parseText(d)
	case FormatStampedText:
		inc, err = parseStamped(d)
	case FormatCachetText:
		inc, err = parseCachet(d)
	default:
		return nil, fmt.Errorf("%w: %s", ErrUnknownFormat, r.format)
	}
	if err != nil {
		return nil, err
	}
	return []Incident{inc}, nil
}

// Detection says which format an input was read as, and why.
type Detection struct {
	Format Format
	Reason string
	// Tried lists every format tried with what it found, in order.
	Tried []Attempt
}

// Attempt is one format detection tried and what its detector found.
// The two are kept apart and joined only when printed (String): detection
// runs on every input, and --explain alone prints the attempts.
type Attempt struct {
	Format Format
	Why    string
}

// String is the attempt as --explain prints it: "format: why".
func (a Attempt) String() string {
	return a.Format.String() + ": " + a.Why
}

// Options control how inputs are read.
type Options struct {
	// Format forces an input format; FormatUnknown detects it from the
	// content.
	Format Format
	// AssumeZone is the zone of times a report writes without one, when
	// nothing in the report says which (--assume-zone); nil keeps them
	// local.
	AssumeZone *time.Location
	// Live fetches inputs that are URLs of live status pages; nil uses
	// DefaultLive.
	Live *Live
}

// assumed is the assumed zone as the date reader uses it.
func (o Options) assumed() *zone {
	if o.AssumeZone == nil {
		return nil
	}
	z := zone{Name: o.AssumeZone.String(), Region: o.AssumeZone.String(), loc: o.AssumeZone}
	if o.AssumeZone == time.UTC {
		z = zone{Name: "UTC", Fixed: true}
	}
	return &z
}

// Parse reads one input. path names the input in errors and in the
// incidents' Source; it is not opened. The error, if any, is a
// *ParseError. data is copied (the incidents' texts are slices of the
// copy): the caller may reuse it. ParseString reads a string in place.
func Parse(path string, data []byte, opts Options) ([]Incident, Detection, error) {
	if len(data) > MaxInputSize {
		return nil, Detection{}, tooLargeInput(path, len(data)) // before copying it
	}
	return ParseString(path, string(data), opts)
}

// ParseString is Parse of an input held in a string, which it reads in
// place, without the copy Parse makes: the incidents' texts are slices of
// text. ReadInput hands it the buffer it read a file into.
func ParseString(path, text string, opts Options) ([]Incident, Detection, error) {
	if len(text) > MaxInputSize {
		return nil, Detection{}, tooLargeInput(path, len(text))
	}
	text = decodeUTF16(text)
	// data is a read-only view of text's bytes (see doc.data): the
	// readers of JSON and HTML, and the checks, read bytes.
	d := &doc{data: unsafe.Slice(unsafe.StringData(text), len(text)), text: text, textDone: true, opts: opts}
	defer d.release() // nothing returned holds the lines
	if err := d.check(); err != nil {
		err.File = path
		return nil, Detection{}, err
	}
	det, rd, err := detect(d, opts.Format)
	if err != nil {
		err.File = path
		return nil, det, err
	}
	incs, perr := rd.parse(d)
	if d.limit != nil {
		perr = d.limit
	}
	if perr != nil {
		pe, ok := perr.(*ParseError)
		if !ok {
			pe = &ParseError{Err: perr}
		}
		pe.File = path
		return nil, det, pe
	}
	bad := 0
	if !d.splitDone || !d.clean {
		bad = invalidUTF8Line(text) // a clean text is valid UTF-8
	}
	for i := range incs {
		incs[i].Source.Path = path
		if bad > 0 {
			// Nothing is dropped silently: the replaced bytes are named.
			incs[i].warnf(bad, "not valid UTF-8 (was it saved as Latin-1 or Windows-1252?): each bad byte is read as U+FFFD")
			slices.SortStableFunc(incs[i].Warnings, func(x, y Warning) int { return cmp.Compare(x.Line, y.Line) })
		}
	}
	return incs, det, nil
}

// tooLargeInput is the error for an input over MaxInputSize bytes.
func tooLargeInput(path string, size int) *ParseError {
	return &ParseError{File: path, Err: fmt.Errorf("%w: %d bytes (at most %d)", ErrTooLarge, size, MaxInputSize)}
}

// detect picks the reader for a document: the forced one, or the one whose
// detector is surest (the first on a tie), leaving out the excluded
// formats.
func detect(d *doc, forced Format, exclude ...Format) (Detection, reader, *ParseError) {
	if forced != FormatUnknown {
		rd, ok := readerFor(forced)
		if !ok {
			return Detection{}, reader{}, &ParseError{Err: fmt.Errorf("%w: %s", ErrUnknownFormat, forced)}
		}
		return Detection{Format: forced, Reason: "forced by --input-format"}, rd, nil
	}
	formats := Formats()
	var det Detection
	var best reader
	bestScore := 0
	// The attempts are gathered here and copied once, as many as there
	// were: most inputs settle at the fourth or fifth format of ten.
	var tried [len(formatNames)]Attempt // room for every format
	n := 0
	for _, f := range formats {
		if slices.Contains(exclude, f) {
			continue
		}
		rd, _ := readerFor(f)
		score, why := rd.detect(d)
		tried[n], n = Attempt{Format: f, Why: why}, n+1
		if score > bestScore {
			best, bestScore, det.Format, det.Reason = rd, score, f, why
		}
		// A sure match ends the search: only the HTML detector, tried
		// first, scores higher, so no later format could win.
		if bestScore >= 3 {
			break
		}
	}
	det.Tried = slices.Clone(tried[:n])
	if bestScore == 0 {
		ls := d.lines()
		line := 1
		if i := firstNonBlank(ls, 0); i < len(ls) {
			line = ls[i].N
		}
		names := make([]string, 0, len(formats))
		for _, f := range formats {
			if !slices.Contains(exclude, f) {
				names = append(names, f.String())
			}
		}
		return det, reader{}, &ParseError{Line: line, Err: fmt.Errorf("%w (tried %s; --explain says why each did not match)", ErrUnknownFormat, strings.Join(names, ", "))}
	}
	return det, best, nil
}

// finishing is what a format reader hands to finish besides the incident.
type finishing struct {
	texts       []proseBlock // prose, postmortem first
	maintenance bool
	docDate     *date // the date the document is about, for undated times
}

// finish completes an incident a format reader has filled in: it reads the
// prose blocks (postmortem first), infers the zone of a narrative timeline
// where a stated duration pins the start, sets the ID and sorts warnings.
// What the reader already set from the document's structure (a front
// matter's start, a page header's duration) wins over the prose.
func finish(inc *Incident, d *doc, f finishing) {
	if d.limit == nil {
		d.limit = checkLimits(inc, f.texts)
	}
	if d.limit != nil {
		return
	}
	facts := readProse(proseInput{blocks: f.texts, order: d.order(), updates: inc.Updates, docDate: f.docDate, assume: d.opts.assumed()})
	if inc.ImpactStart == nil {
		inc.ImpactStart = facts.Start
	}
	if inc.ImpactEnd == nil {
		inc.ImpactEnd = facts.End
	}
	if inc.ImpactStart != nil && inc.ImpactEnd != nil && inc.ImpactEnd.At.Before(inc.ImpactStart.At) {
		inc.warnf(inc.ImpactEnd.Line, "the stated impact end %s is before its start %s: both kept", inc.ImpactEnd.At.Format(time.RFC3339), inc.ImpactStart.At.Format(time.RFC3339))
	}
	if f.maintenance {
		maintenanceWindow(inc)
	}
	if inc.StatedDuration == nil {
		inc.StatedDuration = facts.Duration
	}
	inc.Timeline = facts.Timeline
	inc.Warnings = append(inc.Warnings, facts.Warnings...)
	inferTimelineZone(inc)
	inc.computeID()
	slices.SortStableFunc(inc.Warnings, func(x, y Warning) int { return cmp.Compare(x.Line, y.Line) })
	inc.Warnings = slices.CompactFunc(inc.Warnings, func(x, y Warning) bool { return x == y })
}

// maintenanceWindow takes the impact of a maintenance from when the work
// ran, as its updates say: the first "in progress" update to the last
// "completed" one. The planned window is no impact of its own.
func maintenanceWindow(inc *Incident) {
	for _, u := range inc.Updates {
		if u.Status == StatusInProgress && inc.ImpactStart == nil {
			inc.ImpactStart = &Stated{At: u.At, Line: u.Line, Text: "maintenance in progress (" + u.Word + ")"}
		}
	}
	for i := len(inc.Updates) - 1; i >= 0; i-- {
		if u := inc.Updates[i]; u.Status == StatusCompleted && inc.ImpactEnd == nil {
			inc.ImpactEnd = &Stated{At: u.At, Line: u.Line, Text: "maintenance completed (" + u.Word + ")"}
		}
	}
	if inc.ImpactStart != nil && inc.ImpactEnd != nil && inc.ImpactEnd.At.Before(inc.ImpactStart.At) {
		inc.ImpactEnd = nil
	}
}

// inferTimelineZone gives a narrative timeline with no stated zone an
// inferred one when the start is pinned by a stated duration before the
// last resolution, and flags it.
func inferTimelineZone(inc *Incident) {
	if inc.ImpactStart != nil || inc.StatedDuration == nil {
		return
	}
	var resolvedAt *time.Time
	for i := range inc.Updates {
		if s := inc.Updates[i].Status; s == StatusResolved || s == StatusCompleted {
			resolvedAt = &inc.Updates[i].At
		}
	}
	if resolvedAt == nil {
		return
	}
	start := resolvedAt.Add(-inc.StatedDuration.Duration)
	off, ok := inferZone(inc.Timeline, start)
	if !ok {
		return
	}
	applyInferredZone(inc.Timeline, off, start)
	for _, e := range inc.Timeline {
		if e.ZoneSrc == ZoneInferred {
			inc.warnf(e.Line, "narrative times state no zone; UTC%s inferred from the stated duration (start %s): shown, but they do not move any milestone",
				formatOffset(off), start.Format(time.RFC3339))
			break
		}
	}
}

// lineReads is the detection note for a line that settles the format:
// fmt.Sprintf("line %d reads %q", l.N, clip(l.Text, 60)), which it builds
// without fmt, detection being run on every input, and in one allocation
// when the clipped text has nothing to escape (as good as every line).
func lineReads(l line) string {
	off := min(len(l.Text), 60)
	if !printableASCII(l.Text[:off]) {
		// Beyond ASCII a rune may take more than one byte: clipAt counts
		// them.
		var ok bool
		off, ok = clipAt(l.Text, 60)
		if !ok || !quotePlain(l.Text[:off]) {
			return "line " + strconv.Itoa(l.N) + " reads " + quote(clip(l.Text, 60))
		}
	}
	// The ellipsis clip adds is printable: quote leaves it as it is.
	var num [20]byte
	n := strconv.AppendInt(num[:0], int64(l.N), 10)
	var b strings.Builder
	b.Grow(len("line  reads \"…\"") + len(n) + off)
	b.WriteString("line ")
	b.Write(n)
	b.WriteString(" reads \"")
	b.WriteString(l.Text[:off])
	if off < len(l.Text) {
		b.WriteString("…")
	}
	b.WriteByte('"')
	return b.String()
}

// printableASCII reports whether s is printable ASCII other than '"' and
// '\\', as good as every line detection quotes: each of its bytes is a
// rune, so its first n runes are its first n bytes, and quotePlain holds.
func printableASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < ' ' || c > '~' || c == '"' || c == '\\' {
			return false
		}
	}
	return true
}

// quote is strconv.Quote (fmt's %q), with a short way for text that holds
// nothing to escape (quotePlain).
func quote(s string) string {
	if !quotePlain(s) {
		return strconv.Quote(s)
	}
	return `"` + s + `"`
}

// quotePlain reports whether strconv.Quote only puts s between quotes:
// whether s is valid UTF-8 of printable characters other than '"' and
// '\\'.
func quotePlain(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c < ' ' || c > '~' || c == '"' || c == '\\' {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || !strconv.IsPrint(r) {
			return false
		}
		i += size
	}
	return true
}

// str returns the document's bytes as a string, copied once.
func (d *doc) str() string {
	if !d.textDone {
		d.text, d.textDone = string(d.data), true
	}
	return d.text
}

// lines returns the document's trimmed, numbered lines (splitLines).
func (d *doc) lines() []line {
	if !d.splitDone {
		d.split, d.clean = splitTextClean(d.str())
		d.splitDone = true
	}
	return d.split
}

// containsLine reports whether a line of the document holds sub, which
// must hold no white space at its ends, no line break and nothing
// splitText changes (a NUL byte, a no-break space, a byte order mark or
// invalid UTF-8). A clean document is searched whole, at once: sub is in
// one of its lines exactly when it is in the text.
func (d *doc) containsLine(sub string) bool {
	ls := d.lines()
	if d.clean {
		return strings.Contains(d.text, sub)
	}
	for _, l := range ls {
		if strings.Contains(l.Text, sub) {
			return true
		}
	}
	return false
}

// order returns the document's numeric date order: linesDateOrder of its
// lines, read from the whole text in one call when it has no NUL byte.
// The two are the same for text without NUL bytes (splitLines drops them,
// which may join digits): the rest of what splitLines changes (line
// breaks, byte order mark, invalid UTF-8, no-break spaces, white space at
// line ends) is neither digit, slash nor word character to
// detectDateOrder, and a numeric date holds no line break.
func (d *doc) order() dateOrder {
	if !d.ordDone {
		if d.splitDone && d.clean || bytes.IndexByte(d.data, 0) < 0 {
			d.ord = detectDateOrder(d.str())
		} else {
			d.ord = linesDateOrder(d.lines())
		}
		d.ordDone = true
	}
	return d.ord
}
