import { afterEach, describe, expect, it, vi } from 'vitest';
import { useNoteActions } from '@/composables/useNoteActions';
import { fakeServer, note, noteAnswer, problem } from './harness';

function actions() {
  const options = { announce: vi.fn(), onChanged: vi.fn(async () => {}), offerUndo: vi.fn() };
  return { ...options, actions: useNoteActions(options) };
}

describe('a card’s one-click changes', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('pins with a merge patch over the version the card shows, and says so', async () => {
    const requests = fakeServer(noteAnswer({ ...note('n1', 'Plan', 4), pinned: true }));
    const { actions: a, announce, onChanged } = actions();
    await a.togglePin(note('n1', 'Plan', 3));

    expect(requests[0]!.method).toBe('PATCH');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/notes/n1');
    expect(requests[0]!.headers.get('If-Match')).toBe('"3"');
    expect(await requests[0]!.json()).toEqual({ pinned: true });
    expect(announce).toHaveBeenCalledWith('Pinned “Plan”');
    expect(onChanged).toHaveBeenCalled();
  });

  it('unpins, archives and unarchives the same way', async () => {
    const requests = fakeServer(noteAnswer(note('n1', 'Plan', 4)), noteAnswer(note('n1', 'Plan', 5)), noteAnswer(note('n1', 'Plan', 6)));
    const { actions: a, announce } = actions();
    await a.togglePin({ ...note('n1', 'Plan', 3), pinned: true });
    await a.toggleArchive(note('n1', 'Plan', 4));
    await a.toggleArchive({ ...note('n1', 'Plan', 5), archived: true });
    expect(await Promise.all(requests.map((r) => r.json()))).toEqual([{ pinned: false }, { archived: true }, { archived: false }]);
    expect(announce.mock.calls).toEqual([['Unpinned “Plan”'], ['Archived “Plan”'], ['Moved “Plan” out of the archive']]);
  });

  it('moves a note to the trash and offers an Undo, which restores the version the trash holds', async () => {
    const requests = fakeServer(noteAnswer({ ...note('n1', 'Plan', 4), trashedAt: '2026-03-01T12:00:00Z' }, '"4"'), noteAnswer(note('n1', 'Plan', 5)));
    const { actions: a, announce, offerUndo, onChanged } = actions();
    await a.trash(note('n1', 'Plan', 3));

    expect(await requests[0]!.json()).toEqual({ trashed: true });
    expect(requests[0]!.headers.get('If-Match')).toBe('"3"');
    expect(offerUndo).toHaveBeenCalledWith('Moved “Plan” to the trash', expect.any(Function));
    // The toast says it in its own live region.
    expect(announce).not.toHaveBeenCalled();
    expect(onChanged).toHaveBeenCalledTimes(1);

    await offerUndo.mock.calls[0]![1]();
    expect(await requests[1]!.json()).toEqual({ trashed: false });
    expect(requests[1]!.headers.get('If-Match')).toBe('"4"');
    expect(announce).toHaveBeenCalledWith('Restored “Plan”');
    expect(onChanged).toHaveBeenCalledTimes(2);
  });

  it.each([
    [412, 'version_conflict', '“Plan” was changed somewhere else, so nothing was changed. The list now shows its latest version: try again.'],
    [409, 'note_in_trash', '“Plan” was moved to the trash somewhere else, so nothing was changed. Restore it from the trash first.'],
    [404, 'not_found', '“Plan” no longer exists: it was deleted somewhere else.'],
  ] as const)('on %i %s says what happened and shows the list as it is now', async (status, code, message) => {
    fakeServer(problem(status, code, 'English detail the client never parses.'));
    const { actions: a, onChanged, offerUndo } = actions();
    await a.trash(note('n1', 'Plan', 3));
    expect(a.error.value).toBe(message);
    expect(onChanged).toHaveBeenCalled();
    expect(offerUndo).not.toHaveBeenCalled();
  });

  it('shows the API’s words for any other refusal, and keeps the list', async () => {
    fakeServer(problem(503, 'database_unavailable', 'The database is unavailable.'));
    const { actions: a, onChanged } = actions();
    await a.togglePin(note('n1', 'Plan'));
    expect(a.error.value).toBe('The database is unavailable.');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('ignores a second press on a card while its change is under way, but not another card', async () => {
    let answer!: (response: Response) => void;
    const requests = fakeServer(() => new Promise((resolve) => (answer = resolve)), noteAnswer(note('n2', 'Other', 2)));
    const { actions: a } = actions();
    const first = a.togglePin(note('n1', 'Plan'));
    expect(a.busy.value.has('n1')).toBe(true);
    await a.togglePin(note('n1', 'Plan'));
    await a.togglePin(note('n2', 'Other'));
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/notes/n1', '/api/notes/n2']);
    answer(noteAnswer(note('n1', 'Plan', 2)));
    await first;
    expect(a.busy.value.size).toBe(0);
  });
});
