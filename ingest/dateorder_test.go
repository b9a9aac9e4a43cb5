package ingest

import (
	"math/rand/v2"
	"regexp"
	"strconv"
	"testing"
)

// numericDateRE is the expression numericDateAt matches by hand; the test
// holds it as the oracle.
var numericDateRE = regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})\b`)

// dateOrderRE is detectDateOrder as it was written with the expression.
func dateOrderRE(text string) dateOrder {
	for _, m := range numericDateRE.FindAllStringSubmatch(text, -1) {
		a, _ := strconv.Atoi(m[1])
		b, _ := strconv.Atoi(m[2])
		if a > 12 && a <= 31 && b >= 1 && b <= 12 {
			return dayFirst
		}
	}
	return monthFirst
}

func TestDetectDateOrderMatchesRegexp(t *testing.T) {
	cases := []string{
		"", "no dates", "31/03/2023", "03/31/2023", "on 12/31/20/05/2023", "x31/03/2023", "31/03/20234",
		"1/2/2023 and 15/03/2023", "https://status.example/31/03/2023", "5/13/23 then 13/5/23", "13/5/2023_",
		"_13/5/2023", "13/05/2023.", "123/05/2023", "13//05/2023", "13/5/", "é13/5/2023", "24/1/99 ok",
	}
	for _, c := range cases {
		if got, want := detectDateOrder(c), dateOrderRE(c); got != want {
			t.Errorf("detectDateOrder(%q) = %v; want %v", c, got, want)
		}
	}
	// Random strings over the alphabet that matters.
	r := rand.New(rand.NewPCG(1, 2))
	const alphabet = "0123456789//// a_é."
	for range 200000 {
		b := make([]byte, r.IntN(24))
		for i := range b {
			b[i] = alphabet[r.IntN(len(alphabet))]
		}
		if got, want := detectDateOrder(string(b)), dateOrderRE(string(b)); got != want {
			t.Fatalf("detectDateOrder(%q) = %v; want %v", b, got, want)
		}
	}
}

func TestLinesDateOrderMatchesJoined(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	pieces := []string{"13", "5", "31", "12", "1", "/", "//", "2023", "99", " ", "a", "_", "é", ".", "13/05/2023", "5/13/23"}
	dayFirstSeen := 0
	for range 50000 {
		ls := make([]line, r.IntN(5))
		for i := range ls {
			ls[i] = line{N: i + 1, Text: randomPieces(r, pieces, 6)}
		}
		got, want := linesDateOrder(ls), detectDateOrder(joinText(ls))
		if got != want {
			t.Fatalf("linesDateOrder(%+v) = %v; want %v", ls, got, want)
		}
		if got == dayFirst {
			dayFirstSeen++
		}
	}
	if dayFirstSeen < 100 {
		t.Fatalf("only %d random documents read day first: the test tests little", dayFirstSeen)
	}
}
