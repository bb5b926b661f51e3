import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Note } from '@/api/client';
import { useNoteView } from '@/composables/useNoteView';
import { fakeServer, mountComposable, note, noteAnswer, problem } from './harness';

const list = 'Shopping\n\n- [ ] milk\n- [ ] eggs';
const withList = (version: number, description = list): Note => ({ ...note('n1', 'Groceries', version), description });

async function view(url = '/notes?note=n1') {
  const options = { announce: vi.fn(), onChanged: vi.fn(async () => {}) };
  const mounted = await mountComposable(() => useNoteView(options), url);
  await flushPromises();
  return { ...options, ...mounted, view: mounted.result };
}

/** A 412 as the API answers it: the problem, and the note as it is now. */
async function conflict(current: Note) {
  const body = await problem(412, 'version_conflict', 'The note has changed.').json();
  return Response.json({ ...body, current }, { status: 412, headers: { 'Content-Type': 'application/problem+json' } });
}

describe('note view', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('shows the note the URL names, and closes by going back to where it was opened', async () => {
    const requests = fakeServer(noteAnswer(withList(3)));
    const { view: v, router } = await view('/notes?tag=home');
    expect(v.id.value).toBeNull();
    expect(requests).toHaveLength(0);

    v.show('n1');
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/notes?tag=home&note=n1');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/notes/n1');
    expect(v.note.value).toMatchObject({ title: 'Groceries', version: 3 });
    expect(v.source.value).toBe(list);

    v.close();
    await new Promise((resolve) => router.afterEach(resolve));
    expect(router.currentRoute.value.fullPath).toBe('/notes?tag=home');
    expect(v.note.value).toBeNull();
  });

  it('opened from the URL, closes by taking the note out of it', async () => {
    fakeServer(noteAnswer(withList(3)));
    const { view: v, router } = await view('/notes?note=n1&page=2');
    expect(v.note.value).toMatchObject({ version: 3 });
    v.close();
    await flushPromises();
    expect(router.currentRoute.value.fullPath).toBe('/notes?page=2');
  });

  it('says when the note does not exist', async () => {
    fakeServer(problem(404, 'not_found'));
    const { view: v } = await view();
    expect(v.missing.value).toBe(true);
    expect(v.note.value).toBeNull();
  });

  it('saves a tick as the changed Markdown over the version on screen, showing it at once', async () => {
    let answer!: (response: Response) => void;
    const requests = fakeServer(noteAnswer(withList(3), '"3"'), () => new Promise((resolve) => (answer = resolve)));
    const { view: v, announce, onChanged } = await view();

    v.tick(2, true);
    expect(v.source.value).toBe('Shopping\n\n- [x] milk\n- [ ] eggs');
    expect(v.saving.value).toBe(true);
    await flushPromises();
    const patch = requests[1]!;
    expect(patch.method).toBe('PATCH');
    expect(patch.headers.get('If-Match')).toBe('"3"');
    expect(await patch.json()).toEqual({ description: 'Shopping\n\n- [x] milk\n- [ ] eggs' });

    answer(noteAnswer(withList(4, 'Shopping\n\n- [x] milk\n- [ ] eggs')));
    await flushPromises();
    expect(v.saving.value).toBe(false);
    expect(v.note.value).toMatchObject({ version: 4 });
    expect(v.source.value).toBe('Shopping\n\n- [x] milk\n- [ ] eggs');
    expect(announce).toHaveBeenCalledWith('Task list saved');
    expect(onChanged).toHaveBeenCalledTimes(1);
  });

  it('saves the ticks made while one is being saved right after it, together, over the new version', async () => {
    let answer!: (response: Response) => void;
    const requests = fakeServer(
      noteAnswer(withList(3)),
      () => new Promise((resolve) => (answer = resolve)),
      noteAnswer(withList(5, 'Shopping\n\n- [ ] milk\n- [x] eggs')),
    );
    const { view: v } = await view();
    v.tick(2, true);
    v.tick(3, true);
    v.tick(2, false);
    expect(v.source.value).toBe('Shopping\n\n- [ ] milk\n- [x] eggs');
    await flushPromises();
    expect(requests).toHaveLength(2);
    answer(noteAnswer(withList(4, 'Shopping\n\n- [x] milk\n- [ ] eggs')));
    await flushPromises();

    expect(requests).toHaveLength(3);
    expect(requests[2]!.headers.get('If-Match')).toBe('"4"');
    expect(await requests[2]!.json()).toEqual({ description: 'Shopping\n\n- [ ] milk\n- [x] eggs' });
    expect(v.note.value).toMatchObject({ version: 5 });
    expect(v.saving.value).toBe(false);
  });

  it('on a conflict overwrites nothing: it shows the note as it is now and says the tick was not saved', async () => {
    const theirs = withList(4, 'Shopping\n\n- [ ] milk\n- [ ] eggs\n- [ ] bread');
    const requests = fakeServer(noteAnswer(withList(3)), await conflict(theirs), noteAnswer(withList(5)));
    const { view: v, onChanged } = await view();

    v.tick(3, true);
    await flushPromises();
    expect(requests).toHaveLength(2);
    expect(v.note.value).toEqual(theirs);
    expect(v.source.value).toBe(theirs.description);
    expect(v.notice.value).toMatch(/changed somewhere else, so your tick was not saved and nothing was overwritten/);
    expect(onChanged).toHaveBeenCalled();

    // The next tick is made on the version now shown.
    v.tick(4, true);
    await flushPromises();
    expect(requests[2]!.headers.get('If-Match')).toBe('"4"');
    expect(await requests[2]!.json()).toEqual({ description: 'Shopping\n\n- [ ] milk\n- [ ] eggs\n- [x] bread' });
    expect(v.notice.value).toBeNull();
  });

  it('on a conflict without the current note in the answer, fetches it', async () => {
    const requests = fakeServer(noteAnswer(withList(3)), problem(412, 'version_conflict'), noteAnswer(withList(4, 'changed')));
    const { view: v } = await view();
    v.tick(2, true);
    await flushPromises();
    expect(requests.map((r) => r.method)).toEqual(['GET', 'PATCH', 'GET']);
    expect(v.source.value).toBe('changed');
    expect(v.notice.value).toMatch(/not saved/);
  });

  it('shows the note unchanged and why when a tick fails', async () => {
    fakeServer(noteAnswer(withList(3)), problem(503, 'database_unavailable', 'The database is unavailable.'));
    const { view: v } = await view();
    v.tick(2, true);
    await flushPromises();
    expect(v.source.value).toBe(list);
    expect(v.notice.value).toBe('The database is unavailable.');
  });

  it('does not tick a note in the trash', async () => {
    const requests = fakeServer(noteAnswer({ ...withList(3), trashedAt: '2026-03-02T12:00:00Z' }));
    const { view: v } = await view();
    v.tick(2, true);
    expect(requests).toHaveLength(1);
    expect(v.source.value).toBe(list);
  });
});
