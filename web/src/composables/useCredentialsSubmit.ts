import { ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import type { Credentials } from '@/components/CredentialsForm.vue';
import { safeRedirect } from '@/router';
import type { Refusal } from '@/session/signIn';

/**
 * Sends the credentials one submission at a time and, once the API accepts them, goes where the user was heading.
 * Signing in and creating an account differ only in what `send` does.
 */
export function useCredentialsSubmit(send: (credentials: Credentials) => Promise<Refusal | null>) {
  const route = useRoute();
  const router = useRouter();
  const busy = ref(false);
  const refusal = ref<Refusal | null>(null);

  async function submit(credentials: Credentials) {
    if (busy.value) return;
    busy.value = true;
    refusal.value = null;
    try {
      refusal.value = await send(credentials);
      if (!refusal.value) await router.replace(safeRedirect(route.query.redirect));
    } finally {
      busy.value = false;
    }
  }

  return { busy, refusal, submit };
}
