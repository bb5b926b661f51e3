import { computed, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { api, type Note } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';
import { shownBy, viewRoutes } from '@/noteViews';
import { session } from '@/session';

export function plural(count: number, noun: string) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

const places = { active: '', archived: ' in the archive', trash: ' in the trash' } as const;

/**
 * One page of the signed-in user's notes in the view and tag the route names (`/notes?tag=work`, `/archive`, `/trash`),
 * for the search and page in the URL (?q=…&page=…), so that reloading or going back shows the same notes. Loads again
 * whenever any of them changes.
 */
export function useNotesList({ pageSize, announce }: { pageSize: number; announce: (message: string) => void }) {
  const route = useRoute();
  const router = useRouter();

  const shown = computed(() => shownBy(route));
  const view = computed(() => shown.value.view);
  const tag = computed(() => shown.value.tag);
  const query = computed(() => (typeof route.query.q === 'string' ? route.query.q : ''));
  const page = computed(() => Math.max(1, Number.parseInt(String(route.query.page ?? '1'), 10) || 1));

  const notes = ref<Note[]>([]);
  const total = ref(0);
  const loaded = ref(false);
  const pageError = ref<string | null>(null);
  const pageCount = computed(() => Math.max(1, Math.ceil(total.value / pageSize)));
  // The API puts pinned notes first outside the trash; the page shows them in a section of their own.
  const pinned = computed(() => (view.value === 'trash' ? [] : notes.value.filter((n) => n.pinned)));
  const unpinned = computed(() => notes.value.filter((n) => !pinned.value.includes(n)));

  const summary = computed(() => {
    if (!loaded.value) return 'Loading…';
    const tagged = tag.value ? ` tagged “${tag.value}”` : '';
    const matching = query.value ? ` matching “${query.value}”` : '';
    return `${plural(total.value, 'note')}${places[view.value]}${tagged}${matching}`;
  });

  function goToPage(target: number) {
    const { page: _, ...rest } = route.query;
    return router.replace({ query: target > 1 ? { ...rest, page: String(target) } : rest });
  }

  const listing = useRequest();
  /** What the live region last reported, so that only a change of view, tag, search or page is announced. */
  let announced = { view: view.value, tag: tag.value, query: query.value, page: page.value };
  /** A newer load (the search or page changed again) aborts this one, so its answer is never shown. */
  async function load() {
    const outcome = await listing.send((signal) =>
      api.GET('/api/notes', {
        params: {
          query: {
            search: query.value || undefined,
            // Only what differs from the API's defaults, so the plain list asks what it always asked.
            view: view.value === 'active' ? undefined : view.value,
            tag: tag.value ?? undefined,
            page: page.value,
            pageSize,
          },
        },
        signal,
      }),
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
    if (view.value !== announced.view || tag.value !== announced.tag) {
      const tagged = tag.value ? ` tagged “${tag.value}”` : '';
      announce(`${viewRoutes[view.value].title}${tagged}: ${plural(count, 'note')}`);
    } else if (query.value !== announced.query) {
      if (query.value) announce(count === 0 ? `No notes match “${query.value}”` : `${plural(count, 'note')} found`);
      else announce(`Showing all ${plural(count, 'note')}`);
    } else if (page.value !== announced.page) {
      announce(`Page ${page.value} of ${lastPage}`);
    }
    announced = { view: view.value, tag: tag.value, query: query.value, page: page.value };
  }

  // Leaving the notes pages (sign-out) changes the route before the page goes: that is no reason to load.
  watch([view, tag, query, page], () => route.meta.view && load(), { immediate: true });

  return {
    view,
    tag,
    query,
    page,
    notes,
    pinned,
    unpinned,
    total,
    loaded,
    loading: listing.busy,
    pageError,
    pageCount,
    summary,
    load,
    goToPage,
  };
}
