import { ref } from 'vue';
import { api, fieldErrors, networkErrorMessage, problemMessage, type Note, type Problem } from '@/api/client';
import type { NoteDraft } from '@/components/NoteFormDialog.vue';

interface NoteEditorOptions {
  announce: (message: string) => void;
  /** After a successful save; `added` when it was a new note. */
  onSaved: (added: boolean) => Promise<unknown>;
  /** The note being edited was deleted somewhere else; the editor has closed. */
  onNoteGone: () => Promise<unknown>;
}

/**
 * The add/edit dialog's state: adding and editing share one dialog. An edit only overwrites the
 * version the user saw; when someone changed the note meanwhile, the dialog offers to reload it.
 */
export function useNoteEditor({ announce, onSaved, onNoteGone }: NoteEditorOptions) {
  const open = ref(false);
  const note = ref<Note | null>(null);
  const saving = ref(false);
  const error = ref<string | null>(null);
  const conflict = ref(false);
  const reloading = ref(false);
  const serverErrors = ref<Partial<Record<keyof NoteDraft, string>>>({});

  /** `null` adds a new note. */
  function edit(target: Note | null) {
    note.value = target;
    error.value = null;
    conflict.value = false;
    serverErrors.value = {};
    open.value = true;
  }

  function close() {
    if (!saving.value) open.value = false;
  }

  async function save(draft: NoteDraft) {
    if (saving.value) return;
    saving.value = true;
    error.value = null;
    serverErrors.value = {};
    const edited = note.value;
    try {
      const { data, error: refusal, response } = edited
        ? await api.PUT('/api/notes/{id}', {
            params: { path: { id: edited.id } },
            // Only overwrite the version the user saw; a newer one answers 412.
            headers: { 'If-Match': `"${edited.version}"` },
            body: draft,
          })
        : await api.POST('/api/notes', { body: draft });
      if (data) {
        saving.value = false;
        open.value = false;
        announce(edited ? 'Note saved' : 'Note added');
        await onSaved(!edited);
        return;
      }
      const problem = refusal as Problem | undefined;
      switch (response.status) {
        case 401:
          return; // The session has ended; the app is already on its way to sign-in.
        case 412:
          conflict.value = true;
          return;
        case 404:
          saving.value = false;
          open.value = false;
          await onNoteGone();
          return;
        case 400:
          serverErrors.value = fieldErrors(problem);
          if (Object.keys(serverErrors.value).length > 0) return;
      }
      error.value = problemMessage(problem, 'The note could not be saved. Try again.');
    } catch {
      error.value = networkErrorMessage;
    } finally {
      saving.value = false;
    }
  }

  async function reload() {
    const edited = note.value;
    if (!edited || reloading.value) return;
    reloading.value = true;
    try {
      const { data, error: refusal, response } = await api.GET('/api/notes/{id}', { params: { path: { id: edited.id } } });
      if (data) {
        note.value = data;
        conflict.value = false;
        announce('Loaded the latest version of the note');
      } else if (response.status === 404) {
        open.value = false;
        await onNoteGone();
      } else if (response.status !== 401) {
        error.value = problemMessage(refusal as Problem | undefined, 'The note could not be reloaded.');
      }
    } catch {
      error.value = networkErrorMessage;
    } finally {
      reloading.value = false;
    }
  }

  return { open, note, saving, error, conflict, reloading, serverErrors, edit, close, save, reload };
}
