import { ref } from 'vue';

/** Text for a polite live region: `announce` has screen readers read a message out. */
export function useAnnouncer() {
  const announcement = ref('');

  function announce(message: string) {
    // Re-setting the same text would not be announced again: clear it first.
    announcement.value = '';
    setTimeout(() => (announcement.value = message), 50);
  }

  return { announcement, announce };
}
