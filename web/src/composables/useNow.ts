import { onBeforeUnmount, ref } from 'vue';

/** The current time, updated every `intervalMs`, for relative timestamps that stay true. */
export function useNow(intervalMs = 30_000) {
  const now = ref(Date.now());
  const timer = setInterval(() => (now.value = Date.now()), intervalMs);
  onBeforeUnmount(() => clearInterval(timer));
  return now;
}
