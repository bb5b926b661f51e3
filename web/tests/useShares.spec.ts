import { afterEach, describe, expect, it, vi } from 'vitest';
import { expiryBody, useShares } from '@/composables/useShares';
import { useSharedNote } from '@/composables/useSharedNote';
import { fakeServer, note, problem } from './harness';

const flush = () => new Promise((resolve) => setTimeout(resolve));
const link = (id: string, views = 0) => ({ id, createdAt: '2026-03-01T12:00:00Z', expiresAt: null, views, lastViewedAt: null });
const created = (token: string) =>
  Response.json({ id: 's9', url: `/s/${token}`, createdAt: '2026-03-01T12:00:00Z', expiresAt: null }, { status: 201 });

describe('share links', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for an expiry in days from now, or an explicit null for never', () => {
    const now = new Date('2026-03-01T12:00:00Z');
    expect(expiryBody(7, now)).toEqual({ expiresAt: '2026-03-08T12:00:00.000Z' });
    expect(expiryBody(365, now)).toEqual({ expiresAt: '2027-03-01T12:00:00.000Z' });
    expect(JSON.stringify(expiryBody('never', now))).toBe('{"expiresAt":null}');
  });

  it('lists the links, makes one whose full address on this site is shown once, and lists again', async () => {
    const requests = fakeServer(Response.json([link('s1', 3)]), created('tok'), Response.json([link('s9'), link('s1', 3)]));
    const announce = vi.fn();
    const shares = useShares({ announce });
    shares.open(note('n1', 'Trip'));
    await flush();
    expect(new URL(requests[0]!.url).pathname).toBe('/api/notes/n1/shares');
    expect(shares.links.value.map((l) => l.views)).toEqual([3]);

    await shares.create('never');

    expect(requests[1]!.method).toBe('POST');
    expect(await requests[1]!.json()).toEqual({ expiresAt: null });
    expect(shares.created.value).toBe(`${location.origin}/s/tok`);
    expect(shares.links.value.map((l) => l.id)).toEqual(['s9', 's1']);
    expect(announce).toHaveBeenCalledWith('Link created.');
  });

  it('says a note in the trash cannot be shared', async () => {
    fakeServer(Response.json([]), problem(409, 'note_in_trash'));
    const shares = useShares({ announce: vi.fn() });
    shares.open(note('n1', 'Trip'));
    await flush();

    await shares.create(30);

    expect(shares.error.value).toMatch(/trash/);
    expect(shares.created.value).toBeNull();
  });

  it('revokes a link and drops it from the list, also when it was already gone', async () => {
    const requests = fakeServer(Response.json([link('s1'), link('s2')]), new Response(null, { status: 204 }), problem(404, 'not_found'));
    const shares = useShares({ announce: vi.fn() });
    shares.open(note('n1', 'Trip'));
    await flush();

    await shares.revoke(link('s1'));
    await shares.revoke(link('s2'));

    expect(requests[1]!.method).toBe('DELETE');
    expect(new URL(requests[1]!.url).pathname).toBe('/api/notes/n1/shares/s1');
    expect(shares.links.value).toEqual([]);
    expect(shares.error.value).toBeNull();
  });
});

describe('a shared note', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('reads the note without a token, and calls any link that shows nothing missing', async () => {
    const requests = fakeServer(Response.json({ title: 'Trip', description: '# Plan', updatedAt: '2026-03-01T12:00:00Z' }), problem(404, 'not_found'));
    const shared = useSharedNote();

    await shared.load('abc');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/shared/abc');
    expect(requests[0]!.headers.get('Authorization')).toBeNull();
    expect(shared.note.value?.title).toBe('Trip');

    await shared.load('gone');
    expect(shared.missing.value).toBe(true);
    expect(shared.note.value).toBeNull();
  });
});
