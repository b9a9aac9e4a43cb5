package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"
)

// Incident is one incident as a report tells it. Times are UTC. Anything the
// report does not say is left nil (or empty): a missing time is never the zero
// time, so that downstream metrics can tell "unknown" from "instant".
type Incident struct {
	// ID is a stable hash of organisation, title and first update time, so the
	// same report read twice (or re-exported) gets the same ID.
	ID     string
	Source Source
	// Sources lists every input the incident was read from, Source first,
	// when the same incident came from several (see Dedup).
	Sources      []Source
	Format       Format
	Organization string
	Title        string
	Impact       Impact
	Components   []Component
	// Groups lists the component groups named by the report, in page order,
	// with the components each holds ("Supporting Services (Dashboard,
	// Admin Portal)").
	Groups []ComponentGroup
	// Updates are the status updates, oldest first. Updates posted at the
	// same time keep the order the page reads in time (oldest first).
	Updates []Update
	// Postmortem is the text of the postmortem, if the report holds one.
	Postmortem *Text
	// ImpactStart and ImpactEnd are the impact window the text states, if
	// it states one.
	ImpactStart *Stated
	ImpactEnd   *Stated
	// StatedDuration is a duration the text states for the incident
	// ("lasting 4h 16m").
	StatedDuration *StatedDuration
	// Timeline holds narrative timeline entries ("13h03: users start
	// reporting ...") in document order.
	Timeline []TimelineEntry
	Warnings []Warning
}

// Source says where an incident was read: the path as given (or "-" for
// standard input) and the 1-based line where the incident begins.
type Source struct {
	Path string // the name the input was read under: never a part of its text
	Line int
}

// Component is an affected component and the group it belongs to, if any.
type Component struct {
	Name  string
	Group string
}

// ComponentGroup is a group of components as the report names it.
type ComponentGroup struct {
	Name       string
	Components []string
}

// Update is one status update.
type Update struct {
	Status Status
	// Word is the page's own status word as written ("Investigating",
	// "in progress"); empty when the page shows none and the status was
	// inferred.
	Word string
	// Inferred is true when the page shows no status word and Status was
	// read from the body or the update's place on the page.
	Inferred bool
	At       time.Time
	Text     string
	Line     int
	// TextLines holds the source line of each line of Text; nil when the
	// text came from one place (a JSON string), whose line is Line.
	TextLines []int
}

// TextLine returns the source line of the i-th (0-based) line of Text.
func (u Update) TextLine(i int) int { return lineOf(u.TextLines, u.Line, i) }

// Text is a block of prose and the line it starts on.
type Text struct {
	Body string
	Line int
	// Lines holds the source line of each line of Body; nil when the text
	// came from one place (a JSON string), whose line is Line.
	Lines []int
}

// LineOf returns the source line of the i-th (0-based) line of Body.
func (t Text) LineOf(i int) int { return lineOf(t.Lines, t.Line, i) }

func lineOf(lines []int, fallback, i int) int {
	if i >= 0 && i < len(lines) {
		return lines[i]
	}
	return fallback
}

// Stated is a time the text states, with the line and the words that state
// it.
type Stated struct {
	At   time.Time
	Line int
	Text string
}

// StatedDuration is a duration the text states, with where it says so.
type StatedDuration struct {
	Duration time.Duration
	Line     int
	Text     string
	// Approximate is true when the text hedges ("about", "approximately",
	// "~").
	Approximate bool
}

// ZoneSource tells how the zone of a narrative time is known.
type ZoneSource int

const (
	// ZoneUnknown means no zone is stated: the time is kept as local
	// wall-clock time and not converted.
	ZoneUnknown ZoneSource = iota
	// ZoneStated means the entry itself, or the document for all its times
	// ("Timeline (UTC)"), states the zone.
	ZoneStated
	// ZoneInferred means the zone was worked out (from a stated duration
	// that pins the start); such times are shown but never move a
	// milestone.
	ZoneInferred
	// ZoneAssumed means the report states no zone and the user supplied
	// one (--assume-zone): it counts as stated.
	ZoneAssumed
)

var zoneSourceNames = [...]string{"unknown", "stated", "inferred", "assumed"}

// Known reports whether times in this zone may move milestones: stated by
// the report, or assumed by the user.
func (z ZoneSource) Known() bool { return z == ZoneStated || z == ZoneAssumed }

func (z ZoneSource) String() string {
	if int(z) < len(zoneSourceNames) {
		return zoneSourceNames[z]
	}
	return "unknown"
}

// TimelineEntry is one line of a narrative timeline.
type TimelineEntry struct {
	Line int
	// Clock is the time as written ("13h03", "2:55 PM").
	Clock string
	// Local is the wall-clock date and time the entry names, in its own
	// zone; Date is false when the document gives no date for it.
	Local     LocalTime
	Zone      string
	ZoneSrc   ZoneSource
	At        *time.Time // UTC; nil when the zone is unknown
	Text      string
	Milestone Milestone
}

// LocalTime is a wall-clock reading without a zone.
type LocalTime struct {
	Year              int
	Month             time.Month
	Day               int
	Hour, Min, Second int
	HasDate           bool
}

// Warning is something a reader should know about the report: an
// assumption the parser made or an inconsistency it kept.
type Warning struct {
	Line int
	Msg  string
}

// computeID sets the deterministic ID of inc.
func (inc *Incident) computeID() {
	// The hashed bytes are gathered in one buffer, on the stack for most
	// incidents, rather than written piece by piece as new strings.
	var stack [256]byte
	b := appendLower(stack[:0], strings.TrimSpace(inc.Organization))
	b = append(b, 0)
	b = append(b, strings.TrimSpace(inc.Title)...)
	b = append(b, 0)
	if t, ok := inc.firstTime(); ok {
		b = t.UTC().AppendFormat(b, time.RFC3339)
	}
	sum := sha256.Sum256(b)
	var id [16]byte
	hex.Encode(id[:], sum[:8])
	inc.ID = string(id[:])
}

// firstTime is the first update time, or failing that the stated start.
func (inc *Incident) firstTime() (time.Time, bool) {
	if len(inc.Updates) > 0 {
		return inc.Updates[0].At, true
	}
	if inc.ImpactStart != nil {
		return inc.ImpactStart.At, true
	}
	return time.Time{}, false
}

func (inc *Incident) warnf(line int, format string, args ...any) {
	inc.Warnings = append(inc.Warnings, Warning{Line: line, Msg: fmt.Sprintf(format, args...)})
}

// Status is the typed status of an update.
type Status int

// The statuses of Statuspage-style pages. StatusUpdate is an update that
// does not change the status (the page says "Update", or says nothing).
const (
	StatusUnknown Status = iota
	StatusInvestigating
	StatusIdentified
	StatusMonitoring
	StatusUpdate
	StatusResolved
	StatusPostmortem
	StatusScheduled
	StatusInProgress
	StatusVerifying
	StatusCompleted
)

var statusNames = [...]string{
	"unknown", "investigating", "identified", "monitoring", "update", "resolved",
	"postmortem", "scheduled", "in progress", "verifying", "completed",
}

// String returns the lower-case status as the page writes it ("in progress").
func (s Status) String() string {
	if int(s) >= 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "unknown"
}

// ParseStatus reads a status word as pages write it: any case, with "_" or
// "-" for spaces, and the synonyms other status pages use (Cachet's
// "Watching" and "Fixed", cState's "Starting" and "Complete"). It reports
// false for words that are no status.
func ParseStatus(word string) (Status, bool) {
	if len(word) > 24 {
		return StatusUnknown, false // no status word is this long; most lines are
	}
	// Most words are ASCII: normalised on the stack, without allocating.
	var buf [24]byte
	if n, ok := normalizeStatusASCII(word, &buf); ok {
		return statusWord(string(buf[:n]))
	}
	w := strings.ToLower(strings.TrimSpace(word))
	w = strings.NewReplacer("_", " ", "-", " ").Replace(w)
	return statusWord(strings.Join(strings.Fields(w), " "))
}

// statusWord is the status a normalised word names.
func statusWord(w string) (Status, bool) {
	switch w {
	case "investigating":
		return StatusInvestigating, true
	case "identified":
		return StatusIdentified, true
	case "monitoring", "watching", "recovering":
		return StatusMonitoring, true
	case "update", "updated":
		return StatusUpdate, true
	case "resolved", "fixed":
		return StatusResolved, true
	case "postmortem", "post mortem", "post incident report", "rca":
		return StatusPostmortem, true
	case "scheduled", "soon", "upcoming", "planned":
		return StatusScheduled, true
	case "in progress", "starting", "started", "underway":
		return StatusInProgress, true
	case "verifying":
		return StatusVerifying, true
	case "completed", "complete", "finished":
		return StatusCompleted, true
	}
	return StatusUnknown, false
}

// normalizeStatusASCII lower-cases an ASCII word of at most len(buf)
// bytes and joins its runs of white space, "_" and "-" into single spaces,
// trimmed, as ParseStatus does for any word, writing the n bytes of the
// result to buf; ok is false for a word with other bytes. The bytes are
// written at their index, not appended: the result is never longer than
// the word.
func normalizeStatusASCII(word string, buf *[24]byte) (n int, ok bool) {
	if len(word) > len(buf) {
		return 0, false
	}
	sep := false
	for i := 0; i < len(word); i++ {
		c := word[i]
		// Lower-case letters, most bytes, are tested first: one test.
		switch {
		case 'a' <= c && c < 0x80:
		case c >= 0x80:
			return 0, false
		case 'A' <= c && c <= 'Z':
			c += 'a' - 'A'
		case c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r' || c == '_' || c == '-':
			sep = n > 0
			continue
		}
		if sep {
			buf[n] = ' '
			n++
			sep = false
		}
		buf[n] = c
		n++
	}
	return n, true
}

// Impact is the severity a report gives an incident.
type Impact uint8

// Impacts as status pages name them. ImpactUnknown means the report does
// not say.
const (
	ImpactUnknown Impact = iota
	ImpactNone
	ImpactMinor
	ImpactMajor
	ImpactCritical
	ImpactMaintenance
)

var impactNames = [...]string{"unknown", "none", "minor", "major", "critical", "maintenance"}

func (i Impact) String() string {
	if int(i) >= 0 && int(i) < len(impactNames) {
		return impactNames[i]
	}
	return "unknown"
}

// ParseImpact reads an impact word ("Major", "critical", "maintenance").
func ParseImpact(word string) (Impact, bool) {
	w := strings.ToLower(strings.TrimSpace(word))
	for i, n := range impactNames {
		if w == n && i != int(ImpactUnknown) {
			return Impact(i), true
		}
	}
	return ImpactUnknown, false
}

// Milestone is a point in an incident's life that a narrative timeline
// entry can express.
type Milestone int

// Milestones in the order they usually happen.
const (
	MilestoneNone Milestone = iota
	MilestoneStart
	MilestoneDetected
	MilestoneIdentified
	MilestoneMitigated
	MilestoneResolved
)

var milestoneNames = [...]string{"", "start", "detected", "identified", "mitigated", "resolved"}

func (m Milestone) String() string {
	if int(m) >= 0 && int(m) < len(milestoneNames) {
		return milestoneNames[m]
	}
	return ""
}

// appendLower appends strings.ToLower(s) to b, without making the string
// when s is ASCII. The ASCII case, as good as every word, is one pass
// that lower-cases into room grown once; the first byte beyond ASCII
// sends the whole of s to strings.ToLower instead.
func appendLower(b []byte, s string) []byte {
	n := len(b)
	b = slices.Grow(b, len(s))
	dst := b[n : n+len(s)]
	for i := 0; i < len(s) && i < len(dst); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return append(b[:n], strings.ToLower(s)...)
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst[i] = c
	}
	return b[:n+len(s)]
}
