package ingest

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

func fixture(t *testing.T, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "parse", name))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// testLive fetches fast: no real waiting between retries.
func testLive(dir string) *Live {
	return &Live{Client: &http.Client{Timeout: 5 * time.Second}, UserAgent: "mttx-test", Retries: 2, Backoff: time.Millisecond, SaveDir: dir}
}

func TestReadLive(t *testing.T) {
	incidents := fixture(t, "spj-incidents.json")
	maintenances := fixture(t, "spj-summary-maintenance.json")
	var agents atomic.Value
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		agents.Store(r.Header.Get("User-Agent"))
		w.Header().Set("Content-Type", "application/json")
		switch r.URL.Path {
		case "/api/v2/incidents.json":
			w.Write(incidents)
		case "/api/v2/scheduled-maintenances.json":
			w.Write(maintenances)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	dir := t.TempDir()
	res := ReadInput(context.Background(), srv.URL+"/", nil, Options{Live: testLive(dir)})
	if res.Err != nil {
		t.Fatal(res.Err)
	}
	if len(res.Incidents) != 3 {
		t.Fatalf("%d incidents; want 2 incidents and 1 maintenance", len(res.Incidents))
	}
	if got := agents.Load(); got != "mttx-test" {
		t.Errorf("User-Agent %v; want mttx-test", got)
	}
	if !strings.HasSuffix(res.Incidents[0].Source.Path, "/api/v2/incidents.json") {
		t.Errorf("source %s; want the endpoint URL", res.Incidents[0].Source.Path)
	}
	// What was saved reads the same offline.
	host := strings.TrimPrefix(srv.URL, "http://")
	saved := filepath.Join(dir, host, "api-v2-incidents.json")
	off := ReadFile(saved, nil, Options{})
	if off.Err != nil || len(off.Incidents) != 2 || off.Incidents[0].ID != res.Incidents[0].ID {
		t.Errorf("saved copy %s read back as %d incidents, %v", saved, len(off.Incidents), off.Err)
	}
	if _, err := os.Stat(filepath.Join(dir, host, "api-v2-scheduled-maintenances.json")); err != nil {
		t.Error(err)
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, host, ".*tmp*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

func TestReadLiveRetriesAndErrors(t *testing.T) {
	incidents := fixture(t, "spj-incidents.json")
	tests := []struct {
		name     string
		handler  func(n int32, w http.ResponseWriter, r *http.Request)
		path     string
		wantErr  error  // nil: success
		errHas   string // part of the message
		requests int32  // requests the server must have seen
	}{
		{"429 then success", func(n int32, w http.ResponseWriter, r *http.Request) {
			if n == 1 {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusTooManyRequests)
				return
			}
			w.Write(incidents)
		}, "/api/v2/incidents.json", nil, "", 2},
		{"5xx until the retries run out", func(n int32, w http.ResponseWriter, r *http.Request) {
			w.WriteHeader(http.StatusServiceUnavailable)
		}, "/api/v2/incidents.json", nil, "503 Service Unavailable", 3},
		{"a web page, not the API", func(n int32, w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Write([]byte("<html><body>Welcome</body></html>"))
		}, "/", ErrNotStatuspage, "answered with a web page", 1},
		{"no API", func(n int32, w http.ResponseWriter, r *http.Request) {
			http.NotFound(w, r)
		}, "/", ErrNotStatuspage, "404 Not Found", 1},
		{"JSON of another kind", func(n int32, w http.ResponseWriter, r *http.Request) {
			w.Write([]byte(`{"status":"ok","uptime":99.9}`))
		}, "/api/v2/incidents.json", ErrNotStatuspage, `want JSON with "page"`, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var n atomic.Int32
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				tt.handler(n.Add(1), w, r)
			}))
			defer srv.Close()
			res := ReadInput(context.Background(), srv.URL+tt.path, nil, Options{Live: testLive("")})
			switch {
			case tt.errHas == "" && res.Err != nil:
				t.Fatalf("error %v; want success", res.Err)
			case tt.errHas != "" && (res.Err == nil || !strings.Contains(res.Err.Error(), tt.errHas)):
				t.Fatalf("error %v; want one saying %q", res.Err, tt.errHas)
			case tt.wantErr != nil && !errors.Is(res.Err, tt.wantErr):
				t.Errorf("error %v is not %v", res.Err, tt.wantErr)
			}
			if got := n.Load(); got != tt.requests {
				t.Errorf("%d requests; want %d", got, tt.requests)
			}
		})
	}
}

func TestReadLiveCancelled(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	ctx, cancel := context.WithCancel(context.Background())
	live := testLive("")
	live.Backoff = time.Hour
	go func() { time.Sleep(20 * time.Millisecond); cancel() }()
	res := ReadInput(ctx, srv.URL+"/api/v2/incidents.json", nil, Options{Live: live})
	if !errors.Is(res.Err, context.Canceled) {
		t.Fatalf("error %v; want cancelled", res.Err)
	}
}
