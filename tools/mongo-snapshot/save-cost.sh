#!/usr/bin/env bash
# What saving costs the API's requests: the list's p99 at a fixed rate (autocannon, as bench/ uses) with no saver running,
# beside the same with a save every second (a note is edited twice a second, so every round writes), in alternating rounds.
# Not part of ./test.sh: timings on a shared machine are for the ratio within one run. Run from anywhere:
#   bash tools/mongo-snapshot/save-cost.sh [notes, default 1000] [requests per second, default 50]
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/lib.sh

notes=${1:-1000}
rate=${2:-50}
npm_install tools/mongo-engine && npm_install tools/mongo-snapshot && npm_install bench
dotnet build Notes.Api -c Release -v quiet -nologo

work=$(mktemp -d)
API_PID="" KEEPER_PID="" ENGINE_PID="" EDITOR_PID=""
trap 'kill $API_PID $KEEPER_PID $ENGINE_PID $EDITOR_PID 2>/dev/null; rm -rf "$work"' EXIT
start_snapshot_engine
start_api "$work/api.log" Auth__BcryptWorkFactor=4 Mongo__Timeout=00:00:10

json() { node -pe "JSON.parse(require('fs').readFileSync(0))$1"; }
body='{"username":"ada","password":"analytical engine 1843"}'
curl -fsS -X POST "$API_URL/api/auth/register" -H 'content-type: application/json' -d "$body" >/dev/null
token=$(curl -fsS -X POST "$API_URL/api/auth/login" -H 'content-type: application/json' -d "$body" | json .token)
owner=$(curl -fsS "$API_URL/api/auth/me" -H "authorization: Bearer $token" | json .id)
(cd tools/mongo-snapshot && node --input-type=module -e "
  import { MongoClient, ObjectId } from 'mongodb';
  const client = new MongoClient(process.argv[1]);
  const now = new Date();
  await client.db('notes').collection('notes').insertMany(Array.from({ length: $notes }, (_, i) =>
    ({ ownerId: new ObjectId('$owner'), title: 'Note ' + i, description: 'x'.repeat(200), createdAt: now, updatedAt: now, version: 1 })));
  await client.close();" "$ENGINE_URI")
note=$(curl -fsS "$API_URL/api/notes?pageSize=1" -H "authorization: Bearer $token" | json .items[0].id)

p99() {
  node bench/node_modules/.bin/autocannon -j -R "$rate" -d 10 -c 4 -H "authorization: Bearer $token" "$API_URL/api/notes?pageSize=20" 2>/dev/null |
    node -pe 'const r = JSON.parse(require("fs").readFileSync(0)); r.non2xx ? "non-2xx!" : r.latency.p99'
}

(while true; do curl -fsS -o /dev/null -X PUT "$API_URL/api/notes/$note" -H "authorization: Bearer $token" \
  -H 'content-type: application/json' -d "{\"title\":\"Edited $RANDOM\",\"description\":\"x\"}" || true; sleep 0.5; done) &
EDITOR_PID=$!
p99 >/dev/null # warm-up
for round in 1 2 3; do
  without=$(p99)
  node "$snapshot_tool" keep "$ENGINE_URI" "$work/data" 1 >>"$work/saves.log" &
  KEEPER_PID=$!
  sleep 1
  with=$(p99)
  stop_process "$KEEPER_PID"
  echo "round $round: list p99 without saves $without ms, with a save every second $with ms"
done
durations=$(grep -o 'in [0-9]* ms' "$work/saves.log" | cut -d' ' -f2 | sort -n)
echo "$(wc -l <<<"$durations") saves of $notes notes, $(head -n 1 <<<"$durations")-$(tail -n 1 <<<"$durations") ms each; load average $(cut -d' ' -f1-3 /proc/loadavg)"
