import { describe, expect, it, vi } from 'vitest';
import { createApi } from '@/api/client';
import { problem } from './harness';

function setup(answer: (request: Request) => Response, token: string | null = 'tok') {
  const session = { token: vi.fn(() => token), end: vi.fn(), settled: vi.fn(async () => {}) };
  const seen: Request[] = [];
  const fetch = vi.fn(async (request: Request) => {
    seen.push(request);
    return answer(request);
  }) as unknown as typeof globalThis.fetch;
  const api = createApi(session, { baseUrl: 'http://app.test', fetch });
  return { api, session, seen };
}

describe('API client', () => {
  it('sends the session token as a Bearer header', async () => {
    const { api, seen } = setup(() => Response.json({ items: [], page: 1, pageSize: 10, total: 0 }));
    await api.GET('/api/notes');
    expect(seen[0]!.headers.get('Authorization')).toBe('Bearer tok');
  });

  it('never sends a token to sign-in or registration', async () => {
    const { api, seen } = setup(() => problem(401, 'invalid_credentials', 'Invalid username or password'));
    await api.POST('/api/auth/login', { body: { username: 'alice', password: 'secret123' } });
    await api.POST('/api/auth/register', { body: { username: 'alice', password: 'secret123' } });
    expect(seen.map((r) => r.headers.has('Authorization'))).toEqual([false, false]);
  });

  it('ends the session as expired when the API says the token has expired', async () => {
    const { api, session } = setup(() => problem(401, 'token_expired', 'Worded any way'));
    const { error, response } = await api.GET('/api/notes');
    expect(response.status).toBe(401);
    expect(error).toMatchObject({ code: 'token_expired' });
    expect(session.end).toHaveBeenCalledWith('expired');
  });

  it.each(['token_revoked', 'invalid_token', 'auth_required'] as const)(
    'ends the session as signed out on %s',
    async (code) => {
      const { api, session } = setup(() => problem(401, code, 'Token has expired'));
      await api.DELETE('/api/notes/{id}', { params: { path: { id: 'n1' } } });
      expect(session.end).toHaveBeenCalledWith('revoked');
    },
  );

  it('leaves the session alone when wrong credentials are refused', async () => {
    const { api, session } = setup(() => problem(401, 'invalid_credentials', 'Invalid username or password'), null);
    await api.POST('/api/auth/login', { body: { username: 'alice', password: 'wrong-password' } });
    expect(session.end).not.toHaveBeenCalled();
  });

  it('sends a request refused because a refresh replaced its token again, with the new token', async () => {
    let current = 'old';
    const { api, session, seen } = setup((request) =>
      request.headers.get('Authorization') === 'Bearer new'
        ? Response.json({ id: 'n1', title: 'Saved', description: '', createdAt: '', updatedAt: '', version: 2 })
        : problem(401, 'token_revoked'),
    );
    session.token.mockImplementation(() => current);
    session.settled.mockImplementation(async () => {
      current = 'new';
    });

    const { data } = await api.PUT('/api/notes/{id}', { params: { path: { id: 'n1' } }, body: { title: 'Saved', description: '' } });
    expect(data?.title).toBe('Saved');
    expect(seen.map((r) => r.headers.get('Authorization'))).toEqual(['Bearer old', 'Bearer new']);
    expect(await seen[1]!.json()).toEqual({ title: 'Saved', description: '' });
    expect(session.end).not.toHaveBeenCalled();
  });

  it('leaves the session alone on other errors', async () => {
    const { api, session } = setup(() => problem(412, 'version_conflict'));
    await api.PUT('/api/notes/{id}', { params: { path: { id: 'n1' } }, body: { title: 't', description: '' } });
    expect(session.end).not.toHaveBeenCalled();
  });
});
