package ingest

import (
	"math/rand/v2"
	"testing"
)

// The cheap tests before the cState reader's expressions must let every
// line the expressions match through.

func checkCStateGuards(t *testing.T, s string) {
	t.Helper()
	if csHead.MatchString(s) && !mayHead(s) {
		t.Fatalf("csHead matches %q but mayHead is false", s)
	}
	if csTrack.MatchString(s) && !mayTrack(s) {
		t.Fatalf("csTrack matches %q but mayTrack is false", s)
	}
}

func TestCStateGuards(t *testing.T) {
	for _, s := range []string{`***Update*** {{< track "2025-06-24T20:02:00+00:00" >}} text`, `**Resolved** - We fixed it. {{% track "x" %}}`,
		`__Monitoring__: ok`, `_a_`, "", "*", `text {{<track "1">}}`, `{{ track "1" }}`, "x **Update**"} {
		checkCStateGuards(t, s)
	}
	r := rand.New(rand.NewPCG(95, 96))
	pieces := []string{"*", "**", "_", "Update", " ", "-", "–", ":", "{{", "{", "}}", "<", ">", "%", "track", " track ", `"2025"`, `"`, "é", "x",
		"{{<", "{{% ", `track "2025" `, ">}}", "%}}", "\n"}
	head, track := 0, 0
	for range 200000 {
		s := randomPieces(r, pieces, 10)
		if csHead.MatchString(s) {
			head++
		}
		if csTrack.MatchString(s) {
			track++
		}
		checkCStateGuards(t, s)
	}
	if head < 1000 || track < 100 {
		t.Fatalf("only %d and %d random lines match: the test tests little", head, track)
	}
}

func FuzzCStateGuards(f *testing.F) {
	f.Add(`***Update*** {{< track "2025-06-24T20:02:00+00:00" >}} text`)
	f.Fuzz(func(t *testing.T, s string) { checkCStateGuards(t, s) })
}
