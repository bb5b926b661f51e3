import { ref, watch } from 'vue';
import { useDebounced } from '@/composables/useDebounced';
import { estimateStrength, type Strength } from '@/passwordStrength';

/** Long enough that a screen reader announces a pause in typing, not every keystroke. */
export const strengthDelayMs = 300;

/**
 * The strength of the password being typed, once typing pauses; null while it is empty (or zxcvbn could not be
 * loaded: the hint is only advice). An answer that arrives after a newer keystroke is dropped.
 */
export function usePasswordStrength(password: () => string, username: () => string) {
  const strength = ref<Strength | null>(null);
  let latest = 0;

  const estimate = useDebounced(async (typed: string, name: string) => {
    const asked = ++latest;
    const answer = await estimateStrength(typed, name).catch(() => null);
    if (asked === latest) strength.value = answer;
  }, strengthDelayMs);

  // Immediately too: the hint may appear (again) beside a password already typed.
  watch(
    [password, username],
    ([typed, name]) => {
      if (typed) {
        estimate.call(typed, name);
      } else {
        latest++;
        estimate.cancel();
        strength.value = null;
      }
    },
    { immediate: true },
  );

  return { strength };
}
