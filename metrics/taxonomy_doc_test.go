package metrics

import (
	"os"
	"regexp"
	"strings"
	"testing"
)

// TestDocsTaxonomy keeps docs/factors.md true: its table names every
// built-in factor with its description, and its --factors example loads.
func TestDocsTaxonomy(t *testing.T) {
	doc, err := os.ReadFile("../docs/factors.md")
	if err != nil {
		t.Fatal(err)
	}
	tax, err := DefaultTaxonomy()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range tax.Factors() {
		row := "| `" + string(f) + "` | " + tax.Description(f) + " |"
		if !strings.Contains(string(doc), row) {
			t.Errorf("docs/factors.md lacks the row %q", row)
		}
	}
	block := regexp.MustCompile("(?s)```yaml\n(.*?)```").FindSubmatch(doc)
	if block == nil {
		t.Fatal("docs/factors.md has no yaml example")
	}
	ext, err := tax.Extend("docs/factors.md", block[1])
	if err != nil {
		t.Fatalf("the example of docs/factors.md does not load: %v", err)
	}
	if !ext.Has("feature-flag") || ext.Has(Unknown) {
		t.Errorf("the example should add feature-flag and disable unknown: %v", ext.Factors())
	}
}
