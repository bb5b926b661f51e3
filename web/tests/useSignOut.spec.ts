import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { draftKey } from '@/composables/useDraft';
import { useSignOut } from '@/composables/useSignOut';
import { session } from '@/session';
import { fakeServer } from './harness';

describe('signing out', () => {
  beforeEach(() => {
    session.start({ token: 'tok', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { id: 'u1', username: 'alice' } });
  });
  afterEach(() => vi.unstubAllGlobals());

  it.each([
    [false, '/api/auth/logout', 'You have signed out.'],
    [true, '/api/auth/logout-all', 'You have been signed out on every device.'],
  ])('ends the session on the server first (everywhere: %s)', async (everywhere, path, notice) => {
    const requests = fakeServer(new Response(null, { status: 204 }));
    const { signOut, signingOut } = useSignOut();
    const signingOutNow = signOut(everywhere);
    expect(signingOut.value).toBe(true);
    await signingOutNow;

    expect(new URL(requests[0]!.url).pathname).toBe(path);
    expect(requests[0]!.headers.get('Authorization')).toBe('Bearer tok');
    expect(session.signedIn.value).toBe(false);
    expect(session.notice.value?.text).toBe(notice);
    expect(signingOut.value).toBe(false);
  });

  it('still forgets the token here when the server cannot be reached', async () => {
    fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    await useSignOut().signOut(false);
    expect(session.signedIn.value).toBe(false);
  });

  it('forgets the user’s unsaved drafts, since someone else may use this browser next', async () => {
    localStorage.setItem(draftKey('u1', 'n1'), '{}');
    localStorage.setItem(draftKey('u2', 'n1'), '{}');
    fakeServer(new Response(null, { status: 204 }));
    await useSignOut().signOut(false);
    expect(localStorage.getItem(draftKey('u1', 'n1'))).toBeNull();
    expect(localStorage.getItem(draftKey('u2', 'n1'))).toBe('{}');
  });
});
