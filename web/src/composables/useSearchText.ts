import { ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { withSearch } from '@/noteViews';
import { useDebounced } from './useDebounced';

/**
 * The search box's text, kept in step with the search in the URL (`currentQuery`): search as you
 * type, but the URL (and so the API) only changes once typing pauses for `delayMs`. The view's tag stays.
 */
export function useSearchText(currentQuery: () => string, { delayMs }: { delayMs: number }) {
  const route = useRoute();
  const router = useRouter();
  const text = ref(currentQuery());

  const debouncedSearch = useDebounced((typed: string) => {
    const q = typed.trim();
    if (q !== currentQuery()) void router.replace({ query: withSearch(route.query, q) });
  }, delayMs);
  watch(text, (typed) => debouncedSearch.call(typed));
  watch(currentQuery, (q) => {
    if (text.value.trim() !== q) text.value = q;
  });

  function clear() {
    debouncedSearch.cancel();
    text.value = '';
    void router.replace({ query: withSearch(route.query, '') });
  }

  return { text, searchNow: debouncedSearch.flush, clear };
}
