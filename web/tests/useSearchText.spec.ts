import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { useRoute } from 'vue-router';
import { useSearchText } from '@/composables/useSearchText';
import { mountComposable } from './harness';

const delayMs = 10;
const typingPause = () => new Promise((resolve) => setTimeout(resolve, delayMs * 3));

async function mountSearch(url = '/notes') {
  const { result, router } = await mountComposable(() => {
    const route = useRoute();
    return useSearchText(() => String(route.query.q ?? ''), { delayMs });
  }, url);
  return { search: result, router };
}

describe('search text', () => {
  it('starts from the search in the URL', async () => {
    const { search } = await mountSearch('/notes?q=plans');
    expect(search.text.value).toBe('plans');
  });

  it('puts the trimmed text in the URL once typing pauses, back on the first page', async () => {
    const { search, router } = await mountSearch('/notes?page=3');
    search.text.value = '  groc ';
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ page: '3' });

    await typingPause();
    expect(router.currentRoute.value.query).toEqual({ q: 'groc' });
  });

  it('leaves the URL (and the page) alone when only spaces changed', async () => {
    const { search, router } = await mountSearch('/notes?q=groc&page=2');
    search.text.value = 'groc ';
    await typingPause();
    expect(router.currentRoute.value.query).toEqual({ q: 'groc', page: '2' });
  });

  it('searches at once on Enter', async () => {
    const { search, router } = await mountSearch();
    search.text.value = 'plans';
    await flushPromises();
    search.searchNow();
    await flushPromises();
    expect(router.currentRoute.value.query).toEqual({ q: 'plans' });
  });

  it('clears at once, and forgets a search still waiting for the pause', async () => {
    const { search, router } = await mountSearch('/notes?q=plans&page=2');
    search.text.value = 'plansx';
    await flushPromises();
    search.clear();
    await flushPromises();
    expect(search.text.value).toBe('');
    expect(router.currentRoute.value.query).toEqual({});

    await typingPause();
    expect(router.currentRoute.value.query).toEqual({});
  });

  it('follows the URL when it changes elsewhere (Back)', async () => {
    const { search, router } = await mountSearch('/notes?q=plans');
    await router.replace({ query: { q: 'ideas' } });
    await flushPromises();
    expect(search.text.value).toBe('ideas');
  });
});
