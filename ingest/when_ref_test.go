package ingest

// This file keeps the date scanner as it was before it was made faster
// (commit baad626): the tests check that scanMentions finds exactly what
// this reference finds, on the test corpus and on random text.

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"
)

// refToken kinds of the date lexer.
type refTokKind int

const (
	refTkWord refTokKind = iota
	refTkNum
	refTkPunct
)

type refToken struct {
	kind       refTokKind
	text       string // as written
	low        string // lower case, for words
	num        int    // value, for numbers
	start, end int    // byte offsets
	space      bool   // whitespace precedes the refToken
}

func (t refToken) isPunct(r byte) bool {
	return t.kind == refTkPunct && len(t.text) == 1 && t.text[0] == r
}

func (t refToken) isDash() bool {
	return t.kind == refTkPunct && (t.text == "-" || t.text == "–" || t.text == "—")
}

func (t refToken) isWord(ws ...string) bool {
	if t.kind != refTkWord {
		return false
	}
	for _, w := range ws {
		if t.low == w {
			return true
		}
	}
	return false
}

// refLex splits text into words, numbers and single punctuation marks.
func refLex(s string) []refToken {
	// Words are lower-cased from one lower-case copy of ASCII text, not
	// one by one; other text may change length when lower-cased. ASCII
	// text is counted in tokens first, so that the slice is made once;
	// for other text a refToken per three bytes is enough for most.
	lowAll := ""
	n := len(s)/3 + 2
	if isASCII(s) {
		lowAll = strings.ToLower(s)
		n = refCountASCIITokens(s)
	}
	toks := make([]refToken, 0, n)
	space := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case unicode.IsSpace(r):
			space = true
			i += n
			continue
		case r >= '0' && r <= '9':
			j := i
			v := 0
			for j < len(s) && s[j] >= '0' && s[j] <= '9' {
				if v < 1e8 {
					v = v*10 + int(s[j]-'0')
				}
				j++
			}
			toks = append(toks, refToken{kind: refTkNum, text: s[i:j], num: v, start: i, end: j, space: space})
			i = j
		case unicode.IsLetter(r):
			j := i
			for j < len(s) {
				r2, n2 := utf8.DecodeRuneInString(s[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += n2
			}
			w := s[i:j]
			low := ""
			if lowAll != "" {
				low = lowAll[i:j]
			} else {
				low = strings.ToLower(w)
			}
			toks = append(toks, refToken{kind: refTkWord, text: w, low: low, start: i, end: j, space: space})
			i = j
		default:
			toks = append(toks, refToken{kind: refTkPunct, text: s[i : i+n], start: i, end: i + n, space: space})
			i += n
		}
		space = false
	}
	return toks
}

var refMonthWords = map[string]time.Month{
	"jan": 1, "january": 1, "feb": 2, "february": 2, "mar": 3, "march": 3, "apr": 4, "april": 4,
	"may": 5, "jun": 6, "june": 6, "jul": 7, "july": 7, "aug": 8, "august": 8,
	"sep": 9, "sept": 9, "september": 9, "oct": 10, "october": 10, "nov": 11, "november": 11,
	"dec": 12, "december": 12,
}

var refWeekdayWords = map[string]time.Weekday{
	"sun": 0, "sunday": 0, "mon": 1, "monday": 1, "tue": 2, "tues": 2, "tuesday": 2,
	"wed": 3, "wednesday": 3, "thu": 4, "thur": 4, "thurs": 4, "thursday": 4,
	"fri": 5, "friday": 5, "sat": 6, "saturday": 6,
}

// refCountASCIITokens is how many tokens refLex makes of ASCII text: runs of
// digits, runs of letters and single other marks, between white space.
func refCountASCIITokens(s string) int {
	n := 0
	prev := byte(' ') // class of the byte before: ' ', '0', 'a' or '.'
	for i := 0; i < len(s); i++ {
		c := s[i]
		cls := byte('.')
		switch {
		case c == ' ' || '\t' <= c && c <= '\r': // unicode.IsSpace in ASCII
			cls = ' '
		case '0' <= c && c <= '9':
			cls = '0'
		case 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z':
			cls = 'a'
		}
		if cls == '.' || cls != ' ' && cls != prev {
			n++
		}
		prev = cls
	}
	return n
}

// refScanner finds mentions in a refToken stream.
type refScanner struct {
	src   string
	toks  []refToken
	order dateOrder
}

// refScanMentions finds every date/time expression in s, left to right,
// without overlaps.
func refScanMentions(s string, order dateOrder) []mention {
	if strings.IndexAny(s, "0123456789") < 0 {
		return nil // every date has a day and every clock an hour
	}
	sc := refScanner{src: s, toks: refLex(s), order: order}
	var out []mention
	for i := 0; i < len(sc.toks); {
		m, next, ok := sc.moment(i)
		if !ok {
			i++
			continue
		}
		out = append(out, m)
		i = next
	}
	return out
}

// moment reads the longest date/time expression starting at refToken i.
func (sc *refScanner) moment(i int) (mention, int, bool) {
	start := i
	var m mention
	// An optional weekday: "Thursday, November 6", "Tue, May 24, 2022".
	if wd, ok := sc.weekday(i); ok {
		j := i + 1
		if j < len(sc.toks) && sc.toks[j].isPunct(',') {
			j++
		}
		if d, next, ok := sc.date(j); ok {
			m.Weekday, m.Date = ptr(wd), ptr(d)
			i = next
		}
	}
	if m.Date == nil {
		if d, next, ok := sc.date(i); ok {
			m.Date = ptr(d)
			m.Swapped = sc.swapped(i, d)
			i = next
		}
	}
	if m.Date != nil {
		// Date then time: "Apr 11, 2023 - 14:55 EDT", "Sep 21, 2021, 11:40 AM
		// UTC", "2023-04-11T18:14:48Z", "30-March-2023 1000 UTC".
		j := i
		iso := false
		for j < len(sc.toks) && j-i < 2 && (sc.toks[j].isPunct(',') || sc.toks[j].isDash() ||
			sc.toks[j].isWord("at", "t") || sc.toks[j].isPunct('@')) {
			iso = iso || (sc.toks[j].isWord("t") && !sc.toks[j].space)
			j++
		}
		if c, ct, next, ok := sc.clock(j, true); ok {
			m.Clock, m.ClockText = ptr(c), ct
			i = next
			if z, next, ok := sc.zone(i, iso || c.Sec != 0 || strings.Count(ct, ":") == 2); ok {
				m.Zone = ptr(z)
				i = next
			}
		}
	} else if c, ct, next, ok := sc.clock(i, false); ok {
		m.Clock, m.ClockText = ptr(c), ct
		i = next
		if z, next, ok := sc.zone(i, strings.Count(ct, ":") == 2); ok {
			m.Zone = ptr(z)
			i = next
		}
		// Time then date: "20:52 UTC on Thursday, November 6", "00:35 UTC
		// June 2" (a date right after a zone).
		j := i
		glued := m.Zone != nil && j < len(sc.toks) && sc.toks[j].kind == refTkWord && !sc.toks[j].isWord("on")
		if glued {
			if _, _, ok := sc.month(j); !ok {
				glued = false
			}
		}
		if j < len(sc.toks) && (sc.toks[j].isWord("on") || sc.toks[j].isPunct(',') || glued) {
			if !glued {
				j++
			}
			if wd, ok := sc.weekday(j); ok {
				k := j + 1
				if k < len(sc.toks) && sc.toks[k].isPunct(',') {
					k++
				}
				if d, next, ok := sc.date(k); ok {
					m.Weekday, m.Date = ptr(wd), ptr(d)
					m.Swapped = sc.swapped(k, d)
					i = next
				}
			} else if d, next, ok := sc.date(j); ok {
				m.Date = ptr(d)
				m.Swapped = sc.swapped(j, d)
				i = next
			}
		}
	}
	if m.Date == nil && m.Clock == nil {
		return mention{}, 0, false
	}
	m.Start, m.End = sc.toks[start].start, sc.toks[i-1].end
	m.Text = sc.src[m.Start:m.End]
	return m, i, true
}

// swapped returns the other reading of an all-numeric date at refToken i
// that reads both ways, or nil.
func (sc *refScanner) swapped(i int, d date) *date {
	t := sc.toks
	if i+4 >= len(t) || t[i].kind != refTkNum || !t[i+1].isPunct('/') || len(t[i].text) > 2 {
		return nil
	}
	o := date{d.Year, time.Month(d.Day), int(d.Month)}
	if o == d || !o.valid() || d.Day > 12 {
		return nil
	}
	return ptr(o)
}

func (sc *refScanner) weekday(i int) (time.Weekday, bool) {
	if i >= len(sc.toks) || sc.toks[i].kind != refTkWord {
		return 0, false
	}
	wd, ok := refWeekdayWords[sc.toks[i].low]
	return wd, ok
}

func (sc *refScanner) month(i int) (time.Month, int, bool) {
	if i >= len(sc.toks) || sc.toks[i].kind != refTkWord {
		return 0, 0, false
	}
	mo, ok := refMonthWords[sc.toks[i].low]
	if !ok {
		return 0, 0, false
	}
	// "may" and "march" are also English words: as months they are
	// capitalised.
	if (sc.toks[i].low == "may" || sc.toks[i].low == "march" || sc.toks[i].low == "mar") && !unicode.IsUpper([]rune(sc.toks[i].text)[0]) {
		return 0, 0, false
	}
	next := i + 1
	if next < len(sc.toks) && sc.toks[next].isPunct('.') && !sc.toks[next].space {
		next++ // "Sept."
	}
	return mo, next, true
}

// day reads a day of the month with an optional ordinal suffix ("21",
// "13th").
func (sc *refScanner) day(i int) (int, int, bool) {
	if i >= len(sc.toks) || sc.toks[i].kind != refTkNum || len(sc.toks[i].text) > 2 {
		return 0, 0, false
	}
	d := sc.toks[i].num
	if d < 1 || d > 31 {
		return 0, 0, false
	}
	next := i + 1
	if next < len(sc.toks) && !sc.toks[next].space && sc.toks[next].kind == refTkWord {
		if !sc.toks[next].isWord("st", "nd", "rd", "th") {
			return 0, 0, false // "2x", "5m": not a day
		}
		next++
	}
	return d, next, true
}

// year reads a four-digit year.
func (sc *refScanner) year(i int) (int, bool) {
	if i >= len(sc.toks) || sc.toks[i].kind != refTkNum || len(sc.toks[i].text) != 4 {
		return 0, false
	}
	y := sc.toks[i].num
	return y, y >= 1970 && y <= 2200
}

// followedByDigitPunct reports whether refToken i is glued to a following
// number through punctuation, as in "2023-04-11-3" or "1.2.3", which makes
// it part of something other than a date.
func (sc *refScanner) followedByDigitPunct(i int) bool {
	return i+1 < len(sc.toks) && !sc.toks[i].space && !sc.toks[i+1].space &&
		(sc.toks[i].isPunct('.') || sc.toks[i].isPunct('/') || sc.toks[i].isPunct('-')) &&
		sc.toks[i+1].kind == refTkNum
}

// date reads a calendar date at refToken i.
func (sc *refScanner) date(i int) (date, int, bool) {
	t := sc.toks
	if i >= len(t) {
		return date{}, 0, false
	}
	// ISO 2023-04-11 (or 2023/04/11).
	if y, ok := sc.year(i); ok && i+4 < len(t) &&
		(t[i+1].isPunct('-') || t[i+1].isPunct('/')) && t[i+2].kind == refTkNum && len(t[i+2].text) <= 2 &&
		t[i+3].text == t[i+1].text && t[i+4].kind == refTkNum && len(t[i+4].text) <= 2 &&
		!t[i+1].space && !t[i+2].space && !t[i+3].space && !t[i+4].space {
		d := date{y, time.Month(t[i+2].num), t[i+4].num}
		if d.valid() && !sc.followedByDigitPunct(i+5) {
			return d, i + 5, true
		}
		return date{}, 0, false
	}
	// Month name first: "Apr 11, 2023", "September 21, 2021", "November 6",
	// "June 10th, 2020".
	if mo, next, ok := sc.month(i); ok {
		if dd, n2, ok := sc.day(next); ok && !(n2 < len(t) && t[n2].isPunct(':')) {
			d := date{Month: mo, Day: dd}
			j := n2
			if j < len(t) && t[j].isPunct(',') {
				j++
			}
			if y, ok := sc.year(j); ok && !(j+1 < len(t) && t[j+1].isPunct(':')) {
				d.Year = y
				n2 = j + 1
			}
			if d.valid() {
				return d, n2, true
			}
		}
		return date{}, 0, false
	}
	if t[i].kind != refTkNum {
		return date{}, 0, false
	}
	// Day first with a month name: "13th November 2019", "29th of July
	// 2021", "22 September 2022", "30-March-2023".
	if dd, next, ok := sc.day(i); ok {
		j := next
		dashed := j < len(t) && t[j].isDash() && !t[j].space
		if dashed {
			j++
		}
		if j < len(t) && t[j].isWord("of") {
			j++
		}
		if mo, n2, ok := sc.month(j); ok {
			d := date{Month: mo, Day: dd}
			k := n2
			if k < len(t) && (t[k].isPunct(',') || (dashed && t[k].isDash())) {
				k++
			}
			if y, ok := sc.year(k); ok && !(k+1 < len(t) && t[k+1].isPunct(':')) {
				d.Year = y
				n2 = k + 1
			}
			if d.valid() {
				return d, n2, true
			}
			return date{}, 0, false
		}
	}
	// All numeric: 3/23/16, 01/24/2024, 05/07/2020.
	if i+4 < len(t) && t[i+1].isPunct('/') && t[i+3].isPunct('/') && t[i+2].kind == refTkNum && t[i+4].kind == refTkNum &&
		len(t[i].text) <= 2 && len(t[i+2].text) <= 2 && (len(t[i+4].text) == 2 || len(t[i+4].text) == 4) &&
		!t[i+1].space && !t[i+2].space && !t[i+3].space && !t[i+4].space {
		a, b, y := t[i].num, t[i+2].num, t[i+4].num
		if len(t[i+4].text) == 2 {
			y += 2000
		}
		mo, dd := a, b
		if sc.order == dayFirst {
			mo, dd = b, a
		}
		d := date{y, time.Month(mo), dd}
		if !d.valid() {
			d = date{y, time.Month(dd), mo} // "3/23/16" in a day-first document
		}
		if d.valid() && !sc.followedByDigitPunct(i+5) {
			return d, i + 5, true
		}
	}
	return date{}, 0, false
}

// clock reads a time of day at refToken i: "14:55", "18:14:48", "2:55 PM",
// "6:45AM", "13h03", "1 AM", "11.50" (only right after a date), and "1000"
// when a zone follows ("1000 UTC"). It returns the time as written too.
func (sc *refScanner) clock(i int, afterDate bool) (clock, string, int, bool) {
	t := sc.toks
	if i >= len(t) || t[i].kind != refTkNum || len(t[i].text) > 4 {
		return clock{}, "", 0, false
	}
	// A number glued to a preceding word or number is part of something
	// else ("v1.14:00", "x10:30"), except the "T" of an ISO stamp.
	if i > 0 && !t[i].space && !(afterDate && t[i-1].isWord("t")) &&
		(t[i-1].kind == refTkWord || t[i-1].kind == refTkNum || t[i-1].isPunct('.') || t[i-1].isPunct(':') || t[i-1].isPunct('/')) {
		return clock{}, "", 0, false
	}
	var c clock
	next := -1
	h := t[i].num
	switch {
	case len(t[i].text) <= 2 && i+2 < len(t) && t[i+1].isPunct(':') && !t[i+1].space && !t[i+2].space &&
		t[i+2].kind == refTkNum && len(t[i+2].text) == 2:
		c = clock{Hour: h, Min: t[i+2].num}
		next = i + 3
		if next+1 < len(t) && t[next].isPunct(':') && !t[next].space && t[next+1].kind == refTkNum && len(t[next+1].text) == 2 && !t[next+1].space {
			c.Sec = t[next+1].num
			next += 2
			// Fractional seconds: "18:14:48.123".
			if next+1 < len(t) && t[next].isPunct('.') && !t[next].space && t[next+1].kind == refTkNum && !t[next+1].space {
				next += 2
			}
		}
	case len(t[i].text) <= 2 && i+2 < len(t) && !t[i+1].space && t[i+1].isWord("h") && !t[i+2].space &&
		t[i+2].kind == refTkNum && len(t[i+2].text) == 2:
		c = clock{Hour: h, Min: t[i+2].num}
		next = i + 3
	case len(t[i].text) <= 2 && afterDate && i+2 < len(t) && t[i+1].isPunct('.') && !t[i+1].space && !t[i+2].space &&
		t[i+2].kind == refTkNum && len(t[i+2].text) == 2:
		c = clock{Hour: h, Min: t[i+2].num}
		next = i + 3
	case len(t[i].text) <= 2:
		// "1 AM", "9am": only with a meridiem.
		if _, _, ok := sc.meridiem(i + 1); ok {
			c = clock{Hour: h}
			next = i + 1
		}
	case len(t[i].text) == 4:
		// "1000 UTC": military time, only when a zone follows.
		if _, _, ok := sc.zone(i+1, false); ok {
			c = clock{Hour: h / 100, Min: h % 100}
			next = i + 1
		}
	}
	if next < 0 {
		return clock{}, "", 0, false
	}
	if pm, n, ok := sc.meridiem(next); ok {
		if c.Hour < 1 || c.Hour > 23 || (!pm && c.Hour > 12) {
			return clock{}, "", 0, false
		}
		// "17:22pm": a 24-hour clock with a stray suffix stays as it is.
		if pm && c.Hour < 12 {
			c.Hour += 12
		} else if !pm && c.Hour == 12 {
			c.Hour = 0
		}
		next = n
	}
	if c.Hour > 24 || c.Min > 59 || c.Sec > 60 || (c.Hour == 24 && (c.Min > 0 || c.Sec > 0)) {
		return clock{}, "", 0, false
	}
	if c.Sec == 60 {
		c.Sec = 59 // a leap second reads as the second before it
	}
	// A clock glued to more digits is something else ("12:30:45:67",
	// "1:23.4", "1.14.2"), and "4h16m" is a duration.
	if next < len(t) && !t[next].space {
		if t[next].kind == refTkNum {
			return clock{}, "", 0, false
		}
		if (t[next].isPunct(':') || t[next].isPunct('.')) && next+1 < len(t) && !t[next+1].space && t[next+1].kind == refTkNum {
			return clock{}, "", 0, false
		}
		if t[next].isWord("m", "min", "mins", "s") {
			return clock{}, "", 0, false
		}
	}
	return c, sc.src[t[i].start:t[next-1].end], next, true
}

// meridiem reads "AM", "pm", "a.m.", "P.M." at refToken i; pm is true for the
// afternoon.
func (sc *refScanner) meridiem(i int) (pm bool, next int, ok bool) {
	t := sc.toks
	if i >= len(t) || t[i].kind != refTkWord {
		return false, 0, false
	}
	switch t[i].low {
	case "am", "pm":
		return t[i].low == "pm", i + 1, true
	case "a", "p":
		if i+3 < len(t) && t[i+1].isPunct('.') && t[i+2].isWord("m") && t[i+3].isPunct('.') &&
			!t[i+1].space && !t[i+2].space && !t[i+3].space {
			return t[i].low == "p", i + 4, true
		}
	}
	return false, 0, false
}

// zone reads a zone at refToken i: an abbreviation ("EDT", "UTC", "Z" glued to
// the time), a numeric offset ("+02:00", "UTC+2", "GMT-05:00"), a zone
// name in words ("Pacific Time"), any of them in parentheses. A bare
// negative offset right after a clock ("10:00-04:00") is read only when
// minusOK says the clock is an ISO stamp or has seconds: otherwise it is the
// range "10:00-04:00".
func (sc *refScanner) zone(i int, minusOK bool) (zone, int, bool) {
	t := sc.toks
	if i >= len(t) {
		return zone{}, 0, false
	}
	if t[i].isPunct('(') && i+1 < len(t) {
		if z, next, ok := sc.zone(i+1, true); ok && next < len(t) && t[next].isPunct(')') {
			return z, next + 1, true
		}
		return zone{}, 0, false
	}
	if t[i].kind == refTkPunct && (t[i].text == "+" || t[i].text == "-" || t[i].text == "−") {
		// "-03" or "-0300" cannot be a range end; "-04:00" can, unless
		// the clock is an ISO stamp or has seconds.
		colon := i+2 < len(t) && t[i+2].isPunct(':') && !t[i+2].space
		if t[i].text != "+" && colon && !minusOK {
			return zone{}, 0, false
		}
		if off, next, ok := sc.offset(i); ok && len(t[i+1].text)%2 == 0 && !sc.rangeEnd(next) {
			return fixedZone(sc.src[t[i].start:t[next-1].end], off), next, true
		}
		return zone{}, 0, false
	}
	if t[i].kind != refTkWord {
		return zone{}, 0, false
	}
	if z, next, ok := sc.ianaZone(i); ok {
		return z, next, true
	}
	if z, next, ok := sc.zoneName(i); ok {
		return z, next, true
	}
	if t[i].low == "z" && t[i].space {
		return zone{}, 0, false // a lone "Z" word is not a zone unless glued to the time
	}
	z, ok := refLookupZone(t[i].text)
	if !ok {
		return zone{}, 0, false
	}
	// Words that are also zone abbreviations must be written in capitals
	// ("est" in "est." is not EST); only "utc" and "gmt" are no English words.
	if t[i].text != strings.ToUpper(t[i].text) && t[i].low != "utc" && t[i].low != "gmt" {
		return zone{}, 0, false
	}
	next := i + 1
	if z.Fixed && z.Offset == 0 && (t[i].low == "utc" || t[i].low == "gmt") && next < len(t) {
		if off, n2, ok := sc.offset(next); ok && !sc.rangeEnd(n2) {
			return fixedZone(sc.src[t[i].start:t[n2-1].end], off), n2, true
		}
	}
	// A glued trailing letter makes it another word ("UTCs").
	return z, next, true
}

// rangeEnd reports whether what follows an apparent offset shows it was
// the end of a range: a zone or AM/PM after "10:00-11" or "10:00 UTC-11:00"
// belongs to the range's second time.
func (sc *refScanner) rangeEnd(next int) bool {
	if next >= len(sc.toks) || sc.toks[next].kind != refTkWord {
		return false
	}
	if _, _, ok := sc.meridiem(next); ok {
		return true
	}
	_, ok := refLookupZone(sc.toks[next].text)
	return ok && sc.toks[next].text == strings.ToUpper(sc.toks[next].text)
}

// offset reads "+02:00", "+0200", "+2", "-5", "+05:30" at refToken i (the sign).
func (sc *refScanner) offset(i int) (int, int, bool) {
	t := sc.toks
	if i+1 >= len(t) || t[i].kind != refTkPunct || t[i+1].kind != refTkNum || t[i+1].space {
		return 0, 0, false
	}
	sign := 1
	switch t[i].text {
	case "+":
	case "-", "−":
		sign = -1
	default:
		return 0, 0, false
	}
	n := t[i+1]
	next := i + 2
	var h, m int
	switch len(n.text) {
	case 1, 2:
		h = n.num
		if next+1 < len(t) && t[next].isPunct(':') && !t[next].space && t[next+1].kind == refTkNum && len(t[next+1].text) == 2 {
			m = t[next+1].num
			next += 2
		}
	case 4:
		h, m = n.num/100, n.num%100
	default:
		return 0, 0, false
	}
	if h > 14 || m > 59 {
		return 0, 0, false
	}
	return sign * (h*3600 + m*60), next, true
}

// refIanaAreas are the first parts of IANA zone names.
var refIanaAreas = map[string]bool{
	"us": true, "america": true, "europe": true, "asia": true, "africa": true, "australia": true, "pacific": true,
	"atlantic": true, "indian": true, "etc": true, "canada": true, "brazil": true, "mexico": true, "chile": true,
	"antarctica": true, "arctic": true,
}

// ianaZone reads an IANA zone name glued together at refToken i
// ("US/Pacific", "America/New_York", "Etc/UTC").
func (sc *refScanner) ianaZone(i int) (zone, int, bool) {
	t := sc.toks
	if i+2 >= len(t) || t[i].kind != refTkWord || !refIanaAreas[t[i].low] || !t[i+1].isPunct('/') || t[i+1].space {
		return zone{}, 0, false
	}
	j := i + 1
	for j+1 < len(t) && (t[j].isPunct('/') || t[j].isPunct('_') || t[j].isPunct('-')) && !t[j].space && !t[j+1].space &&
		(t[j+1].kind == refTkWord || t[j+1].kind == refTkNum) {
		j += 2
	}
	name := sc.src[t[i].start:t[j-1].end]
	loc, err := time.LoadLocation(name)
	if err != nil {
		return zone{}, 0, false
	}
	return zone{Name: name, Region: name, loc: loc}, j, true
}

// zoneName reads a zone written in words, the longest match first
// ("Pacific Daylight Time", "Eastern time").
func (sc *refScanner) zoneName(i int) (zone, int, bool) {
	t := sc.toks
	for n := 5; n >= 1; n-- {
		if i+n > len(t) {
			continue
		}
		// The words joined by spaces, in a buffer the lookup does not keep.
		var buf [64]byte
		key := buf[:0]
		ok := true
		for k := i; k < i+n; k++ {
			if t[k].kind != refTkWord {
				ok = false
				break
			}
			if k > i {
				key = append(key, ' ')
			}
			key = append(key, t[k].low...)
		}
		if !ok {
			continue
		}
		abbr, found := zoneNames[string(key)]
		if !found {
			continue
		}
		// A bare region word ("Pacific", "Eastern") counts only when it is
		// capitalised.
		if first, _ := utf8.DecodeRuneInString(t[i].text); n == 1 && !unicode.IsUpper(first) {
			continue
		}
		z, _ := refLookupZone(abbr)
		return z, i + n, true
	}
	return zone{}, 0, false
}

// inferYear picks the year for a month and day written without one: the
// year that puts the date nearest ref, so "Dec 31" read in a report of

// refLookupZone resolves an abbreviation ("edt", "UTC") to a zone.
func refLookupZone(abbrev string) (zone, bool) {
	up := strings.ToUpper(abbrev)
	z, ok := zoneAbbrevs[up]
	if !ok {
		return zone{}, false
	}
	z.Name = up
	return z, true
}

// refTestLines are the lines of every text fixture of the repository.
func refTestLines(t testing.TB) []string {
	var out []string
	for _, g := range []string{"../testdata/*/*", "../testdata/*/*/*", "testdata/*/*", "../cmd/mttx/testdata/*"} {
		files, _ := filepath.Glob(g)
		for _, p := range files {
			data, err := os.ReadFile(p)
			if err != nil {
				continue
			}
			for _, l := range strings.Split(string(data), "\n") {
				out = append(out, l)
			}
		}
	}
	if len(out) < 1000 {
		t.Fatalf("only %d fixture lines", len(out))
	}
	return out
}

// refVocab are pieces random text is made of: date and time words in
// several cases, marks, digits, and letters that change length or turn
// ASCII when case is changed ("ſ" upper-cases to "S", "K" the Kelvin sign
// lower-cases to "k").
var refVocab = []string{
	"Apr", "april", "APRIL", "May", "may", "MAY", "Mar", "march", "Sept", "sept", ".", "11", "2023", "1999", ",", " ", "  ",
	"-", "–", "—", "−", ":", "14:55", "1:05", "EDT", "edt", "est", "EST", "UTC", "utc", "Utc", "GMT", "+", "02", "0530", "Z", "z",
	"T", "t", "PM", "pm", "p", "a", "m", "AM", "on", "On", "at", "@", "Thursday", "thu", "Tue", "/", "h", "Pacific", "pacific",
	"Daylight", "Time", "time", "Standard", "Central", "European", "Summer", "US", "America", "New", "_", "York", "Etc", "(", ")",
	"ſ", "K", "İ", "é", "3rd", "of", "th", "st", "1000", "7", "31", "12", "24", "60", "00", "9", "\t", "\n", "\u00a0", "\u0085",
	"PST", "Eastern", "IST", "AKST", "x", "v1", "min", "s", "\xff", "\xe2\x80", "Mon", "Wednesday", "UTCs", "13h03", "ca",
}

// randomDateText strings together n pieces of refVocab and of the zone
// names in words.
func randomDateText(r *rand.Rand, n int) string {
	var b strings.Builder
	for range n {
		if r.IntN(8) == 0 {
			name := zoneNameWords[r.IntN(len(zoneNameWords))]
			if r.IntN(2) == 0 {
				name = strings.ToUpper(name[:1]) + name[1:]
			}
			b.WriteString(name)
			continue
		}
		b.WriteString(refVocab[r.IntN(len(refVocab))])
	}
	return b.String()
}

// zoneNameWords are the zone names and their words.
var zoneNameWords = func() []string {
	var out []string
	for k := range zoneNames {
		title := strings.Fields(k)
		for i, w := range title {
			title[i] = strings.ToUpper(w[:1]) + w[1:]
		}
		out = append(out, k, strings.Join(title, " "))
		out = append(out, strings.Fields(k)...)
	}
	slices.Sort(out)
	return slices.Compact(out)
}()

// TestZoneNameFirst checks the cheap test zoneName makes first against
// the names.
func TestZoneNameFirst(t *testing.T) {
	for k := range zoneNames {
		first, _, _ := strings.Cut(k, " ")
		if !zoneNameFirst(first) {
			t.Errorf("zoneNameFirst(%q) is false; %q opens with it", first, k)
		}
		if len(first) > len("coordinated") {
			t.Errorf("%q is longer than zoneName looks at", first)
		}
	}
}

// TestScanMentionsAsReference checks that scanMentions finds exactly what
// the scanner it replaced found, on every fixture line and on random text
// made of date words, marks and digits, in both date orders.
func TestScanMentionsAsReference(t *testing.T) {
	skipOracleUnderRace(t)
	lines := refTestLines(t)
	r := rand.New(rand.NewPCG(31, 32))
	for range 200000 {
		lines = append(lines, randomDateText(r, 1+r.IntN(14)))
	}
	for _, s := range lines {
		for _, order := range []dateOrder{monthFirst, dayFirst} {
			got, want := scanMentions(s, order), refScanMentions(s, order)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("scanMentions(%q, %v) = %s; the reference finds %s", s, order, showMentions(got), showMentions(want))
			}
			if f, ok := firstMention(s, order); ok != (len(want) > 0) || ok && !reflect.DeepEqual(f, want[0]) {
				t.Fatalf("firstMention(%q) = %s, %v; want the first of %s", s, showMentions([]mention{f}), ok, showMentions(want))
			}
		}
	}
}

// TestLookupZoneAsReference checks lookupZone against the one it replaced
// on every abbreviation in three cases and on random short words.
func TestLookupZoneAsReference(t *testing.T) {
	var words []string
	for k := range zoneAbbrevs {
		if len(k) > maxAbbrev {
			t.Errorf("%q is longer than maxAbbrev", k)
		}
		words = append(words, k, strings.ToLower(k), k[:1]+strings.ToLower(k[1:]), k+"s", "x"+k)
	}
	r := rand.New(rand.NewPCG(33, 34))
	for range 100000 {
		words = append(words, randomDateText(r, 1+r.IntN(3)))
	}
	letters := "estdaEDTSAKPCMBUGZſKıİ"
	for range 100000 {
		var b strings.Builder
		for range 1 + r.IntN(5) {
			rs := []rune(letters)
			b.WriteRune(rs[r.IntN(len(rs))])
		}
		words = append(words, b.String())
	}
	for _, w := range words {
		gz, gok := lookupZone(w)
		wz, wok := refLookupZone(w)
		if gok != wok || !reflect.DeepEqual(gz, wz) {
			t.Fatalf("lookupZone(%q) = %+v, %v; the reference gives %+v, %v", w, gz, gok, wz, wok)
		}
	}
}

func showMentions(ms []mention) string {
	var b strings.Builder
	for _, m := range ms {
		fmt.Fprintf(&b, "[%d:%d %q", m.Start, m.End, m.Text)
		if m.Date != nil {
			fmt.Fprintf(&b, " date=%v", *m.Date)
		}
		if m.Weekday != nil {
			fmt.Fprintf(&b, " wd=%v", *m.Weekday)
		}
		if m.Swapped != nil {
			fmt.Fprintf(&b, " sw=%v", *m.Swapped)
		}
		if m.Clock != nil {
			fmt.Fprintf(&b, " clock=%v %q", *m.Clock, m.ClockText)
		}
		if m.Zone != nil {
			fmt.Fprintf(&b, " zone=%+v", *m.Zone)
		}
		b.WriteString("]")
	}
	return b.String()
}

// FuzzScanRef compares scanMentions with the reference scanner on
// arbitrary text.
func FuzzScanRef(f *testing.F) {
	r := rand.New(rand.NewPCG(35, 36))
	for range 50 {
		f.Add(randomDateText(r, 1+r.IntN(14)))
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, order := range []dateOrder{monthFirst, dayFirst} {
			got, want := scanMentions(s, order), refScanMentions(s, order)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("scanMentions(%q, %v) = %s; the reference finds %s", s, order, showMentions(got), showMentions(want))
			}
		}
	})
}

// TestDaysIn checks the table of month lengths against time.Date.
func TestDaysIn(t *testing.T) {
	for y := -500; y <= 3000; y++ {
		for m := time.Month(-1); m <= 14; m++ {
			if got, want := daysIn(m, y), time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day(); got != want {
				t.Fatalf("daysIn(%v, %d) = %d; want %d", m, y, got, want)
			}
		}
	}
}

// TestQuickStampAsScanner checks that quickStamp reads what the scanner
// reads, wherever it reads anything, on stamps made of right and wrong
// pieces.
func TestQuickStampAsScanner(t *testing.T) {
	skipOracleUnderRace(t)
	months := []string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec", "may", "MAY", "Sept", "June", "Mon", "feb"}
	days := []string{"1", "09", "9", "29", "30", "31", "0", "32", "00", "123", "9th", ""}
	commas := []string{", ", ", ", ", ", " ", ",", ",  "}
	years := []string{"2019", "2024", "2100", "1969", "1970", "2200", "2201", "19", "20190"}
	seps := []string{" - ", ", ", " at ", " ", "-", " – ", " -  ", ",", " @ ", "T"}
	clocks := []string{"14:37", "0:00", "00:00", "12:30", "1:05", "24:00", "24:01", "13:05", "9:5", "09:60", "10:00:05", "123:45", "7:07"}
	merids := []string{"", "", " AM", " PM", " am", " pm", " Am", " pM", " P.M.", "AM", " AMT"}
	zones := []string{" GMT", " UTC", " utc", " EDT", " PST", " Z", " XYZ", " AKST", " UTC+2", " EST5", "", " (UTC)", " UT", " ET", " GMTX", "  UTC", " Utc", " CEST", " WIB"}
	tails := []string{"", "", "", " ", ".", " x", "s"}
	seps = append([]string{" - ", ", ", " - "}, seps...)
	// The first few of each list are right: they are picked more often,
	// so that many stamps are read.
	pick := func(r *rand.Rand, xs []string) string {
		if r.IntN(5) > 0 {
			return xs[r.IntN(min(3, len(xs)))]
		}
		return xs[r.IntN(len(xs))]
	}
	r := rand.New(rand.NewPCG(61, 62))
	quick := 0
	for range 300000 {
		s := pick(r, months) + " " + pick(r, days) + pick(r, commas) + pick(r, years) + pick(r, seps) + pick(r, clocks) +
			pick(r, merids) + pick(r, zones) + pick(r, tails)
		var f found
		if !quickStamp(s, &f) {
			continue
		}
		quick++
		got := f.mention(s, new(mentionParts))
		want, wok := firstMention(s, monthFirst)
		if !wok || !reflect.DeepEqual(got, want) {
			t.Fatalf("quickStamp(%q) = %s; the scanner reads %s", s, showMentions([]mention{got}), showMentions([]mention{want}))
		}
		if want2, _ := firstMention(s, dayFirst); !reflect.DeepEqual(got, want2) {
			t.Fatalf("quickStamp(%q) = %s; the scanner reads %s day first", s, showMentions([]mention{got}), showMentions([]mention{want2}))
		}
	}
	if quick < 5000 {
		t.Fatalf("quickStamp read only %d stamps: the test tests little", quick)
	}
}

// TestNearTransition checks nearTransition against trying the offset two
// and one hours before and after, every 10 minutes around the changes of
// zone of the regions the abbreviations name.
func TestNearTransition(t *testing.T) {
	skipOracleUnderRace(t)
	old := func(loc *time.Location, t time.Time) bool {
		_, off := t.In(loc).Zone()
		for _, d := range []time.Duration{-2 * time.Hour, -time.Hour, time.Hour, 2 * time.Hour} {
			if _, o := t.Add(d).In(loc).Zone(); o != off {
				return true
			}
		}
		return false
	}
	near := 0
	for name, loc := range regions {
		for _, y := range []int{1970, 2007, 2019, 2023, 2024, 2100} {
			for _, mo := range []time.Month{time.March, time.April, time.October, time.November, time.January} {
				for tt := time.Date(y, mo, 1, 0, 0, 0, 0, time.UTC); tt.Month() == mo; tt = tt.Add(10 * time.Minute) {
					got, want := nearTransition(loc, tt), old(loc, tt)
					if got != want {
						t.Fatalf("nearTransition(%s, %v) = %v; want %v", name, tt, got, want)
					}
					if want {
						near++
					}
				}
			}
		}
	}
	if near < 1000 {
		t.Fatalf("only %d times near a change: the test tests little", near)
	}
}

// TestMonthWeekdayOf checks the switches against the tables.
func TestMonthWeekdayOf(t *testing.T) {
	words := []string{"", "ja", "janu", "septem", "mayo", "thursdays", "Jan", "MAY"}
	for k := range monthWords {
		words = append(words, k, k+"x", k[:len(k)-1])
	}
	for k := range weekdayWords {
		words = append(words, k, k+"x", k[:len(k)-1])
	}
	for _, w := range words {
		mo, ok := monthOf(w)
		if want, wok := monthWords[w]; mo != want || ok != wok {
			t.Errorf("monthOf(%q) = %v, %v; want %v, %v", w, mo, ok, want, wok)
		}
		wd, ok := weekdayOf(w)
		if want, wok := weekdayWords[w]; wd != want || ok != wok {
			t.Errorf("weekdayOf(%q) = %v, %v; want %v, %v", w, wd, ok, want, wok)
		}
	}
}
