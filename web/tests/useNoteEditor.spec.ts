import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkErrorMessage } from '@/api/client';
import { useNoteEditor } from '@/composables/useNoteEditor';
import { fakeServer, note, problem } from './harness';

function editor() {
  const options = { announce: vi.fn(), onSaved: vi.fn(async () => {}), onNoteGone: vi.fn(async () => {}) };
  return { ...options, editor: useNoteEditor(options) };
}

const draft = { title: 'Groceries', description: 'Milk' };

describe('note editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('adds a new note, then closes and says so', async () => {
    const requests = fakeServer(Response.json(note('n1', 'Groceries'), { status: 201 }));
    const { editor: e, announce, onSaved } = editor();
    e.edit(null);
    await e.save(draft);

    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/notes');
    expect(await requests[0]!.json()).toEqual(draft);
    expect(e.open.value).toBe(false);
    expect(announce).toHaveBeenCalledWith('Note added');
    expect(onSaved).toHaveBeenCalledWith(true);
  });

  it('saves an edit only over the version the user saw', async () => {
    const requests = fakeServer(Response.json(note('n1', 'Groceries', 4)));
    const { editor: e, announce, onSaved } = editor();
    e.edit(note('n1', 'Grocery', 3));
    await e.save(draft);

    expect(requests[0]!.method).toBe('PUT');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/notes/n1');
    expect(requests[0]!.headers.get('If-Match')).toBe('"3"');
    expect(announce).toHaveBeenCalledWith('Note saved');
    expect(onSaved).toHaveBeenCalledWith(false);
  });

  it('on a conflict stays open, and reloading brings the latest version', async () => {
    fakeServer(problem(412, 'The note has changed'), Response.json(note('n1', 'Theirs', 4)));
    const { editor: e, announce, onSaved } = editor();
    e.edit(note('n1', 'Mine', 3));
    await e.save(draft);
    expect(e.conflict.value).toBe(true);
    expect(e.open.value).toBe(true);
    expect(e.error.value).toBeNull();
    expect(onSaved).not.toHaveBeenCalled();

    await e.reload();
    expect(e.note.value).toMatchObject({ title: 'Theirs', version: 4 });
    expect(e.conflict.value).toBe(false);
    expect(announce).toHaveBeenCalledWith('Loaded the latest version of the note');
  });

  it('closes and reports a note deleted somewhere else, on save or on reload', async () => {
    fakeServer(problem(404), problem(404));
    const { editor: e, onNoteGone } = editor();
    e.edit(note('n1', 'Gone'));
    await e.save(draft);
    expect(e.open.value).toBe(false);

    e.edit(note('n1', 'Gone'));
    await e.reload();
    expect(e.open.value).toBe(false);
    expect(onNoteGone).toHaveBeenCalledTimes(2);
  });

  it('shows the API’s field messages beside the fields, and other refusals above them', async () => {
    fakeServer(problem(400, 'One or more errors occurred.', { Title: ['Title is required.'] }), problem(400, 'Too many notes.'));
    const { editor: e } = editor();
    e.edit(null);
    await e.save(draft);
    expect(e.serverErrors.value).toEqual({ title: 'Title is required.' });
    expect(e.error.value).toBeNull();

    await e.save(draft);
    expect(e.serverErrors.value).toEqual({});
    expect(e.error.value).toBe('Too many notes.');
    expect(e.open.value).toBe(true);
  });

  it('explains an unreachable server and lets the user try again', async () => {
    fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    const { editor: e } = editor();
    e.edit(null);
    await e.save(draft);
    expect(e.error.value).toBe(networkErrorMessage);
    expect(e.saving.value).toBe(false);
  });

  it('saves once however often Save is pressed, and cannot be closed meanwhile', async () => {
    let answer!: (response: Response) => void;
    const requests = fakeServer(() => new Promise((resolve) => (answer = resolve)));
    const { editor: e } = editor();
    e.edit(null);
    const saving = e.save(draft);
    await e.save(draft);
    e.close();
    expect(e.open.value).toBe(true);

    await flushPromises();
    answer(Response.json(note('n1', 'Groceries'), { status: 201 }));
    await saving;
    expect(requests).toHaveLength(1);
    expect(e.open.value).toBe(false);
  });

  it('opens fresh: no error, conflict or field message from the last time', async () => {
    fakeServer(problem(412));
    const { editor: e } = editor();
    e.edit(note('n1', 'Mine'));
    await e.save(draft);
    e.close();

    e.edit(null);
    expect(e.note.value).toBeNull();
    expect(e.conflict.value).toBe(false);
    expect(e.error.value).toBeNull();
    expect(e.serverErrors.value).toEqual({});
    expect(e.open.value).toBe(true);
  });
});
