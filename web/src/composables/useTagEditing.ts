import { ref } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api } from '@/api/client';
import { failureMessage, fieldErrors, useRequest } from '@/composables/useRequest';
import { isWithin, renamedTag } from '@/noteViews';

interface TagEditingOptions {
  announce: (message: string) => void;
  /** After a rename or a deletion (or a refusal that means the tag list is out of date): load notes and tags again. */
  onChanged: () => Promise<unknown>;
}

/**
 * Renaming a tag (in a small dialog) and deleting one (after asking), on every note of the caller. The tag in the URL
 * follows: a renamed filter shows the same notes under the new name, a deleted one shows all notes.
 */
export function useTagEditing({ announce, onChanged }: TagEditingOptions) {
  const route = useRoute();
  const router = useRouter();

  const renaming = ref<string | null>(null);
  const renameError = ref<string | null>(null);
  const renameFieldError = ref<string | null>(null);
  const renameRequest = useRequest();

  const deleting = ref<string | null>(null);
  const deleteError = ref<string | null>(null);
  const deleteRequest = useRequest();

  function askRename(tag: string) {
    renameError.value = renameFieldError.value = null;
    renaming.value = tag;
  }

  function cancelRename() {
    if (!renameRequest.busy.value) renaming.value = null;
  }

  async function followInUrl(next: (tag: string) => string | null) {
    const current = typeof route.query.tag === 'string' ? route.query.tag : null;
    const followed = current === null ? null : next(current);
    if (current === null || followed === current) return;
    const { tag: _, page: __, ...rest } = route.query;
    await router.replace({ query: followed ? { ...rest, tag: followed } : rest });
  }

  async function rename(name: string) {
    const from = renaming.value;
    if (!from || renameRequest.busy.value) return;
    renameError.value = renameFieldError.value = null;
    const outcome = await renameRequest.send((signal) =>
      api.PUT('/api/tags/{name}', { params: { path: { name: from } }, body: { name }, signal }),
    );
    if (!outcome) return;
    if (outcome.ok) {
      const to = outcome.data.name;
      renaming.value = null;
      await followInUrl((tag) => renamedTag(tag, from, to) ?? tag);
      await onChanged();
      // Last, so that the list's own news of a changed filter does not talk over it.
      announce(`Renamed the tag “${from}” to “${to}”`);
      return;
    }
    if (outcome.problem?.code === 'not_found') {
      // Renamed or deleted elsewhere: there is nothing to rename, and the tag list is out of date.
      renaming.value = null;
      announce(`The tag “${from}” no longer exists`);
      await onChanged();
      return;
    }
    if (outcome.problem?.code === 'validation_failed') {
      renameFieldError.value = fieldErrors(outcome.problem).name ?? null;
      if (renameFieldError.value) return;
    }
    renameError.value = failureMessage(outcome, 'The tag could not be renamed. Try again.');
  }

  function askDelete(tag: string) {
    deleteError.value = null;
    deleting.value = tag;
  }

  function cancelDelete() {
    if (!deleteRequest.busy.value) deleting.value = null;
  }

  async function confirmDelete() {
    const tag = deleting.value;
    if (!tag || deleteRequest.busy.value) return;
    deleteError.value = null;
    const outcome = await deleteRequest.send((signal) => api.DELETE('/api/tags/{name}', { params: { path: { name: tag } }, signal }));
    if (!outcome) return;
    // Already gone (deleted somewhere else) is what the user asked for.
    if (!outcome.ok && outcome.problem?.code !== 'not_found') {
      deleteError.value = failureMessage(outcome, 'The tag could not be deleted. Try again.');
      return;
    }
    deleting.value = null;
    await followInUrl((current) => (isWithin(current, tag) ? null : current));
    await onChanged();
    announce(`Deleted the tag “${tag}”`);
  }

  return {
    renaming,
    renameBusy: renameRequest.busy,
    renameError,
    renameFieldError,
    askRename,
    cancelRename,
    rename,
    deleting,
    deleteBusy: deleteRequest.busy,
    deleteError,
    askDelete,
    cancelDelete,
    confirmDelete,
  };
}
