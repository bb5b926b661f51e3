import { ref } from 'vue';
import { api } from '@/api/client';
import { session } from '@/session';

/** Signing out ends this session on the server first, so the token is dead, not just forgotten. */
export function useSignOut() {
  const signingOut = ref(false);

  async function signOut(everywhere: boolean) {
    if (signingOut.value) return;
    signingOut.value = true;
    try {
      await api.POST(everywhere ? '/api/auth/logout-all' : '/api/auth/logout');
    } catch {
      // Unreachable server: the token is still forgotten here and expires on its own.
    } finally {
      signingOut.value = false;
      session.end(everywhere ? 'signed-out-everywhere' : 'signed-out');
    }
  }

  return { signingOut, signOut };
}
