#!/usr/bin/env bash
# Loopback load measurement of the standalone host (SQLite, authenticated requests), side by side with
# the floor app (floor/Program.cs: a bare minimal API that checks the same token, parses the JSON and
# inserts one row into SQLite WAL), measured alternately in the same run; prints the ratios.
#
# Needs wrk, curl and jq on PATH; it installs nothing. On Debian: apt-get install -y wrk curl jq
# Every request goes to 127.0.0.1 and every phase is bounded in time or count.
#
# Usage: benchmarks/load/run.sh            (from anywhere inside the repository)
# Environment: PORT (5090; the floor listens on PORT+1), CONNECTIONS (32), THREADS (2), DURATION (15s per measured phase),
#              WARMUP (10s of the same load before each measured phase, while the JIT tiers up),
#              TARGET_INTAKES (100000), SKIP_BUILD=1 to reuse the last Release build,
#              HOST_ARGS (more host options, e.g. "--Storage:SynchronousFull true").
set -euo pipefail

PORT=${PORT:-5090}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
DURATION=${DURATION:-15s}
WARMUP=${WARMUP:-10s}
TARGET_INTAKES=${TARGET_INTAKES:-100000}
MAX_FILL_ROUNDS=20
MAX_FILL_SECONDS=60

for tool in wrk curl jq dotnet; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install -y wrk curl jq)" >&2; exit 2; }
done

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
cd "$ROOT"
BASE=http://127.0.0.1:$PORT
FLOOR=http://127.0.0.1:$((PORT + 1))
WORK=$(mktemp -d /tmp/legalaidreferral-load.XXXXXX)
HOST_PID=
FLOOR_PID=

stop() {
  local pid=$1
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid"
    wait "$pid" 2>/dev/null || true
  fi
}
stop_host() { stop "$HOST_PID"; HOST_PID=; }
trap 'stop_host; stop "$FLOOR_PID"; rm -rf "$WORK"' EXIT

if curl -s -o /dev/null "$BASE/api/health"; then
  echo "Something already listens on $BASE; set PORT to a free port." >&2
  exit 2
fi

if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
  for project in src/LegalAidReferral.Standalone benchmarks/load/floor; do
    dotnet build -c Release "$ROOT/$project" -nologo -v q >"$WORK/build.log" || { cat "$WORK/build.log" >&2; exit 1; }
  done
fi
DLL=$ROOT/src/LegalAidReferral.Standalone/bin/Release/net10.0/LegalAidReferral.Standalone.dll
FLOOR_DLL=$ROOT/benchmarks/load/floor/bin/Release/net10.0/Floor.dll

# Start to first healthy response: the clock starts just before the process is launched.
started=$(date +%s%N)
dotnet "$DLL" --urls "$BASE" --data "$WORK/data" --dev-sign-in true --seed-demo-data false ${HOST_ARGS:-} >"$WORK/host.log" 2>&1 &
HOST_PID=$!
until curl -sf -o /dev/null "$BASE/api/health"; do
  kill -0 "$HOST_PID" 2>/dev/null || { cat "$WORK/host.log" >&2; exit 1; }
  if (( ($(date +%s%N) - started) > 30000000000 )); then echo "host not healthy after 30 s" >&2; exit 1; fi
done
healthy=$(date +%s%N)
START_MS=$(( (healthy - started) / 1000000 ))

TOKEN=$(curl -sf -X POST "$BASE/dev/token" -H 'Content-Type: application/json' \
  -d '{"userId":"gt-idpp-guatemala-defender"}' | jq -r .accessToken)
export TOKEN REPORT_LUA=$HERE/report.lua BODY=$HERE/intake.json

# The floor checks tokens with the host's dev signing key, so the same token serves both.
mkdir -p "$WORK/floor"
dotnet "$FLOOR_DLL" --urls "$FLOOR" --key "$WORK/data/dev-signing-key.json" --data "$WORK/floor" >"$WORK/floor.log" 2>&1 &
FLOOR_PID=$!
until curl -s -o /dev/null "$FLOOR/api/cases/none"; do
  kill -0 "$FLOOR_PID" 2>/dev/null || { cat "$WORK/floor.log" >&2; exit 1; }
done

# The office's case number of a fresh intake is the number of intakes so far (fresh data folder).
intakes_so_far() {
  curl -sf -X POST "$BASE/api/cases" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
    --data-binary "@$BODY" \
    | jq -r '.reference' | sed 's/.*-0*//'
}

result_of() { grep '^RESULT' "$1" | sed 's/^RESULT //'; }
field() { sed -n "s/.* $2=\([^ ]*\).*/\1/p" <<<" $1"; }

phase() {
  local name=$1 script=$2 duration=$3 base=${4:-$BASE}
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 5s --latency -s "$HERE/$script" "$base" >"$WORK/$name.txt"
  local result
  result=$(result_of "$WORK/$name.txt")
  if [[ "$(field "$result" non2xx)" != 0 || "$(field "$result" socket_errors)" != 0 ]]; then
    echo "phase $name had failed requests: $result" >&2
    tail -20 "$WORK/host.log" >&2
    exit 1
  fi
  echo "$result"
}

# Floor and service alternately, each warmed up first, on the same machine in the same minutes.
phase warmup-floor-intake intake.lua "$WARMUP" "$FLOOR" >/dev/null
FLOOR_INTAKE=$(phase floor-intake intake.lua "$DURATION" "$FLOOR")
phase warmup-intake intake.lua "$WARMUP" >/dev/null
INTAKE=$(phase intake intake.lua "$DURATION")

# Read ids of existing cases, through the listing (100 a page).
token=
: >"$WORK/ids.txt"
for _ in $(seq 1 20); do
  page=$(curl -sf "$BASE/api/cases?limit=100${token:+&continuationToken=$token}" -H "Authorization: Bearer $TOKEN")
  jq -r '.items[].id' <<<"$page" >>"$WORK/ids.txt"
  token=$(jq -r '.continuationToken // empty | @uri' <<<"$page")
  [[ -n "$token" ]] || break
done
seq "$(wc -l <"$WORK/ids.txt")" | xargs -P 8 -I{} curl -sf -X POST "$FLOOR/api/cases" -H 'Content-Type: application/json' \
  -H "Authorization: Bearer $TOKEN" --data-binary "@$BODY" | jq -r .id >"$WORK/floor-ids.txt"
IDS=$WORK/floor-ids.txt phase warmup-floor-reads reads.lua "$WARMUP" "$FLOOR" >/dev/null
FLOOR_READS=$(IDS=$WORK/floor-ids.txt phase floor-reads reads.lua "$DURATION" "$FLOOR")
stop "$FLOOR_PID"
FLOOR_PID=
export IDS=$WORK/ids.txt
phase warmup-reads reads.lua "$WARMUP" >/dev/null
READS=$(phase reads reads.lua "$DURATION")

# Fill up to TARGET_INTAKES with more intake load, then read the resident set.
count=$(intakes_so_far)
rate=$(field "$INTAKE" rps)
for _ in $(seq 1 "$MAX_FILL_ROUNDS"); do
  (( count < TARGET_INTAKES )) || break
  seconds=$(( (TARGET_INTAKES - count) / (${rate%.*} > 0 ? ${rate%.*} : 1) + 1 ))
  (( seconds <= MAX_FILL_SECONDS )) || seconds=$MAX_FILL_SECONDS
  phase fill intake.lua "${seconds}s" >/dev/null
  count=$(intakes_so_far)
done
RSS_KB=$(awk '/^VmRSS:/ {print $2}' "/proc/$HOST_PID/status")
HWM_KB=$(awk '/^VmHWM:/ {print $2}' "/proc/$HOST_PID/status")
DB_BYTES=$(du -cb "$WORK/data"/legalaidreferral.db* | tail -1 | cut -f1)
stop_host

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }'; }
row() {
  printf '| %-8s | %9s | %9s | %6s | %14s | %14s |\n' "$1" "$(field "$2" rps)" "$(field "$3" rps)" \
    "$(ratio "$(field "$2" rps)" "$(field "$3" rps)")" "$(field "$2" p50_ms) / $(field "$2" p99_ms)" "$(field "$3" p50_ms) / $(field "$3" p99_ms)"
}

cat <<SUMMARY
machine:   $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(free -m | awk '/^Mem:/ {print $2}') MiB; wrk shares the cores with the host
load:      wrk -t$THREADS -c$CONNECTIONS, $DURATION per phase, after a $WARMUP warm-up; $(wc -l <"$IDS") case ids for reads
start:     ${START_MS} ms from launch to the first healthy /api/health
intake:    $INTAKE
reads:     $READS
memory:    VmRSS ${RSS_KB} kB (peak VmHWM ${HWM_KB} kB) after ${count} intakes; database and WAL ${DB_BYTES} bytes
floor:     intake $FLOOR_INTAKE
floor:     reads  $FLOOR_READS

| route    | service/s |   floor/s |  ratio | service p50/p99 ms | floor p50/p99 ms |
|----------|-----------|-----------|--------|--------------------|------------------|
$(row intake "$INTAKE" "$FLOOR_INTAKE")
$(row reads "$READS" "$FLOOR_READS")
bars: intake ratio >= 0.5, reads ratio >= 0.7, service p99 < 25 ms, VmRSS < 204800 kB after 100,000 intakes
SUMMARY
