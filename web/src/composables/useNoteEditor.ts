import { computed, nextTick, ref } from 'vue';
import { api, currentOf, versionTag, type Note, type Problem } from '@/api/client';
import type { NoteDraft } from '@/components/NoteFormDialog.vue';
import { contentAt } from '@/composables/contentAt';
import { newIdempotencyKey } from '@/composables/idempotencyKey';
import { retryDelaysMs, withRetries } from '@/composables/retry';
import { useDraft, type Draft } from '@/composables/useDraft';
import { failureMessage, fieldErrors, useRequest, type Failure } from '@/composables/useRequest';
import { mergeNote, type NoteBase, type NoteContent, type NoteMerge } from '@/merge';

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

/** What the form shows and sends: the same four fields a merge works on. */
const blank: NoteDraft = { title: '', description: '', tags: [], archived: false };

/** The version a text on screen started from, for the merge a 412 calls for (`null` text: only the history knows it). */
type Start = NoteBase & { version: number };

const startOf = (note: Note): Start => ({
  version: note.version,
  title: note.title,
  description: note.description,
  tags: [...note.tags],
  archived: note.archived,
});

/** A save that met a newer version: the three texts and their merge, for the merge dialog. */
export interface MergeState {
  /** The version the merged text would replace: the 412's `current`. */
  current: Note;
  mine: NoteDraft;
  result: NoteMerge;
  /** False when the history no longer held the version the edit started from: every difference is then a conflict. */
  baseKnown: boolean;
  /** What `mine` started from: a further 412 merges again from here. */
  start: Start;
}

/**
 * The add/edit dialog's state: adding and editing share one dialog. An edit is a merge patch of what the dialog holds
 * (title, description, tags, archived) and only overwrites the version the user saw, named by the `ETag` the API sent
 * with it (the list sends none, so opening an edit fetches the note). When someone changed the note meanwhile, the
 * 412 carries the note as it is now: the edit is merged three ways with the version it started from (from the history
 * when only a restored draft knows it), for the user to save, settle or keep as a new note. Whatever is typed is kept
 * as a draft in the browser (useDraft) until it is saved or discarded, and offered back on the next opening. A note
 * moved to the trash meanwhile keeps the dialog open, so nothing typed is lost. An add that got no answer or a 503 is
 * sent again a few times under the same `Idempotency-Key`, and the dialog says so.
 */
export function useNoteEditor({ announce, onSaved, onNoteGone, onNoteTrashed }: NoteEditorOptions) {
  const open = ref(false);
  const note = ref<Note | null>(null);
  /** What the form starts from instead of the note: a restored draft, or a merge to finish by hand. */
  const values = ref<NoteDraft | null>(null);
  const saving = useRequest();
  const fetching = useRequest();
  const mergeSaving = useRequest();
  const preparingMerge = ref(false);
  const error = ref<string | null>(null);
  const serverErrors = ref<Partial<Record<keyof NoteDraft, string>>>({});
  /** While a failed add is being tried again: says so in the dialog. */
  const notice = ref<string | null>(null);
  /** A draft kept from before (a reload, an expired session), offered back until the user restores or discards it. */
  const draftOffer = ref<Draft | null>(null);
  /** Cancel, with changes typed: asks before throwing them away. */
  const confirmingDiscard = ref(false);
  const merge = ref<MergeState | null>(null);
  const mergeError = ref<string | null>(null);
  const drafts = useDraft();
  /** The tag of the version on screen, once fetched, and that version; `If-Match` sends it back. */
  let etag: { tag: string; version: number } | null = null;
  let start: Start | null = null;
  /** What the form holds now. */
  let typed: NoteDraft | null = null;
  /** Drafts are written only once a stored one has been offered back (or there was none): opening never overwrites one. */
  let keeping = false;

  const noteId = () => note.value?.id ?? null;

  /** `null` adds a new note. */
  function edit(target: Note | null) {
    note.value = target;
    values.value = null;
    etag = null;
    start = target && startOf(target);
    typed = null;
    keeping = false;
    error.value = null;
    notice.value = null;
    serverErrors.value = {};
    draftOffer.value = null;
    confirmingDiscard.value = false;
    merge.value = null;
    mergeError.value = null;
    open.value = true;
    if (!target) return offerDraft();
    // A newer version than the list showed replaces it, before the user has typed much.
    void fetchLatest(target).then((latest) => {
      if (note.value?.id !== target.id || !open.value) return;
      if (latest) {
        if (latest.version !== target.version) note.value = latest;
        start = startOf(latest);
      }
      offerDraft();
    });
  }

  function offerDraft() {
    const stored = drafts.read(noteId());
    if (stored && changed(stored)) {
      draftOffer.value = stored;
      return;
    }
    // One the same as the note holds nothing to lose.
    if (stored) drafts.discard(noteId());
    startKeeping();
  }

  function startKeeping() {
    keeping = true;
    if (typed) change(typed);
  }

  /** Puts the stored draft in the form; one older than the note is merged when saved (its save meets a 412). */
  function restoreDraft() {
    const stored = draftOffer.value;
    if (!stored) return;
    draftOffer.value = null;
    values.value = { title: stored.title, description: stored.description, tags: [...stored.tags], archived: stored.archived };
    if (stored.base && note.value && stored.base.version !== note.value.version)
      start = { ...stored.base, tags: [...stored.base.tags], title: null, description: null };
    announce('Restored your unsaved draft');
    startKeeping();
  }

  function discardDraft() {
    draftOffer.value = null;
    drafts.discard(noteId());
    startKeeping();
  }

  /** The form's values, on every change: kept as the draft while they differ from the note. */
  function change(draft: NoteDraft) {
    typed = draft;
    if (!keeping) return;
    if (!changed(draft)) return drafts.discard(noteId());
    drafts.keep(noteId(), draft, start && { version: start.version, tags: start.tags, archived: start.archived });
  }

  function changed(draft: NoteContent): boolean {
    const shown = note.value ?? blank;
    return (
      draft.title.trim() !== shown.title ||
      draft.description !== shown.description ||
      draft.archived !== shown.archived ||
      draft.tags.join('\n') !== shown.tags.join('\n')
    );
  }

  /** Cancel: asks first when something typed would be lost. */
  function close() {
    if (saving.busy.value || mergeSaving.busy.value) return;
    if (typed && changed(typed)) confirmingDiscard.value = true;
    else open.value = false;
  }

  async function discardChanges() {
    confirmingDiscard.value = false;
    // A draft still on offer was never looked at: throwing away what was typed since leaves it be.
    if (!draftOffer.value) drafts.discard(noteId());
    // The question closes first, giving focus back into the editor, whose closing then gives it to what opened it.
    await nextTick();
    open.value = false;
  }

  function keepEditing() {
    confirmingDiscard.value = false;
  }

  async function fetchLatest(target: Note): Promise<Note | null> {
    const outcome = await fetching.send((signal) => api.GET('/api/notes/{id}', { params: { path: { id: target.id } }, signal }));
    // Nothing to show, or the dialog has moved on (closed, then opened to add a note).
    if (!outcome || note.value?.id !== target.id) return null;
    if (outcome.ok) {
      const tag = outcome.response.headers.get('ETag');
      etag = tag ? { tag, version: outcome.data.version } : null;
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

  /** `If-Match` names the version the text started from: the ETag the API sent with it, or its version in quotes. */
  function ifMatch(from: Start): string {
    return etag?.version === from.version ? etag.tag : versionTag(from);
  }

  async function save(draft: NoteDraft) {
    const edited = note.value;
    // Until the note is fetched, there is no tag to save over.
    if (saving.busy.value || fetching.busy.value || preparingMerge.value) return;
    error.value = null;
    serverErrors.value = {};
    // Opening could not fetch the note: try again, since the save needs its tag.
    if (edited && !etag) await fetchLatest(edited);
    if (edited && !etag) return;
    const from = start;
    const outcome = await saving.send(
      edited && from
        ? (signal) =>
            api.PATCH('/api/notes/{id}', { params: { path: { id: edited.id } }, headers: { 'If-Match': ifMatch(from) }, body: draft, signal })
        : add(draft),
    );
    notice.value = null;
    if (!outcome) return;
    if (outcome.ok) {
      // A note saved into the archive leaves the notes in use: say where it went.
      const archived = outcome.data.archived && !edited?.archived;
      await saved(`${edited ? 'Note saved' : 'Note added'}${archived ? ' to the archive' : ''}`, !edited);
      return;
    }
    if (outcome.problem?.code === 'version_conflict' && edited && from) {
      await startMerge(edited, draft, from, outcome.problem);
      return;
    }
    if (await refused(outcome)) return;
    if (outcome.problem?.code === 'validation_failed') {
      serverErrors.value = draftErrors(fieldErrors(outcome.problem));
      if (Object.keys(serverErrors.value).length > 0) return;
    }
    error.value = failureMessage(outcome, 'The note could not be saved. Try again.');
  }

  /** The refusals that mean the note is gone or in the trash; true when it was one. */
  async function refused(outcome: Failure): Promise<boolean> {
    switch (outcome.problem?.code) {
      case 'not_found':
        merge.value = null;
        open.value = false;
        await onNoteGone();
        return true;
      case 'note_in_trash':
        merge.value = null;
        error.value =
          'This note was moved to the trash somewhere else, so nothing was saved. Your text is still here to copy; ' +
          'restore the note from the trash to edit it.';
        await onNoteTrashed();
        return true;
    }
    return false;
  }

  async function saved(message: string, added: boolean) {
    // A draft still on offer was never looked at: it is offered again next time.
    if (!draftOffer.value) drafts.discard(noteId());
    merge.value = null;
    open.value = false;
    announce(message);
    await onSaved(added);
  }

  /** Merges `mine` (started from `from`) with the note as the 412 says it is now, and opens the merge dialog. */
  async function startMerge(edited: Note, mine: NoteDraft, from: Start, conflict: Problem | undefined) {
    preparingMerge.value = true;
    try {
      const current = currentOf(conflict) ?? (await fetchLatest(edited));
      if (!current || note.value?.id !== edited.id) return;
      const known = from.title !== null && from.description !== null ? { title: from.title, description: from.description } : null;
      const text = known ?? (await contentAt(edited.id, from.version, current));
      if (note.value?.id !== edited.id || !open.value) return;
      const base = { ...from, title: text?.title ?? null, description: text?.description ?? null };
      mergeError.value = null;
      merge.value = { current, mine, result: mergeNote(base, mine, current), baseKnown: text !== null, start: from };
    } finally {
      preparingMerge.value = false;
    }
  }

  /** Saves the merged note over the version it was merged with; a newer one meanwhile is merged again. */
  async function saveMerged(result: NoteDraft) {
    const state = merge.value;
    const edited = note.value;
    if (!state || !edited || mergeSaving.busy.value) return;
    mergeError.value = null;
    const outcome = await mergeSaving.send((signal) =>
      api.PATCH('/api/notes/{id}', {
        params: { path: { id: edited.id } },
        headers: { 'If-Match': versionTag(state.current) },
        body: result,
        signal,
      }),
    );
    if (!outcome) return;
    if (outcome.ok) return saved('Merged note saved', false);
    if (outcome.problem?.code === 'version_conflict') return startMerge(edited, result, startOf(state.current), outcome.problem);
    if (await refused(outcome)) return;
    mergeError.value = failureMessage(outcome, 'The merged note could not be saved. Try again.');
  }

  /** Adds what the user wrote as a note of its own, leaving the other edit as it is. */
  async function keepMineAsNew() {
    const mine = typed ?? merge.value?.mine;
    if (!mine || mergeSaving.busy.value) return;
    mergeError.value = null;
    const outcome = await mergeSaving.send(add(mine));
    if (!outcome) return;
    if (outcome.ok) return saved('Your version was added as a new note', true);
    mergeError.value = failureMessage(outcome, 'Your version could not be added. Try again.');
  }

  /** Back in the form with the conflicts marked, to settle them by hand; the save then replaces the current version. */
  function editByHand(marked: NoteDraft) {
    const state = merge.value;
    if (!state) return;
    merge.value = null;
    note.value = state.current;
    start = startOf(state.current);
    values.value = marked;
  }

  /** Leaves the merge for the form, unchanged: its save meets the same 412 and merges again. */
  function closeMerge() {
    if (!mergeSaving.busy.value) merge.value = null;
  }

  /** A version restored from the history: the form shows it, unless something is typed there (its save then merges). */
  function restored(target: Note) {
    if (open.value && note.value?.id === target.id && !(typed && changed(typed))) edit(target);
  }

  /** One add the user means to make: its retries share its key, so however many arrive, one note is made. */
  function add(draft: NoteDraft) {
    const header = { 'Idempotency-Key': newIdempotencyKey() };
    return withRetries(
      (signal) => api.POST('/api/notes', { params: { header }, body: draft, signal }),
      (retry) => (notice.value = `Saving failed, trying again (${retry} of ${retryDelaysMs.length})…`),
    );
  }

  return {
    open,
    note,
    values,
    saving: computed(() => saving.busy.value || preparingMerge.value),
    error,
    notice,
    reloading: fetching.busy,
    serverErrors,
    draftOffer,
    confirmingDiscard,
    merge,
    mergeError,
    mergeSaving: mergeSaving.busy,
    edit,
    change,
    close,
    save,
    restoreDraft,
    discardDraft,
    discardChanges,
    keepEditing,
    saveMerged,
    keepMineAsNew,
    editByHand,
    closeMerge,
    restored,
  };
}
