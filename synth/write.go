package synth

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"
)

// Write writes incs as one document of format f: a Statuspage incidents.json
// page (compact, as the API serves it) for StatuspageJSON (the incidents share the first one's
// organisation), one report otherwise (incs holds one incident).
func Write(w io.Writer, f Format, incs []Incident) error {
	bw := bufio.NewWriter(w)
	var err error
	switch f {
	case StatuspageJSON:
		err = writeJSON(bw, incs)
	default:
		for _, inc := range incs {
			switch f {
			case StatuspageText:
				writeStatuspage(bw, inc)
			case AggregatorText:
				writeAggregator(bw, inc)
			case MarkdownPostmortem:
				writeMarkdown(bw, inc)
			}
		}
	}
	if err != nil {
		return err
	}
	return bw.Flush()
}

// jsonIncident is an incident as the Statuspage API writes it, in its key
// order.
type jsonIncident struct {
	ID                    string          `json:"id"`
	Name                  string          `json:"name"`
	Status                string          `json:"status"`
	CreatedAt             string          `json:"created_at"`
	UpdatedAt             string          `json:"updated_at"`
	MonitoringAt          *string         `json:"monitoring_at"`
	ResolvedAt            *string         `json:"resolved_at"`
	Impact                string          `json:"impact"`
	Shortlink             string          `json:"shortlink"`
	StartedAt             string          `json:"started_at"`
	PageID                string          `json:"page_id"`
	Updates               []jsonUpdate    `json:"incident_updates"`
	Components            []jsonComponent `json:"components"`
	ScheduledFor          *string         `json:"scheduled_for"`
	ScheduledUntil        *string         `json:"scheduled_until"`
	PostmortemBody        *string         `json:"postmortem_body"`
	PostmortemPublishedAt *string         `json:"postmortem_published_at"`
}

type jsonUpdate struct {
	ID         string `json:"id"`
	Status     string `json:"status"`
	Body       string `json:"body"`
	IncidentID string `json:"incident_id"`
	CreatedAt  string `json:"created_at"`
	UpdatedAt  string `json:"updated_at"`
	DisplayAt  string `json:"display_at"`
}

type jsonComponent struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Status string `json:"status"`
}

type jsonPage struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	URL      string `json:"url"`
	TimeZone string `json:"time_zone"`
}

// id is a Statuspage-style 12-character identifier, deterministic.
func id(parts ...int) string {
	const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz"
	h := uint64(14695981039346656037)
	for _, p := range parts {
		h ^= uint64(p)
		h *= 1099511628211
		h ^= h >> 29
	}
	var b [12]byte
	for i := range b {
		b[i] = alphabet[h%36]
		h = h/36 ^ uint64(i)*0x9e3779b97f4a7c15
	}
	return string(b[:])
}

func writeJSON(w *bufio.Writer, incs []Incident) error {
	if len(incs) == 0 {
		return nil
	}
	org, zone := incs[0].Org, incs[0].zone
	page := jsonPage{ID: id(-1, incs[0].Index), Name: org, URL: "https://status." + strings.ToLower(org) + ".example", TimeZone: zone.String()}
	doc := struct {
		Page      jsonPage       `json:"page"`
		Incidents []jsonIncident `json:"incidents"`
	}{Page: page}
	// Newest first, as the API lists them.
	for k := len(incs) - 1; k >= 0; k-- {
		doc.Incidents = append(doc.Incidents, toJSON(incs[k], page.ID))
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc.Encode(doc)
}

func toJSON(inc Incident, pageID string) jsonIncident {
	ts := func(t time.Time) string { return t.In(inc.zone).Format("2006-01-02T15:04:05.000Z07:00") }
	ptr := func(t time.Time) *string { s := ts(t); return &s }
	incID := id(inc.Index)
	j := jsonIncident{ID: incID, Name: inc.Title, Impact: inc.Impact, Shortlink: "https://stspg.example/" + incID,
		PageID: pageID, CreatedAt: ts(inc.Updates[0].At), StartedAt: ts(inc.start)}
	if inc.StatedStart == nil && !inc.maintenance {
		j.StartedAt = j.CreatedAt // the page does not backdate the start
	}
	last := inc.Updates[len(inc.Updates)-1]
	j.UpdatedAt, j.Status = ts(last.At), strings.ReplaceAll(last.Status, " ", "_")
	if inc.maintenance {
		j.Impact = "maintenance"
		j.ScheduledFor, j.ScheduledUntil = ptr(inc.start), ptr(inc.start.Add(2*time.Hour))
	}
	for k := len(inc.Updates) - 1; k >= 0; k-- {
		u := inc.Updates[k]
		switch u.Status {
		case "postmortem":
			j.PostmortemBody, j.PostmortemPublishedAt = &u.Text, ptr(u.At)
			continue
		case "monitoring":
			j.MonitoringAt = ptr(u.At)
		case "resolved", "completed":
			if j.ResolvedAt == nil {
				j.ResolvedAt = ptr(u.At)
			}
		}
		j.Updates = append(j.Updates, jsonUpdate{ID: id(inc.Index, k), Status: strings.ReplaceAll(u.Status, " ", "_"), Body: u.Text,
			IncidentID: incID, CreatedAt: ts(u.At), UpdatedAt: ts(u.At), DisplayAt: ts(u.At)})
	}
	for k, c := range inc.Components {
		j.Components = append(j.Components, jsonComponent{ID: id(inc.Index, 100+k), Name: c, Status: "operational"})
	}
	return j
}

// statusWord is the word a Statuspage text page writes for a status.
func statusWord(s string) string {
	if s == "in progress" {
		return "In progress"
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

func writeStatuspage(w *bufio.Writer, inc Incident) {
	kind := "Incident"
	if inc.maintenance {
		kind = "Scheduled Maintenance"
	}
	fmt.Fprintf(w, "%s\n%s Report for %s\n", inc.Title, kind, inc.Org)
	for k := len(inc.Updates) - 1; k >= 0; k-- {
		u := inc.Updates[k]
		fmt.Fprintf(w, "%s\n", statusWord(u.Status))
		if u.Status == "postmortem" {
			w.WriteString("\n")
		}
		fmt.Fprintf(w, "%s\nPosted %s\n", u.Text, u.At.In(inc.zone).Format("Jan 02, 2006 - 15:04 MST"))
		if u.Status == "postmortem" {
			w.WriteString("\n")
		}
	}
	affected := "incident"
	if inc.maintenance {
		affected = "scheduled maintenance"
	}
	fmt.Fprintf(w, "This %s affected: %s.\n", affected, andList(inc.Components))
}

// andList writes "A", "A and B", "A, B and C".
func andList(xs []string) string {
	if len(xs) < 2 {
		return strings.Join(xs, "")
	}
	return strings.Join(xs[:len(xs)-1], ", ") + " and " + xs[len(xs)-1]
}

// aggregator pages write times in UTC with a 12-hour clock.
const aggTime = "Jan 2, 2006, 03:04 PM UTC"

func writeAggregator(w *bufio.Writer, inc Incident) {
	resolved := inc.Updates[len(inc.Updates)-1].At
	d := resolved.Sub(inc.start)
	fmt.Fprintf(w, "%s incident\n\n%s\n\n%s Resolved View vendor source →\n\n", inc.Org, inc.Title, statusWord(inc.Impact))
	fmt.Fprintf(w, "%s experienced a %s incident on %s affecting %s, lasting %s. The incident has been resolved; the full update timeline is below.\n\n",
		inc.Org, inc.Impact, inc.start.UTC().Format("January 2, 2006"), andList(inc.Components), hoursMinutes(d))
	fmt.Fprintf(w, "Started\n%s\nResolved\n%s\nDuration\n%s\n\n", inc.start.UTC().Format(aggTime), resolved.UTC().Format(aggTime), hoursMinutes(d))
	fmt.Fprintf(w, "Affected components\n\n%s\n\nUpdate timeline\n\n", strings.Join(inc.Components, ""))
	for k, u := range inc.Updates {
		fmt.Fprintf(w, "  %d. %s %s\n\n    %s\n\n", k+1, u.Status, u.At.UTC().Format(aggTime), u.Text)
	}
}

// hoursMinutes writes a duration as aggregators do: "4h 16m", "45m".
func hoursMinutes(d time.Duration) string {
	h, m := int(d/time.Hour), int(d%time.Hour/time.Minute)
	if h == 0 {
		return fmt.Sprintf("%dm", m)
	}
	return fmt.Sprintf("%dh %dm", h, m)
}

func writeMarkdown(w *bufio.Writer, inc Incident) {
	ts := func(t time.Time) string { return t.In(inc.zone).Format(time.RFC3339) }
	fmt.Fprintf(w, "---\ntitle: %s\ndate: %s\ncompany: %s\nseverity: %s\nservices:\n", inc.Title, inc.start.UTC().Format("2006-01-02"), inc.Org, inc.Impact)
	for _, c := range inc.Components {
		fmt.Fprintf(w, "  - %s\n", c)
	}
	fmt.Fprintf(w, "start_time: %s\nend_time: %s\n---\n\n# %s\n\n## Summary\n\n", ts(inc.start), ts(inc.end), inc.Title)
	fmt.Fprintf(w, "Customers using %s saw errors until the service recovered.", inc.Components[0])
	if inc.Factor != "" {
		for _, f := range factors {
			if f.name == inc.Factor {
				fmt.Fprintf(w, " "+f.sentence, inc.Components[0])
			}
		}
	}
	w.WriteString("\n\n## Timeline\n\nAll times are UTC.\n\n")
	for _, e := range inc.timeline {
		fmt.Fprintf(w, "- %s - %s\n", e.at.UTC().Format("2006-01-02 15:04"), e.text)
	}
	w.WriteString("\n## Action items\n\n- Share this review with every team that owns a service.\n")
}
