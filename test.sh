#!/usr/bin/env bash
# Runs every test layer of NotesSlices and ends with one line "N passed, N failed" summing them all.
# Layers: build (warnings are errors), dotnet format, the xunit suite, the embedded engine's saved data, Notes.Api.http
# against a live API, a lint of the OpenAPI document, and the dashboard's checks, unit tests and browser tests.
# Exits non-zero when anything failed.
set -uo pipefail
cd "$(dirname "$0")"
source tools/lib.sh

passed=0
failed=0
results=$(mktemp -d)
API_PID=""
ENGINE_PID=""
trap 'kill $API_PID $ENGINE_PID 2>/dev/null; rm -rf "$results"' EXIT

# A layer that prints its own "N passed, N failed" as its last line; a layer that dies before saying so counts as one failure.
layer() {
  local name=$1 out=$results/layer.txt
  shift
  log "$name"
  "$@" 2>&1 | tee "$out"
  local status=${PIPESTATUS[0]}
  if [[ $(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$out" | tail -n 1) =~ ^([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1]))
    failed=$((failed + BASH_REMATCH[2]))
    [[ $status -eq 0 || ${BASH_REMATCH[2]} -gt 0 ]] && return
  fi
  failed=$((failed + 1))
  echo "FAILED: $name (exit code $status)"
}

install() {
  dotnet restore &&
    npm_install tools/mongo-engine &&
    npm_install tools/mongo-snapshot &&
    npm_install tools/httpyac &&
    npm_install tools/openapi-lint &&
    npm_install web &&
    install_package chromium /usr/bin/chromium "The browser tests" &&
    install_package nginx /usr/sbin/nginx "The multi-instance tests"
}

xunit() {
  dotnet test Notes.Api.Tests -c Release --no-build --logger "trx;LogFileName=xunit.trx" --results-directory "$results"
  local status=$? counters
  counters=$(grep -o '<Counters [^>]*>' "$results/xunit.trx" 2>/dev/null)
  echo "$(sed -E 's/.* passed="([0-9]+)".*/\1/' <<<"$counters") passed, $(sed -E 's/.* failed="([0-9]+)".*/\1/' <<<"$counters") failed"
  return $status
}

http_file() {
  start_engine && start_api "$results/api.log" Mongo__Database=http_file Auth__BcryptWorkFactor=4 Auth__RegistrationsPerHour=100000 Mongo__Timeout=00:00:10 || return 1
  NOTES_BASE_URL=$API_URL bash tools/httpyac/run.sh
  local status=$?
  kill $API_PID $ENGINE_PID 2>/dev/null
  API_PID="" ENGINE_PID=""
  return $status
}

check "Install (NuGet restore, npm ci, Chromium, nginx)" install
check "Build with warnings as errors" dotnet build -c Release --no-restore -nologo
check "dotnet format --verify-no-changes" dotnet format --verify-no-changes --no-restore
layer "xunit: Notes.Api.Tests" xunit
layer "The embedded engine's data kept across stops, crashes and a migration" bash tools/mongo-snapshot/test/persistence.sh
layer "Notes.Api.http against a live API (httpyac)" http_file
layer "Two instances behind nginx: tokens, revocations, limits, a SIGTERM under load, engine pauses" bash tools/cluster/test.sh
layer "OpenAPI document: Redocly's recommended rules, swagger-parser validation" node tools/openapi-lint/lint.mjs web/openapi/v1.json
layer "Dashboard: type check, generated client, unit and browser tests" npm --prefix web run test:ci

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
