import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fetchWithUploadProgress } from '@/api/upload';
import { importFailureMessage, reportSummary, useImport, type ImportReport } from '@/composables/useImport';
import { networkErrorMessage } from '@/composables/useRequest';
import { session } from '@/session';
import { problem } from './harness';

/** Stands in for XMLHttpRequest: keeps each request for the test, which then reports progress and answers when it chooses. */
class FakeXhr {
  static sent: FakeXhr[] = [];
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: Blob | null = null;
  aborted = false;
  status = 0;
  statusText = '';
  response: Blob | null = null;
  responseType = '';
  private responseHeaders = '';
  private listeners: Record<string, (() => void)[]> = {};
  private uploadListeners: ((event: { lengthComputable: boolean; loaded: number; total: number }) => void)[] = [];
  upload = { addEventListener: (_: string, listener: (typeof this.uploadListeners)[number]) => this.uploadListeners.push(listener) };

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name.toLowerCase()] = value;
  }
  addEventListener(type: string, listener: () => void) {
    (this.listeners[type] ??= []).push(listener);
  }
  send(body: Blob) {
    this.body = body;
    FakeXhr.sent.push(this);
  }
  abort() {
    this.aborted = true;
    this.fire('abort');
  }
  getAllResponseHeaders() {
    return this.responseHeaders;
  }

  progress(loaded: number, total: number) {
    for (const listener of this.uploadListeners) listener({ lengthComputable: true, loaded, total });
  }
  async answer(response: Response) {
    this.status = response.status;
    this.statusText = response.statusText;
    this.responseHeaders = [...response.headers].map(([name, value]) => `${name}: ${value}\r\n`).join('');
    this.response = await response.blob();
    this.fire('load');
  }
  fail() {
    this.fire('error');
  }
  private fire(type: string) {
    for (const listener of this.listeners[type] ?? []) listener();
  }
}

/** The request the import sent, once the client has built it and handed it over; taken, so the next call waits for the next. */
async function sentRequest() {
  await vi.waitFor(() => expect(FakeXhr.sent).toHaveLength(1));
  return FakeXhr.sent.pop()!;
}

const report: ImportReport = { created: 2, skipped: 1, failed: [{ file: 'notes/broken.md', reason: 'The file is not UTF-8 text.', noteImported: false }] };
const file = (name: string, text = '# Groceries\n\nmilk') => new File([text], name, { type: 'text/markdown' });

function setup() {
  const onImported = vi.fn(async () => {});
  return { importing: useImport({ onImported }), onImported };
}

beforeEach(() => {
  FakeXhr.sent = [];
  vi.stubGlobal('XMLHttpRequest', FakeXhr);
  session.start({ token: 'tok', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', username: 'alice' } });
});
afterEach(() => {
  session.end('signed-out');
  vi.unstubAllGlobals();
});

describe('importing a file', () => {
  it('sends it as the multipart part "file", with the token and a fresh Idempotency-Key, reporting the upload as it goes', async () => {
    const { importing, onImported } = setup();
    const done = importing.importFiles([file('groceries.md')]);
    const xhr = await sentRequest();

    expect(xhr.method).toBe('POST');
    expect(new URL(xhr.url).pathname).toBe('/api/import');
    expect(xhr.headers.authorization).toBe('Bearer tok');
    expect(xhr.headers['idempotency-key']).toMatch(/^[0-9a-f]{32}$/);
    expect(xhr.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    const form = await new Response(xhr.body, { headers: { 'Content-Type': xhr.headers['content-type']! } }).formData();
    const part = form.get('file') as File;
    expect(part.name).toBe('groceries.md');
    expect(await part.text()).toBe('# Groceries\n\nmilk');

    expect(importing.busy.value).toBe(true);
    expect(importing.progress.value).toBe(0);
    xhr.progress(250, 1000);
    expect(importing.progress.value).toBe(0.25);
    xhr.progress(1000, 1000);
    expect(importing.progress.value).toBe(1);
    expect(onImported).not.toHaveBeenCalled();

    await xhr.answer(Response.json(report));
    await done;
    expect(importing.report.value).toEqual(report);
    expect(importing.fileName.value).toBe('groceries.md');
    expect(importing.progress.value).toBeNull();
    expect(importing.busy.value).toBe(false);
    expect(importing.error.value).toBeNull();
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('sends each import with a key of its own', async () => {
    const { importing } = setup();
    const keys: (string | undefined)[] = [];
    for (const name of ['a.md', 'b.md']) {
      const done = importing.importFiles([file(name)]);
      const xhr = await sentRequest();
      keys.push(xhr.headers['idempotency-key']);
      await xhr.answer(Response.json({ created: 1, skipped: 0, failed: [] }));
      await done;
    }
    expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys[1]).not.toBe(keys[0]);
  });

  it('sends nothing for a file it cannot import, or for several at once, and says why', async () => {
    const { importing } = setup();
    await importing.importFiles([file('photo.png')]);
    expect(importing.error.value).toMatch(/“photo\.png” cannot be imported: choose a NotesSlices export \(\.json\)/);
    await importing.importFiles([file('a.md'), file('b.md')]);
    expect(importing.error.value).toBe('Import one file at a time: a .zip can hold as many notes as you like.');
    await flushPromises();
    expect(FakeXhr.sent).toHaveLength(0);
    expect(importing.busy.value).toBe(false);
  });

  it.each(['notes.JSON', 'note.md', 'note.markdown', 'note.txt', 'joplin-export.zip'])('takes %s', async (name) => {
    const { importing } = setup();
    void importing.importFiles([file(name)]);
    await sentRequest();
    expect(importing.error.value).toBeNull();
  });

  it('keeps the report of the last import only, and clears it and any refusal when dismissed', async () => {
    const { importing } = setup();
    const done = importing.importFiles([file('a.md')]);
    await (await sentRequest()).answer(Response.json(report));
    await done;
    importing.dismiss();
    expect(importing.report.value).toBeNull();
    expect(importing.error.value).toBeNull();
  });

  it('has nothing to show when the token is refused: the session ends, as with every other call', async () => {
    const { importing, onImported } = setup();
    const done = importing.importFiles([file('a.md')]);
    await (await sentRequest()).answer(problem(401, 'token_expired', 'Token expired.'));
    await done;
    expect(session.signedIn.value).toBe(false);
    expect(importing.error.value).toBeNull();
    expect(importing.report.value).toBeNull();
    expect(onImported).not.toHaveBeenCalled();
  });

  it('says when the server could not be reached, and that importing again only adds what is missing', async () => {
    const { importing } = setup();
    const done = importing.importFiles([file('a.md')]);
    (await sentRequest()).fail();
    await done;
    expect(importing.error.value).toBe(
      `${networkErrorMessage} Nothing was imported, or only part: importing the file again adds only what is missing.`,
    );
    expect(importing.busy.value).toBe(false);
    expect(importing.progress.value).toBeNull();
  });

  it('ignores a second file while one is being imported', async () => {
    const { importing } = setup();
    const done = importing.importFiles([file('a.md')]);
    const xhr = await sentRequest();
    await importing.importFiles([file('b.md')]);
    expect(importing.fileName.value).toBe('a.md');
    await xhr.answer(Response.json(report));
    await done;
    expect(FakeXhr.sent).toHaveLength(0);
  });
});

describe('the upload transport', () => {
  it('aborts the upload when its signal aborts, as fetch would', async () => {
    const controller = new AbortController();
    const sending = fetchWithUploadProgress(() => {})(new Request('http://app.test/api/import', { method: 'POST', body: 'x', signal: controller.signal }));
    const xhr = await sentRequest();
    controller.abort();
    await expect(sending).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhr.aborted).toBe(true);
  });

  it('hands back the status, the headers and the body of the answer', async () => {
    const sending = fetchWithUploadProgress(() => {})(new Request('http://app.test/api/import', { method: 'POST', body: 'x' }));
    await (await sentRequest()).answer(Response.json({ created: 0, skipped: 0, failed: [] }, { status: 200, headers: { 'X-Trace': 'abc' } }));
    const response = await sending;
    expect(response.status).toBe(200);
    expect(response.headers.get('x-trace')).toBe('abc');
    expect(await response.json()).toEqual({ created: 0, skipped: 0, failed: [] });
  });
});

describe('a refused import in words', () => {
  const refused = async (response: Response) => {
    const { importing } = setup();
    const done = importing.importFiles([file('big.zip')]);
    await (await sentRequest()).answer(response);
    await done;
    return importing.error.value;
  };

  it('413: the file is over the size an import may have', async () => {
    expect(await refused(problem(413, 'body_too_large', 'Payload Too Large'))).toBe(
      'Nothing was imported: the file is larger than an import may be. Split it into smaller files (or zips) and import each.',
    );
  });

  it('409 quota_reached: how many of the new notes still fit, from the problem\'s fits', async () => {
    const detail = 'The file holds 120 new notes, and there is room for 20 of them (a user keeps at most 1000): nothing was imported.';
    expect(await refused(problem(409, 'quota_reached', detail, {}, { fits: 20 }))).toBe(
      'Nothing was imported: the file holds more new notes than your notes limit leaves room for: 20 more fit. Import fewer, or delete some notes first.',
    );
    expect(await refused(problem(409, 'quota_reached', detail, {}, { fits: 1 }))).toMatch(/: 1 more fits\. /);
    // Without fits, the API's own words say it.
    expect(await refused(problem(409, 'quota_reached', detail))).toBe(`Nothing was imported: ${detail} Import fewer, or delete some notes first.`);
  });

  it('400 import_too_large: the limit the zip went over, in the API\'s words', async () => {
    expect(await refused(problem(400, 'import_too_large', 'The zip holds more than 5000 files.'))).toBe(
      'Nothing was imported: The zip holds more than 5000 files. Split it into smaller zips and import each.',
    );
  });

  it('400 import_format_unknown: why the file is not one it reads', async () => {
    expect(await refused(problem(400, 'import_format_unknown', 'The file is not a NotesSlices export.'))).toBe(
      'Nothing was imported: The file is not a NotesSlices export.',
    );
    expect(await refused(problem(400, 'import_format_unknown', ''))).toBe(
      'Nothing was imported: the file is not a NotesSlices export, a Markdown or text file, or a zip of them.',
    );
  });

  it('400 otherwise (no file): the API\'s reason, or a plain one', async () => {
    expect(await refused(problem(400, 'validation_failed', 'Send one file at a time.'))).toBe('Nothing was imported: Send one file at a time.');
    expect(await refused(new Response('Bad request', { status: 400 }))).toBe('Nothing was imported: the file could not be read.');
  });

  it('anything else: the API’s words, or a plain fallback', async () => {
    expect(await refused(problem(503, 'database_unavailable', 'The database is unavailable.'))).toBe('The database is unavailable.');
    expect(importFailureMessage({ ok: false, problem: undefined, response: new Response(null, { status: 502 }) })).toBe(
      'The file could not be imported. Try again.',
    );
  });
});

describe('the report in a sentence', () => {
  it('counts what was made, skipped and failed, leaving out what did not happen', () => {
    expect(reportSummary(report)).toBe('2 notes imported, 1 already here and skipped, 1 could not be imported.');
    const changed = { file: 'a.md', reason: 'The tag "?" is not one: the note was imported without it.', noteImported: true };
    expect(reportSummary({ created: 2, skipped: 0, failed: [changed, changed] })).toBe('2 notes imported, 2 imported without part of them.');
    expect(reportSummary({ created: 1, skipped: 0, failed: [] })).toBe('1 note imported.');
    expect(reportSummary({ created: 0, skipped: 3, failed: [] })).toBe('0 notes imported, 3 already here and skipped.');
  });
});
