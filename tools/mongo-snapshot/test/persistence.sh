#!/usr/bin/env bash
# The embedded engine's data across stops, crashes and a migration, driven through run.sh's own machinery (tools/lib.sh)
# on temporary data folders, against the Release-built API. Ends with "N passed, N failed". Run from the repository root.
set -uo pipefail
source tools/lib.sh
export NOTES_SNAPSHOT_INTERVAL=0.5

passed=0
failed=0
work=$(mktemp -d)
password="analytical engine 1843"
API_PID="" KEEPER_PID="" ENGINE_PID="" TARGET_PID="" LOADER_PID=""
trap 'kill -9 $API_PID $KEEPER_PID $ENGINE_PID $TARGET_PID $LOADER_PID 2>/dev/null; rm -rf "$work"' EXIT

fail() {
  echo "$*" >&2
  return 1
}

# A reply may take seconds on a starved shared machine without anything being down (as in test.sh's other layers).
api_on_engine() { start_api "$work/api.log" Auth__BcryptWorkFactor=4 Auth__RegistrationsPerHour=100000 Mongo__Timeout=00:00:10; }

start_app() { start_embedded "$1" >>"$work/embedded.log" && api_on_engine; }

stop_app() {
  stop_api
  stop_embedded >>"$work/embedded.log"
}

post() { curl -fsS -X POST "$API_URL$1" -H 'content-type: application/json' ${TOKEN:+-H "authorization: Bearer $TOKEN"} -d "$2"; }

sign_in() { TOKEN=$(post /api/auth/login "{\"username\":\"$1\",\"password\":\"$password\"}" | node -pe 'JSON.parse(require("fs").readFileSync(0)).token'); }

add_note() { post /api/notes "{\"title\":\"$1\",\"description\":\"kept\"}" >/dev/null; }

# Every note title of the signed-in user, one a line.
note_titles() {
  local page=1 body
  while body=$(curl -fsS "$API_URL/api/notes?pageSize=100&page=$page" -H "authorization: Bearer $TOKEN") &&
    [[ $(node -pe 'JSON.parse(require("fs").readFileSync(0)).items.length' <<<"$body") -gt 0 ]]; do
    node -e 'for (const n of JSON.parse(require("fs").readFileSync(0)).items) console.log(n.title)' <<<"$body"
    page=$((page + 1))
  done
}

newest_snapshot() { ls -d "$1"/snapshot-* | sort | tail -n 1; }

# One story on one data folder, each step a check: a clean stop, a crash, a migration, then a damaged snapshot.
data=$work/data

clean_stop_keeps_accounts_and_notes() {
  # No save comes round in a minute: only the one taken on the way out can keep these notes.
  NOTES_SNAPSHOT_INTERVAL=60 start_app "$data" || return 1
  post /api/auth/register "{\"username\":\"ada\",\"password\":\"$password\"}" >/dev/null && sign_in ada &&
    add_note first && add_note second && add_note third || return 1
  stop_app
  start_app "$data" && sign_in ada || fail "ada cannot sign in with her old password after a restart" || return 1
  [[ $(note_titles | sort | tr '\n' ' ') == "first second third " ]] || fail "her notes after a restart: $(note_titles | tr '\n' ' ')"
}

# When the newest snapshot's point in time was, in ms since the epoch (0 while a save is replacing it).
snapshot_read_at() { node -pe "Date.parse(require('$(newest_snapshot "$data")/manifest.json').readAt)" 2>/dev/null || echo 0; }

# Waits, up to a minute, for a save whose point in time came after the given time (ms since the epoch).
snapshot_read_after() {
  for _ in $(seq 1 300); do
    [[ $(snapshot_read_at) -gt $1 ]] && return 0
    sleep 0.2
  done
  fail "no save came after the notes were added"
}

crash_keeps_every_note_acknowledged_before_the_last_save() {
  [[ -n "$API_PID" ]] || start_app "$data" || return 1
  post /api/auth/register "{\"username\":\"grace\",\"password\":\"$password\"}" >/dev/null && sign_in grace || return 1
  touch "$work/acknowledged"
  # Each note is written down, with the time its 201 arrived, only once acknowledged.
  (for i in $(seq 1 100000); do add_note "load-$i" && echo "$(date +%s%3N) load-$i" >>"$work/acknowledged"; done) &
  LOADER_PID=$!
  until [[ $(wc -l <"$work/acknowledged") -ge 20 ]]; do sleep 0.2; done
  snapshot_read_after "$(sed -n 20p "$work/acknowledged" | cut -d' ' -f1)" || return 1
  kill -9 "$API_PID" "$KEEPER_PID" "$ENGINE_PID" "$LOADER_PID"
  wait "$API_PID" "$KEEPER_PID" "$ENGINE_PID" "$LOADER_PID" 2>/dev/null
  API_PID="" KEEPER_PID="" ENGINE_PID="" LOADER_PID=""

  local read_at missing
  read_at=$(snapshot_read_at)
  awk -v t="$read_at" '$1 < t { print $2 }' "$work/acknowledged" | sort >"$work/expected"
  start_app "$data" && sign_in grace || return 1
  note_titles | sort >"$work/found"
  stop_app
  missing=$(comm -23 "$work/expected" "$work/found" | wc -l)
  echo "$(wc -l <"$work/acknowledged") notes acknowledged, $(wc -l <"$work/expected") before the last completed save, $(wc -l <"$work/found") found after the crash, $missing of those missing"
  [[ $missing -eq 0 ]]
}

migration_to_a_second_engine_is_served_by_a_fresh_api() {
  local out=$work/migration.txt
  start_engine || return 1
  TARGET_PID=$ENGINE_PID TARGET_URI=$ENGINE_URI ENGINE_PID=""
  NOTES_DATA_DIR=$data ./run.sh --migrate-to "$TARGET_URI" || return 1
  if NOTES_DATA_DIR=$data ./run.sh --migrate-to "$TARGET_URI" >"$out" 2>&1; then fail "a second migration into the same database was not refused"; return 1; fi
  grep -qF -- "--merge" "$out" || fail "the refusal does not say how to merge: $(cat "$out")" || return 1
  NOTES_DATA_DIR=$data ./run.sh --migrate-to "$TARGET_URI" --merge || return 1

  ENGINE_URI=$TARGET_URI api_on_engine && sign_in ada || fail "ada cannot sign in with her old password on the target" || return 1
  [[ $(note_titles | sort | tr '\n' ' ') == "first second third " ]] || fail "her notes on the target: $(note_titles | tr '\n' ' ')"
  local status=$?
  stop_api
  stop_process "$TARGET_PID"
  TARGET_PID=""
  return $status
}

damaged_snapshot_is_refused_with_its_message() {
  local snapshot out=$work/refusal.txt
  snapshot=$(newest_snapshot "$data")
  echo "damage" >>"$snapshot/notes.json"
  if start_embedded "$data" >"$out" 2>&1; then
    stop_embedded
    fail "a damaged snapshot was restored"
    return 1
  fi
  cat "$out"
  grep -qF "$snapshot/notes.json is damaged" "$out" && grep -qF "The previous snapshot" "$out" &&
    [[ -z "$ENGINE_PID" && -d "$snapshot" ]] || fail "the refusal does not name the file and what to do, or left the engine running"
}

npm_install tools/mongo-engine >/dev/null && npm_install tools/mongo-snapshot >/dev/null || exit 1
check "The tool's collections are the API's" node --test tools/mongo-snapshot/test/
check "A clean stop keeps accounts and notes, and the old password signs in" clean_stop_keeps_accounts_and_notes
check "kill -9 mid-load keeps every note acknowledged before the last completed save" crash_keeps_every_note_acknowledged_before_the_last_save
check "A migration into a second engine is served by a fresh API, with the old password and notes" migration_to_a_second_engine_is_served_by_a_fresh_api
check "A damaged snapshot stops the start with a message naming the file, keeping the previous one" damaged_snapshot_is_refused_with_its_message

echo
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
