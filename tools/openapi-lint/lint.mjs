// The OpenAPI test layer: lints web/openapi/v1.json, the document client generators read, with two pinned tools.
//
//   npm ci --prefix tools/openapi-lint          # once; ./test.sh does it
//   node tools/openapi-lint/lint.mjs             # from the repository root (or pass the document's path)
//
// Checks: Redocly's `recommended` rules (redocly.yaml beside this file: errors fail, warnings are printed and pass) and
// swagger-parser's `validate` (the OpenAPI schema, and every $ref resolving). Prints "N passed, N failed" as its last line.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import SwaggerParser from '@apidevtools/swagger-parser';

const here = dirname(fileURLToPath(import.meta.url));
const document = resolve(process.argv[2] ?? 'web/openapi/v1.json');
let passed = 0;
let failed = 0;

function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 ? 1 : 0);
}

if (!existsSync(document)) {
  console.log(`No OpenAPI document at ${document}: run this from the repository root, or pass the document's path.`);
  failed += 1;
  finish();
}

console.log(`== Redocly recommended rules: ${document}`);
const redocly = spawnSync(
  join(here, 'node_modules', '.bin', 'redocly'),
  ['lint', document, '--config', join(here, 'redocly.yaml'), '--format', 'codeframe'],
  { stdio: 'inherit', env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' } },
);
if (redocly.status === 0) passed += 1;
else {
  failed += 1;
  console.log('FAILED: Redocly found errors (above).');
}

console.log(`\n== swagger-parser validate: ${document}`);
try {
  const api = await SwaggerParser.validate(document);
  console.log(`${api.info.title} ${api.info.version}: valid OpenAPI ${api.openapi}, every $ref resolves.`);
  passed += 1;
} catch (error) {
  console.log(`FAILED: ${error.message}`);
  failed += 1;
}

finish();
