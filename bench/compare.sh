#!/usr/bin/env bash
# Measures two builds side by side in one run: the API at a base commit (default: main's first parent, HEAD~1 otherwise)
# and the working tree's, each on its own database of one embedded engine, with alternating wrk rounds over the read
# scenarios. Writes bench/results/compare.md. A change that touches a hot path says "head / base" from this report.
#   bash bench/compare.sh [<base commit>] [--quick]
set -euo pipefail
cd "$(dirname "$0")/.."
source tools/lib.sh

base_ref=HEAD~1
for arg in "$@"; do
  case $arg in
    --quick) export BENCH_QUICK=1 ;;
    *) base_ref=$arg ;;
  esac
done

command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
npm_install bench
npm_install tools/mongo-engine

work=$(mktemp -d)
API_PID="" ENGINE_PID="" base_pid=""
trap 'kill $API_PID $base_pid $ENGINE_PID 2>/dev/null; git worktree remove --force "$work/base" 2>/dev/null; rm -rf "$work"' EXIT

log "Building the base ($base_ref) and the working tree (Release)"
git worktree add --detach --quiet "$work/base" "$base_ref"
dotnet build "$work/base/Notes.Api" -c Release -v quiet -nologo
dotnet build Notes.Api -c Release -v quiet -nologo

start_engine
settings=(Auth__TokenLifetime=02:00:00 Auth__MaxFailedLogins=100000 Auth__RegistrationsPerHour=100000 Auth__BcryptWorkFactor=4)
# start_api runs this tree's build; the base is started the same way from its own folder.
(cd "$work/base" && start_api "$work/base.log" "${settings[@]}" Mongo__Database=compare_base && echo "$API_PID $API_URL" >"$work/base.api")
read -r base_pid base_url <"$work/base.api"
start_api "$work/head.log" "${settings[@]}" Mongo__Database=compare_head

mkdir -p bench/results
node bench/bench.mjs compare "$base_url" "$base_pid" "$API_URL" "$API_PID" bench/results/compare.md
