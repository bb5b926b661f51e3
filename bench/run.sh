#!/usr/bin/env bash
# The benchmark: builds the API in Release, starts it on the embedded engine, seeds a small data set, and measures each
# scenario (throughput with wrk, fixed-rate latency with autocannon, CPU and memory from /proc, database commands per
# request from the driver's command events). Writes bench/results/latest.md (and .svg); --quick writes quick.md instead,
# in about a quarter of the time, for trying changes; --export runs the export scenario alone and writes bench/results/export.md.
# Run from anywhere: bash bench/run.sh [--quick | --export]
# Not part of ./test.sh: numbers on a shared machine are for comparing ratios within one run, never for assertions.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh

name=latest
export_only=""
if [[ "${1:-}" == "--quick" ]]; then
  export BENCH_QUICK=1
  name=quick
elif [[ "${1:-}" == "--export" ]]; then
  export_only=1
  name=export
fi

if ! command -v wrk >/dev/null; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "The benchmark needs wrk: run 'sudo apt-get install -y wrk' and try again." >&2
    exit 1
  fi
  log "Installing wrk"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
npm_install bench
npm_install tools/mongo-engine

log "Building the API (Release)"
dotnet build Notes.Api -c Release -v quiet -nologo

work=$(mktemp -d)
API_PID="" ENGINE_PID=""
trap 'kill $API_PID $ENGINE_PID 2>/dev/null; rm -rf "$work"' EXIT
start_engine

# Limits meant for people would refuse the benchmark's own traffic; everything else is as configured by default, except that
# a note keeps one revision: every update then also prunes (the costliest path), and the revisions collection stays as small
# as the notes (the engine's writes slow down as a collection grows).
settings=(Auth__TokenLifetime=02:00:00 Auth__MaxFailedLogins=100000 Auth__RegistrationsPerHour=100000 Notes__MaxRevisionsPerNote=1)

# The export on an API of its own, started fresh, so that its memory is the export's and not what the load left behind.
measure_export() {
  log "Measuring the export of 20 and of 2,000 notes"
  start_api "$work/api-export.log" "${settings[@]}" Mongo__Database=bench_export
  node bench/bench.mjs export "$API_URL" "$API_PID" "$ENGINE_URI" bench_export "$1"
  kill "$API_PID"
  wait "$API_PID" 2>/dev/null || true
}

if [[ -n "$export_only" ]]; then
  mkdir -p bench/results
  rm -f "bench/results/$name.md"
  measure_export "bench/results/$name.md"
  log "Wrote bench/results/$name.md"
  exit 0
fi

log "Counting database commands per request (diagnostics mode)"
start_api "$work/api-count.log" "${settings[@]}" Mongo__Database=bench_count Auth__BcryptWorkFactor=4 Diagnostics__CountMongoCommands=true
node bench/bench.mjs count "$API_URL" "$work/counts.json"
kill "$API_PID"
wait "$API_PID" 2>/dev/null || true

log "Measuring under load"
start_api "$work/api.log" "${settings[@]}" Mongo__Database=bench
mkdir -p bench/results
node bench/bench.mjs load "$API_URL" "$API_PID" "$ENGINE_PID" "$work/counts.json" "bench/results/$name.md"
kill "$API_PID"
wait "$API_PID" 2>/dev/null || true
measure_export "bench/results/$name.md"
log "Wrote bench/results/$name.md and bench/results/$name.svg"
