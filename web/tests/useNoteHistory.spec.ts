import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNoteHistory } from '@/composables/useNoteHistory';
import { fakeServer, note, noteAnswer, problem, versionConflict } from './harness';

function history() {
  const options = { announce: vi.fn(), onRestored: vi.fn(async () => {}), onNoteGone: vi.fn(async () => {}) };
  return { ...options, history: useNoteHistory(options) };
}

const current = { ...note('n1', 'Trip', 5), description: 'now' };
const listAnswer = (versions: number[], total = versions.length) =>
  Response.json({ items: versions.map((version) => ({ version, title: `T${version}`, savedAt: '2026-03-01T12:00:00Z', length: 3 })), page: 1, pageSize: 20, total });
const revision = (version: number) => Response.json({ version, title: `T${version}`, description: `d${version}`, savedAt: '2026-03-01T12:00:00Z' });
const flush = () => new Promise((resolve) => setTimeout(resolve));

describe('note history', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('lists the earlier versions a page at a time, newest first, and reads one whole', async () => {
    const requests = fakeServer(listAnswer([4, 3], 25), revision(3), listAnswer([2, 1], 25));
    const { history: h } = history();
    h.open(current);
    await flush();
    expect(new URL(requests[0]!.url).pathname + new URL(requests[0]!.url).search).toBe('/api/notes/n1/revisions?page=1&pageSize=20');
    expect(h.items.value.map((i) => i.version)).toEqual([4, 3]);
    expect(h.total.value).toBe(25);

    await h.select(3);
    expect(h.selected.value).toMatchObject({ version: 3, description: 'd3' });
    await h.load(2);
    expect(h.page.value).toBe(2);
    expect(new URL(requests[2]!.url).searchParams.get('page')).toBe('2');
  });

  it('restores the chosen version only over the version on screen, then closes', async () => {
    const restored = { ...current, version: 6, description: 'd3' };
    const requests = fakeServer(listAnswer([4, 3]), revision(3), noteAnswer(restored));
    const { history: h, announce, onRestored } = history();
    h.open(current);
    await flush();
    await h.select(3);
    await h.restore();
    expect(requests[2]!.method).toBe('POST');
    expect(new URL(requests[2]!.url).pathname).toBe('/api/notes/n1/revisions/3/restore');
    expect(requests[2]!.headers.get('If-Match')).toBe('"5"');
    expect(h.note.value).toBeNull();
    expect(announce).toHaveBeenCalledWith('Restored version 3');
    expect(onRestored).toHaveBeenCalledWith(restored);
  });

  it('on a 412 restores nothing, says so and shows the note as it is now with its history', async () => {
    const newer = { ...current, version: 6, description: 'newer' };
    fakeServer(listAnswer([4, 3]), revision(3), versionConflict(newer), listAnswer([5, 4, 3]));
    const { history: h, onRestored } = history();
    h.open(current);
    await flush();
    await h.select(3);
    await h.restore();
    expect(onRestored).not.toHaveBeenCalled();
    expect(h.error.value).toMatch(/^The note changed while you were looking, so nothing was restored/);
    expect(h.note.value).toEqual(newer);
    expect(h.items.value.map((i) => i.version)).toEqual([5, 4, 3]);
  });

  it('says why a restore was refused, keeping the history open', async () => {
    fakeServer(listAnswer([4]), revision(4), problem(409, 'note_in_trash', 'The note is in the trash.'));
    const { history: h } = history();
    h.open(current);
    await flush();
    await h.select(4);
    await h.restore();
    expect(h.error.value).toBe('The note is in the trash.');
    expect(h.note.value).toEqual(current);
  });

  it('closes and reports a note deleted somewhere else', async () => {
    fakeServer(problem(404, 'not_found'));
    const { history: h, onNoteGone } = history();
    h.open(current);
    await flush();
    expect(h.note.value).toBeNull();
    expect(onNoteGone).toHaveBeenCalled();
  });
});
