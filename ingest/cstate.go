package ingest

// cState incident files (Hugo): front matter with title, date, resolved,
// resolvedWhen, severity (down, disrupted, notice), affected, section:
// issue, informational; then markdown prose and status updates written as
// "***Update*** {{< track "2025-06-24T20:02:00+00:00" >}} text".

import (
	"regexp"
	"strings"
)

// csUpdate is a status update line: an emphasised status word, a track
// shortcode with its time, and the start of the text.
var csUpdate = regexp.MustCompile(`^(?:[*_]{1,3})([^*_]{1,40}?)(?:[*_]{1,3})\s*[-–—:]?\s*\{\{[<%]\s*track\s+"([^"]+)"\s*[>%]\}\}\s*(.*)$`)

// detectCState recognises a cState issue file.
func detectCState(d *doc) (int, string) {
	fm, ok, _ := readFrontMatter(d.data, d.lines)
	if ok {
		if s, _ := fm.str("section"); strings.EqualFold(s, "issue") {
			return 3, "front matter with section: issue (cState)"
		}
		// severity and affected alone are common in postmortem templates
		// too: cState also writes resolved (a boolean) or resolvedWhen.
		if fm.has("resolvedwhen") || (fm.has("severity") && fm.has("affected") && fm.has("resolved")) {
			return 3, "front matter with resolvedWhen, or severity, affected and resolved (cState)"
		}
	}
	for _, l := range d.lines {
		if strings.Contains(l.Text, "{{< track") {
			return 2, `"{{< track ...>}}" status updates (cState)`
		}
	}
	return 0, "no cState front matter or track updates"
}

// parseCState reads a cState issue file.
func parseCState(d *doc) (Incident, error) {
	inc := Incident{Format: FormatCState}
	fm, hasFM, body, ferr := splitFrontMatter(d)
	if ferr != nil {
		return inc, ferr
	}
	if hasFM {
		inc.Source.Line = fm.line
		inc.Title, _ = fm.str("title")
		for _, c := range fm.list("affected") {
			inc.Components = append(inc.Components, Component{Name: c})
		}
		if sev, _ := fm.str("severity"); sev != "" {
			inc.Impact = severityImpact(sev)
		}
	}
	if inc.Title == "" {
		inc.Title, inc.Source.Line = docTitle(body)
	}
	texts := []proseBlock{{Lines: body, Postmortem: true}}
	inc.Updates = cstateUpdates(&inc, body, d)
	notice := hasFM && (fm.truthy("informational") || strings.EqualFold(fmStr(fm, "severity"), "notice"))
	maintenance := notice && strings.Contains(strings.ToLower(inc.Title+" "+joinText(body)), "maintenance")
	if maintenance {
		inc.Impact = ImpactMaintenance
	}
	// A maintenance notice's date is when it was posted, not when impact
	// began; otherwise date and resolvedWhen are the impact window.
	if hasFM && !maintenance {
		assume := d.opts.assumed()
		if s, _ := fm.str("date"); s != "" {
			if t, note, _, ok := timeValue(s, d.order, assume); ok {
				inc.ImpactStart = &Stated{At: t, Line: fm.line, Text: "front matter date: " + s}
				if note != "" {
					inc.warnf(fm.line, "%s", note)
				}
			}
		}
		if s, _ := fm.str("resolvedwhen"); s != "" && (fm.truthy("resolved") || !fm.has("resolved")) {
			if t, _, _, ok := timeValue(s, d.order, assume); ok {
				inc.ImpactEnd = &Stated{At: t, Line: fm.line, Text: "front matter resolvedWhen: " + s}
			}
		}
	}
	if text, nums := joinTextLines(body); text != "" {
		inc.Postmortem = &Text{Body: text, Line: inc.Source.Line, Lines: nums}
	}
	inc.Updates = orderUpdates(&inc, inc.Updates)
	finish(&inc, d, finishing{texts: texts, maintenance: maintenance, docDate: docDate(d, body, inc.Title, fm, hasFM)})
	return inc, nil
}

func fmStr(fm frontMatter, key string) string {
	s, _ := fm.str(key)
	return s
}

// cstateUpdates reads the track-shortcode updates of a body; the text of
// each runs to the next update or blank line.
func cstateUpdates(inc *Incident, body []line, d *doc) []Update {
	var ups []Update
	assume := d.opts.assumed()
	for i := 0; i < len(body); i++ {
		m := csUpdate.FindStringSubmatch(body[i].Text)
		if m == nil {
			continue
		}
		word := strings.TrimSpace(m[1])
		t, note, lm, ok := timeValue(m[2], d.order, assume)
		if !ok {
			if lm.Date == nil || lm.Clock == nil {
				inc.warnf(body[i].N, "update %q: the track time %q is not a date and time: skipped", word, m[2])
				continue
			}
			// A track time without a zone: read as UTC (Hugo's default
			// zone) and say so; --assume-zone sets another.
			t, _ = zone{Name: "UTC", Fixed: true}.at(*lm.Date, *lm.Clock)
			inc.warnf(body[i].N, "update %q: the track time %q has no zone: read as UTC (use --assume-zone to set it)", word, m[2])
		}
		if note != "" {
			inc.warnf(body[i].N, "%s", note)
		}
		text := []line{{N: body[i].N, Text: strings.TrimSpace(m[3])}}
		for j := i + 1; j < len(body) && body[j].Text != "" && !csUpdate.MatchString(body[j].Text); j++ {
			text = append(text, body[j])
		}
		st, known := ParseStatus(word)
		if !known {
			st = StatusUpdate
		}
		u := Update{Status: st, Word: word, At: t, Line: body[i].N}
		u.Text, u.TextLines = joinTextLines(text)
		ups = append(ups, u)
	}
	return ups
}
