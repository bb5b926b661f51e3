import { mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { defineComponent } from 'vue';
import { useDebounced } from '@/composables/useDebounced';

function withDebounced(fn: (text: string) => void, delayMs: number) {
  let debounced!: ReturnType<typeof useDebounced<[string]>>;
  const wrapper = mount(
    defineComponent({
      setup() {
        debounced = useDebounced(fn, delayMs);
        return () => null;
      },
    }),
  );
  return { debounced, wrapper };
}

describe('search debounce', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks once typing pauses, with the last text', () => {
    const search = vi.fn();
    const { debounced } = withDebounced(search, 300);
    for (const text of ['g', 'gr', 'gro', 'groc']) {
      debounced.call(text);
      vi.advanceTimersByTime(100);
    }
    expect(search).not.toHaveBeenCalled();
    vi.advanceTimersByTime(200);
    expect(search).toHaveBeenCalledExactlyOnceWith('groc');
  });

  it('asks at once on Enter (flush), and not again afterwards', () => {
    const search = vi.fn();
    const { debounced } = withDebounced(search, 300);
    debounced.call('plans');
    debounced.flush();
    vi.advanceTimersByTime(1_000);
    expect(search).toHaveBeenCalledExactlyOnceWith('plans');
  });

  it('forgets a pending search when cancelled or when the page goes away', () => {
    const search = vi.fn();
    const { debounced, wrapper } = withDebounced(search, 300);
    debounced.call('a');
    debounced.cancel();
    debounced.call('b');
    wrapper.unmount();
    vi.advanceTimersByTime(1_000);
    expect(search).not.toHaveBeenCalled();
  });
});
