import { ref } from 'vue';
import { api } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';
import { plural } from '@/composables/useNotesList';

/** Emptying the trash asks first: `ask` opens the question, `confirm` deletes every note in it for good. */
export function useTrashEmptying({ announce, onEmptied }: { announce: (message: string) => void; onEmptied: () => Promise<unknown> }) {
  const asking = ref(false);
  const emptying = useRequest();
  const error = ref<string | null>(null);

  function ask() {
    error.value = null;
    asking.value = true;
  }

  function cancel() {
    if (!emptying.busy.value) asking.value = false;
  }

  async function confirm() {
    if (!asking.value || emptying.busy.value) return;
    error.value = null;
    const outcome = await emptying.send((signal) => api.DELETE('/api/trash', { signal }));
    if (!outcome) return;
    if (!outcome.ok) {
      error.value = failureMessage(outcome, 'The trash could not be emptied. Try again.');
      return;
    }
    asking.value = false;
    announce(`Emptied the trash: ${plural(outcome.data.deleted, 'note')} deleted for good`);
    await onEmptied();
  }

  return { asking, busy: emptying.busy, error, ask, cancel, confirm };
}
