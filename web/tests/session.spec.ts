import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSession, type IssuedToken } from '@/session/session';

const minute = 60_000;
const start = new Date('2026-01-01T12:00:00Z').getTime();

function token(name: string, lifetimeMs: number): IssuedToken {
  return { token: name, expiresAt: new Date(Date.now() + lifetimeMs).toISOString(), user: { id: 'u1', username: 'alice' } };
}

describe('session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(start);
    sessionStorage.clear();
  });

  afterEach(() => {
    vi.useRealTimers();
  });

  it('keeps the token in sessionStorage, and picks it up again on reload', () => {
    const first = createSession({ storage: sessionStorage });
    first.start(token('t1', 30 * minute));

    const reloaded = createSession({ storage: sessionStorage });
    expect(reloaded.token()).toBe('t1');
    expect(reloaded.user.value?.username).toBe('alice');
  });

  it('ignores a damaged stored session', () => {
    sessionStorage.setItem('notes.session', '{"token":');
    expect(createSession({ storage: sessionStorage }).signedIn.value).toBe(false);
    expect(sessionStorage.getItem('notes.session')).toBeNull();
  });

  it('refreshes an active user one minute before a 30-minute token expires', async () => {
    const session = createSession({ storage: sessionStorage });
    const refresh = vi.fn(async () => token('t2', 30 * minute));
    session.refreshWith(refresh);
    session.start(token('t1', 30 * minute));

    await vi.advanceTimersByTimeAsync(10 * minute);
    session.markActivity();
    await vi.advanceTimersByTimeAsync(18 * minute);
    expect(refresh).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(1 * minute + 1);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.token()).toBe('t2');
    expect(JSON.parse(sessionStorage.getItem('notes.session')!).token).toBe('t2');
  });

  it('refreshes short tokens a quarter of their life before expiry', async () => {
    const session = createSession({ storage: sessionStorage });
    const refresh = vi.fn(async () => token('t2', 20_000));
    session.refreshWith(refresh);
    session.start(token('t1', 20_000));
    vi.advanceTimersByTime(1);
    session.markActivity();

    await vi.advanceTimersByTimeAsync(14_998);
    expect(refresh).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(refresh).toHaveBeenCalledTimes(1);
  });

  it('does not refresh for an idle user, and ends the session as expired', async () => {
    const session = createSession({ storage: sessionStorage });
    const refresh = vi.fn(async () => token('t2', 30 * minute));
    const ended = vi.fn();
    session.refreshWith(refresh);
    session.onEnd(ended);
    session.start(token('t1', 30 * minute));

    await vi.advanceTimersByTimeAsync(30 * minute);
    expect(refresh).not.toHaveBeenCalled();
    expect(ended).toHaveBeenCalledWith('expired');
    expect(session.signedIn.value).toBe(false);
    expect(sessionStorage.getItem('notes.session')).toBeNull();
    expect(session.notice.value?.text).toMatch(/^Your session has expired/);
  });

  it('refreshes at once when an idle user comes back after the refresh point but before expiry', async () => {
    const session = createSession({ storage: sessionStorage });
    const refresh = vi.fn(async () => token('t2', 30 * minute));
    session.refreshWith(refresh);
    session.start(token('t1', 30 * minute));

    await vi.advanceTimersByTimeAsync(29.5 * minute);
    expect(refresh).not.toHaveBeenCalled();
    session.markActivity();
    await vi.advanceTimersByTimeAsync(0);
    expect(refresh).toHaveBeenCalledTimes(1);
    expect(session.token()).toBe('t2');
  });

  it('keeps refreshing while the user stays active, once per token', async () => {
    const session = createSession({ storage: sessionStorage });
    let issued = 1;
    const refresh = vi.fn(async () => token(`t${++issued}`, 30 * minute));
    session.refreshWith(refresh);
    session.start(token('t1', 30 * minute));

    for (let i = 0; i < 12; i++) {
      await vi.advanceTimersByTimeAsync(10 * minute);
      session.markActivity();
      session.markActivity();
    }
    expect(refresh).toHaveBeenCalledTimes(4);
    expect(session.signedIn.value).toBe(true);
  });

  it('retries a refresh that failed without an answer while the token is still valid', async () => {
    const session = createSession({ storage: sessionStorage });
    const refresh = vi
      .fn<() => Promise<IssuedToken>>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockResolvedValueOnce(token('t2', 30 * minute));
    session.refreshWith(refresh);
    session.start(token('t1', 30 * minute));
    vi.advanceTimersByTime(1);
    session.markActivity();

    await vi.advanceTimersByTimeAsync(29 * minute);
    expect(refresh).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(refresh).toHaveBeenCalledTimes(2);
    expect(session.token()).toBe('t2');
  });

  it('ends at once when handed a token that has already expired', () => {
    const session = createSession({ storage: sessionStorage });
    session.start(token('t1', -1));
    expect(session.signedIn.value).toBe(false);
    expect(session.notice.value?.text).toMatch(/^Your session has expired/);
  });

  it('says why it ended', () => {
    const session = createSession({ storage: sessionStorage });
    session.start(token('t1', 30 * minute));
    session.end('revoked');
    expect(session.notice.value).toEqual({ tone: 'warning', text: 'You have been signed out. Sign in again to continue.' });
    session.start(token('t2', 30 * minute));
    expect(session.notice.value).toBeNull();
  });
});
