#!/usr/bin/env bash
# Runs NotesSlices: installs what it needs, builds the dashboard when its sources changed, and starts the API on
# http://127.0.0.1:${PORT:-5080}. Without Mongo__ConnectionString it starts an embedded in-memory MongoDB-compatible engine.
set -euo pipefail
cd "$(dirname "$0")"
source tools/lib.sh

port=${PORT:-5080}

log "Restoring and building the API"
dotnet build Notes.Api -c Release -v quiet -nologo

log "Building the dashboard"
npm_install web
if [[ ! -f web/dist/index.html ]] || [[ -n "$(find web/src web/index.html web/package-lock.json -newer web/dist/index.html -print -quit)" ]]; then
  npm --prefix web run build
fi

if [[ -z "${Mongo__ConnectionString:-}" ]]; then
  npm_install tools/mongo-engine
  start_engine
  trap 'kill "$ENGINE_PID" 2>/dev/null' EXIT
  export Mongo__ConnectionString=$ENGINE_URI
  log "No Mongo__ConnectionString given: using the embedded in-memory engine at $ENGINE_URI."
  echo "    Your notes live in memory and are lost when this stops. For a real MongoDB:"
  echo "    Mongo__ConnectionString=mongodb://localhost:27017 ./run.sh"
fi

log "NotesSlices is starting on http://127.0.0.1:$port  (API reference: http://127.0.0.1:$port/docs)"
ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:$port} \
  dotnet Notes.Api/bin/Release/net10.0/Notes.Api.dll --contentRoot "$PWD/Notes.Api"
