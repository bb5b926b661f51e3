import { afterEach, describe, expect, it, vi } from 'vitest';
import { contentAt } from '@/composables/contentAt';
import { fakeServer, note, problem } from './harness';

const current = { ...note('n1', 'Now', 9), description: 'now' };
const revision = (version: number) => Response.json({ version, title: `T${version}`, description: `d${version}`, savedAt: '2026-03-01T12:00:00Z' });
const page = (versions: number[], total = versions.length) =>
  Response.json({ items: versions.map((version) => ({ version, title: `T${version}`, savedAt: '2026-03-01T12:00:00Z', length: 2 })), page: 1, pageSize: 100, total });
const urls = (requests: Request[]) => requests.map((r) => { const url = new URL(r.url); return url.pathname + url.search; });

describe('the content a note had at a version', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is that version’s revision when the history kept one', async () => {
    const requests = fakeServer(revision(4));
    expect(await contentAt('n1', 4, current)).toMatchObject({ title: 'T4', description: 'd4' });
    expect(urls(requests)).toEqual(['/api/notes/n1/revisions/4']);
  });

  it('is the next revision kept after it, when the version was replaced by a change that kept none (a pin)', async () => {
    const requests = fakeServer(problem(404, 'not_found'), page([8, 6, 3]), revision(6));
    expect(await contentAt('n1', 4, current)).toMatchObject({ description: 'd6' });
    expect(urls(requests)).toEqual(['/api/notes/n1/revisions/4', '/api/notes/n1/revisions?page=1&pageSize=100', '/api/notes/n1/revisions/6']);
  });

  it('is the current content when nothing was kept after it, or nothing at all', async () => {
    fakeServer(problem(404, 'not_found'), page([3, 2]), problem(404, 'not_found'), page([]));
    expect(await contentAt('n1', 4, current)).toBe(current);
    expect(await contentAt('n1', 4, current)).toBe(current);
  });

  it('reads further pages until the history reaches back past it', async () => {
    const requests = fakeServer(problem(404, 'not_found'), page([9, 8], 150), page([5, 2], 150), revision(5));
    expect(await contentAt('n1', 4, current)).toMatchObject({ description: 'd5' });
    expect(urls(requests)[2]).toBe('/api/notes/n1/revisions?page=2&pageSize=100');
  });

  it('is unknown when the history does not reach back past it (pruned), or cannot be read', async () => {
    fakeServer(problem(404, 'not_found'), page([8, 6]), () => Promise.reject(new TypeError('Failed to fetch')));
    expect(await contentAt('n1', 4, current)).toBeNull();
    expect(await contentAt('n1', 4, current)).toBeNull();
  });
});
