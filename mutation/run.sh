#!/usr/bin/env bash
# Mutation testing (Stryker.NET) of LegalAidReferral.Core against the Core, Functions and
# Infrastructure tests. Not part of ./test.sh: a run over the whole of Core takes hours on 2 cores.
# Extra arguments go to Stryker, e.g. --mutate '**/Conflicts/*.cs' or --concurrency 2.
# Reports: mutation/StrykerOutput/reports/mutation-report.{html,json}. See docs/mutation-testing.md.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
dotnet tool restore
cd src/LegalAidReferral.Core
dotnet tool run dotnet-stryker --config-file "$root/mutation/stryker-config.json" --output "$root/mutation/StrykerOutput" "$@"
