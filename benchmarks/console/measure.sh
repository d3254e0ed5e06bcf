#!/usr/bin/env bash
# The web console's figures in Debian's headless Chromium, on loopback, against a Release publish of the
# standalone host (trimmed console; development sign-in on, demo data on, a fresh data folder):
#   first load: time until the work queue is usable and bytes transferred, cold browser context each run;
#   case list: CASES cases seeded in one office through the API, then its pages and name searches.
# Usage: benchmarks/console/measure.sh [first-load|case-list|all]   (from anywhere inside the repository)
# Environment: PORT (5090), RUNS (7), CASES (10000), PUBLISH_DIR (/tmp/legalaidreferral-console-publish),
#              SKIP_PUBLISH=1 to reuse the last publish (a publish takes about 5 minutes: it trims the console).
# Needs /usr/bin/chromium (apt-get install -y chromium) and curl. Not part of ./test.sh.
set -euo pipefail

PORT=${PORT:-5090}
RUNS=${RUNS:-7}
CASES=${CASES:-10000}
PUBLISH_DIR=${PUBLISH_DIR:-/tmp/legalaidreferral-console-publish}
WHAT=${1:-all}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BASE=http://127.0.0.1:$PORT
DATA=$(mktemp -d /tmp/legalaidreferral-console-data.XXXXXX)
HOST_PID=

stop_host() {
  if [[ -n "$HOST_PID" ]] && kill -0 "$HOST_PID" 2>/dev/null; then
    kill -TERM "$HOST_PID"
    wait "$HOST_PID" 2>/dev/null || true
  fi
}
trap 'stop_host; rm -rf "$DATA"' EXIT

if curl -s -o /dev/null "$BASE/api/health"; then
  echo "Something already listens on $BASE; set PORT to a free port." >&2
  exit 2
fi

if [[ "${SKIP_PUBLISH:-0}" != 1 ]]; then
  dotnet publish "$ROOT/src/LegalAidReferral.Standalone" -c Release -o "$PUBLISH_DIR" -nologo -v q >"$DATA/publish.log" \
    || { cat "$DATA/publish.log" >&2; exit 1; }
fi
dotnet build "$HERE" -c Release -nologo -v q >"$DATA/build.log" || { cat "$DATA/build.log" >&2; exit 1; }

dotnet "$PUBLISH_DIR/LegalAidReferral.Standalone.dll" --urls "$BASE" --data "$DATA/host" \
  --dev-sign-in true --seed-demo-data true >"$DATA/host.log" 2>&1 &
HOST_PID=$!
for _ in $(seq 1 600); do
  curl -sf -o /dev/null "$BASE/api/health" && break
  kill -0 "$HOST_PID" 2>/dev/null || { cat "$DATA/host.log" >&2; exit 1; }
  sleep 0.2
done
curl -sf -o /dev/null "$BASE/api/health" || { echo "host not healthy after 120 s" >&2; exit 1; }

dotnet "$HERE/bin/Release/net10.0/LegalAidReferral.ConsoleMeasure.dll" "$BASE" "$WHAT" --runs "$RUNS" --cases "$CASES"
