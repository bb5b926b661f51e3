import { ref } from 'vue';
import { api, type TagCount } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';

/** The caller's tags with their counts (outside the trash), for the navigation and the editor's suggestions. */
export function useTags() {
  const tags = ref<TagCount[]>([]);
  const error = ref<string | null>(null);
  const listing = useRequest();

  /** Only the latest load counts: after a burst of changes, the list shows the state after the last one. */
  async function load() {
    const outcome = await listing.send((signal) => api.GET('/api/tags', { signal }));
    if (!outcome) return;
    if (outcome.ok) {
      tags.value = outcome.data;
      error.value = null;
    } else {
      error.value = failureMessage(outcome, 'Your tags could not be loaded.');
    }
  }

  return { tags, error, loading: listing.busy, load };
}
