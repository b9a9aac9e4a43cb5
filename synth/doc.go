// Package synth generates synthetic incident reports in the formats mttx
// reads (Statuspage text and JSON, aggregator text, markdown postmortems),
// together with the truth they were generated from.
//
// It exists for two jobs: checking that mttx reads back exactly what was
// written (updates, times, impact, components and the metrics the rules of
// docs/metrics.md derive from them), and measuring mttx at scale without
// committing corpora. Everything is drawn from a seeded PCG per incident,
// so the same seed and size give the same bytes, and any incident can be
// drawn without drawing those before it.
//
// The package depends on nothing of mttx: its truth is its own, so a test
// comparing mttx with it compares two independent accounts.
package synth
