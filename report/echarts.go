package report

import (
	"embed"
	"io/fs"
)

//go:generate go run ./internal/echartsgen -o assets/echarts.min.js

// assets holds report/assets: its README and the ECharts licence always,
// and echarts.min.js once `go generate ./report` has written it. The
// directory is embedded whole so that a fresh clone builds without the
// generated file.
//
//go:embed assets
var assets embed.FS

// The ECharts release HTML reports use, pinned: the npm package's
// dist/echarts.min.js (1,034,102 bytes, Apache-2.0).
const (
	EchartsVersion = "5.6.0"
	// EchartsSHA256 is the hex SHA-256 of echarts.min.js, checked by the
	// generator.
	EchartsSHA256 = "bf4a223524e40b77c304bec67e1222cf551f14880cf42c69dc046558e11c07b1"
	// EchartsSRI is the Subresource Integrity hash of the same file, which
	// the browser checks before it runs the CDN copy.
	EchartsSRI = "sha384-pPi0zxBAoDu6+JXW/C68UZLvBUUtU+7zonhif43rqj7pxsGyqyqzcian2Rj37Rss"
	// EchartsCDN is where a page built without the generated file loads it.
	EchartsCDN = "https://cdn.jsdelivr.net/npm/echarts@" + EchartsVersion + "/dist/echarts.min.js"
)

// echartsJS returns the embedded echarts.min.js, or nil when the binary
// was built without running `go generate ./report`.
func echartsJS() []byte {
	b, err := fs.ReadFile(assets, "assets/echarts.min.js")
	if err != nil {
		return nil
	}
	return b
}

// EchartsInlined reports whether HTML reports carry ECharts inline (and
// so work offline) rather than loading it from EchartsCDN.
func EchartsInlined() bool { return echartsJS() != nil }
