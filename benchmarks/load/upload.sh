#!/usr/bin/env bash
# Upload throughput of one 10 MiB case document through the standalone host's route
# (POST /api/cases/{id}/documents, multipart, streamed to storage with its SHA-256), RUNS times one
# after another, on the folder store or, with STORE=blob, on Blob storage in Azurite (emulators/azurite,
# installed with npm ci on first use). Prints each upload's MB/s, the median and the slowest, and the
# host's resident memory before and after (VmRSS) with its peak (VmHWM): streaming keeps it flat.
#
# Needs curl and jq (Debian: apt-get install -y curl jq), and Node.js with npm for STORE=blob.
# Usage: benchmarks/load/upload.sh        Environment: STORE (folder | blob), RUNS (20), SIZE_MIB (10),
#        PORT (5095), SKIP_BUILD=1 to reuse the last Release build. Not part of ./test.sh.
set -euo pipefail
STORE=${STORE:-folder}
RUNS=${RUNS:-20}
SIZE_MIB=${SIZE_MIB:-10}
PORT=${PORT:-5095}
for tool in curl jq dotnet; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (Debian: apt-get install -y curl jq)" >&2; exit 2; }
done
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
BASE=http://127.0.0.1:$PORT
WORK=$(mktemp -d /tmp/legalaidreferral-upload.XXXXXX)
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null && wait "$p" 2>/dev/null || true; done; rm -rf "$WORK"' EXIT

[[ "${SKIP_BUILD:-0}" == 1 ]] || dotnet build -c Release src/LegalAidReferral.Standalone -nologo -v q >"$WORK/build.log" || { cat "$WORK/build.log" >&2; exit 1; }

STORE_ARGS=()
if [[ "$STORE" == blob ]]; then
  command -v node >/dev/null || { echo "STORE=blob needs Node.js 20 and npm (Debian: apt-get install -y nodejs npm)" >&2; exit 2; }
  (cd emulators/azurite && [[ -d node_modules/azurite ]] || npm ci --no-audit --no-fund >/dev/null)
  BLOB_PORT=$((PORT + 1))
  node emulators/azurite/node_modules/azurite/dist/src/blob/main.js --blobHost 127.0.0.1 --blobPort "$BLOB_PORT" \
    --location "$WORK/azurite" --silent --skipApiVersionCheck >"$WORK/azurite.log" 2>&1 &
  PIDS+=($!)
  until curl -s -o /dev/null "http://127.0.0.1:$BLOB_PORT/"; do sleep 0.2; done
  KEY="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  STORE_ARGS=(--Documents:Provider blob --Documents:Blob:ConnectionString
    "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$KEY;BlobEndpoint=http://127.0.0.1:$BLOB_PORT/devstoreaccount1;")
elif [[ "$STORE" != folder ]]; then
  echo "STORE is folder or blob" >&2; exit 2
fi

dotnet src/LegalAidReferral.Standalone/bin/Release/net10.0/LegalAidReferral.Standalone.dll --urls "$BASE" --data "$WORK/data" \
  --dev-sign-in true --seed-demo-data false "${STORE_ARGS[@]}" >"$WORK/host.log" 2>&1 &
HOST_PID=$!
PIDS+=("$HOST_PID")
until curl -sf -o /dev/null "$BASE/api/health"; do
  kill -0 "$HOST_PID" 2>/dev/null || { cat "$WORK/host.log" >&2; exit 1; }
  sleep 0.2
done

TOKEN=$(curl -sf -X POST "$BASE/dev/token" -H 'Content-Type: application/json' -d '{"userId":"gt-idpp-guatemala-defender"}' | jq -r .accessToken)
CASE=$(curl -sf -X POST "$BASE/api/cases" -H 'Content-Type: application/json' -H "Authorization: Bearer $TOKEN" \
  --data-binary @benchmarks/load/intake.json | jq -r .id)

# A PDF by its first bytes, then random content (nothing compresses it along the way).
{ printf '%%PDF-1.7\n'; head -c $((SIZE_MIB * 1048576 - 9)) /dev/urandom; } >"$WORK/document.pdf"
BYTES=$(stat -c %s "$WORK/document.pdf")
rss() { awk "/^$1:/ {print \$2}" "/proc/$HOST_PID/status"; }
upload() {
  curl -sf -o /dev/null -w '%{time_total}' -X POST "$BASE/api/cases/$CASE/documents" -H "Authorization: Bearer $TOKEN" \
    -F "file=@$WORK/document.pdf;type=application/pdf;filename=hearing-notice.pdf"
}
upload >/dev/null
BEFORE=$(rss VmRSS)
: >"$WORK/rates"
for i in $(seq "$RUNS"); do
  seconds=$(upload)
  awk -v b="$BYTES" -v s="$seconds" 'BEGIN { printf "%.1f\n", b / 1048576 / s }' | tee -a "$WORK/rates" | sed "s/^/upload $i: /; s/$/ MiB\/s/"
done
sort -n "$WORK/rates" | awk -v store="$STORE" -v size="$SIZE_MIB" '{ a[NR] = $1 } END {
  median = NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2
  printf "%s store, %d uploads of %d MiB: median %.1f MiB/s, slowest %.1f MiB/s\n", store, NR, size, median, a[1] }'
echo "host memory: VmRSS ${BEFORE} kB before, $(rss VmRSS) kB after, peak VmHWM $(rss VmHWM) kB"
