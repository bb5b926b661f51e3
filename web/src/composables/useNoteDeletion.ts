import { ref } from 'vue';
import { api, type Note } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';

/** Deleting a note asks first: `ask` names the note, `confirm` deletes it, `cancel` keeps it. */
export function useNoteDeletion({ announce, onDeleted }: { announce: (message: string) => void; onDeleted: () => Promise<unknown> }) {
  const note = ref<Note | null>(null);
  const deleting = useRequest();
  const error = ref<string | null>(null);

  function ask(target: Note) {
    error.value = null;
    note.value = target;
  }

  function cancel() {
    if (!deleting.busy.value) note.value = null;
  }

  async function confirm() {
    const target = note.value;
    if (!target || deleting.busy.value) return;
    error.value = null;
    const outcome = await deleting.send((signal) => api.DELETE('/api/notes/{id}', { params: { path: { id: target.id } }, signal }));
    if (!outcome) return;
    // Already gone (deleted somewhere else) is what the user asked for.
    if (outcome.ok || outcome.problem?.code === 'not_found') {
      note.value = null;
      announce('Note deleted');
      await onDeleted();
    } else {
      error.value = failureMessage(outcome, 'The note could not be deleted. Try again.');
    }
  }

  return { note, busy: deleting.busy, error, ask, cancel, confirm };
}
