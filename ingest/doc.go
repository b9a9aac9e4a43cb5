// Package ingest reads incident reports into Incidents: where incidents
// enter mttx.
//
// Each input format has its own file (statuspage.go, aggregator.go) and
// one dispatch point (reader in ingest.go) picks the reader, detected
// from the content unless forced. All formats share one date/time reader
// (when.go, zones.go) and one prose reader (prose.go) for postmortem and
// update text: stated impact windows, stated durations and narrative
// timelines.
//
// Times are stored in UTC. What a report does not say stays unknown (nil),
// never a zero time. Bad input yields a *ParseError with the file and line,
// never a panic.
package ingest
