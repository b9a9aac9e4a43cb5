package ingest

import (
	"bytes"
	"math/rand/v2"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/mttx-dev/mttx/synth"
)

// checkSPJFast fails if decodeSPJFast accepts data but decodes it other
// than decodeSPJ (the encoding/json reader) does. It reports whether the
// fast reader accepted it.
func checkSPJFast(t testing.TB, data []byte) bool {
	t.Helper()
	body, base := jsonBody(data)
	if body == nil {
		return false
	}
	page, found, ok := decodeSPJFast(body, string(body), base)
	if !ok {
		return false
	}
	wantPage, wantFound, err := decodeSPJ(data, body, base, newLineIndex(data))
	if err != nil {
		t.Fatalf("fast reader accepted what encoding/json rejects (%v):\n%q", err, data)
	}
	if !reflect.DeepEqual(page, wantPage) || !reflect.DeepEqual(found, wantFound) {
		t.Fatalf("fast reader read\n%+v\n%+v\nencoding/json read\n%+v\n%+v\nfrom %q", page, found, wantPage, wantFound, data)
	}
	return true
}

func TestSPJFastMatchesEncodingJSON(t *testing.T) {
	skipOracleUnderRace(t)
	cases := []string{
		`{}`, `[]`, `[null]`, `{"incident":null}`, `{"incidents":null}`, `{"incidents":[]}`,
		`{"page":null,"incidents":[{"id":"a"}]}`, `{"page":{"name":"A"},"page":{"url":"u","name":null}}`,
		`{"incidents":[{"id":"a","id":"b","name":"x","name":null}]}`,
		`{"incidents":[{"incident_updates":[{"status":"resolved","status":null},{"status":"Odd"},{"status":null}]}]}`,
		`{"incidents":[{"incident_updates":[]},{"incident_updates":null},{"components":[null,{"name":"c"}]}]}`,
		`{"incidents":[{"incident_updates":[{"id":"u","body":"a\nb \u00e9\ud83d\ude00 \"q\" \/"}]}]}`,
		`{"incidents":[{"name":"caf\u00e9 ` + "caf\xc3\xa9 \xff\xfe" + `"}]}`,
		`{"x":[1,-2.5e+3,0.1,true,false,null,{"a":{"b":[[]]}},"s"],"incidents":[{"extra":{"k":[{}]},"id":"z"}]}`,
		` { "incidents" : [ { "id" : "a" } , { "id" : "b" } ] , "page" : { "name" : "P" } } `,
		`{"incidents":[{"id":"a"}]} trailing`, `[{"id":"a"}] trailing`, "var x = [{\"id\":\"a\"}];",
		`{"incidents":[{"id":"a"}],"scheduled_maintenances":[{"id":"m"}],"incident":{"id":"i"}}`,
		// What the fast reader leaves to encoding/json.
		`{"incidents":[{"ID":"a"}]}`, `{"incidents":[{"id":1}]}`, `{"incidents":[{"id":"a",}]}`,
		`{"incidents":[{"incident_updates":[{"id":"a"}],"incident_updates":[{"body":"b"}]}]}`,
		`{"incidents":[{"id":"a"}]`, `{"incidents":[{"id":"a"}]]`, `{"incidents":{}}`, `{"x":01}`,
		`{"x":1.}`, `{"x":-}`, `{"x":"\x"}`, `{"x":"\u12"}`, "{\"x\":\"\x01\"}", `{"p\u0061ge":{"name":"A"}}`,
		`{"x":nul}`, `{"x":truex}`, `{,"x":1}`, `{"x":1,}`, `{"x" 1}`, `[{"id":"a"},]`, `[{"id":"a"} {"id":"b"}]`,
	}
	for _, c := range cases {
		checkSPJFast(t, []byte(c))
	}
	// The documents the generator writes must be read by the fast
	// reader: they are what it is for.
	files, _ := filepath.Glob("../testdata/*/*.json")
	var docs [][]byte
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, data)
		if !checkSPJFast(t, data) {
			t.Logf("%s: left to encoding/json", p)
		}
	}
	c := synth.Config{Format: synth.StatuspageJSON, N: 40, Seed: 5, PerFile: 20}
	for k := range c.Files() {
		var buf bytes.Buffer
		if err := synth.Write(&buf, synth.StatuspageJSON, c.File(k)); err != nil {
			t.Fatal(err)
		}
		if !checkSPJFast(t, buf.Bytes()) {
			t.Fatalf("fast reader left a generated document to encoding/json")
		}
		docs = append(docs, buf.Bytes())
	}
	// Mutations of all of them: cut, doubled, changed bytes.
	r := rand.New(rand.NewPCG(7, 8))
	const alphabet = `{}[],:"\ ` + "\n" + `0123456789-+.eEtrufalsnAZu\/é` + "\x00\xff"
	for range 20000 {
		d := bytes.Clone(docs[r.IntN(len(docs))])
		for range 1 + r.IntN(3) {
			if len(d) == 0 {
				break
			}
			i := r.IntN(len(d))
			switch r.IntN(4) {
			case 0:
				d = d[:i]
			case 1:
				d = append(d[:i:i], d[i+r.IntN(len(d)-i):]...)
			case 2:
				d[i] = alphabet[r.IntN(len(alphabet))]
			case 3:
				j := i + r.IntN(min(len(d)-i, 40))
				d = append(d[:j:j], append(bytes.Clone(d[i:j]), d[j:]...)...)
			}
		}
		checkSPJFast(t, d)
	}
}

// FuzzSPJFast checks the fast Statuspage JSON reader against encoding/json
// on arbitrary input.
func FuzzSPJFast(f *testing.F) {
	seedFuzz(f, "../testdata/*/*.json")
	f.Add([]byte(`{"incidents":[{"id":"a","incident_updates":[{"id":"u","body":"b\n"}]}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		checkSPJFast(t, data)
	})
}
