package ingest

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// corpusDir is the labelled corpus of real reports beside the project.
const corpusDir = "../../shared/corpus"

// BenchmarkParseCorpus parses the real reports of ../shared/corpus on every
// core, one sub-benchmark per format they are detected as. Synthetic
// documents are short and regular; real ones have long sentences, many
// times and zones written every way, and read several times slower, so
// this is the figure a user's own history is closer to.
func BenchmarkParseCorpus(b *testing.B) {
	paths, texts := corpusReports(b)
	type docs struct {
		names []string
		datas []string
		size  int
	}
	by := map[Format]*docs{}
	for i, f := range paths {
		data := texts[i]
		_, det, err := ParseString(f, data, Options{})
		if err != nil {
			b.Fatalf("%s: %v", f, err)
		}
		d := by[det.Format]
		if d == nil {
			d = &docs{}
			by[det.Format] = d
		}
		d.names, d.datas, d.size = append(d.names, f), append(d.datas, data), d.size+len(data)
	}
	formats := make([]Format, 0, len(by))
	for f := range by {
		formats = append(formats, f)
	}
	slices.Sort(formats)
	for _, f := range formats {
		d := by[f]
		b.Run(f.String(), func(b *testing.B) {
			parseOnCores(b, d.names, d.datas, d.size)
		})
	}
}

// corpusReports reads the real reports of ../shared/corpus, their paths
// and texts, leaving out the labels and the README; it skips the
// benchmark when the corpus is not beside the project.
func corpusReports(b *testing.B) (paths, texts []string) {
	files, err := filepath.Glob(filepath.Join(corpusDir, "*"))
	if err != nil || len(files) == 0 {
		b.Skipf("no corpus at %s: it is the read-only material beside the project", corpusDir)
	}
	for _, f := range files {
		if strings.HasSuffix(f, ".truth.json") || filepath.Base(f) == "README.md" {
			continue
		}
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		paths, texts = append(paths, f), append(texts, string(data))
	}
	return paths, texts
}
