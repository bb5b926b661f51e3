import { ref } from 'vue';
import { api, networkErrorMessage, problemMessage, type Note, type Problem } from '@/api/client';

/** Deleting a note asks first: `ask` names the note, `confirm` deletes it, `cancel` keeps it. */
export function useNoteDeletion({ announce, onDeleted }: { announce: (message: string) => void; onDeleted: () => Promise<unknown> }) {
  const note = ref<Note | null>(null);
  const busy = ref(false);
  const error = ref<string | null>(null);

  function ask(target: Note) {
    error.value = null;
    note.value = target;
  }

  function cancel() {
    if (!busy.value) note.value = null;
  }

  async function confirm() {
    const target = note.value;
    if (!target || busy.value) return;
    busy.value = true;
    error.value = null;
    try {
      const { error: refusal, response } = await api.DELETE('/api/notes/{id}', { params: { path: { id: target.id } } });
      // Already gone (deleted somewhere else) is what the user asked for.
      if (response.ok || response.status === 404) {
        busy.value = false;
        note.value = null;
        announce('Note deleted');
        await onDeleted();
      } else if (response.status !== 401) {
        error.value = problemMessage(refusal as Problem | undefined, 'The note could not be deleted. Try again.');
      }
    } catch {
      error.value = networkErrorMessage;
    } finally {
      busy.value = false;
    }
  }

  return { note, busy, error, ask, cancel, confirm };
}
