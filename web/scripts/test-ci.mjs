// The dashboard's whole test layer, as the top-level test command runs it (after `npm ci` here and a
// Release build of the API). Installs nothing. Steps: type-check, generated client up to date, unit
// tests, production build, the first load's transfer budget, browser tests. Ends with one line
// `N passed, N failed` (unit + browser tests; a failed check or build counts as one failure) and exits
// non-zero on any failure.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const results = join(web, 'test-results');
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const releaseDll = resolve(web, '..', 'Notes.Api', 'bin', 'Release', 'net10.0', 'Notes.Api.dll');
const bin = (name) => join(web, 'node_modules', '.bin', name);

let passed = 0;
let failed = 0;
const started = Date.now();

function run(title, command, args, env = {}) {
  const stepStarted = Date.now();
  console.log(`\n== web: ${title}`);
  const result = spawnSync(command, args, { cwd: web, stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`== web: ${title}: ${ok ? 'ok' : 'FAILED'} (${((Date.now() - stepStarted) / 1000).toFixed(1)}s)`);
  return ok;
}

function check(title, command, args, env) {
  if (!run(title, command, args, env)) failed += 1;
}

/** Runs a vitest suite and adds its counts; a suite that fails without failing a test counts once. */
function tests(title, configArgs, report) {
  rmSync(report, { force: true });
  const ok = run(title, bin('vitest'), ['run', ...configArgs, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`]);
  let counted = 0;
  if (existsSync(report)) {
    const summary = JSON.parse(readFileSync(report, 'utf8'));
    passed += summary.numPassedTests;
    failed += summary.numFailedTests;
    counted = summary.numFailedTests;
  }
  if (!ok && counted === 0) failed += 1;
}

mkdirSync(results, { recursive: true });
if (!existsSync(chromium)) {
  console.error(
    `web: Chromium is missing at ${chromium}: the browser tests need Debian's package (apt-get install -y chromium). ` +
      'They never download a browser and are never skipped.',
  );
  console.log('0 passed, 1 failed');
  process.exit(1);
}

// The API the browser tests run against is the Release build the test command made; so is the
// OpenAPI document the committed client is checked against.
const apiEnv = existsSync(releaseDll) && !process.env.NOTES_API_DLL ? { NOTES_API_DLL: releaseDll } : {};

check('type-check', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.app.json']);
check('type-check (config, browser tests)', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.node.json']);
check('generated API client is up to date', process.execPath, ['scripts/gen-api.mjs', '--check'], apiEnv);
tests('unit and component tests', [], join(results, 'unit.json'));
if (run('production build', bin('vite'), ['build'])) {
  check('first load of /login within its transfer budget', process.execPath, ['scripts/first-load-budget.mjs']);
  tests('browser tests', ['-c', 'vitest.e2e.config.ts'], join(results, 'e2e.json'));
} else failed += 1;

console.log(`\nweb: finished in ${((Date.now() - started) / 1000).toFixed(0)}s; screenshots in web/test-results/screenshots/`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
