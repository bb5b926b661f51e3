import { ref } from 'vue';
import { api } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';

export interface SharedNote {
  title: string;
  description: string;
  updatedAt: string;
}

/** The note a share link shows, read without an account; `missing` for any link that shows nothing (the API does not say why). */
export function useSharedNote() {
  const note = ref<SharedNote | null>(null);
  const missing = ref(false);
  const error = ref<string | null>(null);
  const reading = useRequest();

  async function load(token: string) {
    missing.value = false;
    error.value = null;
    const outcome = await reading.send((signal) => api.GET('/api/shared/{token}', { params: { path: { token } }, signal }));
    if (!outcome) return;
    if (outcome.ok) note.value = outcome.data;
    else if (outcome.response?.status === 404) {
      note.value = null;
      missing.value = true;
    } else error.value = failureMessage(outcome, 'The note could not be loaded. Try again.');
  }

  return { note, missing, error, load, loading: reading.busy };
}
