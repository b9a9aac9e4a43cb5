package metrics

import (
	"slices"
	"strings"
	"testing"
)

// testLists are small word lists for the phrase tests, in the shape of the
// taxonomy's lists (entries of one or more words).
var testLists = map[string][]string{
	"store":   {"database", "cache", "object store"},
	"trouble": {"overloaded", "slow", "fell over"},
	"broken":  {"!!!"}, // an entry with no word in it
}

func TestCompilePhraseErrors(t *testing.T) {
	tests := []struct {
		name string
		text string
		want string // a part of the error message
	}{
		{"empty", "", "empty phrase"},
		{"only spaces", "   \t ", "empty phrase"},
		{"leading gap", "... outage", "starts with ..."},
		{"only a gap", "...", "starts with ..."},
		{"trailing gap", "disk ...", "ends with ..."},
		{"two trailing gaps", "disk ... ...", "ends with ..."},
		{"unclosed bracket", "(fail over|failover replica", "( without )"},
		{"unopened bracket", "fail over) replica", ") without ("},
		{"closing before opening", "disk )( full", ") without ("},
		{"nested unclosed", "((a b) c", "( without )"},
		{"bracket closing mid-alternative", "(a b)c", "a bracket must close"},
		{"bracket opening mid-alternative", "a(b)", "a bracket must open"},
		{"empty brackets", "() disk", "an empty alternative"},
		{"empty alternative at the end", "disk|", "an empty alternative"},
		{"empty alternative at the start", "|disk", "an empty alternative"},
		{"unknown list", "@nosuchlist failed", "no word list named @nosuchlist"},
		{"unknown list in brackets", "(@nosuchlist|disk) failed", "no word list named @nosuchlist"},
		{"list with a wordless entry", "@broken disk", "list @broken"},
		{"all optional", "the? disk?", "every word is optional"},
		{"all optional brackets", "(the primary)? (disk|drive)?", "every word is optional"},
		{"optional word and a gap", "disk? ... full?", "every word is optional"},
		{"punctuation only", "!!! disk", "has no word in it"},
		{"star only", "*", "has no word in it"},
		{"question mark only", "?", "has no word in it"},
		{"optional gap", "disk ...? full", "has no word in it"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := compilePhrase(tt.text, testLists)
			if err == nil {
				t.Fatalf("compilePhrase(%q) succeeded, want an error containing %q", tt.text, tt.want)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("compilePhrase(%q) error = %q, want it to contain %q", tt.text, err, tt.want)
			}
		})
	}
}

func TestCompilePhraseKeepsText(t *testing.T) {
	tests := []string{
		"expired certificate",
		"cert|certificate expir*",
		"(fail over|failover) replica*",
		"@store ... @trouble",
		"the? load balancer",
		"did not|n't deploy",
	}
	for _, text := range tests {
		t.Run(text, func(t *testing.T) {
			p, err := compilePhrase(text, testLists)
			if err != nil {
				t.Fatalf("compilePhrase(%q): %v", text, err)
			}
			if p.text != text {
				t.Errorf("phrase text = %q, want %q as written", p.text, text)
			}
		})
	}
}

func TestPhraseFind(t *testing.T) {
	tests := []struct {
		name   string
		phrase string
		text   string
		want   bool
		// from and to are the matched words [from, to) of words(text),
		// checked when want is true.
		from, to int
	}{
		// Words in order.
		{"two words", "expired certificate", "An expired certificate broke logins", true, 1, 3},
		{"words out of order", "expired certificate", "the certificate expired", false, 0, 0},
		{"words not adjacent", "expired certificate", "an expired root certificate", false, 0, 0},
		{"word is not a substring", "cert", "our concert venue", false, 0, 0},
		{"first match wins", "disk full", "disk full and then disk full again", true, 0, 2},
		{"at the end", "disk full", "then the disk full", true, 2, 4},
		{"empty text", "disk", "", false, 0, 0},

		// Case and punctuation.
		{"upper case text", "expired certificate", "EXPIRED CERTIFICATE!!", true, 0, 2},
		{"upper case phrase", "Expired Certificate", "expired certificate", true, 0, 2},
		{"hyphen in text", "third party", "a third-party outage", true, 1, 3},
		{"hyphen in phrase", "third-party", "a Third Party outage", true, 1, 3},
		{"underscore separates", "third party", "third_party_api", true, 0, 2},
		{"punctuation between words", "disk full", "disk, full.", true, 0, 2},
		{"quotes around words", "disk full", `the "disk" 'full' alarm`, true, 1, 3},
		{"non-ascii letters", "straße gesperrt", "Die STRASSE ist zu, die Straße gesperrt", true, 5, 7},

		// Prefix.
		{"prefix matches a longer word", "expir*", "the key expired", true, 2, 3},
		{"prefix matches the word itself", "expir*", "expir", true, 0, 1},
		{"prefix must start the word", "expir*", "unexpired keys", false, 0, 0},
		{"prefix is not a suffix", "*ired", "expired", false, 0, 0},
		{"prefix on the last of hyphenated words", "third-part*", "third parties failed", true, 0, 2},
		{"prefix only on the last of hyphenated words", "thi-part*", "third parties failed", false, 0, 0},
		{"word without star is exact", "cert expired", "certs expired", false, 0, 0},

		// Alternatives.
		{"first alternative", "cert|certificate expir*", "the cert expired", true, 1, 3},
		{"second alternative", "cert|certificate expir*", "the certificate expiring", true, 1, 3},
		{"no alternative", "cert|certificate expir*", "the key expired", false, 0, 0},
		{"alternative with prefix", "disk|drive* fail*", "drives failing", true, 0, 2},

		// Brackets.
		{"bracket two words", "(fail over|failover) replica*", "we had to fail over replicas", true, 3, 6},
		{"bracket one word", "(fail over|failover) replica*", "the failover replica", true, 1, 3},
		{"bracket partial words", "(fail over|failover) replica*", "fail replica", false, 0, 0},
		{"bracket mixed with a bare alternative", "caused|(led to) outage", "this led to outage", true, 1, 4},
		{"bracket mixed, bare side", "caused|(led to) outage", "this caused outage", true, 1, 3},
		{"bracket mid-phrase", "the (load balancer|proxy) failed", "the load balancer failed", true, 0, 4},
		{"bracket of lists", "(@store) @trouble", "the object store fell over", true, 1, 5},

		// Lists.
		{"list one-word entry", "@store @trouble", "database overloaded", true, 0, 2},
		{"list multi-word entries", "@store @trouble", "object store fell over", true, 0, 4},
		{"list no entry", "@store @trouble", "queue overloaded", false, 0, 0},

		// Optional.
		{"optional present", "the? load balancer", "the load balancer failed", true, 0, 3},
		{"optional absent", "the? load balancer", "a load balancer failed", true, 1, 3},
		{"optional bracket present", "(the new)? release broke", "the new release broke it", true, 0, 4},
		{"optional bracket absent", "(the new)? release broke", "a release broke it", true, 1, 3},
		{"optional in the middle", "disk (was|is)? full", "disk full", true, 0, 2},
		{"optional last", "disk full again?", "disk full", true, 0, 2},
		{"optional backtracks", "a? a b", "a b", true, 0, 2},
		{"required word still required", "the? load balancer", "the load failed", false, 0, 0},

		// Gap.
		{"gap of none", "database ... overload*", "database overloaded", true, 0, 2},
		{"gap of one", "database ... overload*", "database badly overloaded", true, 0, 3},
		{"gap of four", "database ... overload*", "database was under heavy load overloaded", true, 0, 6},
		{"gap of five", "database ... overload*", "database one two three four five overloaded", false, 0, 0},
		{"gap takes the nearest", "disk ... full", "disk was full and full", true, 0, 3},
		{"gap with list", "@store ... @trouble", "the cache was very slow", true, 1, 5},
		{"two gaps", "disk ... was ... full", "disk one two was three four full", true, 0, 7},

		// Clause marks.
		{"gap stops at semicolon", "database ... overload*", "database fine; cache overloaded", false, 0, 0},
		{"gap stops at colon", "database ... overload*", "database note: overloaded", false, 0, 0},
		{"colon in a time is no clause mark", "database ... overload*", "database at 10:30 overloaded", true, 0, 5},
		{"gap stops at spaced hyphen", "database ... overload*", "database ok - cache overloaded", false, 0, 0},
		{"gap stops at spaced en dash", "database ... overload*", "database ok – cache overloaded", false, 0, 0},
		{"gap stops at em dash", "database ... overload*", "database ok—cache overloaded", false, 0, 0},
		{"gap stops at bracket", "database ... overload*", "database (cache) overloaded", false, 0, 0},
		{"unspaced hyphen splits words", "database ... overload*", "database-was-overloaded", true, 0, 3},
		{"adjacent words across a clause mark", "disk full", "disk; full", false, 0, 0},
		{"clause mark right after the first word", "disk ... full", "disk: full", false, 0, 0},

		// Clitics.
		{"clitic n't", "did not|n't deploy", "we didn't deploy", true, 1, 4},
		{"clitic spelled out", "did not|n't deploy", "we did not deploy", true, 1, 4},
		{"clitic with curly apostrophe", "did not|n't deploy", "we didn’t deploy", true, 1, 4},
		{"clitic can't", "ca n't connect", "we can't connect", true, 1, 4},
		{"clitic in the phrase is split the same", "can't connect", "we can't connect", true, 1, 4},
		{"possessive", "provider 's api", "the provider's API", true, 1, 4},
		{"possessive in the phrase", "provider's api", "the provider’s API", true, 1, 4},
		{"noun without possessive", "provider api", "the provider's API", false, 0, 0},
		{"possessive lets", "let 's encrypt", "Let's Encrypt was unreachable", true, 0, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := compilePhrase(tt.phrase, testLists)
			if err != nil {
				t.Fatalf("compilePhrase(%q): %v", tt.phrase, err)
			}
			ws := words(tt.text)
			sp, ok := p.find(ws)
			if ok != tt.want {
				t.Fatalf("phrase %q in %q (words %q): found = %v (span %v), want %v", tt.phrase, tt.text, ws, ok, sp, tt.want)
			}
			if ok && (sp.from != tt.from || sp.to != tt.to) {
				t.Errorf("phrase %q in %q (words %q): span [%d, %d), want [%d, %d)", tt.phrase, tt.text, ws, sp.from, sp.to, tt.from, tt.to)
			}
		})
	}
}

func TestMaxGapIsFour(t *testing.T) {
	if maxGap != 4 {
		t.Fatalf("maxGap = %d, the phrase syntax documents 4", maxGap)
	}
	p, err := compilePhrase("start ... end", nil)
	if err != nil {
		t.Fatal(err)
	}
	for n := 0; n <= maxGap+2; n++ {
		text := "start " + strings.Repeat("x ", n) + "end"
		_, ok := p.find(words(text))
		if want := n <= maxGap; ok != want {
			t.Errorf("%d words between: found = %v, want %v", n, ok, want)
		}
	}
}

func TestPhraseAt(t *testing.T) {
	p, err := compilePhrase("load balancer ... fail*", nil)
	if err != nil {
		t.Fatal(err)
	}
	ws := words("the load balancer then failed and the load balancer failed again")
	tests := []struct {
		i        int
		want     bool
		from, to int
	}{
		{0, false, 0, 0}, // "the" does not start the phrase
		{1, true, 1, 5},
		{2, false, 0, 0},
		{7, true, 7, 10},
		{8, false, 0, 0},
		{len(ws) - 1, false, 0, 0},
		{len(ws), false, 0, 0}, // past the end
	}
	for _, tt := range tests {
		sp, ok := p.at(ws, tt.i)
		if ok != tt.want {
			t.Errorf("at(%d) ok = %v, want %v", tt.i, ok, tt.want)
			continue
		}
		if ok && (sp.from != tt.from || sp.to != tt.to) {
			t.Errorf("at(%d) = [%d, %d), want [%d, %d)", tt.i, sp.from, sp.to, tt.from, tt.to)
		}
	}
}

func TestPhraseHitExcludesGapWords(t *testing.T) {
	tests := []struct {
		name   string
		phrase string
		text   string
		hit    []int
	}{
		{"no gap", "disk full", "the disk full alarm", []int{1, 2}},
		{"gap words left out", "database ... overload*", "the database was badly overloaded", []int{1, 4}},
		{"empty gap", "database ... overload*", "database overloaded", []int{0, 1}},
		{"multi-word alternative", "(fail over|failover) replica*", "we fail over replicas", []int{1, 2, 3}},
		{"multi-word list entry after a gap", "@store ... @trouble", "object store then fell over", []int{0, 1, 3, 4}},
		{"absent optional word", "the? load balancer", "a load balancer", []int{1, 2}},
		{"present optional word", "the? load balancer", "the load balancer", []int{0, 1, 2}},
		{"backtracked alternative leaves no trace", "(a|a b) c", "a b c", []int{0, 1, 2}},
		{"backtracked optional leaves no trace", "a? a b", "a b", []int{0, 1}},
		{"backtracked gap leaves no trace", "disk ... full alarm", "disk full x full alarm", []int{0, 3, 4}},
		{"two gaps", "disk ... was ... full", "disk one was two full", []int{0, 2, 4}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := compilePhrase(tt.phrase, testLists)
			if err != nil {
				t.Fatal(err)
			}
			ws := words(tt.text)
			sp, ok := p.find(ws)
			if !ok {
				t.Fatalf("phrase %q not found in %q (words %q)", tt.phrase, tt.text, ws)
			}
			if !slices.Equal(sp.hit, tt.hit) {
				t.Errorf("phrase %q in %q: hit = %v, want %v", tt.phrase, tt.text, sp.hit, tt.hit)
			}
			for _, h := range sp.hit {
				if h < sp.from || h >= sp.to {
					t.Errorf("hit %d outside the span [%d, %d)", h, sp.from, sp.to)
				}
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"empty", "", nil},
		{"spaces only", " \t\n ", nil},
		{"punctuation only", "!!! ... ???", nil},
		{"lower-cased", "The API Is DOWN", []string{"the", "api", "is", "down"}},
		{"digits", "HTTP 503s at 10am", []string{"http", "503s", "at", "10am"}},
		{"hyphen splits", "third-party us-east-1", []string{"third", "party", "us", "east", "1"}},
		{"underscore and slash split", "rate_limit/api", []string{"rate", "limit", "api"}},
		{"dots split", "e.g. v1.2", []string{"e", "g", "v1", "2"}},
		{"non-ascii", "Ünïcode STRASSE Straße", []string{"ünïcode", "strasse", "straße"}},
		{"newlines and tabs", "disk\nfull\tagain", []string{"disk", "full", "again"}},

		// Apostrophes and clitics.
		{"n't split", "didn't", []string{"did", "n't"}},
		{"can't", "can't", []string{"ca", "n't"}},
		{"won't", "won't", []string{"wo", "n't"}},
		{"curly n't", "wasn’t", []string{"was", "n't"}},
		{"possessive split", "provider's", []string{"provider", "'s"}},
		{"curly possessive", "provider’s", []string{"provider", "'s"}},
		{"it's", "it's", []string{"it", "'s"}},
		{"short possessive", "x's", []string{"x", "'s"}},
		{"bare n't stays", "n't", []string{"n't"}},
		{"apostrophe inside a name", "O'Brien", []string{"o'brien"}},
		{"quotes are no apostrophes", "'quoted' word", []string{"quoted", "word"}},
		{"trailing apostrophe", "users' data", []string{"users", "data"}},
		{"apostrophe before a digit", "rock'9", []string{"rock", "9"}},

		// Clause marks.
		{"semicolon", "disk full; cache ok", []string{"disk", "full", "|", "cache", "ok"}},
		{"colon before space", "cause: disk", []string{"cause", "|", "disk"}},
		{"colon at the end", "cause:", []string{"cause", "|"}},
		{"colon in a time", "10:30 UTC", []string{"10", "30", "utc"}},
		{"spaced hyphen", "disk - full", []string{"disk", "|", "full"}},
		{"spaced en dash", "disk – full", []string{"disk", "|", "full"}},
		{"em dash", "disk—full", []string{"disk", "|", "full"}},
		{"unspaced en dash", "10–12", []string{"10", "12"}},
		{"hyphen without space before", "disk- full", []string{"disk", "full"}},
		{"brackets", "disk (primary) full", []string{"disk", "|", "primary", "|", "full"}},
		{"no leading clause mark", "(primary) disk", []string{"primary", "|", "disk"}},
		{"repeated clause marks collapse", "disk;; ; full", []string{"disk", "|", "full"}},
		{"clause marks only", "; : —", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := words(tt.text)
			if !slices.Equal(got, tt.want) {
				t.Errorf("words(%q) = %q, want %q", tt.text, got, tt.want)
			}
		})
	}
}
