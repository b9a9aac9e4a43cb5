package report

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

var update = flag.Bool("update", false, "rewrite the generated schema section of docs/warehouse.md")

const (
	warehouseDoc = "../docs/warehouse.md"
	schemaBegin  = "<!-- BEGIN GENERATED SCHEMA: `go test ./report -run TestWarehouseDoc -update` writes this part from the row types of report/parquet_rows.go; do not edit it by hand -->"
	schemaEnd    = "<!-- END GENERATED SCHEMA -->"
)

// tableTypes lists each table with its row type and what one row is.
func tableTypes() []struct {
	name, row string
	typ       reflect.Type
} {
	return []struct {
		name, row string
		typ       reflect.Type
	}{
		{TableIncidents, "One row per incident. Key: `id`.", reflect.TypeFor[IncidentRow]()},
		{TableUpdates, "One row per status update. Key: `(incident_id, seq)`.", reflect.TypeFor[UpdateRow]()},
		{TableTimeline, "One row per narrative timeline entry. Key: `(incident_id, seq)`.", reflect.TypeFor[TimelineRow]()},
		{TableFactors, "One row per sentence that shows a contributing factor (up to three per factor, strongest first). Key: `(incident_id, factor, seq)`.", reflect.TypeFor[FactorRow]()},
		{TableMetrics, "One row per group and metric: the summary `mttx report --group-by` prints, maintenance left out. Key: `(group_by, group_value_1, group_value_2, metric)`.", reflect.TypeFor[MetricRow]()},
	}
}

// columnTypes names a Go field type as Parquet, DuckDB and BigQuery call
// the column it becomes (TestParquetSchema and the DuckDB check in .ci/run
// hold the Parquet and DuckDB names to the files).
func columnTypes(t reflect.Type) (pq, duck, bq string) {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == reflect.TypeFor[time.Time]():
		return "TIMESTAMP(MICROS, UTC)", "TIMESTAMP WITH TIME ZONE", "TIMESTAMP"
	case t.Kind() == reflect.String:
		return "STRING", "VARCHAR", "STRING"
	case t.Kind() == reflect.Int64:
		return "INT64", "BIGINT", "INT64"
	case t.Kind() == reflect.Bool:
		return "BOOLEAN", "BOOLEAN", "BOOL"
	case t.Kind() == reflect.Float64:
		return "DOUBLE", "DOUBLE", "FLOAT64"
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		return "LIST<STRING>", "VARCHAR[]", "ARRAY<STRING>"
	}
	panic(fmt.Sprintf("no warehouse type for Go type %v", t))
}

// schemaSection renders the generated part of docs/warehouse.md.
func schemaSection() string {
	var b strings.Builder
	b.WriteString(schemaBegin + "\n")
	fmt.Fprintf(&b, "\nSchema version %s. Every file's key-value metadata holds `mttx.schema_version`, `mttx.metrics_version` and `mttx.table`.\n", SchemaVersion)
	for _, tt := range tableTypes() {
		fmt.Fprintf(&b, "\n### `%s`\n\n%s\n\n", tt.name, tt.row)
		b.WriteString("| column | Parquet | DuckDB | BigQuery | NULL | meaning |\n|---|---|---|---|---|---|\n")
		for i := range tt.typ.NumField() {
			f := tt.typ.Field(i)
			name, _, _ := strings.Cut(f.Tag.Get("parquet"), ",")
			pq, duck, bq := columnTypes(f.Type)
			null := "no"
			if f.Type.Kind() == reflect.Pointer {
				null = "yes"
			}
			fmt.Fprintf(&b, "| `%s` | %s | %s | %s | %s | %s |\n", name, pq, duck, bq, null, strings.ReplaceAll(f.Tag.Get("doc"), "|", `\|`))
		}
		schema := parquet.SchemaOf(reflect.New(tt.typ).Elem().Interface())
		fmt.Fprintf(&b, "\n<details><summary>Parquet schema of <code>%s</code></summary>\n\n```\n%s\n```\n\n</details>\n", tt.name, strings.Replace(schema.String(), "message "+tt.typ.Name(), "message "+tt.name, 1))
	}
	b.WriteString("\n" + schemaEnd)
	return b.String()
}

// TestWarehouseDoc fails when the schema section of docs/warehouse.md no
// longer matches the row types; -update rewrites it.
func TestWarehouseDoc(t *testing.T) {
	data, err := os.ReadFile(warehouseDoc)
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	i, j := strings.Index(doc, schemaBegin), strings.Index(doc, schemaEnd)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the generated schema markers", warehouseDoc)
	}
	got := doc[i : j+len(schemaEnd)]
	want := schemaSection()
	if got == want {
		return
	}
	if *update {
		if err := os.WriteFile(warehouseDoc, []byte(doc[:i]+want+doc[j+len(schemaEnd):]), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	t.Errorf("the schema in %s is out of date (run go test ./report -run TestWarehouseDoc -update and review the diff):\n%s", warehouseDoc, firstLineDiff(got, want))
}

func firstLineDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < len(g) || i < len(w); i++ {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return fmt.Sprintf("line %d:\n doc  %s\n code %s", i+1, gl, wl)
		}
	}
	return ""
}
