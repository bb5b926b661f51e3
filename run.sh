#!/usr/bin/env bash
# Runs NotesSlices: installs what it needs, builds the dashboard when its sources changed, and starts the API on
# http://127.0.0.1:${PORT:-5080}. Without Mongo__ConnectionString it starts the embedded MongoDB-compatible engine and
# keeps its data in ${NOTES_DATA_DIR:-./data}: restored before the API starts, saved while it runs and when it stops.
#   ./run.sh --migrate-to <connection string> [--merge]   copies that data into a real MongoDB instead
set -euo pipefail
cd "$(dirname "$0")"
source tools/lib.sh

port=${PORT:-5080}
data_dir=${NOTES_DATA_DIR:-data}

if [[ "${1:-}" == "--migrate-to" ]]; then
  npm_install tools/mongo-snapshot
  exec node "$snapshot_tool" migrate "$data_dir" "${2:?--migrate-to needs a connection string}" "${@:3}"
fi

log "Restoring and building the API"
dotnet build Notes.Api -c Release -v quiet -nologo

log "Building the dashboard"
npm_install web
if [[ ! -f web/dist/index.html ]] || [[ -n "$(find web/src web/index.html web/package-lock.json -newer web/dist/index.html -print -quit)" ]]; then
  npm --prefix web run build
fi

# The API stops before the last save, and the engine after it.
trap 'stop_api; stop_embedded' EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if [[ -z "${Mongo__ConnectionString:-}" ]]; then
  npm_install tools/mongo-engine
  npm_install tools/mongo-snapshot
  start_embedded "$data_dir"
  export Mongo__ConnectionString=$ENGINE_URI
  log "No Mongo__ConnectionString given: using the embedded engine at $ENGINE_URI, saved in $data_dir/."
  echo "    It is for trying the app and for small data; to move to a real MongoDB:"
  echo "    ./run.sh --migrate-to mongodb://localhost:27017, then Mongo__ConnectionString=mongodb://localhost:27017 ./run.sh"
fi

log "NotesSlices is starting on http://127.0.0.1:$port  (API reference: http://127.0.0.1:$port/docs)"
env "${api_env[@]}" ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development} ASPNETCORE_URLS=${ASPNETCORE_URLS:-http://127.0.0.1:$port} \
  dotnet Notes.Api/bin/Release/net10.0/Notes.Api.dll --contentRoot "$PWD/Notes.Api" &
API_PID=$!
# Should the saver stop, the API stops with it: notes it accepted after that would never be saved.
wait -n "$API_PID" ${KEEPER_PID:-}
