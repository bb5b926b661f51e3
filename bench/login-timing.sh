#!/usr/bin/env bash
# Measures, side by side in one run, how long the API takes to refuse a sign-in for an unknown username and for a known
# username with a wrong password, at the production bcrypt work factor. The two should be about equal (a ratio near 1),
# so that response times do not reveal which usernames exist. Run from the repository root after a Release build:
#   dotnet build Notes.Api -c Release && bash bench/login-timing.sh [rounds]
set -euo pipefail
source tools/lib.sh
rounds=${1:-30}

npm_install tools/mongo-engine
trap 'kill ${API_PID:-} ${ENGINE_PID:-} 2>/dev/null' EXIT
start_engine
start_api /dev/null Auth__MaxFailedLogins=100000

node - "$API_URL" "$rounds" <<'JS'
const [base, rounds] = [process.argv[2], Number(process.argv[3])];
const post = (path, body) => fetch(base + path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const timed = async (body) => { const start = performance.now(); const res = await post('/api/auth/login', body); await res.text(); return [performance.now() - start, res.status]; };
const median = (xs) => xs.toSorted((a, b) => a - b)[Math.floor(xs.length / 2)];

const registered = await post('/api/auth/register', { username: 'bench_user', password: 'the right horse battery staple' });
if (registered.status !== 201) throw new Error(`could not register the bench user: ${registered.status} ${await registered.text()}`);
await timed({ username: 'warm_up', password: 'whatever1' });
const unknown = [], wrong = [];
for (let i = 0; i < rounds; i++) {   // interleaved, so drift on a noisy machine hits both alike
  const [u, us] = await timed({ username: `nobody_${i}`, password: 'a wrong password' });
  const [w, ws] = await timed({ username: 'bench_user', password: 'a wrong password' });
  if (us !== 401 || ws !== 401) throw new Error(`expected 401s, got ${us} and ${ws}`);
  unknown.push(u); wrong.push(w);
}
console.log(`rounds: ${rounds}`);
console.log(`median unknown username: ${median(unknown).toFixed(1)} ms`);
console.log(`median wrong password:   ${median(wrong).toFixed(1)} ms`);
console.log(`ratio unknown/wrong:     ${(median(unknown) / median(wrong)).toFixed(2)}`);
JS
