#!/usr/bin/env bash
# Checks an HTML report of mttx in headless Chromium with no network.
#
#   .ci/html-check.sh [--charts N] [--screenshot PNG] PAGE [TEXT...]
#
# Chromium runs with every host name unresolvable and a dead proxy, so the
# page can use nothing but itself. From its --dump-dom (the DOM after the
# scripts ran, --virtual-time-budget long) and its console log
# (--enable-logging=stderr --v=0) the check asserts:
#   - charts: as many `_echarts_instance_` attributes (set by echarts.init
#     on each chart it drew) as the page has chart elements, or N;
#   - no console message at all: no script error, no failed load, and no
#     Content-Security-Policy violation (the page allows only its own
#     scripts by hash, so an injected script would be refused, and logged);
#   - nothing injected: as many <script> elements after the run as the page
#     has, and, outside scripts, no <img>, <svg>, <iframe>, <object> or
#     <embed> element, no on...= handler attribute and no javascript: URL
#     (report text arrives as text, so any of these would be an injection);
#   - each TEXT (as the DOM serialises it: &lt; for <) is on the page: the
#     hostile strings are shown, as text.
# It prints the page size and the time Chromium took to load and draw it
# (against an empty page). --screenshot writes a 1280x1700 PNG of the top.
# A self-test first proves the console and injection checks can fail.
set -euo pipefail

chromium_bin=${CHROMIUM:-/usr/bin/chromium}
charts=""
shot=""
while [ $# -gt 0 ]; do
  case "$1" in
    --charts) charts=$2; shift 2 ;;
    --screenshot) shot=$2; shift 2 ;;
    *) break ;;
  esac
done
[ $# -ge 1 ] || { echo "usage: $0 [--charts N] [--screenshot PNG] PAGE [TEXT...]" >&2; exit 2; }
page=$(realpath "$1"); shift

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# chrome PROFILE ARGS... runs headless Chromium offline; its stderr goes to
# $work/PROFILE.log.
chrome() {
  local profile=$1; shift
  TZ=UTC "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules='MAP * ~NOTFOUND' --proxy-server='http://127.0.0.1:9' \
    --user-data-dir="$work/profile-$profile" --enable-logging=stderr --v=0 \
    --virtual-time-budget=10000 "$@" 2>"$work/$profile.log"
}

# console PROFILE prints the console messages Chromium logged.
console() { grep -E ':CONSOLE|Uncaught|Content Security Policy|Refused to' "$work/$1.log" || true; }

# injected DOMFILE prints elements and attributes that report text must
# never become, outside <script> elements.
injected() {
  perl -0777 -ne '
    s{<script\b[^>]*>.*?</script>}{}gs;
    while (/<([a-zA-Z][\w-]*)((?:\s+[^\s=\/>]+(?:="[^"]*")?)*)\s*\/?>/g) {
      my ($tag, $attrs) = ($1, $2);
      print "<$tag>\n" if $tag =~ /^(img|svg|iframe|object|embed)$/i;
      while ($attrs =~ /\s([^\s=\/>]+)(?:="([^"]*)")?/g) {
        my ($name, $value) = ($1, $2 // "");
        print "<$tag $name=...>\n" if $name =~ /^on/i;
        print "<$tag $name=\"$value\">\n" if $name =~ /^(href|src|action|formaction)$/i && $value =~ /^\s*javascript:/i;
      }
    }' "$1"
}

fail() { echo "html-check: FAIL: $*" >&2; exit 1; }

# Self-test: a console error and an injected element must be seen.
cat >"$work/selftest.html" <<'EOF'
<!DOCTYPE html><html><body><p>x</p><img src="x" onerror="void 0"><script>console.error("selftest")</script></body></html>
EOF
chrome selftest --dump-dom "file://$work/selftest.html" >"$work/selftest.dom"
[ -n "$(console selftest)" ] || fail "self-test: a console error was not seen in Chromium's log"
[ -n "$(injected "$work/selftest.dom")" ] || fail "self-test: an injected <img onerror> was not seen"

# Baseline: an empty page, for the render time.
echo '<!DOCTYPE html><html><body></body></html>' >"$work/empty.html"
t0=$(date +%s%N)
chrome empty --dump-dom "file://$work/empty.html" >/dev/null
t1=$(date +%s%N)
chrome page --dump-dom "file://$page" >"$work/page.dom"
t2=$(date +%s%N)

want=${charts:-$(grep -o 'class="chart"' "$page" | wc -l)}
got=$(grep -o '_echarts_instance_="' "$work/page.dom" | wc -l)
scripts_page=$(grep -o '<script\b' "$page" | wc -l)
scripts_dom=$(grep -o '<script\b' "$work/page.dom" | wc -l)
echo "html-check: $page: $(stat -c %s "$page") bytes; charts drawn $got of $want;" \
  "load and draw $(((t2 - t1) / 1000000)) ms (empty page $(((t1 - t0) / 1000000)) ms)"

[ "$got" -eq "$want" ] || fail "$got charts initialised, want $want"
msgs=$(console page)
[ -z "$msgs" ] || fail "console messages:"$'\n'"$msgs"
[ "$scripts_dom" -eq "$scripts_page" ] || fail "$scripts_dom <script> elements after the run, the page has $scripts_page"
inj=$(injected "$work/page.dom")
[ -z "$inj" ] || fail "injected markup in the DOM:"$'\n'"$inj"
for text in "$@"; do
  grep -qF -- "$text" "$work/page.dom" || fail "text not shown: $text"
done

if [ -n "$shot" ]; then
  chrome shot --hide-scrollbars --window-size=1280,1700 --screenshot="$(realpath -m "$shot")" "file://$page" >/dev/null
  [ -s "$shot" ] || fail "no screenshot written to $shot"
  echo "html-check: screenshot $shot"
fi
echo "html-check: ok"
