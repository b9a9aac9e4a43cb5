package ingest

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// refDetectMarkdown is detectMarkdown as it was before it stopped at the
// first heading that settles a document with front matter: the oracle of
// the tests below.
func refDetectMarkdown(d *doc) (int, string) {
	fm, ok, _ := d.frontMatter()
	if ok {
		if _, k := fm.str(fmStartKeys...); k != "" {
			return 3, fmStartNotes[slices.Index(fmStartKeys, k)]
		}
	}
	h1, sections := 0, 0
	for _, l := range d.lines() {
		hashes, title, ok := mdHeadingParts(l.Text)
		if !ok {
			continue
		}
		if len(hashes) == 1 {
			h1++
		}
		if isPMSection(title) || isPMHeadingWord(title) {
			sections++
		}
	}
	switch {
	case ok && (h1 > 0 || sections > 0):
		return 2, fmt.Sprintf("front matter (%s) and markdown headings", strings.Join(fm.keys(), ", "))
	case sections >= 2:
		return 2, fmt.Sprintf("%d postmortem section headings (## Timeline, ## Impact, ...)", sections)
	case ok:
		return 1, "front matter and prose"
	}
	return 0, "no front matter and no postmortem headings"
}

// markdownPieces build documents with and without front matter (YAML,
// TOML, with a start key or without), and headings of every level that
// name postmortem sections or do not.
var markdownPieces = []string{"---\ntitle: Outage\n---\n", "---\ntitle: x\nstart_time: 2023-04-11 10:00\n---\n",
	"+++\ntitle = \"x\"\n+++\n", "---\nseverity: high\n", "# Outage\n", "## Timeline\n", "## Impact\n", "### Root cause\n",
	"## Notes\n", "#Timeline\n", "# \n", "## Summary ##\n", "## ſummary\n", "## Action \u212aitems\n", "We fixed it.\n",
	"\n", "\n", "- 14:05 paged\n", "#\n", "####### Timeline\n", "## follow-ups\n", "\xff\n"}

func TestDetectMarkdownAsBefore(t *testing.T) {
	for _, text := range detectTestTexts(t, 30000, markdownPieces) {
		checkDetectorAsBefore(t, "detectMarkdown", text, detectMarkdown, refDetectMarkdown)
	}
}

func FuzzDetectMarkdown(f *testing.F) {
	f.Add("---\ntitle: Outage\n---\n# Outage\n## Timeline\n")
	f.Add("## Timeline\n## Impact\n")
	f.Add("---\nseverity: high\n---\nprose only\n")
	f.Fuzz(func(t *testing.T, text string) {
		checkDetectorAsBefore(t, "detectMarkdown", text, detectMarkdown, refDetectMarkdown)
	})
}
