#!/usr/bin/env bash
# The .http test layer: sends Notes.Api/Notes.Api.http, top to bottom, to a live API with httpyac and counts its assertions.
#
#   npm ci --prefix tools/httpyac                                   # once; ./test.sh does it
#   NOTES_BASE_URL=http://127.0.0.1:5080 bash tools/httpyac/run.sh   # from the repository root
#
# Prints each request with its outcome (the response of a failed one in full) and, as its last line, "N passed, N failed"
# over httpyac's assertions. Stops at the first failed request (later steps need its token or note). Exits non-zero on any
# failure, including an unreachable server.
set -uo pipefail

httpfile=Notes.Api/Notes.Api.http
httpyac=tools/httpyac/node_modules/.bin/httpyac

fail() {
  echo "$1" >&2
  echo "0 passed, 1 failed"
  exit 1
}

[[ -n "${NOTES_BASE_URL:-}" ]] || fail "Set NOTES_BASE_URL to the address of a running API, e.g. NOTES_BASE_URL=http://127.0.0.1:5080."
[[ -f "$httpfile" ]] || fail "Run this from the repository root: $httpfile is not here."
[[ -x "$httpyac" ]] || fail "httpyac is not installed: run 'npm ci --prefix tools/httpyac' first."

report=$(mktemp)
trap 'rm -f "$report"' EXIT

echo "Sending $httpfile to $NOTES_BASE_URL"
NOTES_BASE_URL="$NOTES_BASE_URL" "$httpyac" send "$httpfile" --all --bail --json --no-color --timeout 30000 >"$report"
status=$?

node tools/httpyac/summarize.mjs "$report" "$status"
