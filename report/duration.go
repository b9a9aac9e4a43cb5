package report

import (
	"strconv"
	"strings"
	"time"
)

// Duration writes d the way people read incident durations: the largest
// units first, zero units left out, whole seconds ("7m12s", "4h16m",
// "3d1h15m"). Zero is "0s"; a negative duration has a leading "-".
func Duration(d time.Duration) string {
	if d == 0 {
		return "0s"
	}
	var b strings.Builder
	if d < 0 {
		b.WriteByte('-')
		d = -d
	}
	s := int64(d.Round(time.Second) / time.Second)
	if s == 0 {
		return "0s"
	}
	units := []struct {
		n    int64
		name string
	}{{86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}}
	for _, u := range units {
		if q := s / u.n; q > 0 {
			b.WriteString(strconv.FormatInt(q, 10))
			b.WriteString(u.name)
			s -= q * u.n
		}
	}
	return b.String()
}

// optDuration writes a duration that may be unknown: "" for nil.
func optDuration(d *time.Duration) string {
	if d == nil {
		return ""
	}
	return Duration(*d)
}
