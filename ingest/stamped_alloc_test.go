package ingest

import "testing"

func TestDefaultStatusASCIIDoesNotAllocate(t *testing.T) {
	if n := testing.AllocsPerRun(100, func() { defaultStatus("  THIS   incident\thas been\nresolved. All good.") }); n != 0 {
		t.Errorf("defaultStatus allocates %v times; want 0", n)
	}
}
