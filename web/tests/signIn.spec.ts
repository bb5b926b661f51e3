import { afterEach, describe, expect, it, vi } from 'vitest';
import { register } from '@/session/signIn';
import { fakeServer } from './harness';

describe('register', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it("hands on the API's refusal of a password, in its words, for the password field", async () => {
    const reason = 'This password is too easy to guess. It is, or contains, one of the most common passwords.';
    fakeServer(
      Response.json(
        { status: 400, title: 'One or more errors occurred!', instance: '/api/auth/register', errors: [{ name: 'password', reason }] },
        { status: 400, headers: { 'Content-Type': 'application/problem+json' } },
      ),
    );

    const refusal = await register({ username: 'alice', password: 'password1' });

    expect(refusal).toEqual({ message: null, fields: { password: reason } });
  });

  it("shows the API's words when this address has created too many accounts", async () => {
    const detail = 'Too many accounts have been created from this address. Try again in 42 minutes.';
    fakeServer(
      Response.json(
        { status: 429, title: 'Too Many Requests', detail, errors: [] },
        { status: 429, headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '2520' } },
      ),
    );

    const refusal = await register({ username: 'alice', password: 'correct horse battery staple' });

    expect(refusal).toEqual({ message: detail, fields: {} });
  });
});
