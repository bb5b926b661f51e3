import { ref } from 'vue';
import { api, currentOf, versionTag, type Note, type Revision, type RevisionSummary } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';

interface NoteHistoryOptions {
  announce: (message: string) => void;
  /** After a restore: the note as it is now. */
  onRestored: (note: Note) => Promise<unknown>;
  /** The note was deleted somewhere else; the history has closed. */
  onNoteGone: () => Promise<unknown>;
}

export const historyPageSize = 20;

/**
 * A note's history: its earlier versions a page at a time (newest first), one of them whole, and restoring it, which
 * only replaces the version on screen (`If-Match`): a note changed meanwhile is shown as it is now instead.
 */
export function useNoteHistory({ announce, onRestored, onNoteGone }: NoteHistoryOptions) {
  /** The note as it is now; null while the history is closed. */
  const note = ref<Note | null>(null);
  const items = ref<RevisionSummary[]>([]);
  const page = ref(1);
  const total = ref(0);
  const loaded = ref(false);
  const selected = ref<Revision | null>(null);
  const error = ref<string | null>(null);
  const listing = useRequest();
  const reading = useRequest();
  const restoring = useRequest();

  function open(target: Note) {
    note.value = target;
    selected.value = null;
    error.value = null;
    loaded.value = false;
    void load(1);
  }

  function close() {
    if (!restoring.busy.value) note.value = null;
  }

  async function load(wanted: number) {
    const shown = note.value;
    if (!shown) return;
    const outcome = await listing.send((signal) =>
      api.GET('/api/notes/{id}/revisions', {
        params: { path: { id: shown.id }, query: { page: wanted, pageSize: historyPageSize } },
        signal,
      }),
    );
    if (!outcome || note.value?.id !== shown.id) return;
    if (outcome.ok) {
      items.value = outcome.data.items;
      total.value = outcome.data.total;
      page.value = wanted;
      loaded.value = true;
    } else if (outcome.problem?.code === 'not_found') {
      await gone();
    } else {
      error.value = failureMessage(outcome, 'The history could not be loaded. Try again.');
    }
  }

  async function select(version: number) {
    const shown = note.value;
    if (!shown) return;
    error.value = null;
    const outcome = await reading.send((signal) =>
      api.GET('/api/notes/{id}/revisions/{version}', { params: { path: { id: shown.id, version } }, signal }),
    );
    if (!outcome || note.value?.id !== shown.id) return;
    if (outcome.ok) selected.value = outcome.data;
    else error.value = failureMessage(outcome, 'That version could not be loaded. Try again.');
  }

  async function restore() {
    const shown = note.value;
    const version = selected.value?.version;
    if (!shown || version === undefined || restoring.busy.value) return;
    error.value = null;
    const outcome = await restoring.send((signal) =>
      api.POST('/api/notes/{id}/revisions/{version}/restore', {
        params: { path: { id: shown.id, version }, header: { 'If-Match': versionTag(shown) } },
        signal,
      }),
    );
    if (!outcome) return;
    if (outcome.ok) {
      note.value = null;
      announce(`Restored version ${version}`);
      await onRestored(outcome.data);
      return;
    }
    switch (outcome.problem?.code) {
      case 'version_conflict': {
        // Restoring over a version the user has not seen would hide it: show the note as it is now and its history.
        const current = currentOf(outcome.problem);
        if (current) note.value = current;
        error.value = 'The note changed while you were looking, so nothing was restored. Its history is up to date now.';
        await load(1);
        return;
      }
      case 'not_found':
        // The note, or only that version (pruned meanwhile): the list says which.
        error.value = 'That version is no longer in the history.';
        selected.value = null;
        await load(1);
        return;
    }
    error.value = failureMessage(outcome, 'The version could not be restored. Try again.');
  }

  async function gone() {
    note.value = null;
    await onNoteGone();
  }

  return {
    note,
    items,
    page,
    total,
    loaded,
    selected,
    error,
    loading: listing.busy,
    reading: reading.busy,
    restoring: restoring.busy,
    open,
    close,
    load,
    select,
    restore,
  };
}
