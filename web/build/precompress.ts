// Writes a brotli (.br) and a gzip (.gz) copy beside every text file of the build, once, at the highest levels (a copy no
// smaller than the file is left out): the API serves the copy the browser accepts (Infrastructure/Http/Dashboard.cs) and
// never compresses per request.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

const compressible = /\.(html|js|css|svg|json|txt)$/;
const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

async function* files(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    // .vite/ holds the build's manifest, for the build's own checks: never served.
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else yield path;
  }
}

export function precompress(): Plugin {
  let outDir = 'dist';
  return {
    name: 'notes:precompress',
    apply: 'build',
    configResolved: (config) => {
      outDir = resolve(config.root, config.build.outDir);
    },
    async closeBundle() {
      const writes: Promise<void>[] = [];
      const keepIfSmaller = (path: string, body: Buffer) => (copy: Buffer) => (copy.length < body.length ? writeFile(path, copy) : undefined);
      for await (const path of files(outDir)) {
        if (!compressible.test(path)) continue;
        const body = await readFile(path);
        const quality = { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length };
        writes.push(
          brotli(body, { params: quality }).then(keepIfSmaller(`${path}.br`, body)),
          gzipped(body, { level: constants.Z_BEST_COMPRESSION }).then(keepIfSmaller(`${path}.gz`, body)),
        );
      }
      await Promise.all(writes);
    },
  };
}
