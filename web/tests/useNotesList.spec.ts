import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useNotesList } from '@/composables/useNotesList';
import { networkErrorMessage } from '@/composables/useRequest';
import { session } from '@/session';
import { fakeServer, mountComposable, note, problem } from './harness';

function notesPage(total: number, ...titles: string[]) {
  return Response.json({ items: titles.map((title, i) => note(String(i), title)), page: 1, pageSize: 10, total });
}

async function mountList(url = '/notes') {
  const announce = vi.fn();
  const mounted = await mountComposable(() => useNotesList({ pageSize: 10, announce }), url);
  await flushPromises();
  return { ...mounted, list: mounted.result, announce };
}

describe('notes list', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', username: 'alice' } });
  });
  afterEach(() => {
    session.end('signed-out');
    vi.unstubAllGlobals();
  });

  it('loads the search and page held in the URL', async () => {
    const requests = fakeServer(notesPage(12, 'Groceries', 'Grocer list'));
    const { list } = await mountList('/notes?q=grocer&page=2');

    const url = new URL(requests[0]!.url);
    expect(url.pathname).toBe('/api/notes');
    expect(Object.fromEntries(url.searchParams)).toEqual({ search: 'grocer', page: '2', pageSize: '10' });
    expect(list.notes.value.map((n) => n.title)).toEqual(['Groceries', 'Grocer list']);
    expect(list.pageCount.value).toBe(2);
    expect(list.summary.value).toBe('12 notes matching “grocer”');
    expect(list.loading.value).toBe(false);
  });

  it('says it is loading until the first answer, then counts the notes', async () => {
    fakeServer(notesPage(1, 'Only'));
    const { result: list } = await mountComposable(() => useNotesList({ pageSize: 10, announce: vi.fn() }));
    expect(list.summary.value).toBe('Loading…');
    await flushPromises();
    expect(list.summary.value).toBe('1 note');
  });

  it('moves to the last page when the page in the URL is past the end', async () => {
    const requests = fakeServer(notesPage(11), notesPage(11, 'Eleventh'));
    const { list, router } = await mountList('/notes?page=5');

    expect(router.currentRoute.value.query).toEqual({ page: '2' });
    expect(new URL(requests[1]!.url).searchParams.get('page')).toBe('2');
    expect(list.notes.value.map((n) => n.title)).toEqual(['Eleventh']);
  });

  it('announces what a new search found, and a new page, but not a plain reload', async () => {
    fakeServer(notesPage(25, 'a'), notesPage(0), notesPage(25, 'a'), notesPage(25, 'k'), notesPage(25, 'k'));
    const { list, router, announce } = await mountList();

    await router.replace({ query: { q: 'zebra' } });
    await flushPromises();
    await router.replace({ query: {} });
    await flushPromises();
    await list.goToPage(2);
    await flushPromises();
    await list.load();

    expect(announce.mock.calls).toEqual([['No notes match “zebra”'], ['Showing all 25 notes'], ['Page 2 of 3']]);
    expect(router.currentRoute.value.query).toEqual({ page: '2' });
  });

  it('aborts a load a newer search supersedes, and never shows its answer', async () => {
    let answerFirst!: (response: Response) => void;
    const requests = fakeServer(() => new Promise((resolve) => (answerFirst = resolve)), notesPage(1, 'Latest'));
    const { result: list, router } = await mountComposable(() => useNotesList({ pageSize: 10, announce: vi.fn() }));

    await router.replace({ query: { q: 'latest' } });
    await flushPromises();
    expect(requests[0]!.signal.aborted).toBe(true);
    answerFirst(notesPage(1, 'Stale'));
    await flushPromises();

    expect(list.notes.value.map((n) => n.title)).toEqual(['Latest']);
    expect(list.loading.value).toBe(false);
  });

  it('never shows the error of a superseded load', async () => {
    let failFirst!: (error: Error) => void;
    fakeServer(() => new Promise((_, reject) => (failFirst = reject)), notesPage(1, 'Latest'));
    const { result: list, router } = await mountComposable(() => useNotesList({ pageSize: 10, announce: vi.fn() }));

    await router.replace({ query: { page: '2' } });
    await flushPromises();
    failFirst(new DOMException('The operation was aborted.', 'AbortError'));
    await flushPromises();

    expect(list.pageError.value).toBeNull();
    expect(list.notes.value.map((n) => n.title)).toEqual(['Latest']);
  });

  it('shows why the notes could not be loaded, and clears it once they load', async () => {
    fakeServer(problem(503, 'database_unavailable', 'The database is unavailable.'), notesPage(0));
    const { list } = await mountList();
    expect(list.pageError.value).toBe('The database is unavailable.');

    await list.load();
    expect(list.pageError.value).toBeNull();
  });

  it('explains an unreachable server', async () => {
    fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    const { list } = await mountList();
    expect(list.pageError.value).toBe(networkErrorMessage);
    expect(list.loading.value).toBe(false);
  });

  it('asks for the view and the tag the URL names, and splits pinned notes into their own section', async () => {
    const pinned = { ...note('p', 'Pinned plan'), pinned: true };
    const requests = fakeServer(Response.json({ items: [pinned, note('o', 'Other')], page: 1, pageSize: 10, total: 2 }));
    const { list } = await mountList('/archive?tag=work/clients&q=plan');

    const url = new URL(requests[0]!.url);
    expect(Object.fromEntries(url.searchParams)).toEqual({ search: 'plan', view: 'archived', tag: 'work/clients', page: '1', pageSize: '10' });
    expect(list.pinned.value.map((n) => n.title)).toEqual(['Pinned plan']);
    expect(list.unpinned.value.map((n) => n.title)).toEqual(['Other']);
    expect(list.summary.value).toBe('2 notes in the archive tagged “work/clients” matching “plan”');
  });

  it('shows the trash as one list, and announces a change of view or tag', async () => {
    const trashed = { ...note('p', 'Was pinned'), pinned: true };
    const requests = fakeServer(notesPage(3, 'a'), Response.json({ items: [trashed], page: 1, pageSize: 10, total: 1 }), notesPage(2, 'b'));
    const { list, router, announce } = await mountList();

    await router.push('/trash');
    await flushPromises();
    expect(new URL(requests[1]!.url).searchParams.get('view')).toBe('trash');
    expect(list.pinned.value).toEqual([]);
    expect(list.unpinned.value.map((n) => n.title)).toEqual(['Was pinned']);
    expect(list.summary.value).toBe('1 note in the trash');

    await router.push('/notes?tag=work');
    await flushPromises();
    expect(announce.mock.calls).toEqual([['Trash: 1 note'], ['Notes tagged “work”: 2 notes']]);
  });
});

