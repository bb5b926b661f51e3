import { afterEach, describe, expect, it, vi } from 'vitest';
import { expiresAtFor, useAccessTokens } from '@/composables/useAccessTokens';
import { fakeServer, problem } from './harness';

const row = (id: string, name = 'backup') => ({ id, name, scope: 'read', createdAt: '2026-01-01T00:00:00Z', expiresAt: null, lastUsedAt: null });

describe('personal access tokens in settings', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('creates a token with its name, scope and expiry, keeps the token shown once, and lists it', async () => {
    const created = { id: 't1', name: 'backup', scope: 'read', token: 'nsp_secret', createdAt: '2026-01-01T00:00:00Z', expiresAt: null };
    const requests = fakeServer(Response.json(created, { status: 201 }), Response.json([row('t1')]));
    const t = useAccessTokens();

    expect(await t.create({ name: '  backup ', scope: 'read', expiry: 'never' })).toBe(true);

    expect(requests[0]!.method).toBe('POST');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/account/tokens');
    expect(await requests[0]!.json()).toEqual({ name: 'backup', scope: 'read', expiresAt: null });
    expect(t.created.value?.token).toBe('nsp_secret');
    expect(t.tokens.value.map((r) => r.id)).toEqual(['t1']);
  });

  it('asks for a name before sending anything', async () => {
    const requests = fakeServer();
    const t = useAccessTokens();

    expect(await t.create({ name: '  ', scope: 'write', expiry: '30' })).toBe(false);

    expect(requests).toHaveLength(0);
    expect(t.errors.value.name).toBeTruthy();
  });

  it('says why at the limit of tokens', async () => {
    fakeServer(problem(409, 'token_limit_reached', 'You already hold 20 access tokens.'));
    const t = useAccessTokens();

    await t.create({ name: 'one more', scope: 'read', expiry: '90' });

    expect(t.message.value).toBe('You already hold 20 access tokens.');
    expect(t.created.value).toBeNull();
  });

  it('revokes one token, and all of them, taking a token already gone as revoked', async () => {
    const requests = fakeServer(Response.json([row('a'), row('b'), row('c')]), new Response(null, { status: 204 }), new Response(null, { status: 204 }), problem(404, 'not_found'));
    const t = useAccessTokens();
    await t.load();

    await t.revoke('a');
    expect(t.tokens.value.map((r) => r.id)).toEqual(['b', 'c']);
    expect(await t.revokeAll()).toBe(true);

    expect(t.tokens.value).toEqual([]);
    expect(requests.slice(1).map((r) => `${r.method} ${new URL(r.url).pathname}`)).toEqual([
      'DELETE /api/account/tokens/a',
      'DELETE /api/account/tokens/b',
      'DELETE /api/account/tokens/c',
    ]);
  });

  it('turns an expiry choice into a time that many days ahead, or none', () => {
    const now = Date.UTC(2026, 0, 1);
    expect(expiresAtFor('30', now)).toBe('2026-01-31T00:00:00.000Z');
    expect(expiresAtFor('never', now)).toBeNull();
  });
});
