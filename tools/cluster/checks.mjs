// NotesSlices as it is deployed: two API instances on one database behind nginx (deploy/nginx/notesslices.conf), all on
// loopback. Started by tools/cluster/test.sh, which gives the engine (ENGINE_URI, ENGINE_PID), a work directory
// (CLUSTER_WORK) and a TLS certificate for 127.0.0.1 in it. Prints "ok name" or "FAIL name: why" per check, then
// "N passed, N failed".
import { createRequire } from "node:module";
import { randomBytes, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { newClient, signedInUser, signIn, password, withRetries } from "./lib/client.mjs";
import { freePort, startApi, healthy, renderNginx, testNginx, startNginx, terminate } from "./lib/processes.mjs";
import { collections } from "../mongo-snapshot/lib/collections.mjs";

// The driver the snapshot tool pins (test.sh installs it), rather than a second copy of it.
const { MongoClient } = createRequire(new URL("../mongo-snapshot/package.json", import.meta.url))("mongodb");

const { ENGINE_URI, ENGINE_PID, CLUSTER_WORK: work } = process.env;
const ca = readFileSync(`${work}/tls/fullchain.pem`);
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let passed = 0;
let failed = 0;
async function check(name, body) {
  try {
    const note = await body();
    console.log(`ok   ${name}${note ? ` (${note})` : ""}`);
    passed++;
  } catch (error) {
    console.log(`FAIL ${name}: ${error.message}`);
    failed++;
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}
function expectAnswer(answer, status, code, what) {
  expect(
    answer.status === status && (code === undefined || answer.json?.code === code),
    `${what}: expected ${status}${code ? ` ${code}` : ""}, got ${answer.status} ${answer.json?.code ?? answer.text.slice(0, 200)}`,
  );
}

// The same settings on every instance, as deploy/README.md asks; the limits are small so that a check reaches them. Mongo's
// timeout is longer than the default 1.4 s (this machine is shared and often starved) but shorter than the engine's pauses.
const mongoTimeoutMs = 2_000;
const pauseMs = 4_000;
const maxFailedLogins = 3;
const registrationsPerHour = 3;
const shared = {
  Mongo__ConnectionString: ENGINE_URI,
  Mongo__Database: "cluster",
  Mongo__Timeout: `00:00:${String(mongoTimeoutMs / 1000).padStart(2, "0")}`,
  Auth__SigningKey: randomBytes(48).toString("base64"),
  Auth__BcryptWorkFactor: "4",
  Auth__MaxFailedLogins: String(maxFailedLogins),
  Auth__RegistrationsPerHour: String(registrationsPerHour),
  Http__KnownProxies__0: "127.0.0.1",
};
const [portA, portB, portAlone, httpPort, httpsPort] = await Promise.all([1, 2, 3, 4, 5].map(() => freePort()));
const logDir = work;
const startA = () => startApi({ name: "api-a", port: portA, logDir, settings: shared });
let apiA = startA();
const apiB = startApi({ name: "api-b", port: portB, logDir, settings: shared });
// The same build alone on a database of its own, at the same time: the indexes the two made together must equal its.
const alone = startApi({ name: "api-alone", port: portAlone, logDir, settings: { ...shared, Mongo__Database: "cluster_alone" } });
const A = apiA.url;
const B = apiB.url;
const P = `https://127.0.0.1:${httpsPort}`;

await check("Two instances started at the same moment on an empty database come up healthy, with every index", async () => {
  await Promise.all([healthy(apiA), healthy(apiB), healthy(alone)]);
  const mongo = await MongoClient.connect(ENGINE_URI, { serverSelectionTimeoutMS: 10_000 });
  try {
    // Some collections need no index but _id (the Data Protection key ring is read whole): the comparison is what counts,
    // beside a proof that the instance alone did make indexes.
    let madeAlone = 0;
    for (const name of collections) {
      const specs = async (database) =>
        (await mongo.db(database).collection(name).listIndexes().toArray())
          .map(({ v, ns, ...spec }) => JSON.stringify(spec))
          .sort();
      const [together, single] = [await specs("cluster"), await specs("cluster_alone")];
      madeAlone += Math.max(0, single.length - 1);
      expect(JSON.stringify(together) === JSON.stringify(single), `${name}: ${together.join(" ")} instead of ${single.join(" ")}`);
    }
    expect(madeAlone > 0, "the instance started alone made no index but _id");
  } finally {
    await mongo.close();
    await terminate(alone);
  }
  return `${collections.length} collections`;
});
if (failed) {
  console.log("The instances did not start: nothing else can be checked.");
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(1);
}

const conf = renderNginx({ dir: `${work}/nginx`, upstreams: [`127.0.0.1:${portA}`, `127.0.0.1:${portB}`], httpPort, httpsPort, tlsDir: `${work}/tls` });
await check("nginx -t accepts deploy/nginx/notesslices.conf (rendered for loopback)", () => testNginx(conf));
await startNginx(conf, httpsPort);

/** `count` addresses taken from `bases` in turn. */
const alternating = (count, bases) => Array.from({ length: count }, (_, i) => bases[i % bases.length]);
const me = (client, base, token) => client.send(base, "GET", "/api/auth/me", { token });
async function expectRevokedOnBoth(client, token, what) {
  for (const [base, name] of [[A, "instance A"], [B, "instance B"]])
    expectAnswer(await me(client, base, token), 401, "token_revoked", `${what}, on ${name}`);
}
async function expectLiveOnBoth(client, token, what) {
  for (const [base, name] of [[A, "instance A"], [B, "instance B"], [P, "nginx"]]) expectAnswer(await me(client, base, token), 200, undefined, `${what}, on ${name}`);
}

await check("A token issued by one instance works on the other, and through nginx", async () => {
  const client = newClient(ca);
  const { username, token } = await signedInUser(client, A, "across");
  await expectLiveOnBoth(client, token, "A's token");
  await expectLiveOnBoth(client, await signIn(client, B, username), "B's token");
});

await check("Sign-out on one instance revokes the token at once on both", async () => {
  const client = newClient(ca);
  const { token } = await signedInUser(client, A, "logout");
  expectAnswer(await client.send(B, "POST", "/api/auth/logout", { token }), 204, undefined, "sign-out on B");
  await expectRevokedOnBoth(client, token, "the token signed out on B");
});

await check("Sign-out everywhere on one instance revokes every session at once on both", async () => {
  const client = newClient(ca);
  const { username, token } = await signedInUser(client, A, "everywhere");
  const other = await signIn(client, B, username);
  expectAnswer(await client.send(A, "POST", "/api/auth/logout-all", { token }), 204, undefined, "sign-out everywhere on A");
  await expectRevokedOnBoth(client, token, "the token that signed out everywhere");
  await expectRevokedOnBoth(client, other, "the user's other token");
});

await check("A refresh on one instance revokes the old token at once on both, and the new one works on both", async () => {
  const client = newClient(ca);
  const { token } = await signedInUser(client, B, "refresh");
  const refreshed = await client.send(A, "POST", "/api/auth/refresh", { token });
  expectAnswer(refreshed, 200, undefined, "refresh on A");
  await expectRevokedOnBoth(client, token, "the refreshed token");
  await expectLiveOnBoth(client, refreshed.json.token, "the new token");
});

await check("A session ended with DELETE /api/auth/sessions/{id} on one instance is revoked at once on both", async () => {
  const client = newClient(ca);
  const { username, token: ended } = await signedInUser(client, A, "session");
  const keeper = await signIn(client, B, username);
  const sessions = await client.send(B, "GET", "/api/auth/sessions", { token: keeper });
  expectAnswer(sessions, 200, undefined, "the sessions list on B");
  const other = sessions.json.find((session) => !session.current);
  expectAnswer(await client.send(B, "DELETE", `/api/auth/sessions/${other.id}`, { token: keeper }), 204, undefined, "ending it on B");
  await expectRevokedOnBoth(client, ended, "the ended session's token");
  await expectLiveOnBoth(client, keeper, "the token that ended it");
});

await check("A password change on one instance ends every session at once on both, and its fresh token works on both", async () => {
  const client = newClient(ca);
  const { username, token } = await signedInUser(client, A, "password");
  const other = await signIn(client, A, username);
  const change = { currentPassword: password, newPassword: `${password} and a new line` };
  const changed = await client.send(B, "PUT", "/api/account/password", { token, body: change });
  expectAnswer(changed, 200, undefined, "the change on B");
  await expectRevokedOnBoth(client, token, "the token that changed the password");
  await expectRevokedOnBoth(client, other, "the user's other token");
  await expectLiveOnBoth(client, changed.json.token, "the fresh token");
});

await check("Failed sign-ins count across both instances, per real client address, through nginx as directly", async () => {
  const owner = newClient(ca);
  const { username } = await signedInUser(owner, P, "guessed");
  const guesser = newClient(ca);
  const wrong = { username, password: "not the password at all" };
  for (const base of alternating(maxFailedLogins, [A, B]))
    expectAnswer(await guesser.send(base, "POST", "/api/auth/login", { body: wrong }), 401, "invalid_credentials", "a wrong password");
  const right = { body: { username, password } };
  expectAnswer(await guesser.send(P, "POST", "/api/auth/login", right), 429, "too_many_attempts", `${guesser.address} through nginx, past the limit`);
  const forged = { ...right, headers: { "x-forwarded-for": "203.0.113.7" } };
  expectAnswer(await guesser.send(P, "POST", "/api/auth/login", forged), 429, "too_many_attempts", "the same, with a forged X-Forwarded-For");
  expectAnswer(await guesser.send(B, "POST", "/api/auth/login", right), 429, "too_many_attempts", "the same, directly on B");
  expectAnswer(await owner.send(P, "POST", "/api/auth/login", right), 200, undefined, `${owner.address} through nginx, never refused`);
  return `${maxFailedLogins} failures from ${guesser.address} on A and B in turn`;
});

await check("Registrations count across both instances, per real client address, through nginx as directly", async () => {
  const registrar = newClient(ca);
  const register = (client, base) =>
    client.send(base, "POST", "/api/auth/register", { body: { username: `many-${randomUUID().slice(0, 8)}`, password } });
  for (const base of alternating(registrationsPerHour, [A, B, P])) expectAnswer(await register(registrar, base), 201, undefined, "a registration under the limit");
  expectAnswer(await register(registrar, P), 429, "too_many_attempts", `${registrar.address} through nginx, past the limit`);
  expectAnswer(await register(registrar, A), 429, "too_many_attempts", "the same, directly on A");
  expectAnswer(await register(newClient(ca), P), 201, undefined, "another address through nginx");
  return `${registrationsPerHour} accounts from ${registrar.address} on A, B and through nginx`;
});

await check("Through nginx the API sees HTTPS and the client's own address; plain HTTP is sent to HTTPS", async () => {
  const client = newClient(ca);
  const { token } = await signedInUser(client, P, "forwarded");
  const sessions = await client.send(P, "GET", "/api/auth/sessions", { token });
  expectAnswer(sessions, 200, undefined, "the sessions list through nginx");
  expect(sessions.json.find((session) => session.current)?.clientAddress === client.address, `the session's address: ${sessions.text}`);
  expect(/max-age=\d+/.test(sessions.headers["strict-transport-security"] ?? ""), "no HSTS through nginx: X-Forwarded-Proto was not trusted");
  expect(!(await me(client, A, token)).headers["strict-transport-security"], "HSTS over plain HTTP, directly on A");
  const redirect = await client.send(`http://127.0.0.1:${httpPort}`, "GET", "/api/auth/me");
  expect(redirect.status === 308 && redirect.headers.location?.startsWith("https://"), `plain HTTP answered ${redirect.status} ${redirect.headers.location}`);
});

await check("nginx gives a read or a keyed add that an instance dropped to the other, and never sends an unkeyed POST twice", async () => {
  // Two stand-in instances: the first reads each request and drops the connection unanswered, the second answers.
  const seen = { dropped: 0, answered: 0 };
  const dropper = net.createServer((socket) =>
    socket.once("data", () => {
      seen.dropped += 1;
      socket.resetAndDestroy();
    }),
  );
  const answerer = http.createServer((request, response) => {
    seen.answered += 1;
    request.resume().on("end", () => response.writeHead(request.method === "POST" ? 201 : 200, { "content-type": "application/json" }).end("{}"));
  });
  const [dropPort, answerPort] = [await freePort(), await freePort()];
  await Promise.all([new Promise((r) => dropper.listen(dropPort, "127.0.0.1", r)), new Promise((r) => answerer.listen(answerPort, "127.0.0.1", r))]);
  const client = newClient(ca);
  const key = { "idempotency-key": randomUUID() };
  const cases = [
    ["GET", "/api/notes", {}, 200, 1],
    ["POST", "/api/notes", key, 201, 1],
    ["POST", "/api/notes", {}, 502, 0],
    ["POST", "/api/auth/login", key, 502, 0],
  ];
  try {
    for (const [index, [method, path, headers, status, retried]] of cases.entries()) {
      // A fresh nginx each time: it tries the first instance first, and has not yet put it aside for a failure.
      const [plain, tls] = [await freePort(), await freePort()];
      const upstreams = [`127.0.0.1:${dropPort}`, `127.0.0.1:${answerPort}`];
      const proxy = await startNginx(renderNginx({ dir: `${work}/nginx-retry-${index}`, upstreams, httpPort: plain, httpsPort: tls, tlsDir: `${work}/tls` }), tls);
      Object.assign(seen, { dropped: 0, answered: 0 });
      const answer = await client.send(`https://127.0.0.1:${tls}`, method, path, { headers, body: method === "POST" ? {} : undefined });
      await terminate(proxy);
      const what = `${method} ${path}${headers["idempotency-key"] ? " with an Idempotency-Key" : ""}`;
      expect(seen.dropped === 1, `${what} never reached the first instance`);
      expect(answer.status === status && seen.answered === retried, `${what}: ${answer.status}, sent again ${seen.answered} times`);
    }
  } finally {
    dropper.close();
    answerer.close();
    client.close();
  }
});

// Titles of a user's notes outside the trash, as listed through `base`.
async function titlesOf(client, base, token) {
  const titles = [];
  for (let page = 1; ; page++) {
    const answer = await client.send(base, "GET", `/api/notes?pageSize=100&page=${page}`, { token });
    expectAnswer(answer, 200, undefined, "listing the notes");
    titles.push(...answer.json.items.map((note) => note.title));
    if (answer.json.items.length < 100) return titles;
  }
}
// True when `stored` holds each of `acknowledged` exactly once and nothing else.
function storedOnce(stored, acknowledged) {
  const sorted = (list) => JSON.stringify([...list].sort());
  return sorted(stored) === sorted(acknowledged);
}
const addKeyed = (client, token, title) =>
  client.send(P, "POST", "/api/notes", { token, body: { title, description: "kept once" }, headers: { "idempotency-key": randomUUID() } });

await check("One instance stopped with SIGTERM under steady load loses no read and no keyed add, and the other serves on", async () => {
  const setup = newClient(ca);
  const reader = await signedInUser(setup, P, "reader");
  const readable = [];
  for (let i = 0; i < 3; i++) readable.push((await addKeyed(setup, reader.token, `seed-${i}`)).json.id);
  const writer = await signedInUser(setup, P, "writer");

  const tally = { reads: 0, adds: 0, whileStopping: 0, afterExit: 0, lost: [] };
  const acknowledged = [];
  let running = true;
  let stopping = false;
  let exited = false;
  const loop = async (step) => {
    const client = newClient(ca);
    for (let n = 0; running; n++) {
      const outcome = await step(client, n).catch((error) => ({ status: `no answer (${error.message})` }));
      if (outcome.ok) tally[outcome.kind] += 1;
      else tally.lost.push(`${outcome.kind ?? "request"}: ${outcome.status}`);
      if (exited) tally.afterExit += 1;
      else if (stopping) tally.whileStopping += 1;
    }
    client.close();
  };
  const read = async (client, n) => {
    const path = n % 2 ? `/api/notes/${readable[n % readable.length]}` : "/api/notes?pageSize=20";
    const answer = await client.send(P, "GET", path, { token: reader.token });
    return { kind: "reads", ok: answer.status === 200, status: `GET ${path} ${answer.status}` };
  };
  let added = 0;
  const add = async (client) => {
    const title = `load-${added++}`;
    const answer = await addKeyed(client, writer.token, title);
    if (answer.status === 201) acknowledged.push(title);
    return { kind: "adds", ok: answer.status === 201, status: `POST ${answer.status}` };
  };
  const loops = [read, read, read, add, add, add].map(loop);
  await sleep(3_000);
  stopping = true;
  const exitCode = await terminate(apiA);
  exited = true;
  await sleep(3_000);
  running = false;
  await Promise.all(loops);

  expect(tally.lost.length === 0, `${tally.lost.length} requests lost: ${[...new Set(tally.lost)].slice(0, 5).join("; ")}`);
  expect(exitCode === 0, `instance A exited with ${exitCode} on SIGTERM`);
  expect(tally.afterExit > 0, "no request was answered after instance A exited");
  expectAnswer(await me(setup, B, writer.token), 200, undefined, "instance B afterwards");
  const stored = await titlesOf(setup, P, writer.token);
  expect(storedOnce(stored, acknowledged), `${acknowledged.length} adds acknowledged, ${stored.length} notes stored`);
  return `${tally.reads} reads, ${tally.adds} adds: ${tally.whileStopping} answered while A was stopping, ${tally.afterExit} after it exited 0`;
});

await check("The stopped instance, started again, serves beside the other", async () => {
  apiA = startA();
  await healthy(apiA);
  const client = newClient(ca);
  const { token } = await signedInUser(client, B, "rejoined");
  await expectLiveOnBoth(client, token, "B's token");
});

await check("Writers with the dashboard's retries while the engine is paused twice: as many notes stored as adds intended", async () => {
  const setup = newClient(ca);
  const { token } = await signedInUser(setup, P, "fault");
  const tally = { intended: 0, retries: { 503: 0, inProgress: 0, noAnswer: 0 }, answeredAfterRetry: 0, failures: [] };
  const acknowledged = [];
  let writing = true;
  const writer = async (w) => {
    const client = newClient(ca);
    for (let i = 0; writing; i++) {
      const title = `fault-${w}-${i}`;
      const key = randomUUID();
      tally.intended += 1;
      let retried = false;
      const answer = await withRetries(
        () => client.send(P, "POST", "/api/notes", { token, body: { title, description: "once" }, headers: { "idempotency-key": key } }),
        (answer) => {
          retried = true;
          tally.retries[answer === null ? "noAnswer" : answer.status === 503 ? 503 : "inProgress"] += 1;
        },
      ).catch((error) => ({ status: `no answer (${error.message})` }));
      if (answer.status === 201) {
        acknowledged.push(title);
        if (retried) tally.answeredAfterRetry += 1;
      } else tally.failures.push(`${title}: ${answer.status} ${answer.json?.code ?? ""}`);
    }
    client.close();
  };
  const writers = Array.from({ length: 8 }, (_, w) => writer(w));
  const engine = Number(ENGINE_PID);
  try {
    for (const at of [2_000, 3_000]) {
      await sleep(at);
      process.kill(engine, "SIGSTOP");
      await sleep(pauseMs);
      process.kill(engine, "SIGCONT");
    }
    await sleep(2_000);
  } finally {
    process.kill(engine, "SIGCONT");
  }
  writing = false;
  await Promise.all(writers);

  expect(tally.failures.length === 0, `${tally.failures.length} adds failed after every retry: ${tally.failures.slice(0, 5).join("; ")}`);
  expect(tally.answeredAfterRetry > 0, "no add needed a retry: the pauses tested nothing");
  const stored = await titlesOf(setup, P, token);
  expect(storedOnce(stored, acknowledged), `${tally.intended} adds intended, ${stored.length} notes stored`);
  const { 503: unavailable, inProgress, noAnswer } = tally.retries;
  return `${tally.intended} adds intended, ${stored.length} stored, ${tally.answeredAfterRetry} of them after retries (${unavailable} after a 503, ${inProgress} after idempotency_key_in_progress, ${noAnswer} after no answer)`;
});

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
