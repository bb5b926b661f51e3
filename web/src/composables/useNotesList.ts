import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api, type Note } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';
import { session } from '@/session';

function plural(count: number, noun: string) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * One page of the signed-in user's notes, for the search and page in the URL (?q=…&page=…), so that
 * reloading or going back shows the same notes. Loads again whenever either changes.
 */
export function useNotesList({ pageSize, announce }: { pageSize: number; announce: (message: string) => void }) {
  const route = useRoute();
  const router = useRouter();

  const query = computed(() => (typeof route.query.q === 'string' ? route.query.q : ''));
  const page = computed(() => Math.max(1, Number.parseInt(String(route.query.page ?? '1'), 10) || 1));

  const notes = ref<Note[]>([]);
  const total = ref(0);
  const loaded = ref(false);
  const pageError = ref<string | null>(null);
  const pageCount = computed(() => Math.max(1, Math.ceil(total.value / pageSize)));

  const summary = computed(() => {
    if (!loaded.value) return 'Loading…';
    if (query.value) return `${plural(total.value, 'note')} matching “${query.value}”`;
    return plural(total.value, 'note');
  });

  function goToPage(target: number) {
    const { page: _, ...rest } = route.query;
    return router.replace({ query: target > 1 ? { ...rest, page: String(target) } : rest });
  }

  const listing = useRequest();
  /** What the live region last reported, so that only a change of search or page is announced. */
  let announced = { query: query.value, page: page.value };
  /** A newer load (the search or page changed again) aborts this one, so its answer is never shown. */
  async function load() {
    const outcome = await listing.send((signal) =>
      api.GET('/api/notes', { params: { query: { search: query.value || undefined, page: page.value, pageSize } }, signal }),
    );
    if (!outcome || !session.signedIn.value) return;
    if (!outcome.ok) {
      pageError.value = failureMessage(outcome, 'Your notes could not be loaded.');
      return;
    }
    const { items, total: count } = outcome.data;
    const lastPage = Math.max(1, Math.ceil(count / pageSize));
    if (items.length === 0 && page.value > lastPage) {
      await goToPage(lastPage);
      return;
    }
    notes.value = items;
    total.value = count;
    loaded.value = true;
    pageError.value = null;
    if (query.value !== announced.query) {
      if (query.value) announce(count === 0 ? `No notes match “${query.value}”` : `${plural(count, 'note')} found`);
      else announce(`Showing all ${plural(count, 'note')}`);
    } else if (page.value !== announced.page) {
      announce(`Page ${page.value} of ${lastPage}`);
    }
    announced = { query: query.value, page: page.value };
  }

  watch([query, page], load, { immediate: true });

  return { query, page, notes, total, loaded, loading: listing.busy, pageError, pageCount, summary, load, goToPage };
}
