import { ref } from 'vue';
import { api, type Note } from '@/api/client';
import { failureMessage, useRequest } from '@/composables/useRequest';

/** How long a new link works: a number of days, or never (until revoked). */
export type ShareExpiry = 7 | 30 | 365 | 'never';

export const shareExpiries: { value: ShareExpiry; label: string }[] = [
  { value: 7, label: '7 days' },
  { value: 30, label: '30 days' },
  { value: 365, label: '1 year' },
  { value: 'never', label: 'Never' },
];

export interface ShareLink {
  id: string;
  createdAt: string;
  expiresAt?: string | null;
  views: number;
  lastViewedAt?: string | null;
}

/** The body that asks for an expiry: days from now, or an explicit null for a link that never expires. */
export function expiryBody(expiry: ShareExpiry, now = new Date()): { expiresAt: string | null } {
  return { expiresAt: expiry === 'never' ? null : new Date(now.getTime() + expiry * 86_400_000).toISOString() };
}

/**
 * A note's share links: listed with their views, a new one made (its full address shown once, as only then is its token
 * known), and revoked. A link's token never comes back from the list.
 */
export function useShares({ announce }: { announce: (message: string) => void }) {
  const note = ref<Note | null>(null);
  const links = ref<ShareLink[]>([]);
  /** The full address of the link just made; null once the dialog closes. */
  const created = ref<string | null>(null);
  const error = ref<string | null>(null);
  const listing = useRequest();
  const creating = useRequest();
  const revoking = useRequest();

  function open(target: Note) {
    note.value = target;
    links.value = [];
    created.value = null;
    error.value = null;
    void load();
  }

  function close() {
    note.value = null;
    created.value = null;
  }

  async function load() {
    const shown = note.value;
    if (!shown) return;
    const outcome = await listing.send((signal) => api.GET('/api/notes/{id}/shares', { params: { path: { id: shown.id } }, signal }));
    if (!outcome || note.value?.id !== shown.id) return;
    if (outcome.ok) links.value = outcome.data as ShareLink[];
    else error.value = failureMessage(outcome, 'The links could not be loaded. Try again.');
  }

  async function create(expiry: ShareExpiry) {
    const shown = note.value;
    if (!shown) return;
    error.value = null;
    const outcome = await creating.send((signal) =>
      api.POST('/api/notes/{id}/shares', { params: { path: { id: shown.id } }, body: expiryBody(expiry), signal }),
    );
    if (!outcome || note.value?.id !== shown.id) return;
    if (!outcome.ok) {
      error.value =
        outcome.problem?.code === 'note_in_trash'
          ? 'A note in the trash cannot be shared: restore it first.'
          : failureMessage(outcome, 'The link could not be made. Try again.');
      return;
    }
    created.value = new URL(outcome.data.url, location.origin).href;
    announce('Link created.');
    await load();
  }

  async function revoke(link: ShareLink) {
    const shown = note.value;
    if (!shown) return;
    error.value = null;
    const outcome = await revoking.send((signal) =>
      api.DELETE('/api/notes/{id}/shares/{shareId}', { params: { path: { id: shown.id, shareId: link.id } }, signal }),
    );
    if (!outcome) return;
    if (!outcome.ok && outcome.problem?.code !== 'not_found') {
      error.value = failureMessage(outcome, 'The link could not be revoked. Try again.');
      return;
    }
    links.value = links.value.filter((l) => l.id !== link.id);
    created.value = null;
    announce('Link revoked.');
  }

  async function copy() {
    if (!created.value) return;
    try {
      await navigator.clipboard.writeText(created.value);
      announce('Link copied.');
    } catch {
      error.value = 'The link could not be copied: select it and copy it yourself.';
    }
  }

  return {
    note, links, created, error, open, close, load, create, revoke, copy,
    loading: listing.busy, creating: creating.busy, revoking: revoking.busy,
  };
}
