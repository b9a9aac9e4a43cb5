// Package report renders incidents and metrics for people and machines:
// terminal and Markdown tables (tablewriter), JSON and JSON Lines, and the
// review as Markdown and CSV, the review as one self-contained HTML page
// (go-echarts options, ECharts inlined from report/assets; docs/html.md),
// and the Parquet tables of the warehouse export (parquet-go,
// docs/warehouse.md).
//
// Renderers write to the io.Writer they are given and produce the same
// bytes for the same input: no clock, no map order, widths pinned
// independently of the terminal's locale.
package report
