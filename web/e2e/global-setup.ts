// Starts what the browser tests run against: one MongoDB-compatible engine and two API instances on
// free loopback ports, the second with 20-second tokens for the expiry and refresh tests.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';
import { chromiumPath } from './browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    shortLivedBaseUrl: string;
  }
}

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(web, '..');
const logs = join(web, 'test-results', 'logs');
const engineBinary = join(root, 'tools/mongo-engine/node_modules/@jongodb/memory-server-bin-linux-x64-gnu/bin/jongodb');
const apiDll = resolve(process.env.NOTES_API_DLL ?? join(root, 'Notes.Api/bin/Release/net10.0/Notes.Api.dll'));
const dashboard = join(web, 'dist');

const children: ChildProcess[] = [];

function requireFile(path: string, howToGetIt: string) {
  if (!existsSync(path)) throw new Error(`e2e: ${path} is missing. ${howToGetIt}`);
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

function start(name: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(join(logs, `${name}.log`));
  child.stdout!.pipe(log, { end: false });
  child.stderr!.pipe(log, { end: false });
  children.push(child);
  return child;
}

function waitForLine(child: ChildProcess, pattern: RegExp, name: string, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolveLine, reject) => {
    let buffer = '';
    const timer = setTimeout(() => reject(new Error(`e2e: ${name} did not start within ${timeoutMs / 1000}s`)), timeoutMs);
    child.once('exit', (code) => reject(new Error(`e2e: ${name} exited early with code ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const match = buffer.match(pattern);
      if (match) {
        clearTimeout(timer);
        resolveLine(match);
      }
    });
  });
}

async function waitForHealthy(url: string, child: ChildProcess, name: string, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`e2e: ${name} exited with code ${child.exitCode}; see test-results/logs/${name}.log`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`e2e: ${name} was not healthy within ${timeoutMs / 1000}s; see test-results/logs/${name}.log`);
}

async function startApi(name: string, mongoUri: string, database: string, extraEnv: NodeJS.ProcessEnv = {}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const api = start(name, 'dotnet', [apiDll], {
    ASPNETCORE_URLS: url,
    ASPNETCORE_ENVIRONMENT: 'Production',
    Mongo__ConnectionString: mongoUri,
    Mongo__Database: database,
    Auth__SigningKey: randomBytes(32).toString('base64url'),
    Auth__BcryptWorkFactor: '4',
    // Every browser test registers its users from this one machine.
    Auth__RegistrationsPerHour: '100000',
    // A slow reply on the busy test machine is not an outage (production answers 503 after 1.4 s).
    Mongo__Timeout: '00:00:10',
    Web__Root: dashboard,
    DOTNET_NOLOGO: '1',
    ...extraEnv,
  });
  await waitForHealthy(url, api, name, 60_000);
  const index = await fetch(`${url}/notes`);
  if (!index.ok || !(await index.text()).includes('<div id="app">'))
    throw new Error(`e2e: ${name} does not serve the dashboard at /notes (status ${index.status})`);
  return url;
}

export default async function setup(project: TestProject) {
  chromiumPath();
  requireFile(join(dashboard, 'index.html'), 'Build the dashboard first: npm run build');
  requireFile(apiDll, 'Build the API first: dotnet build Notes.Api -c Release (or set NOTES_API_DLL)');
  requireFile(engineBinary, 'Install the engine first: npm ci --prefix tools/mongo-engine');
  mkdirSync(logs, { recursive: true });

  try {
    const enginePort = await freePort();
    const engine = start('engine', engineBinary, ['--host=127.0.0.1', `--port=${enginePort}`]);
    const [, mongoUri] = await waitForLine(engine, /JONGODB_URI=(\S+)/, 'the MongoDB-compatible engine', 30_000);

    const [baseUrl, shortLivedBaseUrl] = await Promise.all([
      startApi('api', mongoUri!, 'e2e'),
      startApi('api-short-tokens', mongoUri!, 'e2e_short', { Auth__TokenLifetime: '00:00:20' }),
    ]);
    project.provide('baseUrl', baseUrl);
    project.provide('shortLivedBaseUrl', shortLivedBaseUrl);
  } catch (error) {
    await teardown();
    throw error;
  }
  return teardown;
}

async function teardown() {
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) return done();
          const force = setTimeout(() => child.kill('SIGKILL'), 5_000);
          child.once('exit', () => {
            clearTimeout(force);
            done();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
  children.length = 0;
}
