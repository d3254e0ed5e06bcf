#!/usr/bin/env bash
# Runs the whole test suite: restores NuGet packages, builds, and runs every test project.
# The end-to-end tests start the standalone host themselves, and the Cosmos DB tests the emulator of
# emulators/cosmos and Azurite from emulators/azurite (each installed with npm ci on first use); nothing else needs to be running.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
    echo "The Cosmos DB and Blob storage tests need Node.js 20 and npm: apt-get install -y nodejs npm" >&2
    exit 1
fi
dotnet test LegalAidReferral.sln --configuration Release "$@"
