import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '@/api/client';
import { draftKey } from '@/composables/useDraft';
import { useNoteEditor } from '@/composables/useNoteEditor';
import { conflictsOf, resolvedText } from '@/merge';
import { session } from '@/session';
import { fakeServer, note, noteAnswer, problem, versionConflict } from './harness';

function editor() {
  const options = { announce: vi.fn(), onSaved: vi.fn(async () => {}), onNoteGone: vi.fn(async () => {}), onNoteTrashed: vi.fn(async () => {}) };
  return { ...options, editor: useNoteEditor(options) };
}

const at = (version: number, fields: Partial<Note>): Note => ({ ...note('n1', 'Trip', version), ...fields });
const opened = at(3, { description: 'Book flights\nPack bags\nLock door', tags: ['travel'] });
const mine = { title: 'Trip', description: 'Book flights on Friday\nPack bags\nLock door', tags: ['travel'], archived: false };
const stored = () => JSON.parse(localStorage.getItem(draftKey('u1', 'n1')) ?? 'null');
const revision = (version: number, description: string) => Response.json({ version, title: 'Trip', description, savedAt: '2026-03-01T12:00:00Z' });
const path = (request: Request) => new URL(request.url).pathname;

async function editing(...answers: Response[]) {
  const requests = fakeServer(noteAnswer(opened), ...answers);
  const e = editor();
  e.editor.edit(opened);
  await flushPromises();
  return { ...e, requests };
}

beforeEach(() => {
  localStorage.clear();
  session.start({ token: 'tok', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', username: 'alice' } });
});
// Signing out drops every editor's pending draft, so none is written during a later test.
afterEach(() => {
  session.end('signed-out');
  vi.unstubAllGlobals();
});

describe('note editor, when the note changed meanwhile', () => {
  it('merges edits that do not overlap, and saves the merge over the version the 412 named', async () => {
    const theirs = at(4, { description: 'Book flights\nPack bags\nLock door and windows', tags: ['travel', 'oslo'] });
    const { editor: e, requests, announce, onSaved } = await editing(versionConflict(theirs), noteAnswer(at(5, {})));
    await e.save(mine);

    const merge = e.merge.value!;
    expect(merge.current).toEqual(theirs);
    expect(merge.baseKnown).toBe(true);
    expect(conflictsOf(merge.result.description)).toEqual([]);
    expect(e.open.value).toBe(true);
    // The base was the version opened: no request for it.
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);

    const merged = resolvedText(merge.result.description, () => undefined)!;
    expect(merged).toBe('Book flights on Friday\nPack bags\nLock door and windows');
    await e.saveMerged({ title: 'Trip', description: merged, tags: merge.result.tags, archived: false });
    expect(requests[2]!.method).toBe('PATCH');
    expect(requests[2]!.headers.get('If-Match')).toBe('"4"');
    expect(await requests[2]!.json()).toEqual({ title: 'Trip', description: merged, tags: ['travel', 'oslo'], archived: false });
    expect(e.open.value).toBe(false);
    expect(e.merge.value).toBeNull();
    expect(announce).toHaveBeenCalledWith('Merged note saved');
    expect(onSaved).toHaveBeenCalledWith(false);
  });

  it('shows overlapping edits as a conflict, and a second 412 merges again from the version the first named', async () => {
    const theirs = at(4, { description: 'Book flights with points\nPack bags\nLock door' });
    const newer = at(5, { description: 'Book flights with points\nPack bags\nLock door\nTurn off heating' });
    const { editor: e, requests } = await editing(versionConflict(theirs), versionConflict(newer), noteAnswer(at(6, {})));
    e.change(mine);
    await e.save(mine);
    const [conflict] = conflictsOf(e.merge.value!.result.description);
    expect(conflict).toEqual({ kind: 'conflict', mine: ['Book flights on Friday'], theirs: ['Book flights with points'], base: ['Book flights'] });

    const chosen = resolvedText(e.merge.value!.result.description, () => 'theirs')!;
    await e.saveMerged({ ...mine, description: chosen });
    // Against the newer version, from the one merged with: their new line joins without a question.
    const again = e.merge.value!;
    expect(again.current.version).toBe(5);
    expect(resolvedText(again.result.description, () => undefined)).toBe('Book flights with points\nPack bags\nLock door\nTurn off heating');
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'PATCH']);

    await e.saveMerged({ ...mine, description: resolvedText(again.result.description, () => undefined)! });
    expect(requests[3]!.headers.get('If-Match')).toBe('"5"');
    expect(e.open.value).toBe(false);
  });

  it('keeps the user’s text as a new note, leaving the other edit alone', async () => {
    const theirs = at(4, { description: 'Book flights with points\nPack bags\nLock door' });
    const { editor: e, requests, announce, onSaved } = await editing(versionConflict(theirs), noteAnswer(note('n2', 'Trip'), '"1"', 201));
    e.change(mine);
    await e.save(mine);
    await e.keepMineAsNew();

    expect(requests[2]!.method).toBe('POST');
    expect(path(requests[2]!)).toBe('/api/notes');
    expect(requests[2]!.headers.get('Idempotency-Key')).toMatch(/^[0-9a-f]{32}$/);
    expect(await requests[2]!.json()).toEqual(mine);
    expect(announce).toHaveBeenCalledWith('Your version was added as a new note');
    expect(onSaved).toHaveBeenCalledWith(true);
    expect(stored()).toBeNull();
  });

  it('edits the merge by hand: the form gets the marked text, and its save replaces the version merged with', async () => {
    const theirs = at(4, { description: 'Book flights with points\nPack bags\nLock door' });
    const { editor: e, requests } = await editing(versionConflict(theirs), noteAnswer(at(5, {})));
    await e.save(mine);
    const marked = { ...mine, description: '<<<<<<< Yours\nBook flights on Friday\n=======\nBook flights with points\n>>>>>>> Theirs' };
    e.editByHand(marked);
    expect(e.merge.value).toBeNull();
    expect(e.values.value).toEqual(marked);
    expect(e.note.value).toEqual(theirs);

    await e.save({ ...mine, description: 'Book flights on Friday with points\nPack bags\nLock door' });
    expect(requests[2]!.headers.get('If-Match')).toBe('"4"');
  });

  it('goes back to the edit unchanged, whose next save meets the same 412 and merges again', async () => {
    const theirs = at(4, { title: 'Their trip' });
    const { editor: e, requests } = await editing(versionConflict(theirs), versionConflict(theirs));
    await e.save(mine);
    e.closeMerge();
    expect(e.merge.value).toBeNull();
    await e.save(mine);
    expect(requests[2]!.headers.get('If-Match')).toBe('"3"');
    expect(e.merge.value?.current).toEqual(theirs);
  });

  it('asks for the note when a 412 does not carry it', async () => {
    const theirs = at(4, { title: 'Their trip' });
    const { editor: e, requests } = await editing(problem(412, 'version_conflict'), noteAnswer(theirs));
    await e.save(mine);
    expect(requests.map((r) => `${r.method} ${path(r)}`)).toEqual(['GET /api/notes/n1', 'PATCH /api/notes/n1', 'GET /api/notes/n1']);
    expect(e.merge.value?.current).toEqual(theirs);
  });

  it('says why a merged save failed, in the merge dialog', async () => {
    const { editor: e } = await editing(versionConflict(at(4, { title: 'Theirs' })), problem(503, 'database_unavailable', 'Try again shortly.'));
    await e.save(mine);
    await e.saveMerged(mine);
    expect(e.mergeError.value).toBe('Try again shortly.');
    expect(e.merge.value).not.toBeNull();
  });
});

describe('note editor drafts', () => {
  it('keeps what is typed as a draft, with the version it started from, and forgets it once saved', async () => {
    const { editor: e } = await editing(noteAnswer(at(4, {})));
    e.change(opened);
    expect(localStorage.length).toBe(0);
    e.change(mine);
    // Leaving the page writes it at once (typing pausing does too, after 500 ms: tests/useDraft.spec.ts).
    window.dispatchEvent(new Event('pagehide'));
    expect(stored()).toMatchObject({ ...mine, base: { version: 3, tags: ['travel'], archived: false } });

    await e.save(mine);
    expect(stored()).toBeNull();
  });

  it('offers a draft back on the next opening, before writing anything over it', async () => {
    localStorage.setItem(draftKey('u1', 'n1'), JSON.stringify({ ...mine, base: { version: 3, tags: ['travel'], archived: false }, savedAt: '2026-03-01T12:00:00Z' }));
    const { editor: e } = await editing();
    // The form reports the note's own values as it opens: the draft stays.
    e.change({ title: opened.title, description: opened.description, tags: opened.tags, archived: false });
    expect(e.draftOffer.value).toMatchObject({ savedAt: '2026-03-01T12:00:00Z' });
    expect(stored()).toMatchObject(mine);

    e.restoreDraft();
    expect(e.values.value).toEqual(mine);
    expect(e.draftOffer.value).toBeNull();
  });

  it('discards an offered draft when asked', async () => {
    localStorage.setItem(draftKey('u1', 'n1'), JSON.stringify({ ...mine, base: null, savedAt: '2026-03-01T12:00:00Z' }));
    const { editor: e } = await editing();
    e.discardDraft();
    expect(stored()).toBeNull();
    expect(e.values.value).toBeNull();
  });

  it('does not offer a draft the same as the note', async () => {
    localStorage.setItem(draftKey('u1', 'n1'), JSON.stringify({ ...mine, description: opened.description, base: null, savedAt: 'x' }));
    const { editor: e } = await editing();
    expect(e.draftOffer.value).toBeNull();
    expect(stored()).toBeNull();
  });

  it('merges a restored draft older than the note, taking the version it started from from the history', async () => {
    localStorage.setItem(draftKey('u1', 'n1'), JSON.stringify({ ...mine, base: { version: 2, tags: ['travel'], archived: false }, savedAt: '2026-03-01T12:00:00Z' }));
    const theirs = at(4, { description: 'Book flights\nPack bags\nLock door and windows', tags: ['travel'] });
    const { editor: e, requests } = await editing(versionConflict(theirs), revision(2, 'Book flights\nPack bags\nLock door'));
    e.restoreDraft();
    await e.save(mine);

    expect(requests[1]!.headers.get('If-Match')).toBe('"2"');
    expect(path(requests[2]!)).toBe('/api/notes/n1/revisions/2');
    const merge = e.merge.value!;
    expect(merge.baseKnown).toBe(true);
    expect(resolvedText(merge.result.description, () => undefined)).toBe('Book flights on Friday\nPack bags\nLock door and windows');
  });

  it('asks before Cancel throws away a change, and forgets the draft when the user says so', async () => {
    const { editor: e } = await editing();
    e.change(mine);
    e.close();
    expect(e.confirmingDiscard.value).toBe(true);
    expect(e.open.value).toBe(true);
    e.keepEditing();
    expect(e.open.value).toBe(true);

    e.close();
    await e.discardChanges();
    expect(e.open.value).toBe(false);
    window.dispatchEvent(new Event('pagehide'));
    expect(stored()).toBeNull();
  });

  it('shows a version restored from the history, unless something was typed (whose save then merges)', async () => {
    const restored = at(5, { description: 'Restored' });
    const { editor: e, requests } = await editing(noteAnswer(restored));
    e.restored(restored);
    await flushPromises();
    expect(e.note.value).toEqual(restored);
    expect(requests).toHaveLength(2);

    e.change(mine);
    e.restored(at(6, { description: 'Restored again' }));
    expect(e.note.value).toEqual(restored);
    expect(requests).toHaveLength(2);
  });

  it('closes at once on Cancel when nothing was changed', async () => {
    const { editor: e } = await editing();
    e.change({ title: 'Trip', description: opened.description, tags: ['travel'], archived: false });
    e.close();
    expect(e.confirmingDiscard.value).toBe(false);
    expect(e.open.value).toBe(false);
  });
});
