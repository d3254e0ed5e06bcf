#!/usr/bin/env bash
# Measures the Cosmos DB adapters against the local emulator (emulators/cosmos): point read and write
# latency (median, p99), requests per store call, and the conflict search at 10,000 parties.
# Usage: benchmarks/cosmos/measure.sh [parties]   (not part of ./test.sh; run it on a quiet machine)
set -euo pipefail
cd "$(dirname "$0")/../.."
command -v node >/dev/null || { echo "Needs Node.js 20 and npm (Debian: apt-get install -y nodejs npm)." >&2; exit 1; }
(cd emulators/cosmos && [ -d node_modules/@vercel/cosmosdb-server ] || npm ci --no-audit --no-fund)
dotnet build benchmarks/cosmos -c Release -v quiet -nologo >/dev/null
coproc EMULATOR { cd emulators/cosmos && exec node proxy.js; }
emulator_pid=$EMULATOR_PID
trap 'kill "$emulator_pid" 2>/dev/null || true' EXIT
read -r ready url <&"${EMULATOR[0]}"
[ "$ready" = ready ] || { echo "The emulator did not start." >&2; exit 1; }
key="C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU9DE2nQ9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=="
dotnet benchmarks/cosmos/bin/Release/net10.0/LegalAidReferral.CosmosMeasure.dll "AccountEndpoint=${url};AccountKey=${key};" "${1:-10000}"
