import { ref } from 'vue';
import { api, type Note } from '@/api/client';
import type { NoteDraft } from '@/components/NoteFormDialog.vue';
import { retryDelaysMs, withRetries } from '@/composables/retry';
import { failureMessage, fieldErrors, useRequest } from '@/composables/useRequest';

interface NoteEditorOptions {
  announce: (message: string) => void;
  /** After a successful save; `added` when it was a new note. */
  onSaved: (added: boolean) => Promise<unknown>;
  /** The note being edited was deleted somewhere else; the editor has closed. */
  onNoteGone: () => Promise<unknown>;
  /** The note being edited went to the trash somewhere else; the editor stays open with the text typed. */
  onNoteTrashed: () => Promise<unknown>;
}

/** The API names each refused tag by its place (`tags[2]`): the form shows them all under the one tag field. */
function draftErrors(fields: Record<string, string>): Partial<Record<keyof NoteDraft, string>> {
  const errors: Partial<Record<keyof NoteDraft, string>> = {};
  for (const [name, reason] of Object.entries(fields)) {
    const field = name.startsWith('tags') ? 'tags' : name;
    if (field === 'title' || field === 'description' || field === 'tags') errors[field] ??= reason;
  }
  return errors;
}

/**
 * The add/edit dialog's state: adding and editing share one dialog. An edit is a merge patch of what the dialog holds
 * (title, description, tags, archived) and only overwrites the version the user saw, named by the `ETag` the API sent
 * with it (the list sends none, so opening an edit fetches the note); when someone changed the note meanwhile, the
 * dialog offers to reload it. A note moved to the trash meanwhile keeps the dialog open, so nothing typed is lost.
 * An add that got no answer or a 503 is sent again a few times under the same `Idempotency-Key`, and the dialog says so.
 */
export function useNoteEditor({ announce, onSaved, onNoteGone, onNoteTrashed }: NoteEditorOptions) {
  const open = ref(false);
  const note = ref<Note | null>(null);
  const saving = useRequest();
  const fetching = useRequest();
  const error = ref<string | null>(null);
  const conflict = ref(false);
  const serverErrors = ref<Partial<Record<keyof NoteDraft, string>>>({});
  /** While a failed add is being tried again: says so in the dialog. */
  const notice = ref<string | null>(null);
  /** The tag of the version on screen, once fetched; `If-Match` sends it back. */
  let etag: string | null = null;

  /** `null` adds a new note. */
  function edit(target: Note | null) {
    note.value = target;
    etag = null;
    error.value = null;
    notice.value = null;
    conflict.value = false;
    serverErrors.value = {};
    open.value = true;
    // A newer version than the list showed replaces it, before the user has typed much.
    if (target)
      void fetchLatest(target).then((latest) => {
        if (latest && latest.version !== target.version) note.value = latest;
      });
  }

  function close() {
    if (!saving.busy.value) open.value = false;
  }

  async function fetchLatest(target: Note): Promise<Note | null> {
    const outcome = await fetching.send((signal) => api.GET('/api/notes/{id}', { params: { path: { id: target.id } }, signal }));
    // Nothing to show, or the dialog has moved on (closed, then opened to add a note).
    if (!outcome || note.value?.id !== target.id) return null;
    if (outcome.ok) {
      etag = outcome.response.headers.get('ETag');
      return outcome.data;
    }
    if (outcome.problem?.code === 'not_found') {
      open.value = false;
      await onNoteGone();
    } else {
      error.value = failureMessage(outcome, 'The note could not be loaded. Try again.');
    }
    return null;
  }

  async function save(draft: NoteDraft) {
    const edited = note.value;
    // Until the note is fetched, there is no tag to save over.
    if (saving.busy.value || fetching.busy.value) return;
    error.value = null;
    serverErrors.value = {};
    // Opening could not fetch the note: try again, since the save needs its tag.
    if (edited && !etag) await fetchLatest(edited);
    const ifMatch = etag;
    if (edited && !ifMatch) return;
    const outcome = await saving.send(
      edited && ifMatch
        ? (signal) =>
            api.PATCH('/api/notes/{id}', { params: { path: { id: edited.id } }, headers: { 'If-Match': ifMatch }, body: draft, signal })
        : add(draft),
    );
    notice.value = null;
    if (!outcome) return;
    if (outcome.ok) {
      open.value = false;
      // A note saved into the archive leaves the notes in use: say where it went.
      const archived = outcome.data.archived && !edited?.archived;
      announce(`${edited ? 'Note saved' : 'Note added'}${archived ? ' to the archive' : ''}`);
      await onSaved(!edited);
      return;
    }
    switch (outcome.problem?.code) {
      case 'version_conflict':
        conflict.value = true;
        return;
      case 'not_found':
        open.value = false;
        await onNoteGone();
        return;
      case 'note_in_trash':
        error.value =
          'This note was moved to the trash somewhere else, so nothing was saved. Your text is still here to copy; ' +
          'restore the note from the trash to edit it.';
        await onNoteTrashed();
        return;
      case 'validation_failed':
        serverErrors.value = draftErrors(fieldErrors(outcome.problem));
        if (Object.keys(serverErrors.value).length > 0) return;
    }
    error.value = failureMessage(outcome, 'The note could not be saved. Try again.');
  }

  /** One add the user means to make: its retries share its key, so however many arrive, one note is made. */
  function add(draft: NoteDraft) {
    const header = { 'Idempotency-Key': newIdempotencyKey() };
    return withRetries(
      (signal) => api.POST('/api/notes', { params: { header }, body: draft, signal }),
      (retry) => (notice.value = `Saving failed, trying again (${retry} of ${retryDelaysMs.length})…`),
    );
  }

  async function reload() {
    const edited = note.value;
    if (!edited || fetching.busy.value) return;
    const latest = await fetchLatest(edited);
    if (!latest) return;
    note.value = latest;
    conflict.value = false;
    announce('Loaded the latest version of the note');
  }

  return { open, note, saving: saving.busy, error, notice, conflict, reloading: fetching.busy, serverErrors, edit, close, save, reload };
}

/** 128 random bits in hex. getRandomValues works on plain HTTP too, where crypto.randomUUID does not exist (secure contexts only). */
function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
