import { reactive, ref } from 'vue';
import { api } from '@/api/client';
import type { paths } from '@/api/schema';
import { failureMessage, useRequest } from '@/composables/useRequest';

export type ExportFormat = NonNullable<NonNullable<paths['/api/export']['get']['parameters']['query']>['format']>;


const extensions: Record<ExportFormat, string> = { json: 'json', markdown: 'zip' };
const formatNames: Record<ExportFormat, string> = { json: 'JSON', markdown: 'Markdown' };

/**
 * Downloads all the signed-in user's notes in one file: `json` (a NotesSlices export, which imports back as it was) or
 * `markdown` (a zip of `.md` files with front matter). Each format has its own busy state, so both may be under way.
 */
export function useExport({ announce }: { announce: (message: string) => void }) {
  const requests = { json: useRequest(), markdown: useRequest() };
  const busy = reactive({ json: requests.json.busy, markdown: requests.markdown.busy });
  const includeRevisions = ref(false);
  const error = ref<string | null>(null);

  async function download(format: ExportFormat) {
    if (requests[format].busy.value) return;
    error.value = null;
    const query = { format, includeRevisions: format === 'json' && includeRevisions.value ? true : undefined };
    // parseAs 'blob': the answer is handed on as the browser holds it, never read into a string here.
    const outcome = await requests[format].send((signal) => api.GET('/api/export', { params: { query }, parseAs: 'blob', signal }));
    if (!outcome) return;
    if (!outcome.ok) {
      error.value = failureMessage(outcome, `Your notes could not be exported as ${formatNames[format]}. Try again.`);
      return;
    }
    const filename = filenameOf(outcome.response.headers.get('Content-Disposition')) ?? `notes-${today()}.${extensions[format]}`;
    saveFile(outcome.data, filename);
    announce(`Your notes are downloading as ${filename}`);
  }

  return { busy, includeRevisions, error, download };
}

/**
 * The file name a `Content-Disposition` answer suggests (RFC 6266): `filename*=UTF-8''…` (percent-encoded) before
 * `filename="…"` (quoted, with `\` escapes) or a bare `filename=…`. Only the last path segment is kept, so a name never
 * says where to save. `null` when there is none.
 */
export function filenameOf(header: string | null): string | null {
  if (!header) return null;
  const extended = /(?:^|;)\s*filename\*\s*=\s*([^']*)'[^']*'([^;\s]+)/i.exec(header);
  if (extended && /^utf-8$/i.test(extended[1]!)) {
    try {
      return baseName(decodeURIComponent(extended[2]!));
    } catch {
      // A malformed percent-encoding: fall back to the plain parameter.
    }
  }
  const quoted = /(?:^|;)\s*filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(header);
  if (quoted) return baseName(quoted[1]!.replace(/\\(.)/g, '$1'));
  const bare = /(?:^|;)\s*filename\s*=\s*([^;\s]+)/i.exec(header);
  return bare ? baseName(bare[1]!) : null;
}

function baseName(name: string): string | null {
  return name.split(/[/\\]/).pop()?.trim() || null;
}

/** Today as the API names its files: the day in UTC, YYYY-MM-DD. */
function today() {
  return new Date().toISOString().slice(0, 10);
}

/**
 * Hands a file to the browser's downloads. The API wants the Authorization header, which a plain link cannot send, so
 * the whole answer has to arrive first, as a Blob: the browser keeps that outside the page's heap (Chromium moves a
 * large one to disk), and nothing here copies it into a string or an ArrayBuffer. The object URL keeps the Blob alive
 * for as long as it exists, so it is revoked right after the click, which has already resolved the URL to the Blob it
 * names (URLs are resolved when the navigation starts); the download then holds the only reference, and the memory
 * goes when it ends, however large the export and however many are made.
 */
export function saveFile(blob: Blob, filename: string) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = filename;
  link.click();
  URL.revokeObjectURL(link.href);
}
