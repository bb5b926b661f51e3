// The first load of /login, in bytes on the wire, held to a budget: index.html, what it references (the entry script, its
// styles, the icon), and the login page's chunk with everything it imports statically, transitively, each counted as the
// brotli copy the API serves to a browser (the file itself when it has none). The chunks come from the build's manifest
// (dist/.vite/manifest.json), so a new static import of the password dictionaries or of the notes page shows up here.
// Run after `vite build`; prints every file and the total, and exits 1 over the budget.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// 44.1 KiB when the budget was set (brotli at the highest quality; 131 KiB before compression); 45.6 KiB as other pages grew the
// shared chunks, then 44.2 KiB once the production bundle left out Vue's Options API; 45.7 KiB once the shared-note page also
// used the API client, which the bundler then split from the entry into a chunk of its own (two files compress less well than
// one): held at 46 KiB.
const budgetBytes = 46 * 1024;
const page = 'src/pages/LoginPage.vue';

const dist = resolve(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const manifest = JSON.parse(readFileSync(join(dist, '.vite', 'manifest.json'), 'utf8'));

const files = new Set(['index.html']);
// What index.html itself points at: the entry script, its style sheet, the icon.
for (const [, url] of readFileSync(join(dist, 'index.html'), 'utf8').matchAll(/(?:src|href)="\/([^"]+)"/g)) files.add(url);
const visit = (key) => {
  const chunk = manifest[key];
  if (!chunk || files.has(`chunk:${key}`)) return;
  files.add(`chunk:${key}`);
  files.add(chunk.file);
  for (const css of chunk.css ?? []) files.add(css);
  for (const imported of chunk.imports ?? []) visit(imported);
};
visit('index.html');
visit(page);

const onTheWire = (file) => {
  const path = join(dist, file);
  return statSync(existsSync(`${path}.br`) ? `${path}.br` : path).size;
};
let total = 0;
for (const file of [...files].filter((f) => !f.startsWith('chunk:')).sort()) {
  const size = onTheWire(file);
  total += size;
  console.log(`${(size / 1024).toFixed(1).padStart(7)} KiB  ${file}`);
}
const verdict = total <= budgetBytes ? 'within' : 'OVER';
console.log(`${(total / 1024).toFixed(1).padStart(7)} KiB  first load of /login, ${verdict} the budget of ${budgetBytes / 1024} KiB`);
process.exit(total <= budgetBytes ? 0 : 1);
