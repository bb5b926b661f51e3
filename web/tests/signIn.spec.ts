import { afterEach, describe, expect, it, vi } from 'vitest';
import { networkErrorMessage } from '@/composables/useRequest';
import { session } from '@/session';
import { register, signIn } from '@/session/signIn';
import { fakeServer, problem } from './harness';

const issued = { token: 'tok', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', username: 'alice' } };

afterEach(() => {
  session.end('signed-out');
  vi.unstubAllGlobals();
});

describe('sign-in', () => {
  it('starts the session with the token the API issued', async () => {
    fakeServer(Response.json(issued));
    expect(await signIn({ username: 'alice', password: 'secret123' })).toBeNull();
    expect(session.user.value).toEqual(issued.user);
  });

  it('says the credentials were refused, in the API’s words', async () => {
    fakeServer(problem(401, 'invalid_credentials', 'Invalid username or password.'));
    const refusal = await signIn({ username: 'alice', password: 'wrong-password' });
    expect(refusal).toEqual({ message: 'Invalid username or password.', fields: {} });
    expect(session.signedIn.value).toBe(false);
  });

  it("shows the server's own throttling message, with the wait it names", async () => {
    const detail = 'Too many failed sign-in attempts. Try again in 15 minutes.';
    fakeServer(problem(429, 'too_many_attempts', detail, { headers: { 'Retry-After': '899' } }));
    expect(await signIn({ username: 'alice', password: 'secret123' })).toEqual({ message: detail, fields: {} });
  });

  it('puts the messages of a validation problem beside their fields', async () => {
    fakeServer(problem(400, 'validation_failed', 'One or more errors occurred.', { errors: [{ name: 'Username', reason: 'Too long.' }] }));
    expect(await signIn({ username: 'a'.repeat(40), password: 'secret123' })).toEqual({ message: null, fields: { username: 'Too long.' } });
  });

  it('asks for the second step when the API says two-step sign-in is on, and signs in with the code sent after', async () => {
    const requests = fakeServer(problem(401, 'two_factor_required', 'Two-step sign-in is on: send a code too.'), Response.json(issued));

    expect(await signIn({ username: 'alice', password: 'secret123' })).toEqual({ message: null, fields: {}, needsCode: true });
    expect(session.signedIn.value).toBe(false);
    expect(await signIn({ username: 'alice', password: 'secret123' }, '123456')).toBeNull();

    expect(await requests[1]!.json()).toEqual({ username: 'alice', password: 'secret123', code: '123456' });
    expect(session.signedIn.value).toBe(true);
  });

  it('says a wrong code was refused, in the API’s words', async () => {
    fakeServer(problem(401, 'invalid_code', 'The code is wrong or has been used.'));
    expect(await signIn({ username: 'alice', password: 'secret123' }, '000000')).toEqual({ message: 'The code is wrong or has been used.', fields: {} });
  });

  it('explains an unreachable server', async () => {
    fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    expect(await signIn({ username: 'alice', password: 'secret123' })).toEqual({ message: networkErrorMessage, fields: {} });
  });
});

describe('register', () => {
  it('creates the account, then signs straight in with it', async () => {
    const requests = fakeServer(Response.json({ id: 'u1', username: 'alice' }, { status: 201 }), Response.json(issued));
    expect(await register({ username: 'alice', password: 'correct horse battery staple' })).toBeNull();
    expect(requests.map((r) => new URL(r.url).pathname)).toEqual(['/api/auth/register', '/api/auth/login']);
    expect(session.signedIn.value).toBe(true);
  });

  it("hands on the API's refusal of a password, in its words, for the password field", async () => {
    const reason = 'This password is too easy to guess. It is, or contains, one of the most common passwords.';
    fakeServer(problem(400, 'validation_failed', 'One or more errors occurred.', { errors: [{ name: 'password', reason }] }));

    const refusal = await register({ username: 'alice', password: 'password1' });

    expect(refusal).toEqual({ message: null, fields: { password: reason } });
  });

  it('says beside the username that it is taken', async () => {
    fakeServer(problem(409, 'username_taken', 'That username is taken.'));
    expect(await register({ username: 'alice', password: 'correct horse battery staple' })).toEqual({
      message: null,
      fields: { username: 'That username is taken.' },
    });
  });

  it("shows the API's words when this address has created too many accounts", async () => {
    const detail = 'Too many accounts have been created from this address. Try again in 42 minutes.';
    fakeServer(problem(429, 'too_many_attempts', detail, { headers: { 'Retry-After': '2520' } }));

    const refusal = await register({ username: 'alice', password: 'correct horse battery staple' });

    expect(refusal).toEqual({ message: detail, fields: {} });
  });
});
