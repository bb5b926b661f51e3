import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNoteDeletion } from '@/composables/useNoteDeletion';
import { networkErrorMessage } from '@/composables/useRequest';
import { fakeServer, note, problem } from './harness';

function deletion() {
  const options = { announce: vi.fn(), onDeleted: vi.fn(async () => {}) };
  return { ...options, deletion: useNoteDeletion(options) };
}

describe('note deletion', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('deletes the note asked about once confirmed, and says so', async () => {
    const requests = fakeServer(new Response(null, { status: 204 }));
    const { deletion: d, announce, onDeleted } = deletion();
    d.ask(note('n1', 'Groceries'));
    expect(requests).toHaveLength(0);

    await d.confirm();
    expect(requests[0]!.method).toBe('DELETE');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/notes/n1');
    expect(d.note.value).toBeNull();
    expect(announce).toHaveBeenCalledWith('Note deleted');
    expect(onDeleted).toHaveBeenCalled();
  });

  it('counts a note already deleted somewhere else as deleted', async () => {
    fakeServer(problem(404, 'not_found'));
    const { deletion: d, onDeleted } = deletion();
    d.ask(note('n1', 'Groceries'));
    await d.confirm();
    expect(d.note.value).toBeNull();
    expect(d.error.value).toBeNull();
    expect(onDeleted).toHaveBeenCalled();
  });

  it('keeps asking, with the reason, when the delete is refused', async () => {
    fakeServer(problem(503, 'database_unavailable', 'The database is unavailable.'));
    const { deletion: d, onDeleted } = deletion();
    d.ask(note('n1', 'Groceries'));
    await d.confirm();
    expect(d.note.value).toMatchObject({ id: 'n1' });
    expect(d.error.value).toBe('The database is unavailable.');
    expect(onDeleted).not.toHaveBeenCalled();

    d.ask(note('n2', 'Ideas'));
    expect(d.error.value).toBeNull();
  });

  it('cannot be cancelled while the delete is under way', async () => {
    let answer!: (response: Response) => void;
    fakeServer(() => new Promise((resolve) => (answer = resolve)));
    const { deletion: d } = deletion();
    d.ask(note('n1', 'Groceries'));
    const deleting = d.confirm();
    d.cancel();
    expect(d.note.value).not.toBeNull();

    await flushPromises();
    answer(new Response(null, { status: 204 }));
    await deleting;
    expect(d.note.value).toBeNull();
  });

  it('says nothing more when the session has ended: the app is on its way to sign-in', async () => {
    fakeServer(problem(401, 'token_revoked', 'Token has been revoked'));
    const { deletion: d, onDeleted } = deletion();
    d.ask(note('n1', 'Groceries'));
    await d.confirm();
    expect(d.error.value).toBeNull();
    expect(d.busy.value).toBe(false);
    expect(onDeleted).not.toHaveBeenCalled();
  });

  it('explains an unreachable server and keeps asking', async () => {
    fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    const { deletion: d } = deletion();
    d.ask(note('n1', 'Groceries'));
    await d.confirm();
    expect(d.error.value).toBe(networkErrorMessage);
    expect(d.note.value).toMatchObject({ id: 'n1' });
  });

  it('keeps the note when cancelled', () => {
    const { deletion: d } = deletion();
    d.ask(note('n1', 'Groceries'));
    d.cancel();
    expect(d.note.value).toBeNull();
  });
});
