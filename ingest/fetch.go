package ingest

// Live Statuspage pages: an input that is a URL ("https://status.example.com")
// is fetched through the page's public API, /api/v2/incidents.json and
// /api/v2/scheduled-maintenances.json, and read as statuspage-json. A URL
// that already names a .json document is fetched as it is.

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Live configures fetching live status pages.
type Live struct {
	// Client does the requests; nil uses one with a 30-second timeout.
	Client *http.Client
	// UserAgent names mttx to the sites it asks.
	UserAgent string
	// Retries is how many times a request that got 429 or a 5xx status
	// (or a network error) is tried again, waiting Backoff, then twice
	// that, and so on (or what Retry-After asks, up to a minute).
	Retries int
	Backoff time.Duration
	// SaveDir, if set, keeps the raw JSON of every response as
	// SaveDir/<host>/<document>.json, so a later run can read it offline.
	SaveDir string
}

// DefaultLive is how mttx fetches unless told otherwise.
func DefaultLive(userAgent string) *Live {
	return &Live{Client: &http.Client{Timeout: 30 * time.Second}, UserAgent: userAgent, Retries: 3, Backoff: 500 * time.Millisecond}
}

// IsURL reports whether an input names a live page.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "http://")
}

// ErrNotStatuspage: the site answered, but not as a Statuspage API.
var ErrNotStatuspage = errors.New("not a Statuspage page")

// readLive fetches a page's incidents and maintenances and reads them.
func readLive(ctx context.Context, raw string, opts Options) FileResult {
	res := FileResult{Path: raw}
	live := opts.Live
	if live == nil {
		live = DefaultLive("mttx")
	}
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		res.Err = &ParseError{File: raw, Err: fmt.Errorf("not a URL: %v", err)}
		return res
	}
	docs := []string{raw}
	if !strings.HasSuffix(u.Path, ".json") {
		base := strings.TrimRight(raw, "/")
		docs = []string{base + "/api/v2/incidents.json", base + "/api/v2/scheduled-maintenances.json"}
	}
	for i, endpoint := range docs {
		body, err := live.get(ctx, endpoint)
		if err != nil {
			// The maintenances of a page that has none may be missing;
			// the incidents are what matters.
			if i > 0 && len(res.Incidents) > 0 {
				continue
			}
			res.Err = &ParseError{File: endpoint, Err: err}
			return res
		}
		if err := live.save(endpoint, body); err != nil {
			res.Err = &ParseError{File: endpoint, Err: err}
			return res
		}
		if score, _ := detectStatuspageJSON(&doc{data: body}); score == 0 {
			res.Err = &ParseError{File: endpoint, Err: fmt.Errorf("%w: the response is no Statuspage API document (want JSON with \"page\" and \"incidents\")", ErrNotStatuspage)}
			return res
		}
		// body is the buffer io.ReadAll made for this response, and
		// nothing writes it again: read in place, not copied (the
		// incidents' texts are slices of it).
		incs, det, err := ParseString(endpoint, ownedString(body), Options{Format: FormatStatuspageJSON, AssumeZone: opts.AssumeZone})
		if err != nil {
			if errors.Is(err, ErrNoUpdates) { // a page with no incidents, or none with updates
				continue
			}
			res.Err = &ParseError{File: endpoint, Err: fmt.Errorf("%w: the response is no Statuspage API document: %v", ErrNotStatuspage, errors.Unwrap(err))}
			return res
		}
		det.Reason = "fetched from the Statuspage API: " + det.Reason
		res.Detection = det
		res.Incidents = append(res.Incidents, incs...)
	}
	return res
}

// get fetches one document, retrying 429, 5xx and network errors.
func (l *Live) get(ctx context.Context, doc string) ([]byte, error) {
	client := l.Client
	if client == nil {
		client = &http.Client{Timeout: 30 * time.Second}
	}
	wait := l.Backoff
	for attempt := 0; ; attempt++ {
		body, retryAfter, retry, err := l.once(ctx, client, doc)
		if err == nil {
			return body, nil
		}
		if !retry || attempt >= l.Retries {
			return nil, err
		}
		d := wait
		if retryAfter > 0 {
			d = min(retryAfter, time.Minute)
		}
		select {
		case <-time.After(d):
		case <-ctx.Done():
			return nil, ctx.Err()
		}
		wait *= 2
	}
}

// once makes one request; retry says whether trying again may help.
func (l *Live) once(ctx context.Context, client *http.Client, doc string) (body []byte, retryAfter time.Duration, retry bool, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, doc, nil)
	if err != nil {
		return nil, 0, false, err
	}
	req.Header.Set("User-Agent", l.UserAgent)
	req.Header.Set("Accept", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return nil, 0, false, ctx.Err()
		}
		return nil, 0, true, fmt.Errorf("GET: %w", err)
	}
	defer resp.Body.Close()
	body, err = io.ReadAll(io.LimitReader(resp.Body, MaxInputSize+1))
	if err != nil {
		return nil, 0, true, fmt.Errorf("GET: reading the response: %w", err)
	}
	switch {
	case resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		if s, err := strconv.Atoi(resp.Header.Get("Retry-After")); err == nil && s > 0 {
			retryAfter = time.Duration(s) * time.Second
		}
		return nil, retryAfter, true, fmt.Errorf("GET: %s", resp.Status)
	case resp.StatusCode == http.StatusNotFound:
		return nil, 0, false, fmt.Errorf("%w: GET answered %s (a Statuspage page serves /api/v2/incidents.json)", ErrNotStatuspage, resp.Status)
	case resp.StatusCode != http.StatusOK:
		return nil, 0, false, fmt.Errorf("GET: %s", resp.Status)
	}
	if len(body) > MaxInputSize {
		return nil, 0, false, fmt.Errorf("%w: the response is over %d bytes", ErrTooLarge, MaxInputSize)
	}
	if ct := resp.Header.Get("Content-Type"); strings.Contains(ct, "html") {
		return nil, 0, false, fmt.Errorf("%w: the site answered with a web page (%s), not the API's JSON", ErrNotStatuspage, ct)
	}
	return body, 0, false, nil
}

// save keeps a response as SaveDir/<host>/<path with slashes as dashes>,
// written atomically.
func (l *Live) save(doc string, body []byte) error {
	if l.SaveDir == "" {
		return nil
	}
	u, err := url.Parse(doc)
	if err != nil {
		return err
	}
	name := strings.ReplaceAll(strings.TrimPrefix(u.Path, "/"), "/", "-")
	if name == "" {
		name = "index.json"
	}
	return writeFileAtomic(filepath.Join(l.SaveDir, u.Host, name), body)
}

// writeFileAtomic writes a file through a temporary file in the same
// directory and a rename, so an error or an interrupt never leaves half a
// file.
func writeFileAtomic(path string, data []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; removes it on failure
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
