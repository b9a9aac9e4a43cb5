#!/usr/bin/env bash
# mttx in a CI job on a postmortem repository: check every report, write the
# review for people (Markdown, HTML) and for machines (JSON, Parquet), and
# fail the build on thresholds. docs/ci.md explains it; .ci/run runs it on
# testdata/ and checks its exit codes.
#
# Usage: ci-example.sh POSTMORTEMS OUT [REPORT FLAGS...]
#   POSTMORTEMS  files or a directory of reports
#   OUT          directory for summary.md, review.json, report.html, parquet/
#   REPORT FLAGS passed to mttx report, e.g. --fail-if 'p90(ttr) > 4h'
#   MTTX         the mttx binary (default: mttx on PATH)
# Exit: 0 all good; 1 a report has problems or could not be read;
#       3 a threshold is broken (whatever else); 2 a usage error.
set -uo pipefail
usage="usage: ci-example.sh POSTMORTEMS OUT [REPORT FLAGS...]"
src=${1:?$usage}
out=${2:?$usage}
shift 2
mttx=${MTTX:-mttx}
mkdir -p "$out"

# 1. Every report readable, complete and in order: file:line: problem.
"$mttx" check "$src"
check=$?
[ "$check" -le 1 ] || exit "$check"

# 2. The review, in one run: Markdown for the pull request, JSON for the
#    next run's --baseline, the HTML page and the Parquet tables as
#    artifacts; the thresholds among the flags decide.
"$mttx" report --quiet --out "$out/summary.md" --out "$out/review.json" \
  --out "$out/report.html" --parquet "$out/parquet" "$@" "$src"
review=$?
[ "$review" -ne 2 ] || exit 2

if [ "$review" -eq 3 ]; then
  echo "ci-example: a threshold is broken (listed above)" >&2
  exit 3
fi
if [ "$check" -ne 0 ] || [ "$review" -ne 0 ]; then
  echo "ci-example: some reports have problems (listed above)" >&2
  exit 1
fi
echo "ci-example: ok; review in $out"
