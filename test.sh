#!/usr/bin/env bash
# Runs the whole test suite: restores NuGet packages, builds, and runs every test project.
# The end-to-end tests start the standalone host themselves; nothing else needs to be running.
set -euo pipefail
cd "$(dirname "$0")"
dotnet test LegalAidReferral.sln --configuration Release "$@"
