import { ref } from 'vue';
import { api, versionTag, type Note, type NotePatch } from '@/api/client';
import { failureMessage, request, type Failure } from '@/composables/useRequest';

interface NoteActionsOptions {
  announce: (message: string) => void;
  /** After a change, or a refusal that means the list is out of date: load the list (and the tags) again. */
  onChanged: () => Promise<unknown>;
  /** A note went to the trash: offer to take it back. */
  offerUndo: (message: string, undo: () => Promise<unknown>) => void;
}

/** Refusals that mean the list showed an old state of the note: say what happened, and show the current one. */
const staleCodes = new Set(['version_conflict', 'note_in_trash', 'not_found']);

function refusal(outcome: Failure, title: string): string {
  switch (outcome.problem?.code) {
    case 'version_conflict':
      return `“${title}” was changed somewhere else, so nothing was changed. The list now shows its latest version: try again.`;
    case 'note_in_trash':
      return `“${title}” was moved to the trash somewhere else, so nothing was changed. Restore it from the trash first.`;
    case 'not_found':
      return `“${title}” no longer exists: it was deleted somewhere else.`;
    default:
      return failureMessage(outcome, `“${title}” could not be changed. Try again.`);
  }
}

/**
 * The card's one-click changes, each a merge patch over the version the card shows (`If-Match`): pin, archive, move to
 * the trash (with an Undo) and restore. Each note's changes are independent requests: pinning one note does not cancel
 * the archiving of another, and a card ignores its buttons while its own change is under way.
 */
export function useNoteActions({ announce, onChanged, offerUndo }: NoteActionsOptions) {
  const busy = ref<ReadonlySet<string>>(new Set());
  const error = ref<string | null>(null);

  function mark(id: string, on: boolean) {
    const next = new Set(busy.value);
    if (on) next.add(id);
    else next.delete(id);
    busy.value = next;
  }

  /** The changed note and the `ETag` of its new version, or null when it did not change. */
  async function change(target: Note, patch: NotePatch, ifMatch = versionTag(target)) {
    if (busy.value.has(target.id)) return null;
    error.value = null;
    mark(target.id, true);
    const outcome = await request(() =>
      api.PATCH('/api/notes/{id}', { params: { path: { id: target.id } }, headers: { 'If-Match': ifMatch }, body: patch }),
    ).finally(() => mark(target.id, false));
    if (!outcome) return null;
    if (outcome.ok) return { note: outcome.data, etag: outcome.response.headers.get('ETag') ?? versionTag(outcome.data) };
    error.value = refusal(outcome, target.title);
    if (staleCodes.has(outcome.problem?.code ?? '')) await onChanged();
    return null;
  }

  async function changeAndSay(target: Note, patch: NotePatch, message: string, ifMatch?: string) {
    const changed = await change(target, patch, ifMatch);
    if (!changed) return null;
    announce(message);
    await onChanged();
    return changed;
  }

  const togglePin = (target: Note) =>
    changeAndSay(target, { pinned: !target.pinned }, `${target.pinned ? 'Unpinned' : 'Pinned'} “${target.title}”`);

  const toggleArchive = (target: Note) =>
    changeAndSay(
      target,
      { archived: !target.archived },
      target.archived ? `Moved “${target.title}” out of the archive` : `Archived “${target.title}”`,
    );

  /** Restores from the trash; `ifMatch` names the version the trash holds when it is known better than the card's. */
  const restore = (target: Note, ifMatch?: string) =>
    changeAndSay(target, { trashed: false }, `Restored “${target.title}”`, ifMatch);

  async function trash(target: Note) {
    const trashed = await change(target, { trashed: true });
    if (!trashed) return;
    // The toast's live region says it; announcing it as well would say it twice.
    offerUndo(`Moved “${target.title}” to the trash`, () => restore(trashed.note, trashed.etag));
    await onChanged();
  }

  function dismissError() {
    error.value = null;
  }

  return { busy, error, togglePin, toggleArchive, trash, restore, dismissError };
}
