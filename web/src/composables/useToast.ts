import { onBeforeUnmount, ref } from 'vue';

export interface Toast {
  /** Each toast's own number, so a view can tell a new toast from the one it shows. */
  id: number;
  message: string;
  actionLabel: string | null;
}

/** Why the countdown waits: nobody should lose an Undo while pointing at it or while it has keyboard focus. */
type Hold = 'hover' | 'focus';

/**
 * One short-lived message at a time, perhaps with an action (Undo). It goes after `durationMs`, a countdown that waits
 * while the pointer is over the toast or focus is inside it (WCAG 2.2.1: time limits can be extended), and starts again
 * in full when both have left. A newer toast replaces the one on screen.
 */
export function useToast({ durationMs }: { durationMs: number }) {
  const toast = ref<Toast | null>(null);
  let action: (() => unknown) | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let counter = 0;
  const holds = new Set<Hold>();

  function countDown() {
    clearTimeout(timer);
    if (toast.value && holds.size === 0) timer = setTimeout(dismiss, durationMs);
  }

  function show(message: string, withAction?: { label: string; run: () => unknown }) {
    action = withAction?.run ?? null;
    toast.value = { id: ++counter, message, actionLabel: withAction?.label ?? null };
    countDown();
  }

  function dismiss() {
    clearTimeout(timer);
    toast.value = null;
    action = null;
    holds.clear();
  }

  /** Runs the toast's action once, and the toast goes. */
  function act() {
    const run = action;
    dismiss();
    return run?.();
  }

  function hold(reason: Hold) {
    holds.add(reason);
    clearTimeout(timer);
  }

  function release(reason: Hold) {
    if (holds.delete(reason)) countDown();
  }

  onBeforeUnmount(() => clearTimeout(timer));
  return { toast, show, dismiss, act, hold, release };
}
