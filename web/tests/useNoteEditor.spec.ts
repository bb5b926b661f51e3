import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNoteEditor } from '@/composables/useNoteEditor';
import { networkErrorMessage } from '@/composables/useRequest';
import { fakeServer, note, noteAnswer, problem } from './harness';

function editor() {
  const options = { announce: vi.fn(), onSaved: vi.fn(async () => {}), onNoteGone: vi.fn(async () => {}), onNoteTrashed: vi.fn(async () => {}) };
  return { ...options, editor: useNoteEditor(options) };
}

const draft = { title: 'Groceries', description: 'Milk', tags: ['home'], archived: false };

describe('note editor', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('adds a new note, then closes and says so', async () => {
    const requests = fakeServer(noteAnswer(note('n1', 'Groceries'), '"1"', 201));
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

  it('saves an edit only over the version the user saw, named by the ETag the API sent with it', async () => {
    const requests = fakeServer(noteAnswer(note('n1', 'Grocery', 3), '"tag-3"'), noteAnswer(note('n1', 'Groceries', 4)));
    const { editor: e, announce, onSaved } = editor();
    e.edit(note('n1', 'Grocery', 3));
    await flushPromises();
    await e.save(draft);

    expect(new URL(requests[0]!.url).pathname).toBe('/api/notes/n1');
    expect(requests[1]!.method).toBe('PATCH');
    expect(new URL(requests[1]!.url).pathname).toBe('/api/notes/n1');
    expect(requests[1]!.headers.get('If-Match')).toBe('"tag-3"');
    expect(announce).toHaveBeenCalledWith('Note saved');
    expect(onSaved).toHaveBeenCalledWith(false);
  });

  it('saves nothing until the note is fetched, since there is no tag to save over yet', async () => {
    let answer!: (response: Response) => void;
    const requests = fakeServer(() => new Promise((resolve) => (answer = resolve)));
    const { editor: e } = editor();
    e.edit(note('n1', 'Mine', 3));
    expect(e.reloading.value).toBe(true);
    await e.save(draft);
    expect(requests.map((r) => r.method)).toEqual(['GET']);

    answer(noteAnswer(note('n1', 'Mine', 3)));
    await flushPromises();
    expect(e.reloading.value).toBe(false);
  });

  it('opens an edit on the latest version when the list showed an older one', async () => {
    fakeServer(noteAnswer(note('n1', 'Theirs', 4)));
    const { editor: e } = editor();
    e.edit(note('n1', 'Listed', 3));
    expect(e.note.value).toMatchObject({ title: 'Listed' });
    await flushPromises();
    expect(e.note.value).toMatchObject({ title: 'Theirs', version: 4 });
  });

  it('closes and reports a note deleted somewhere else, on opening or on save', async () => {
    fakeServer(problem(404, 'not_found'), noteAnswer(note('n1', 'Gone')), problem(404, 'not_found'));
    const { editor: e, onNoteGone } = editor();
    e.edit(note('n1', 'Gone'));
    await flushPromises();
    expect(e.open.value).toBe(false);

    e.edit(note('n1', 'Gone'));
    await flushPromises();
    await e.save(draft);
    expect(e.open.value).toBe(false);
    expect(onNoteGone).toHaveBeenCalledTimes(2);
  });

  it('says when the note could not be fetched on opening, and fetches it again on save', async () => {
    const requests = fakeServer(
      () => Promise.reject(new TypeError('Failed to fetch')),
      noteAnswer(note('n1', 'Mine', 3)),
      noteAnswer(note('n1', 'Groceries', 4)),
    );
    const { editor: e, onSaved } = editor();
    e.edit(note('n1', 'Mine', 3));
    await flushPromises();
    expect(e.error.value).toBe(networkErrorMessage);

    await e.save(draft);
    expect(requests.map((r) => r.method)).toEqual(['GET', 'GET', 'PATCH']);
    expect(requests[2]!.headers.get('If-Match')).toBe('"3"');
    expect(onSaved).toHaveBeenCalled();
  });

  it('leaves a note being added alone when the fetch of one opened before answers late', async () => {
    let answer!: (response: Response) => void;
    fakeServer(() => new Promise((resolve) => (answer = resolve)));
    const { editor: e, onNoteGone } = editor();
    e.edit(note('n1', 'Listed', 3));
    await flushPromises();
    e.close();
    e.edit(null);

    answer(problem(404, 'not_found'));
    await flushPromises();
    expect(e.open.value).toBe(true);
    expect(e.note.value).toBeNull();
    expect(onNoteGone).not.toHaveBeenCalled();
  });

  it('shows the API’s field messages beside the fields, and other refusals above them', async () => {
    fakeServer(
      problem(400, 'validation_failed', 'One or more errors occurred.', { errors: [{ name: 'Title', reason: 'Title is required.' }] }),
      problem(409, 'quota_reached', 'Too many notes.'),
    );
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
    answer(noteAnswer(note('n1', 'Groceries'), '"1"', 201));
    await saving;
    expect(requests).toHaveLength(1);
    expect(e.open.value).toBe(false);
  });

  it('opens fresh: no error, merge or field message from the last time', async () => {
    fakeServer(noteAnswer(note('n1', 'Mine')), problem(412, 'version_conflict'));
    const { editor: e } = editor();
    e.edit(note('n1', 'Mine'));
    await flushPromises();
    await e.save(draft);
    e.close();

    e.edit(null);
    expect(e.note.value).toBeNull();
    expect(e.merge.value).toBeNull();
    expect(e.error.value).toBeNull();
    expect(e.serverErrors.value).toEqual({});
    expect(e.open.value).toBe(true);
  });

  it('when the note went to the trash meanwhile, stays open with the text typed, says so and refreshes the list', async () => {
    fakeServer(noteAnswer(note('n1', 'Mine', 3)), problem(409, 'note_in_trash', 'The note is in the trash.'));
    const { editor: e, onNoteTrashed, onSaved } = editor();
    e.edit(note('n1', 'Mine', 3));
    await flushPromises();
    await e.save(draft);
    expect(e.open.value).toBe(true);
    expect(e.error.value).toMatch(/^This note was moved to the trash somewhere else, so nothing was saved/);
    expect(onNoteTrashed).toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('sends the tags and the archive choice in the patch, and shows a refused tag under the tag field', async () => {
    const requests = fakeServer(
      noteAnswer(note('n1', 'Mine', 3)),
      problem(400, 'validation_failed', 'One or more errors occurred!', { errors: [{ name: 'tags[1]', reason: 'Tag "a b" may hold only letters, digits, -, _ and /.' }] }),
    );
    const { editor: e } = editor();
    e.edit(note('n1', 'Mine', 3));
    await flushPromises();
    await e.save({ ...draft, tags: ['home', 'a b'], archived: true });
    expect(await requests[1]!.json()).toEqual({ title: 'Groceries', description: 'Milk', tags: ['home', 'a b'], archived: true });
    expect(e.serverErrors.value).toEqual({ tags: 'Tag "a b" may hold only letters, digits, -, _ and /.' });
  });
});


describe('note editor, adding while the API is unsure', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  const unavailable = (headers: Record<string, string> = {}) =>
    problem(503, 'database_unavailable', 'The database is unavailable. Try again shortly.', { headers });
  const unreachable = () => Promise.reject(new TypeError('Failed to fetch'));
  const added = () => noteAnswer(note('n1', 'Groceries'), '"1"', 201);
  const keys = (requests: Request[]) => requests.map((r) => r.headers.get('Idempotency-Key'));

  it('sends a new Idempotency-Key with each add', async () => {
    const requests = fakeServer(added(), added());
    const { editor: e } = editor();
    e.edit(null);
    await e.save(draft);
    e.edit(null);
    await e.save(draft);

    expect(keys(requests)[0]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys(requests)[1]).toMatch(/^[0-9a-f]{32}$/);
    expect(keys(requests)[0]).not.toBe(keys(requests)[1]);
  });

  it('tries an add that met a 503 again after half a second, with the same key and body, saying so in the dialog', async () => {
    const requests = fakeServer(unavailable(), added());
    const { editor: e, announce, onSaved } = editor();
    e.edit(null);
    const saving = e.save(draft);
    await vi.advanceTimersByTimeAsync(499);
    expect(requests).toHaveLength(1);
    expect(e.saving.value).toBe(true);
    expect(e.notice.value).toBe('Saving failed, trying again (1 of 3)…');
    expect(e.error.value).toBeNull();

    await vi.advanceTimersByTimeAsync(1);
    await saving;
    expect(requests).toHaveLength(2);
    expect(keys(requests)[1]).toBe(keys(requests)[0]);
    expect(await requests[1]!.json()).toEqual(draft);
    expect(e.notice.value).toBeNull();
    expect(e.open.value).toBe(false);
    expect(announce).toHaveBeenCalledWith('Note added');
    expect(onSaved).toHaveBeenCalledTimes(1);
  });

  it('tries again after no answer and while the first try still runs, waiting longer each time, with one key', async () => {
    const requests = fakeServer(unreachable, problem(409, 'idempotency_key_in_progress'), added());
    const { editor: e } = editor();
    e.edit(null);
    const saving = e.save(draft);
    await vi.advanceTimersByTimeAsync(500);
    expect(requests).toHaveLength(2);
    expect(e.notice.value).toBe('Saving failed, trying again (2 of 3)…');
    await vi.advanceTimersByTimeAsync(999);
    expect(requests).toHaveLength(2);

    await vi.advanceTimersByTimeAsync(1);
    await saving;
    expect(requests).toHaveLength(3);
    expect(new Set(keys(requests)).size).toBe(1);
    expect(e.open.value).toBe(false);
  });

  it('gives up after three retries with the usual message, keeping the dialog and its text', async () => {
    const requests = fakeServer(unavailable(), unreachable, unavailable(), unavailable());
    const { editor: e, onSaved } = editor();
    e.edit(null);
    const saving = e.save(draft);
    await vi.advanceTimersByTimeAsync(500 + 1_000 + 1_999);
    expect(requests).toHaveLength(3);
    expect(e.notice.value).toBe('Saving failed, trying again (3 of 3)…');

    await vi.advanceTimersByTimeAsync(1);
    await saving;
    await vi.runAllTimersAsync();
    expect(requests).toHaveLength(4);
    expect(e.error.value).toBe('The database is unavailable. Try again shortly.');
    expect(e.notice.value).toBeNull();
    expect(e.saving.value).toBe(false);
    expect(e.open.value).toBe(true);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('explains an unreachable server, after trying again, and lets the user try again', async () => {
    fakeServer(unreachable, unreachable, unreachable, unreachable);
    const { editor: e } = editor();
    e.edit(null);
    const saving = e.save(draft);
    await vi.runAllTimersAsync();
    await saving;
    expect(e.error.value).toBe(networkErrorMessage);
    expect(e.saving.value).toBe(false);
  });

  it('waits as long as Retry-After asks, up to five seconds', async () => {
    const requests = fakeServer(unavailable({ 'Retry-After': '2' }), unavailable({ 'Retry-After': '60' }), added());
    const { editor: e } = editor();
    e.edit(null);
    const saving = e.save(draft);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(requests).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(4_999);
    expect(requests).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    await saving;
    expect(requests).toHaveLength(3);
  });

  it.each([
    ['a refused field', problem(400, 'validation_failed', 'Title is required.')],
    ['the note limit', problem(409, 'quota_reached', 'Too many notes.')],
    ['a key sent before with another body', problem(422, 'idempotency_key_reused', 'Use a new key.')],
  ])('does not try again after %s', async (_, refusal) => {
    const requests = fakeServer(refusal);
    const { editor: e } = editor();
    e.edit(null);
    const saving = e.save(draft);
    await vi.runAllTimersAsync();
    await saving;
    expect(requests).toHaveLength(1);
    expect(e.notice.value).toBeNull();
    expect(e.error.value).not.toBeNull();
  });

  it('uses a new key when the user saves again after giving up', async () => {
    const requests = fakeServer(unavailable(), unavailable(), unavailable(), unavailable(), added());
    const { editor: e } = editor();
    e.edit(null);
    const giving = e.save(draft);
    await vi.runAllTimersAsync();
    await giving;
    await e.save({ ...draft, title: 'Groceries!' });

    expect(new Set(keys(requests).slice(0, 4)).size).toBe(1);
    expect(keys(requests)[4]).not.toBe(keys(requests)[0]);
    expect(e.open.value).toBe(false);
  });

  it('does not retry an edit', async () => {
    const requests = fakeServer(noteAnswer(note('n1', 'Mine', 3)), unavailable());
    const { editor: e } = editor();
    e.edit(note('n1', 'Mine', 3));
    await vi.advanceTimersByTimeAsync(0);
    await e.save(draft);
    await vi.runAllTimersAsync();
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH']);
    expect(requests[1]!.headers.has('Idempotency-Key')).toBe(false);
  });
});
