// Package metrics derives incident milestones and durations (time to
// detect, identify, mitigate and resolve, impact duration, postmortem delay)
// from incidents as ingest reads them, and summarises them over many
// incidents.
//
// Everything here is a pure function of its arguments: no I/O, no clock.
// A metric that cannot be derived is nil and counted as missing, never 0.
// The definitions are "metrics v1" (see Version) and are written down in
// docs/metrics.md.
package metrics
