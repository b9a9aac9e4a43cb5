// Command echartsgen writes report/assets/echarts.min.js, the copy of
// Apache ECharts that mttx inlines into offline HTML reports. `go generate
// ./report` runs it.
//
// It fetches the echarts 5.6.0 tarball from the npm registry (or reads it
// from -tgz), checks the tarball's pinned SHA-256, extracts
// package/dist/echarts.min.js, checks that file's pinned SHA-256 and writes
// it atomically. A pin that does not match is an error and writes nothing:
// the file inlined into reports is exactly the one reviewed.
package main

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"

	"github.com/mttx-dev/mttx/report"
)

// The pinned release. report.EchartsSRI pins the same file for the CDN
// fallback; report's tests check both against the generated file.
const (
	tarballURL    = "https://registry.npmjs.org/echarts/-/echarts-" + report.EchartsVersion + ".tgz"
	tarballSHA256 = "e1b82487dd7f8d9f0438eec1f1433051148e0095ac7a15d4db890afda45cf610"
	member        = "package/dist/echarts.min.js"
	// maxTarball bounds what is read from the network (the 5.6.0 tarball
	// is 10.4 MB).
	maxTarball = 64 << 20
)

func main() {
	out := flag.String("o", "assets/echarts.min.js", "file to write")
	tgz := flag.String("tgz", "", "read the tarball from this file instead of the npm registry")
	flag.Parse()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	if err := generate(ctx, *out, *tgz); err != nil {
		fmt.Fprintln(os.Stderr, "echartsgen:", err)
		os.Exit(1)
	}
}

func generate(ctx context.Context, out, tgz string) error {
	var data []byte
	var err error
	if tgz != "" {
		data, err = os.ReadFile(tgz)
	} else {
		data, err = fetch(ctx, tarballURL)
	}
	if err != nil {
		return err
	}
	if err := check("tarball", data, tarballSHA256); err != nil {
		return err
	}
	js, err := extract(data, member)
	if err != nil {
		return err
	}
	if err := check(member, js, report.EchartsSHA256); err != nil {
		return err
	}
	return report.WriteFile(out, func(w io.Writer) error {
		_, err := w.Write(js)
		return err
	})
}

func fetch(ctx context.Context, url string) ([]byte, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, err
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("fetch %s: %s", url, resp.Status)
	}
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxTarball+1))
	if err != nil {
		return nil, fmt.Errorf("fetch %s: %w", url, err)
	}
	if len(data) > maxTarball {
		return nil, fmt.Errorf("fetch %s: larger than %d bytes", url, maxTarball)
	}
	return data, nil
}

// check compares the SHA-256 of data with the pinned hex digest.
func check(what string, data []byte, want string) error {
	sum := sha256.Sum256(data)
	if got := hex.EncodeToString(sum[:]); got != want {
		return fmt.Errorf("%s: SHA-256 %s, want the pinned %s", what, got, want)
	}
	return nil
}

// extract returns the bytes of one file of a .tgz.
func extract(tgz []byte, name string) ([]byte, error) {
	zr, err := gzip.NewReader(bytes.NewReader(tgz))
	if err != nil {
		return nil, fmt.Errorf("tarball: %w", err)
	}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if errors.Is(err, io.EOF) {
			return nil, fmt.Errorf("tarball: no %s", name)
		}
		if err != nil {
			return nil, fmt.Errorf("tarball: %w", err)
		}
		if h.Name == name && h.Typeflag == tar.TypeReg {
			return io.ReadAll(io.LimitReader(tr, maxTarball))
		}
	}
}
