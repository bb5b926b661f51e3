import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api, networkErrorMessage, problemMessage, type Note, type Problem } from '@/api/client';
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
  const loading = ref(false);
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

  let latestLoad = 0;
  /** What the live region last reported, so that only a change of search or page is announced. */
  let announced = { query: query.value, page: page.value };
  async function load() {
    const thisLoad = ++latestLoad;
    loading.value = true;
    try {
      const { data, error } = await api.GET('/api/notes', {
        params: { query: { search: query.value || undefined, page: page.value, pageSize } },
      });
      if (thisLoad !== latestLoad || !session.signedIn.value) return;
      if (!data) {
        pageError.value = problemMessage(error as Problem | undefined, 'Your notes could not be loaded.');
        return;
      }
      const lastPage = Math.max(1, Math.ceil(data.total / pageSize));
      if (data.items.length === 0 && page.value > lastPage) {
        await goToPage(lastPage);
        return;
      }
      notes.value = data.items;
      total.value = data.total;
      loaded.value = true;
      pageError.value = null;
      if (query.value !== announced.query) {
        if (query.value) announce(data.total === 0 ? `No notes match “${query.value}”` : `${plural(data.total, 'note')} found`);
        else announce(`Showing all ${plural(data.total, 'note')}`);
      } else if (page.value !== announced.page) {
        announce(`Page ${page.value} of ${lastPage}`);
      }
      announced = { query: query.value, page: page.value };
    } catch {
      if (thisLoad === latestLoad) pageError.value = networkErrorMessage;
    } finally {
      if (thisLoad === latestLoad) loading.value = false;
    }
  }

  watch([query, page], load, { immediate: true });

  return { query, page, notes, total, loaded, loading, pageError, pageCount, summary, load, goToPage };
}
