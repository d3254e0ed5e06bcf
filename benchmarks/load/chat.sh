#!/usr/bin/env bash
# Chat figures against a running standalone host in development mode (dotnet run, or --dev-sign-in true):
#  1. a complete intake conversation through the local Direct Line on loopback, with the real client
#     from npm (chat-clients/converse.mjs), RUNS times; prints each run's milliseconds and the median;
#  2. the same intake RUNS times without a client's polling: each answer posted and timed (the host runs the
#     bot's turn before it answers the POST), one JSON line per run (chat-clients/turn-times.mjs);
#  3. the bytes a browser transfers on a first load of /chat (compressed; chat-clients/page-bytes.mjs).
# Usage: benchmarks/load/chat.sh http://localhost:5080 [runs]
# POLLING_INTERVAL_MS=200 by default, the client's lower bound (below it, botframework-directlinejs polls every 1,000 ms).
# Each intake creates a case in a Guatemalan office of the host's data. Not part of ./test.sh.
# Each run takes two Direct Line tokens from loopback: the host gives one address 20 per 15 minutes by default
# (10 runs), so for more start it with --DirectLine:TokensPerAddress 1000.
set -euo pipefail
cd "$(dirname "$0")/../../chat-clients"
origin=${1:?usage: chat.sh <origin> [runs]}
runs=${2:-10}
[ -d node_modules ] || npm ci --no-audit --no-fund --ignore-scripts
times=()
for _ in $(seq "$runs"); do
    ms=$(node converse.mjs "$origin" scripts/intake-es.json | sed 's/.*"elapsedMs":\([0-9]*\).*/\1/')
    times+=("$ms")
    echo "intake: ${ms} ms"
done
printf '%s\n' "${times[@]}" | sort -n | awk '{ a[NR] = $1 } END { print "intake median: " (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) " ms over " NR " runs (16 turns)" }'
for _ in $(seq "$runs"); do
    echo "turns without polling: $(node turn-times.mjs "$origin" scripts/intake-es.json)"
done
node page-bytes.mjs "$origin"
