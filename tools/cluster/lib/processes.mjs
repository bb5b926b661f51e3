// The processes the checks run: API instances (the Release build, as tools/lib.sh's start_api starts one) and nginx on
// a rendered copy of deploy/nginx/notesslices.conf. Every one is stopped by its id when the checks end.
import { spawn, execFileSync } from "node:child_process";
import { chownSync, mkdirSync, openSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import http from "node:http";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const started = new Set();
// nginx's master stops its workers on SIGTERM (a SIGKILL would leave them running); an instance is simply killed.
process.on("exit", () =>
  started.forEach((child) => child.exitCode === null && child.signalCode === null && child.kill(child.stopSignal ?? "SIGKILL")),
);

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function track(child) {
  started.add(child);
  child.exited = new Promise((resolve) => child.on("exit", (code, signal) => resolve(signal ?? code)));
  return child;
}

/** Starts an API instance on a port; `settings` are configuration keys as environment variables (Auth__SigningKey...). */
export function startApi({ name, port, logDir, settings }) {
  const log = openSync(`${logDir}/${name}.log`, "a");
  const child = spawn("dotnet", [`${root}Notes.Api/bin/Release/net10.0/Notes.Api.dll`, "--contentRoot", `${root}Notes.Api`], {
    env: { ...process.env, ASPNETCORE_URLS: `http://127.0.0.1:${port}`, ...settings },
    stdio: ["ignore", log, log],
  });
  return Object.assign(track(child), { name, url: `http://127.0.0.1:${port}`, logFile: `${logDir}/${name}.log` });
}

/** Resolves once the instance's /healthz answers 200 (it then has its indexes: they are made before it listens). */
export async function healthy(api, patienceMs = 120_000) {
  const deadline = Date.now() + patienceMs;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`${api.name} exited (${api.exitCode}) before it was healthy: see ${api.logFile}`);
    const status = await new Promise((resolve) =>
      http.get(`${api.url}/healthz`, (response) => resolve(response.resume().statusCode)).on("error", () => resolve(0)),
    );
    if (status === 200) return;
    await sleep(200);
  }
  throw new Error(`${api.name} was not healthy within ${patienceMs / 1000} s: see ${api.logFile}`);
}

// Run as root (as the install step is), nginx runs as nobody: the test never needs a privileged nginx.
const unprivileged = process.getuid() === 0;
const nobody = unprivileged && { uid: Number(execFileSync("id", ["-u", "nobody"])), gid: Number(execFileSync("id", ["-g", "nobody"])) };
const asNginxUser = (args) =>
  unprivileged ? ["setpriv", [`--reuid=${nobody.uid}`, `--regid=${nobody.gid}`, "--clear-groups", "nginx", ...args]] : ["nginx", args];

/**
 * Writes deploy/nginx/notesslices.conf into `dir` with loopback ports in place of the instance names and listen ports, and
 * `dir` in place of its certificate and log directories, beside a main nginx.conf that includes it; returns that file.
 */
export function renderNginx({ dir, upstreams, httpPort, httpsPort, tlsDir }) {
  for (const sub of ["", "/logs", "/temp"]) mkdirSync(`${dir}${sub}`, { recursive: true });
  let conf = readFileSync(`${root}deploy/nginx/notesslices.conf`, "utf8");
  const replacements = [
    ["server api1:8080 ", `server ${upstreams[0]} `],
    ["server api2:8080 ", `server ${upstreams[1]} `],
    ["listen 80;", `listen 127.0.0.1:${httpPort};`],
    ["listen 443 ssl;", `listen 127.0.0.1:${httpsPort} ssl;`],
    ["/etc/nginx/tls/", `${tlsDir}/`],
    ["/var/log/nginx/", `${dir}/logs/`],
  ];
  for (const [from, to] of replacements) {
    if (!conf.includes(from)) throw new Error(`deploy/nginx/notesslices.conf no longer holds "${from}", which the test renders`);
    conf = conf.replaceAll(from, to);
  }
  writeFileSync(`${dir}/notesslices.conf`, conf);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"].map((kind) => `  ${kind}_temp_path ${dir}/temp/${kind};`);
  writeFileSync(
    `${dir}/nginx.conf`,
    [
      "worker_processes 1;",
      `pid ${dir}/nginx.pid;`,
      `error_log ${dir}/logs/error.log warn;`,
      "events { worker_connections 512; }",
      "http {",
      ...temp,
      `  include ${dir}/notesslices.conf;`,
      "}",
      "",
    ].join("\n"),
  );
  if (unprivileged) for (const path of [dir, `${dir}/logs`, `${dir}/temp`]) chownSync(path, nobody.uid, nobody.gid);
  return `${dir}/nginx.conf`;
}

/** `nginx -t` on a rendered configuration: resolves with its output, rejects with it when nginx refuses the file. */
export function testNginx(conf) {
  const [command, args] = asNginxUser(["-t", "-q", "-e", "stderr", "-c", conf]);
  return execFileSync(command, args, { stdio: ["ignore", "pipe", "pipe"] }).toString();
}

/** Starts nginx in the foreground on a rendered configuration, and waits until it takes connections on `port`. */
export async function startNginx(conf, port) {
  const [command, args] = asNginxUser(["-e", "stderr", "-c", conf, "-g", "daemon off;"]);
  const child = Object.assign(track(spawn(command, args, { stdio: ["ignore", "ignore", "pipe"] })), { stopSignal: "SIGTERM" });
  let errors = "";
  child.stderr.on("data", (chunk) => (errors += chunk));
  for (let tries = 0; tries < 100; tries++) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}) on ${conf}: ${errors}`);
    const open = await new Promise((resolve) => {
      const socket = net.connect(port, "127.0.0.1", () => resolve(socket.end() && true)).on("error", () => resolve(false));
    });
    if (open) return child;
    await sleep(50);
  }
  throw new Error(`nginx did not listen on ${port}`);
}

/** SIGTERM, as a supervisor stops a process; resolves with how it exited. */
export function terminate(child) {
  child.kill("SIGTERM");
  return child.exited;
}
