// The benchmark's driver, run by bench/run.sh in two phases against APIs that script started:
//   count <apiUrl> <out.json>                     an API in diagnostics mode: database commands per request, exactly
//   load <apiUrl> <apiPid> <enginePid> <counts.json> <report.md>   a default API: throughput, latency, CPU, memory
//   compare <baseUrl> <basePid> <headUrl> <headPid> <report.md>   two builds side by side (bench/compare.sh): API CPU per
//                                                 read request, in alternating rounds so the machine's drift hits both alike,
//                                                 and each one's peak RSS
//   variants <report.md> (<name> <url> <pid>)...  the same for two or more APIs (bench/variants.sh: one build, settings apart)
//   export <apiUrl> <apiPid> <mongoUri> <database> <report.md>   a fresh default API: the export of 20 and of 2,000 notes,
//                                                 its time and the API's peak RSS while it runs (appended to the report)
// BENCH_QUICK=1 shortens every run. Numbers on a small shared machine are noisy: the report compares ratios from one run.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir, cpus, totalmem } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import autocannon from 'autocannon';
import { MongoClient, ObjectId } from 'mongodb';

const run = promisify(execFile);
const here = dirname(fileURLToPath(import.meta.url));
const quick = process.env.BENCH_QUICK === '1';
const plan = quick
  ? { users: 6, notesPerUser: 25, warmUpSeconds: 2, rounds: 1, seconds: 4, counted: 20 }
  : { users: 20, notesPerUser: 25, warmUpSeconds: 5, rounds: 3, seconds: 10, counted: 50 };
if (process.env.BENCH_ROUNDS) plan.rounds = Number(process.env.BENCH_ROUNDS);
if (process.env.BENCH_SECONDS) plan.seconds = Number(process.env.BENCH_SECONDS);
const connections = 16;                  // closed-loop connections for throughput (wrk) and fixed-rate runs (autocannon)
const signInRate = 1;                    // sign-ins per second: bcrypt is slow on purpose, so it is measured alone, slowly
const signInBurstConnections = 4;        // concurrent sign-ins, back to back, against the list at half saturation
const readScenarios = ['floor', 'me', 'list', 'list-tag', 'trash', 'get'];
// Every third seeded note is tagged work/clients (found by tag=work, one level up), and the last five are in the trash.
const trashedPerUser = 5;
const clockTicks = Number((await run('getconf', ['CLK_TCK'])).stdout.trim());
// How many wrk rounds wrkRound ran again after a failed request, for the report (declared before the phases run below).
let roundsRunAgain = 0;

const [phase, ...args] = process.argv.slice(2);
if (phase === 'count') await countPhase(...args);
else if (phase === 'load') await loadPhase(...args);
else if (phase === 'compare') await comparePhase(...args);
else if (phase === 'variants') await variantsPhase(...args);
else if (phase === 'export') await exportPhase(...args);
else throw new Error(`unknown phase ${phase}`);

// ---------- the API, as a client

function client(base) {
  const call = async (method, path, { token, body } = {}) => {
    const headers = {};
    if (token) headers.authorization = `Bearer ${token}`;
    if (body) headers['content-type'] = 'application/json';
    const res = await fetch(base + path, { method, headers, body: body && JSON.stringify(body) });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { call };
}

/**
 * Registers users with notes and signs each in; a password per user, strong enough for any password policy. Organised notes
 * carry tags and some go to the trash, for the tag and trash scenarios; a build from before tags and the trash seeds plain notes.
 */
async function seed(api, users, notesPerUser, { organised = true } = {}) {
  const seeded = [];
  for (let u = 0; u < users; u++) {
    const username = `bench${u}_${randomUUID().slice(0, 8)}`;
    const password = `bench ${randomUUID()} correct horse`;
    await api.call('POST', '/api/auth/register', { body: { username, password } });
    const { token } = await api.call('POST', '/api/auth/login', { body: { username, password } });
    const notes = [];
    for (let n = 0; n < notesPerUser; n++) {
      const tags = organised ? [n % 3 === 0 ? 'work/clients' : 'home'] : undefined;
      const note = await api.call('POST', '/api/notes', { token, body: { title: `note ${n} of ${username}`, description: `seeded note number ${n}`, tags } });
      if (organised && n >= notesPerUser - trashedPerUser) await api.call('PATCH', `/api/notes/${note.id}`, { token, body: { trashed: true } });
      else notes.push(note.id);
    }
    seeded.push({ username, password, token, notes });
  }
  return seeded;
}

// ---------- phase 1: database commands per request, from the driver's command events

async function countPhase(base, out) {
  const api = client(base);
  const commands = async () => (await api.call('GET', '/diagnostics/mongo-commands')).commands;
  const [user, other] = await seed(api, 2, 25);
  const perRequest = async (request) => {
    for (let i = 0; i < 3; i++) await request(i);         // warm: connections are open, caches filled
    const before = await commands();
    for (let i = 0; i < plan.counted; i++) await request(i);
    return (await commands() - before) / plan.counted;
  };
  const counts = {
    floor: await perRequest(() => api.call('GET', '/healthz/live')),
    me: await perRequest(() => api.call('GET', '/api/auth/me', { token: user.token })),
    list: await perRequest(() => api.call('GET', '/api/notes?page=1&pageSize=20', { token: user.token })),
    'list-tag': await perRequest(() => api.call('GET', '/api/notes?tag=work&page=1&pageSize=20', { token: user.token })),
    trash: await perRequest(() => api.call('GET', '/api/notes?view=trash&page=1&pageSize=20', { token: user.token })),
    get: await perRequest((i) => api.call('GET', `/api/notes/${user.notes[i % user.notes.length]}`, { token: user.token })),
    // One note, so that past the warm-up every update also prunes, as under load.
    update: await perRequest((i) => api.call('PUT', `/api/notes/${user.notes[0]}`, { token: user.token, body: { title: `note ${i}`, description: `counted update ${i}` } })),
    'add-delete': await perRequest(async (i) => {
      // Two requests per call: the count is halved below.
      const note = await api.call('POST', '/api/notes', { token: other.token, body: { title: `counted ${i}`, description: '' } });
      await api.call('DELETE', `/api/notes/${note.id}`, { token: other.token });
    }) / 2,
    'sign-in': await perRequest(() => api.call('POST', '/api/auth/login', { body: { username: user.username, password: user.password } })),
  };
  writeFileSync(out, JSON.stringify(counts));
  console.log('database commands per request:', counts);
}

// ---------- phase 2: load

async function loadPhase(base, apiPid, enginePid, countsFile, report) {
  const counts = JSON.parse(readFileSync(countsFile, 'utf8'));
  const api = client(base);
  const started = Date.now();
  const loadBefore = loadAverage();
  console.log(`seeding ${plan.users} users with ${plan.notesPerUser} notes each`);
  const users = await seed(api, plan.users, plan.notesPerUser);
  const [writer] = await seed(api, 1, 0);
  const work = mkdtempSync(join(tmpdir(), 'notes-bench-'));
  const usersFile = join(work, 'users.txt');
  // Five lines per user, each naming another of its notes, so "get" spreads over notes as well as users.
  writeFileSync(usersFile, users.flatMap((u) => u.notes.slice(0, 5).map((note) => `${u.token} ${note}\n`)).join(''));

  const processes = { api: Number(apiPid), engine: Number(enginePid) };
  const results = {};

  // Updates come after the reads, which they would otherwise slow down by growing the revisions collection.
  for (const scenario of [...readScenarios, 'update', 'add-delete']) {
    const script = scenario === 'add-delete' ? ['wrk/add-delete.lua', writer.token] : ['wrk/rotate.lua', scenario, usersFile];
    console.log(`throughput: ${scenario}`);
    await wrk(base, script, plan.warmUpSeconds);
    const rounds = [];
    for (let r = 0; r < plan.rounds; r++) {
      const { out, used } = await wrkRound(base, script, processes, `the API during ${scenario}`);
      rounds.push({
        rps: out.requests / (out.durationUs / 1e6),
        p50: out.p50Us / 1000,
        p99: out.p99Us / 1000,
        non2xx: out.non2xx + out.socketErrors,
        apiCpuUs: (used.api / out.requests) * 1e6,
        engineCpuUs: (used.engine / out.requests) * 1e6,
      });
    }
    results[scenario] = { rounds, peakRssMb: peakRssMb(processes.api) };
  }

  // Latency at a fixed rate, half of the throughput just measured, with coordinated omission corrected.
  const fixed = {};
  for (const scenario of ['list', 'get']) {
    const rate = Math.round(median(results[scenario].rounds.map((r) => r.rps)) / 2);
    console.log(`fixed rate: ${scenario} at ${rate}/s`);
    await cannon(base, readRequest(scenario, users), { rate, seconds: plan.warmUpSeconds });
    fixed[scenario] = { rate, rounds: [] };
    for (let r = 0; r < plan.rounds; r++)
      fixed[scenario].rounds.push(await cannon(base, readRequest(scenario, users), { rate, seconds: plan.seconds }));
  }

  // Sign-in alone, slowly: milliseconds and API CPU per sign-in (bcrypt at the configured work factor).
  console.log(`sign-in at ${signInRate}/s`);
  const signIns = { rounds: [] };
  for (let r = 0; r < plan.rounds; r++) {
    const cpu = cpuCounter(processes);
    const out = await cannon(base, signInRequest(users), { rate: signInRate, seconds: plan.seconds, connections: 2 });
    signIns.rounds.push({ ...out, apiCpuMs: (cpu().api / out.requests) * 1000 });
  }

  // The list at half saturation, alone and beside a burst of sign-ins, alternating so drift hits both alike.
  console.log('list at half saturation, alone and beside a burst of sign-ins');
  const burst = { rate: fixed.list.rate, alone: [], withBurst: [], signInsDuringBurst: [] };
  for (let r = 0; r < plan.rounds; r++) {
    burst.alone.push(await cannon(base, readRequest('list', users), { rate: burst.rate, seconds: plan.seconds }));
    const [list, signInLoad] = await Promise.all([
      cannon(base, readRequest('list', users), { rate: burst.rate, seconds: plan.seconds }),
      cannon(base, signInRequest(users), { seconds: plan.seconds, connections: signInBurstConnections }),
    ]);
    burst.withBurst.push(list);
    burst.signInsDuringBurst.push(signInLoad);
  }

  const peakRss = peakRssMb(processes.api);
  const machine = await describeMachine();
  const load = `${loadBefore} at the start, ${loadAverage()} at the end`;
  const markdown = render({ results, fixed, signIns, burst, counts, peakRss, machine, load, minutes: (Date.now() - started) / 60000 });
  writeFileSync(report, markdown);
  writeFileSync(report.replace(/\.md$/, '.svg'), chart(results));
  console.log(markdown);
  const invalid = [...Object.values(results).flatMap((s) => s.rounds), ...Object.values(fixed).flatMap((s) => s.rounds),
    ...signIns.rounds, ...burst.alone, ...burst.withBurst, ...burst.signInsDuringBurst].some((r) => r.non2xx > 0);
  if (invalid) {
    console.error('INVALID RUN: some requests were not answered 2xx (see the non-2xx columns)');
    process.exitCode = 1;
  }
}

// ---------- builds side by side

async function comparePhase(baseUrl, basePid, headUrl, headPid, report) {
  await variantsPhase(report, 'base', baseUrl, basePid, 'head', headUrl, headPid);
}

/**
 * Two or more APIs side by side (the first is the reference): API CPU per read request in alternating rounds, and each
 * API's peak RSS (VmHWM) after the read load. Arguments: <report.md> then <name> <url> <pid> per API.
 */
async function variantsPhase(report, ...args) {
  const builds = [];
  for (let i = 0; i + 2 < args.length; i += 3) builds.push({ name: args[i], url: args[i + 1], pid: Number(args[i + 2]) });
  if (builds.length < 2) throw new Error('variants needs at least two APIs: <name> <url> <pid> each');
  const work = mkdtempSync(join(tmpdir(), 'notes-compare-'));
  const loadBefore = loadAverage();
  for (const build of builds) {
    console.log(`seeding ${build.name}: ${plan.users} users with ${plan.notesPerUser} notes each`);
    const users = await seed(client(build.url), plan.users, plan.notesPerUser, { organised: false });
    build.usersFile = join(work, `${build.name}.txt`);
    writeFileSync(build.usersFile, users.flatMap((u) => u.notes.slice(0, 5).map((note) => `${u.token} ${note}\n`)).join(''));
  }

  const rows = [];
  const [reference, ...others] = builds;
  // The scenarios every build answers alike: a build from before tags and the trash ignores their query parameters.
  for (const scenario of readScenarios.filter((s) => s !== 'list-tag' && s !== 'trash')) {
    const cpuUs = Object.fromEntries(builds.map((b) => [b.name, []]));
    for (const build of builds) await wrk(build.url, ['wrk/rotate.lua', scenario, build.usersFile], plan.warmUpSeconds);
    for (let r = 0; r < plan.rounds * 2; r++) {
      // Alternating the order, so no build always runs on the warmer or the quieter machine.
      for (const build of r % 2 ? [...builds].reverse() : builds) {
        const { out, used } = await wrkRound(build.url, ['wrk/rotate.lua', scenario, build.usersFile], { api: build.pid }, `${build.name} during ${scenario}`);
        cpuUs[build.name].push((used.api / out.requests) * 1e6);
      }
    }
    const cell = (name) => spread(cpuUs[name].map((v) => ({ v })), (x) => x.v, 0);
    // The ratio of medians, and its range over the rounds paired by their order.
    const ratios = others.map((b) => {
      const paired = cpuUs[b.name].map((v, i) => v / cpuUs[reference.name][i]);
      return `${(median(cpuUs[b.name]) / median(cpuUs[reference.name])).toFixed(2)} (${Math.min(...paired).toFixed(2)}–${Math.max(...paired).toFixed(2)})`;
    });
    rows.push(`| ${scenario} | ${builds.map((b) => cell(b.name)).join(' | ')} | ${ratios.join(' | ')} |`);
    console.log(rows.at(-1));
  }
  const rss = builds.map((b) => peakRssMb(b.pid).toFixed(0));
  const markdown = [
    '# Builds side by side', '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; ${plan.users} users with ${plan.notesPerUser} notes each per API; ` +
      `${plan.rounds * 2} alternating rounds of ${plan.seconds} s per API and scenario; median (min–max). ` +
      `Load average: ${loadBefore} at the start, ${loadAverage()} at the end. Rounds run again after a failed request: ${roundsRunAgain}.`, '',
    `| scenario | ${builds.map((b) => `${b.name} API CPU µs/request`).join(' | ')} | ${others.map((b) => `${b.name} / ${reference.name}`).join(' | ')} |`,
    `|---|${builds.map(() => '---|').join('')}${others.map(() => '---|').join('')}`, ...rows,
    `| **API peak RSS MB** (VmHWM, after seeding and the rounds) | ${rss.join(' | ')} | ${others.map((b, i) => (rss[i + 1] / rss[0]).toFixed(2)).join(' | ')} |`, '',
  ].join('\n');
  writeFileSync(report, markdown);
  console.log(markdown);
}

// ---------- the export: time and memory for a small and a large account

async function exportPhase(base, apiPid, mongoUri, database, report) {
  const api = client(base);
  const pid = Number(apiPid);
  // BENCH_EXPORT_SIZES=20,2000,10000 adds a larger account, to see whether memory follows the count.
  const sizes = (process.env.BENCH_EXPORT_SIZES ?? '20,2000').split(',').map(Number);
  const rounds = quick ? 1 : 3;
  // Straight into the database, in one insertMany per account: the engine checks unique indexes by scanning the collection on
  // every insert, so 2,000 notes added one request at a time would take minutes.
  const mongo = await MongoClient.connect(mongoUri);
  const users = [];
  try {
    for (const count of sizes) {
      const username = `export${count}_${randomUUID().slice(0, 8)}`;
      const password = `bench ${randomUUID()} correct horse`;
      const { id } = await api.call('POST', '/api/auth/register', { body: { username, password } });
      const { token } = await api.call('POST', '/api/auth/login', { body: { username, password } });
      await mongo.db(database).collection('notes').insertMany(exportNotes(id, count));
      users.push({ count, token });
    }
  } finally {
    await mongo.close();
  }

  const rows = [];
  for (const format of ['json', 'markdown']) {
    for (const { count, token } of users) {
      await exportOnce(base, token, format, pid); // warm: the code path compiled, the connection open
      const runs = [];
      for (let r = 0; r < rounds; r++) runs.push(await exportOnce(base, token, format, pid));
      const row = { format, count, bytes: runs[0].bytes, firstByteMs: median(runs.map((x) => x.firstByteMs)),
        totalMs: median(runs.map((x) => x.totalMs)), rssBeforeMb: Math.min(...runs.map((x) => x.rssBeforeMb)), peakRssMb: Math.max(...runs.map((x) => x.peakRssMb)), samples: Math.min(...runs.map((x) => x.samples)) };
      rows.push(row);
      console.log(`export ${format}, ${count} notes:`, row);
    }
  }

  const lines = ['', `## Export (\`GET /api/export\`, ${rounds} round(s) after a warm-up, medians; RSS is the largest sample)`, '',
    'Each account\'s notes carry a description of about 1 KB; a tenth are archived and a tenth in the trash. The API\'s RSS is read from ' +
    '`VmRSS` in `/proc/<pid>/status` every 5 ms while the export runs (VmHWM, the kernel\'s own peak, cannot be reset between ' +
    'exports), so a peak between two samples can be missed.', '',
    '| format | notes | bytes | first byte ms | whole export ms | API RSS before MB | API peak RSS during MB | RSS samples |', '|---|---|---|---|---|---|---|---|'];
  for (const r of rows)
    lines.push(`| ${r.format} | ${r.count} | ${r.bytes} | ${r.firstByteMs.toFixed(1)} | ${r.totalMs.toFixed(1)} | ${r.rssBeforeMb.toFixed(0)} | ${r.peakRssMb.toFixed(0)} | ${r.samples} |`);
  const growth = (format) => {
    const [small, large] = [sizes[0], sizes.at(-1)].map((count) => rows.find((r) => r.format === format && r.count === count));
    return large.peakRssMb - small.peakRssMb;
  };
  lines.push('', `Peak RSS, ${sizes.at(-1)} notes against ${sizes[0]}: json ${growth('json') >= 0 ? '+' : ''}${growth('json').toFixed(0)} MB, ` +
    `markdown ${growth('markdown') >= 0 ? '+' : ''}${growth('markdown').toFixed(0)} MB.`, '');
  const section = lines.join('\n');
  writeFileSync(report, (existsSync(report) ? readFileSync(report, 'utf8') : '# Benchmark: the export alone\n') + section);
  console.log(section);
}

/** The notes of an account as the API stores them, with a description of about 1 KB each. */
function exportNotes(ownerId, count) {
  const now = new Date();
  const purgeAt = new Date(now.getTime() + 30 * 24 * 3600 * 1000);
  const filler = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(18);
  return Array.from({ length: count }, (_, n) => {
    const title = `Export note ${n}`;
    const description = `${n}: ${filler}`;
    const trashed = n % 10 === 9;
    return {
      _id: new ObjectId(), ownerId: new ObjectId(ownerId), title, description, searchText: `${title} ${description}`.toLowerCase(),
      pinned: n % 7 === 0, tags: n % 3 === 0 ? ['work/clients'] : ['home'], archived: n % 10 === 8,
      trashedAt: trashed ? now : null, purgeAt: trashed ? purgeAt : null, createdAt: now, updatedAt: now, version: 1,
    };
  });
}

/** One export read to its end: when its first byte came, when its last did, and the API's RSS, sampled all along. */
async function exportOnce(base, token, format, pid) {
  const rssBeforeMb = rssMb(pid);
  let peakRssMb = rssBeforeMb, samples = 1;
  const sampler = setInterval(() => { peakRssMb = Math.max(peakRssMb, rssMb(pid)); samples++; }, 5);
  try {
    const started = performance.now();
    const res = await fetch(`${base}/api/export?format=${format}`, { headers: { authorization: `Bearer ${token}` } });
    if (!res.ok) throw new Error(`export ${format} answered ${res.status}: ${await res.text()}`);
    let firstByteMs = null, bytes = 0;
    for await (const chunk of res.body) {
      firstByteMs ??= performance.now() - started;
      bytes += chunk.length;
    }
    const totalMs = performance.now() - started;
    peakRssMb = Math.max(peakRssMb, rssMb(pid));
    return { bytes, firstByteMs, totalMs, rssBeforeMb, peakRssMb, samples };
  } finally {
    clearInterval(sampler);
  }
}

function rssMb(pid) {
  return Number(/VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
}

// ---------- load generators

/**
 * One measured wrk round of plan.seconds, with the CPU seconds each of `processes` used during it. A round with a failed
 * request is run again, at most twice: under load the embedded engine sometimes accepts a new connection too late for the
 * driver's connect timeout, and the requests waiting for it fail. `what` names the API and scenario in the log and the error.
 */
async function wrkRound(base, script, processes, what) {
  for (let attempt = 1; ; attempt++) {
    const cpu = cpuCounter(processes);
    const out = await wrk(base, script, plan.seconds);
    const used = cpu();
    const failed = out.non2xx + out.socketErrors;
    if (out.requests > 0 && failed === 0) return { out, used };
    if (attempt === 3) throw new Error(`${what}: requests failed in three rounds running`);
    roundsRunAgain++;
    console.log(`${what}: ${out.requests} requests, ${failed} failed; again`);
  }
}

async function wrk(base, [script, ...scriptArgs], seconds) {
  const { stdout } = await run('wrk', ['-t1', `-c${connections}`, `-d${seconds}s`, '-s', join(here, script), base, '--', ...scriptArgs],
    { env: { ...process.env, BENCH_WRK_DIR: join(here, 'wrk') } });
  const line = stdout.split('\n').find((l) => l.startsWith('{'));
  if (!line) throw new Error(`wrk printed no summary:\n${stdout}`);
  return JSON.parse(line);
}

/** Requests for autocannon that rotate over the seeded users, like the wrk script. */
function readRequest(scenario, users) {
  let next = 0;
  return {
    method: 'GET',
    setupRequest: (req) => {
      const user = users[next++ % users.length];
      const path = scenario === 'list' ? '/api/notes?page=1&pageSize=20' : `/api/notes/${user.notes[next % user.notes.length]}`;
      return { ...req, path, headers: { ...req.headers, authorization: `Bearer ${user.token}` } };
    },
  };
}

function signInRequest(users) {
  let next = 0;
  return {
    method: 'POST',
    path: '/api/auth/login',
    setupRequest: (req) => {
      const { username, password } = users[next++ % users.length];
      return { ...req, headers: { ...req.headers, 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) };
    },
  };
}

/** One autocannon run; with a rate it is open-loop, and latencies are corrected for coordinated omission. */
async function cannon(base, request, { rate, seconds, connections: c = connections }) {
  const result = await autocannon({ url: base, connections: c, duration: seconds, overallRate: rate, requests: [request] });
  return {
    requests: result.requests.total,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors + result.timeouts,
  };
}

// ---------- process statistics from /proc

/** CPU seconds (user + system) used by each process since the call; call the result to read them. */
function cpuCounter(processes) {
  const start = Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid)]));
  return () => Object.fromEntries(Object.entries(processes).map(([name, pid]) => [name, cpuSeconds(pid) - start[name]]));
}

function cpuSeconds(pid) {
  // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / clockTicks;
}

/** The machine's 1-minute load average: how many processes wanted a core, ours and everyone else's. */
function loadAverage() {
  return readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
}

function peakRssMb(pid) {
  const kb = Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);
  return kb / 1024;
}

async function describeMachine() {
  const output = async (cmd, cmdArgs) => { try { return (await run(cmd, cmdArgs)).stdout.trim(); } catch { return 'unknown'; } };
  const os = /PRETTY_NAME="([^"]+)"/.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'unknown';
  const packages = readFileSync(join(here, '..', 'Directory.Packages.props'), 'utf8');
  const version = (name) => new RegExp(`Include="${name}" Version="([^"]+)"`).exec(packages)?.[1];
  const engine = JSON.parse(readFileSync(join(here, '..', 'tools', 'mongo-engine', 'package.json'), 'utf8')).dependencies;
  return {
    cpu: `${cpus()[0].model}, ${cpus().length} cores`,
    memory: `${Math.round(totalmem() / 2 ** 30)} GiB`,
    os,
    dotnet: (await output('dotnet', ['--list-runtimes'])).split('\n').filter((l) => l.startsWith('Microsoft.AspNetCore.App')).map((l) => l.split(' ')[1]).join(', '),
    node: process.version,
    // wrk prints its version, then its usage, and exits 1.
    wrk: (await run('wrk', ['--version']).then((r) => r.stdout, (e) => e.stdout ?? '')).split('\n')[0].split(' ').slice(0, 2).join(' '),
    autocannon: JSON.parse(readFileSync(join(here, 'node_modules', 'autocannon', 'package.json'), 'utf8')).version,
    engine: Object.entries(engine).map(([n, v]) => `${n} ${v}`).join(', '),
    fastEndpoints: version('FastEndpoints'),
    driver: version('MongoDB.Driver'),
    commit: await output('git', ['-C', join(here, '..'), 'rev-parse', '--short', 'HEAD']),
  };
}

// ---------- the report

function median(xs) {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** "median (min–max)" of one statistic over the rounds; just the value when there was one round. */
function spread(rounds, pick, digits = 1) {
  const xs = rounds.map(pick);
  const f = (x) => x.toFixed(digits);
  return xs.length === 1 ? f(xs[0]) : `${f(median(xs))} (${f(Math.min(...xs))}–${f(Math.max(...xs))})`;
}

function render({ results, fixed, signIns, burst, counts, peakRss, machine, load, minutes }) {
  const floorCpu = median(results.floor.rounds.map((r) => r.apiCpuUs));
  const cpuRatio = (scenario) => median(results[scenario].rounds.map((r) => r.apiCpuUs)) / floorCpu;
  const burstRatio = median(burst.withBurst.map((r) => r.p99)) / median(burst.alone.map((r) => r.p99));
  const check = (ok) => (ok ? 'holds' : '**misses**');
  const lines = [];
  lines.push(`# Benchmark${quick ? ' (quick mode: one short round, not for comparison)' : ''}`, '');
  lines.push(`Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC by \`bash bench/run.sh${quick ? ' --quick' : ''}\`, ` +
    `${minutes.toFixed(1)} min; ${plan.users} users with ${plan.notesPerUser} notes each; ${plan.rounds} round(s) of ${plan.seconds} s ` +
    `after ${plan.warmUpSeconds} s of warm-up; each cell is the median (min–max) over the rounds. ` +
    `Rounds run again after a failed request (wrk throughput rounds): ${roundsRunAgain}.`, '');
  lines.push(`Machine: ${machine.cpu}, ${machine.memory}, ${machine.os}. The API, the embedded engine and the load generator share these cores, ` +
    `so absolute numbers are only this run's: compare the ratios. Load average during the run: ${load}.`, '');
  lines.push(`Versions: ASP.NET Core ${machine.dotnet}, FastEndpoints ${machine.fastEndpoints}, MongoDB.Driver ${machine.driver}, ` +
    `engine ${machine.engine}, Node ${machine.node}, ${machine.wrk}, autocannon ${machine.autocannon}, commit ${machine.commit}.`, '');

  lines.push('## Throughput (wrk, closed loop, ' + `${connections} connections)`, '');
  lines.push('| scenario | requests/s | p50 ms | p99 ms | non-2xx | API CPU µs/request | × floor | engine CPU µs/request | DB commands/request | API peak RSS MB |');
  lines.push('|---|---|---|---|---|---|---|---|---|---|');
  const names = { floor: 'floor: `GET /healthz/live`', me: '`GET /api/auth/me`', list: 'list: `GET /api/notes` (page of 20)', 'list-tag': 'list by tag: `GET /api/notes?tag=work`', trash: 'trash: `GET /api/notes?view=trash`', get: 'get: `GET /api/notes/{id}`', update: 'update: `PUT /api/notes/{id}` (keeps a revision, prunes the oldest)', 'add-delete': 'add + delete a note (per request)' };
  for (const [scenario, { rounds, peakRssMb: rss }] of Object.entries(results)) {
    lines.push(`| ${names[scenario]} | ${spread(rounds, (r) => r.rps, 0)} | ${spread(rounds, (r) => r.p50, 2)} | ${spread(rounds, (r) => r.p99, 2)} | ` +
      `${rounds.reduce((n, r) => n + r.non2xx, 0)} | ${spread(rounds, (r) => r.apiCpuUs, 0)} | ${cpuRatio(scenario).toFixed(2)} | ` +
      `${spread(rounds, (r) => r.engineCpuUs, 0)} | ${counts[scenario]} | ${rss.toFixed(0)} |`);
  }
  lines.push('', 'CPU per request is the process\'s user + system time over the round (from `/proc/<pid>/stat`) divided by the requests answered. ' +
    'Database commands per request were counted separately, by the driver\'s command events in the API\'s diagnostics mode ' +
    '(`Diagnostics:CountMongoCommands=true`), over sequential requests. The RSS column is the API\'s peak so far (VmHWM).', '');

  lines.push('## Latency at a fixed rate (autocannon -R, half of the throughput above, coordinated omission corrected)', '');
  lines.push('| scenario | rate/s | p50 ms | p99 ms | non-2xx |', '|---|---|---|---|---|');
  for (const [scenario, { rate, rounds }] of Object.entries(fixed))
    lines.push(`| ${names[scenario]} | ${rate} | ${spread(rounds, (r) => r.p50)} | ${spread(rounds, (r) => r.p99)} | ${rounds.reduce((n, r) => n + r.non2xx, 0)} |`);
  lines.push('');

  lines.push(`## Sign-in (bcrypt at the default work factor, ${signInRate}/s, never mixed into the throughput runs)`, '');
  lines.push('| ms per sign-in (p50) | p99 ms | API CPU ms per sign-in | DB commands per sign-in | non-2xx |', '|---|---|---|---|---|');
  lines.push(`| ${spread(signIns.rounds, (r) => r.p50, 0)} | ${spread(signIns.rounds, (r) => r.p99, 0)} | ${spread(signIns.rounds, (r) => r.apiCpuMs, 0)} | ` +
    `${counts['sign-in']} | ${signIns.rounds.reduce((n, r) => n + r.non2xx, 0)} |`, '');
  lines.push(`List at ${burst.rate}/s alone, and beside ${signInBurstConnections} sign-ins at a time back to back:`, '');
  lines.push('| list p99 alone ms | list p99 beside sign-ins ms | ratio | sign-ins answered during the burst |', '|---|---|---|---|');
  lines.push(`| ${spread(burst.alone, (r) => r.p99)} | ${spread(burst.withBurst, (r) => r.p99)} | ${burstRatio.toFixed(2)} | ` +
    `${spread(burst.signInsDuringBurst, (r) => r.requests, 0)} |`, '');

  lines.push('## Targets', '', '| target | measured | |', '|---|---|---|');
  const p99Fixed = (s) => median(fixed[s].rounds.map((r) => r.p99));
  const lists = ['list', 'list-tag', 'trash'];
  lines.push(`| DB round trips: every list ≤ 2, me ≤ 1 | ${lists.map((s) => `${s} ${counts[s]}`).join(', ')}, me ${counts.me} | ${check(lists.every((s) => counts[s] <= 2) && counts.me <= 1)} |`);
  lines.push(`| API CPU per request: every list ≤ 3 × floor | ${lists.map((s) => `${s} ${cpuRatio(s).toFixed(2)} ×`).join(', ')} | ${check(lists.every((s) => cpuRatio(s) <= 3))} |`);
  lines.push(`| API CPU per request: me ≤ 2 × floor | ${cpuRatio('me').toFixed(2)} × | ${check(cpuRatio('me') <= 2)} |`);
  lines.push(`| p99 at half saturation < 10 ms: list, get | ${p99Fixed('list').toFixed(1)} ms, ${p99Fixed('get').toFixed(1)} ms | ${check(p99Fixed('list') < 10 && p99Fixed('get') < 10)} |`);
  // The issue's target is the peak through the read load (VmHWM only grows, so the last read scenario's peak is theirs);
  // the peak after the writes and sign-ins is shown beside it.
  const readPeak = results[readScenarios.at(-1)].peakRssMb;
  lines.push(`| API peak RSS through the read load ≤ 150 MB | ${readPeak.toFixed(0)} MB (${peakRss.toFixed(0)} MB at the end, after the writes and sign-ins) | ${check(readPeak <= 150)} |`);
  lines.push(`| a burst of sign-ins raises the list's p99 by ≤ 2 × | ${burstRatio.toFixed(2)} × | ${check(burstRatio <= 2)} |`, '');
  return lines.join('\n');
}

/** A small bar chart of API CPU per request as a multiple of the floor's. */
function chart(results) {
  const floorCpu = median(results.floor.rounds.map((r) => r.apiCpuUs));
  const bars = Object.entries(results).map(([name, s]) => [name, median(s.rounds.map((r) => r.apiCpuUs)) / floorCpu]);
  const max = Math.max(3.5, ...bars.map(([, v]) => v));
  const width = 520, row = 28, left = 90, scale = (width - left - 60) / max;
  const x3 = left + 3 * scale;
  const rows = bars.map(([name, v], i) => `<text x="${left - 8}" y="${40 + i * row + 14}" text-anchor="end">${name}</text>` +
    `<rect x="${left}" y="${40 + i * row}" width="${(v * scale).toFixed(1)}" height="18" fill="#4a7bd0"/>` +
    `<text x="${left + v * scale + 6}" y="${40 + i * row + 14}">${v.toFixed(2)}×</text>`).join('\n  ');
  const height = 50 + bars.length * row;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="13">
  <text x="${left}" y="22" font-weight="bold">API CPU per request, × the floor (/healthz/live)</text>
  <line x1="${x3}" y1="32" x2="${x3}" y2="${height - 8}" stroke="#c33" stroke-dasharray="4 3"/>
  <text x="${x3 + 4}" y="${height - 10}" fill="#c33">3× (list target)</text>
  ${rows}
</svg>
`;
}
