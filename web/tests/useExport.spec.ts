import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { filenameOf, useExport } from '@/composables/useExport';
import { networkErrorMessage } from '@/composables/useRequest';
import { session } from '@/session';
import { fakeServer, problem } from './harness';

/** What the page handed to the browser's downloads: the Blob behind each object URL, and the name the link gave it. */
function watchDownloads() {
  const blobs = new Map<string, Blob>();
  const saved: { blob: Blob; name: string; revoked: boolean }[] = [];
  let next = 0;
  vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
    const url = `blob:test/${next++}`;
    blobs.set(url, blob as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation((url) => {
    const entry = saved.find((s) => s.blob === blobs.get(url));
    if (entry) entry.revoked = true;
  });
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ blob: blobs.get(this.href)!, name: this.download, revoked: false });
  });
  return saved;
}

function download(body: BodyInit, disposition?: string, type = 'application/json') {
  const headers: Record<string, string> = { 'Content-Type': type };
  if (disposition) headers['Content-Disposition'] = disposition;
  return new Response(body, { headers });
}

beforeEach(() => {
  session.start({ token: 'tok', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', username: 'alice' } });
});
afterEach(() => {
  session.end('signed-out');
  vi.unstubAllGlobals();
});

describe('exporting', () => {
  it('asks for the format with the token, and saves the answer under the name the API gave it', async () => {
    const requests = fakeServer(download('{"format":"notesslices"}', 'attachment; filename="notes-2026-12-02.json"'));
    const saved = watchDownloads();
    const announce = vi.fn();
    const exporting = useExport({ announce });

    const done = exporting.download('json');
    expect(exporting.busy.json).toBe(true);
    expect(exporting.busy.markdown).toBe(false);
    await done;

    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/export');
    expect(url.search).toBe('?format=json');
    expect(requests[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('notes-2026-12-02.json');
    expect(await saved[0]!.blob.text()).toBe('{"format":"notesslices"}');
    // Revoked at once: the download holds the Blob from here on, the page nothing.
    expect(saved[0]!.revoked).toBe(true);
    expect(exporting.busy.json).toBe(false);
    expect(exporting.error.value).toBeNull();
    expect(announce).toHaveBeenCalledWith('Your notes are downloading as notes-2026-12-02.json');
  });

  it('asks for the history only when chosen, and only with JSON', async () => {
    const requests = fakeServer(download('{}'), download('zip', undefined, 'application/zip'));
    watchDownloads();
    const exporting = useExport({ announce: vi.fn() });
    exporting.includeRevisions.value = true;
    await exporting.download('json');
    await exporting.download('markdown');
    expect(requests.map((r) => new URL(r.url).search)).toEqual(['?format=json&includeRevisions=true', '?format=markdown']);
  });

  it("names the file after today's date in UTC, as the API does, when the API names none", async () => {
    vi.useFakeTimers({ now: new Date(Date.UTC(2026, 11, 2, 23, 30)), toFake: ['Date'] });
    fakeServer(download('zip', undefined, 'application/zip'));
    const saved = watchDownloads();
    await useExport({ announce: vi.fn() }).download('markdown');
    vi.useRealTimers();
    expect(saved[0]!.name).toBe('notes-2026-12-02.zip');
  });

  it('lets both formats run at once, each with its own busy state, and ignores a second click on one under way', async () => {
    let answer!: (response: Response) => void;
    const requests = fakeServer(() => new Promise<Response>((resolve) => (answer = resolve)), download('zip', undefined, 'application/zip'));
    watchDownloads();
    const exporting = useExport({ announce: vi.fn() });
    const json = exporting.download('json');
    await flushPromises();
    void exporting.download('json');
    await exporting.download('markdown');
    expect(exporting.busy).toEqual({ json: true, markdown: false });
    answer(download('{}'));
    await json;
    expect(requests).toHaveLength(2);
    expect(requests[0]!.signal.aborted).toBe(false);
    expect(exporting.busy).toEqual({ json: false, markdown: false });
  });

  it("shows the API's reason when refused, and saves nothing", async () => {
    fakeServer(problem(503, 'database_unavailable', 'The database is unavailable. Try again shortly.'));
    const saved = watchDownloads();
    const exporting = useExport({ announce: vi.fn() });
    await exporting.download('markdown');
    expect(exporting.error.value).toBe('The database is unavailable. Try again shortly.');
    expect(saved).toHaveLength(0);
  });

  it('says so when the server cannot be reached, with its own words when a refusal carries none', async () => {
    fakeServer(() => Promise.reject(new TypeError('Failed to fetch')), new Response('<html>Bad gateway</html>', { status: 502 }));
    watchDownloads();
    const exporting = useExport({ announce: vi.fn() });
    await exporting.download('json');
    expect(exporting.error.value).toBe(networkErrorMessage);
    await exporting.download('markdown');
    expect(exporting.error.value).toBe('Your notes could not be exported as Markdown. Try again.');
  });
});

describe('the file name in Content-Disposition', () => {
  it.each([
    ['attachment; filename="notes-2026-12-02.json"', 'notes-2026-12-02.json'],
    ['attachment; filename=notes-2026-12-02.zip', 'notes-2026-12-02.zip'],
    ['attachment; filename="my \\"best\\" notes.json"', 'my "best" notes.json'],
    ['attachment; filename="a; b.json"', 'a; b.json'],
    ["attachment; filename*=UTF-8''notes%20d%C3%A9j%C3%A0.json", 'notes déjà.json'],
    // The extended form wins, wherever it stands: the plain one is the fallback for old clients.
    ['attachment; filename="notes.json"; filename*=UTF-8\'\'r%C3%A9sum%C3%A9.json', 'résumé.json'],
    ["attachment; filename*=utf-8'en'caf%C3%A9.zip; filename=\"cafe.zip\"", 'café.zip'],
    ['ATTACHMENT; FILENAME="upper.json"', 'upper.json'],
    // A malformed encoding, or a charset other than UTF-8, falls back to the plain name.
    ["attachment; filename*=UTF-8''bad%E0%A4%A.json; filename=\"fallback.json\"", 'fallback.json'],
    ["attachment; filename*=ISO-8859-1''caf%E9.json; filename=\"cafe.json\"", 'cafe.json'],
    // Only the last segment: a name never says where to save.
    ['attachment; filename="../../etc/notes.json"', 'notes.json'],
    ['attachment; filename="C:\\\\Users\\\\notes.json"', 'notes.json'],
  ])('%s -> %s', (header, expected) => {
    expect(filenameOf(header)).toBe(expected);
  });

  it.each([null, '', 'attachment', 'inline; name="x"', 'attachment; filename=""'])('%j has none', (header) => {
    expect(filenameOf(header)).toBeNull();
  });
});
