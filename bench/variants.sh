#!/usr/bin/env bash
# Measures one build started several ways side by side in one run: each variant is a name and the environment it adds
# (runtime knobs such as DOTNET_GCgen0size), each on its own database of one embedded engine, with alternating wrk rounds
# over the read scenarios; reports API CPU per request against the first variant and each one's peak RSS. Writes
# bench/results/variants.md.
#   bash bench/variants.sh [--quick] 'default' 'conserve DOTNET_GCConserveMemory=5' 'r2r dll=/tmp/r2r/Notes.Api.dll' ...
# BENCH_ROUNDS and BENCH_SECONDS override the number of rounds (each API runs twice that many) and their length.
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh

variants=()
for arg in "$@"; do
  case $arg in
    --quick) export BENCH_QUICK=1 ;;
    *) variants+=("$arg") ;;
  esac
done
(( ${#variants[@]} >= 2 )) || { echo "usage: bash bench/variants.sh [--quick] '<name> [VAR=value ...]' '<name> ...' ..." >&2; exit 2; }

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
npm_install bench
npm_install tools/mongo-engine

log "Building the API (Release)"
dotnet build Notes.Api -c Release -v quiet -nologo

work=$(mktemp -d)
pids=() API_PID="" ENGINE_PID=""
trap 'kill ${pids[*]} $API_PID $ENGINE_PID 2>/dev/null; rm -rf "$work"' EXIT
start_engine
settings=(Auth__TokenLifetime=02:00:00 Auth__MaxFailedLogins=100000 Auth__RegistrationsPerHour=100000 Auth__BcryptWorkFactor=4)
apis=()
for variant in "${variants[@]}"; do
  read -r -a words <<<"$variant"
  name=${words[0]}
  log "Starting $name: ${words[*]:1}"
  # A word dll=<path> runs another build of the API (a published one, for example) instead of this tree's.
  dll="" env=()
  for word in "${words[@]:1}"; do [[ $word == dll=* ]] && dll=${word#dll=} || env+=("$word"); done
  API_DLL=$dll start_api "$work/$name.log" "${settings[@]}" Mongo__Database="variant_$name" "${env[@]}" || exit 1
  pids+=("$API_PID")
  apis+=("$name" "$API_URL" "$API_PID")
done

mkdir -p bench/results
node bench/bench.mjs variants bench/results/variants.md "${apis[@]}"
