import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api, versionTag, type Note, type Problem } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';
import { toggleTask } from '@/markdown';

interface NoteViewOptions {
  announce: (message: string) => void;
  /** After a tick was saved, or a refusal that means the list is out of date. */
  onChanged: () => Promise<unknown>;
}

/** A `412 version_conflict` carries the note as it is now. */
function currentOf(problem: Problem | undefined): Note | null {
  return (problem as (Problem & { current?: Note }) | undefined)?.current ?? null;
}

/**
 * The note view: the note the URL names (`?note=<id>`, so a reload or Back keeps it), fetched with its `ETag`, and its
 * task boxes. A tick changes the Markdown and saves it as a merge patch over the version on screen (`If-Match`): when
 * the note changed meanwhile, nothing is overwritten and the view shows the note as it is now. Ticks made while one is
 * being saved show at once and are saved right after it, together.
 */
export function useNoteView({ announce, onChanged }: NoteViewOptions) {
  const route = useRoute();
  const router = useRouter();

  const id = computed(() => (typeof route.query.note === 'string' && route.query.note !== '' ? route.query.note : null));
  const note = ref<Note | null>(null);
  /** The description the ticks not saved yet ask for, shown meanwhile; null when there are none. */
  const pending = ref<string | null>(null);
  const missing = ref(false);
  const error = ref<string | null>(null);
  /** Why the last ticks were not saved. */
  const notice = ref<string | null>(null);
  const saving = ref(false);
  const fetching = useRequest();
  const patching = useRequest();
  let etag: string | null = null;
  /** Whether this page put `?note=` in the history, so closing can go back rather than add an entry. */
  let openedHere = false;

  const source = computed(() => pending.value ?? note.value?.description ?? '');

  function show(id: string) {
    openedHere = true;
    void router.push({ query: { ...route.query, note: id } });
  }

  function close() {
    if (saving.value) return;
    if (openedHere) {
      openedHere = false;
      router.back();
    } else {
      const { note: _, ...rest } = route.query;
      void router.replace({ query: rest });
    }
  }

  async function load() {
    const target = id.value;
    if (!target) return;
    error.value = null;
    const outcome = await fetching.send((signal) => api.GET('/api/notes/{id}', { params: { path: { id: target } }, signal }));
    if (!outcome || id.value !== target) return;
    if (outcome.ok) {
      note.value = outcome.data;
      etag = outcome.response.headers.get('ETag') ?? versionTag(outcome.data);
      missing.value = false;
    } else if (outcome.problem?.code === 'not_found') {
      note.value = null;
      missing.value = true;
    } else {
      error.value = failureMessage(outcome, 'The note could not be loaded. Try again.');
    }
  }

  watch(
    id,
    (target) => {
      note.value = null;
      pending.value = notice.value = error.value = null;
      missing.value = false;
      etag = null;
      // Back to a URL without the note (or Back past it) closes it; a new note id opens that one.
      if (!target) openedHere = false;
      void load();
    },
    { immediate: true },
  );

  function tick(line: number, checked: boolean) {
    if (!note.value || note.value.trashedAt || !etag) return;
    const description = toggleTask(source.value, line, checked);
    if (description === null) return;
    pending.value = description;
    notice.value = null;
    if (!saving.value) void saveTicks();
  }

  async function saveTicks() {
    const target = note.value;
    if (!target) return;
    saving.value = true;
    try {
      while (pending.value !== null && note.value?.id === target.id) {
        const sent = pending.value;
        const ifMatch = etag!;
        const outcome = await patching.send((signal) =>
          api.PATCH('/api/notes/{id}', { params: { path: { id: target.id } }, headers: { 'If-Match': ifMatch }, body: { description: sent }, signal }),
        );
        if (!outcome || note.value?.id !== target.id) return;
        if (!outcome.ok) {
          pending.value = null;
          await refused(outcome.problem, failureMessage(outcome, 'The tick could not be saved. Try again.'));
          return;
        }
        note.value = outcome.data;
        etag = outcome.response.headers.get('ETag') ?? versionTag(outcome.data);
        // Ticks made meanwhile were made on top of this one: the loop saves them next.
        if (pending.value === sent) pending.value = null;
      }
      announce('Task list saved');
      await onChanged();
    } finally {
      saving.value = false;
    }
  }

  async function refused(problem: Problem | undefined, message: string) {
    switch (problem?.code) {
      case 'version_conflict': {
        const current = currentOf(problem);
        if (current) {
          note.value = current;
          etag = versionTag(current);
        } else {
          await load();
        }
        notice.value =
          'This note was changed somewhere else, so your tick was not saved and nothing was overwritten. ' +
          'It now shows the latest version: tick again if you still want to.';
        break;
      }
      case 'note_in_trash':
        notice.value = 'This note was moved to the trash somewhere else, so your tick was not saved.';
        await load();
        break;
      case 'not_found':
        note.value = null;
        missing.value = true;
        break;
      default:
        notice.value = message;
        return;
    }
    await onChanged();
  }

  return {
    id,
    note,
    source,
    missing,
    error,
    notice,
    saving,
    loading: fetching.busy,
    show,
    close,
    load,
    tick,
  };
}
