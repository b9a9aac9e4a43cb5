package ingest

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// csTrack is the expression firstTrack and withoutTracks stand for: the
// oracle.
var csTrack = regexp.MustCompile(`\{\{[<%]\s*track\s+"([^"]+)"\s*[>%]\}\}`)

// allTracks is every shortcode's time firstTrack finds in s, each search
// starting where the last shortcode ended, as trackZone reads them.
func allTracks(s string) []string {
	var out []string
	for rest := s; ; {
		at, _, end, ok := firstTrack(rest)
		if !ok {
			return out
		}
		out = append(out, at)
		rest = rest[end:]
	}
}

// checkTrack checks firstTrack, hasTrack, withoutTracks and the search for
// every shortcode against csTrack on s.
func checkTrack(t *testing.T, s string) {
	t.Helper()
	at, start, end, ok := firstTrack(s)
	loc := csTrack.FindStringSubmatchIndex(s)
	if ok != (loc != nil) || ok && (start != loc[0] || end != loc[1] || at != s[loc[2]:loc[3]]) {
		t.Fatalf("firstTrack(%q) = %q, %d, %d, %v; the expression finds %v", s, at, start, end, ok, loc)
	}
	if hasTrack(s) != csTrack.MatchString(s) {
		t.Fatalf("hasTrack(%q) = %v", s, hasTrack(s))
	}
	if got, want := withoutTracks(s), csTrack.ReplaceAllString(s, ""); got != want {
		t.Fatalf("withoutTracks(%q) = %q; want %q", s, got, want)
	}
	var want []string
	for _, m := range csTrack.FindAllStringSubmatch(s, -1) {
		want = append(want, m[1])
	}
	if got := allTracks(s); !slices.Equal(got, want) {
		t.Fatalf("allTracks(%q) = %q; want %q", s, got, want)
	}
}

func TestTrackMatchesRegexp(t *testing.T) {
	skipOracleUnderRace(t)
	for _, s := range []string{
		`***Update*** {{< track "2025-06-24T20:02:00+00:00" >}} text`, `**Resolved** - We fixed it. {{% track "x" %}}`,
		`{{{< track "1" >}}`, `{{<track "1">}}`, `{{< track"1" >}}`, `{{< track "" >}}`, `{{< track "1" >}`, `{{< track "1" %}}`,
		`{{< track "1" >}}{{% track "2" %}}`, "{{<\n track\t\"a\nb\"\r>}}", `{{< track "1`, `{{`, `{{<`, `{{< track`, `{{< track "`,
		`a {{< tracks "1" >}} b {{< track "2" >}} c`, `{{< track "é\xff" >}}`, "",
	} {
		checkTrack(t, s)
	}
	r := rand.New(rand.NewPCG(97, 98))
	pieces := []string{"{{", "{", "}}", "}", "<", ">", "%", "track", " track ", "track ", `"2025"`, `"`, `""`, " ", "\t", "\n",
		"{{<", "{{% ", `track "2025-06-24T20:02:00+00:00" `, ">}}", "%}}", " >}}", "é", "x", "\xff"}
	matched := 0
	for range 200000 {
		s := randomPieces(r, pieces, 10)
		if r.IntN(2) == 0 {
			s = randomPieces(r, pieces, 3) + []string{"{{<", "{{%"}[r.IntN(2)] + randomPieces(r, pieces[12:16], 2) + "track" +
				randomPieces(r, pieces[12:16], 2) + `"` + randomPieces(r, pieces[22:], 2) + `"` + randomPieces(r, pieces[12:16], 2) +
				[]string{">}}", "%}}", ">}"}[r.IntN(3)] + randomPieces(r, pieces, 3)
		}
		if csTrack.MatchString(s) {
			matched++
		}
		checkTrack(t, s)
	}
	if matched < 1000 {
		t.Fatalf("only %d random lines match: the test tests little", matched)
	}
}

// FuzzTrack checks the hand-written shortcode search against csTrack on
// any text.
func FuzzTrack(f *testing.F) {
	f.Add(`***Update*** {{< track "2025-06-24T20:02:00+00:00" >}} text`)
	f.Add(`{{{< track "1" >}}{{% track "2" %}}`)
	f.Fuzz(func(t *testing.T, s string) { checkTrack(t, s) })
}
