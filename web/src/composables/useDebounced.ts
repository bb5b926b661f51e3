import { onBeforeUnmount } from 'vue';

/** Calls `fn` once the calls have paused for `delayMs`; `flush` runs a pending call now. */
export function useDebounced<Args extends unknown[]>(fn: (...args: Args) => void, delayMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: Args | null = null;

  function run() {
    clearTimeout(timer);
    if (!pending) return;
    const args = pending;
    pending = null;
    fn(...args);
  }

  onBeforeUnmount(() => clearTimeout(timer));
  return {
    call(...args: Args) {
      pending = args;
      clearTimeout(timer);
      timer = setTimeout(run, delayMs);
    },
    flush: run,
    cancel() {
      pending = null;
      clearTimeout(timer);
    },
  };
}
