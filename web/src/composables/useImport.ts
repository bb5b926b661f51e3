import { ref } from 'vue';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { fetchWithUploadProgress } from '@/api/upload';
import { newIdempotencyKey } from '@/composables/idempotencyKey';
import { plural } from '@/composables/useNotesList';
import { failureMessage, networkErrorMessage, useRequest, type Failure } from '@/composables/useRequest';

/** What an import did; a failure with `noteImported` is a note that came in with something left out (a tag that is not one). */
export type ImportReport = components['schemas']['ImportResponse'];
export type ImportFailure = components['schemas']['ImportFailure'];
type QuotaProblem = components['schemas']['QuotaProblem'];

/** What the file picker offers, as the API reads them: a NotesSlices export, a Markdown or text note, or a zip of them. */
export const importAccept = '.json,.md,.markdown,.txt,.zip';
const importable = new RegExp(`(${importAccept.split(',').map((e) => `\\${e}`).join('|')})$`, 'i');

/**
 * Imports one file into the signed-in user's notes: sends it with its upload's progress (`progress`, 0 to 1, while it
 * is sent; 1 while the API reads it), then keeps the API's report (created, skipped, failed with each file's reason)
 * and calls `onImported` so the list shows the new notes. Each import is a new one with a fresh `Idempotency-Key`:
 * importing a file again creates nothing anyway, as the API recognises the notes it has already made.
 */
export function useImport({ onImported }: { onImported: () => Promise<unknown> }) {
  const uploading = useRequest();
  const fileName = ref<string | null>(null);
  const progress = ref<number | null>(null);
  const report = ref<ImportReport | null>(null);
  const error = ref<string | null>(null);

  /** The files picked or dropped: exactly one is imported. */
  async function importFiles(files: ArrayLike<File>) {
    if (uploading.busy.value) return;
    const file = files[0];
    if (files.length !== 1 || !file) {
      error.value = 'Import one file at a time: a .zip can hold as many notes as you like.';
      return;
    }
    if (!importable.test(file.name)) {
      error.value = `“${file.name}” cannot be imported: choose a NotesSlices export (.json), a Markdown or text file (.md, .txt), or a .zip of them.`;
      return;
    }
    error.value = null;
    report.value = null;
    fileName.value = file.name;
    progress.value = 0;
    const body = new FormData();
    body.append('file', file, file.name);
    const header = { 'Idempotency-Key': newIdempotencyKey() };
    const send = fetchWithUploadProgress((sent, total) => (progress.value = total > 0 ? sent / total : 0));
    // The schema describes the form's one field (a binary string); the browser sends the FormData, boundary and all.
    const form = body as unknown as components['schemas']['ImportRequest'];
    const outcome = await uploading.send((signal) => api.POST('/api/import', { params: { header }, body: form, fetch: send, signal }));
    progress.value = null;
    if (!outcome) return;
    if (!outcome.ok) {
      error.value = importFailureMessage(outcome);
      return;
    }
    // The report shows in a status banner, which screen readers announce as it appears.
    report.value = outcome.data;
    await onImported();
  }

  function dismiss() {
    report.value = null;
    error.value = null;
  }

  return { busy: uploading.busy, fileName, progress, report, error, importFiles, dismiss };
}

/** The report's failures: what was left out, and the notes that came in without something they held (a tag). */
export function failuresOf({ failed }: ImportReport) {
  return { leftOut: failed.filter((f) => !f.noteImported), changed: failed.filter((f) => f.noteImported) };
}

/** The report in one sentence, as the page shows it. */
export function reportSummary(report: ImportReport): string {
  const { leftOut, changed } = failuresOf(report);
  const parts = [`${plural(report.created, 'note')} imported`];
  if (report.skipped) parts.push(`${report.skipped} already here and skipped`);
  if (leftOut.length) parts.push(`${leftOut.length} could not be imported`);
  if (changed.length) parts.push(`${changed.length} imported without part of ${changed.length === 1 ? 'it' : 'them'}`);
  return `${parts.join(', ')}.`;
}

/**
 * A refused import in words, by the problem's code: every refusal imports nothing. The API's detail says which limit a
 * zip went over or why the file is not one it reads; a quota refusal carries `fits`, how many of the file's new notes
 * there is room for.
 */
export function importFailureMessage(failure: Failure): string {
  const { problem, response } = failure;
  if (!response) return `${networkErrorMessage} Nothing was imported, or only part: importing the file again adds only what is missing.`;
  const detail = problem?.detail?.trim();
  const nothing = 'Nothing was imported:';
  if (response.status === 413) return `${nothing} the file is larger than an import may be. Split it into smaller files (or zips) and import each.`;
  switch (problem?.code) {
    case 'quota_reached': {
      const fits = (problem as Partial<QuotaProblem>).fits;
      const room =
        typeof fits === 'number'
          ? `the file holds more new notes than your notes limit leaves room for: ${fits === 1 ? '1 more fits' : `${fits} more fit`}.`
          : detail || 'the file holds more new notes than your notes limit leaves room for.';
      return `${nothing} ${room} Import fewer, or delete some notes first.`;
    }
    case 'import_too_large':
      return `${nothing} ${detail || 'the zip holds too many files, or expands to too much.'} Split it into smaller zips and import each.`;
    case 'import_format_unknown':
      return `${nothing} ${detail || 'the file is not a NotesSlices export, a Markdown or text file, or a zip of them.'}`;
  }
  if (response.status === 400) return `${nothing} ${detail || 'the file could not be read.'}`;
  return failureMessage(failure, 'The file could not be imported. Try again.');
}
