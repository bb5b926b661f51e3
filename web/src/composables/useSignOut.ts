import { api } from '@/api/client';
import { clearDrafts } from '@/composables/useDraft';
import { useRequest } from '@/composables/useRequest';
import { session } from '@/session';

/**
 * Signing out ends this session on the server first, so the token is dead, not just forgotten. It also forgets the
 * user's unsaved drafts: whoever uses this browser next should not find them (an expired session keeps them).
 */
export function useSignOut() {
  const signingOut = useRequest();

  async function signOut(everywhere: boolean) {
    if (signingOut.busy.value) return;
    // Whatever the answer, the token is forgotten here; an unreachable server lets it expire on its own.
    const user = session.user.value;
    await signingOut.send((signal) => api.POST(everywhere ? '/api/auth/logout-all' : '/api/auth/logout', { signal }));
    if (user) clearDrafts(user.id);
    session.end(everywhere ? 'signed-out-everywhere' : 'signed-out');
  }

  return { signingOut: signingOut.busy, signOut };
}
