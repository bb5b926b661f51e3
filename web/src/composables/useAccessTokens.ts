import { ref } from 'vue';
import { api } from '@/api/client';
import type { components } from '@/api/schema';
import { failureMessage, fieldErrors, useRequest } from '@/composables/useRequest';

export type TokenRow = components['schemas']['ListTokensResponse'];
export type CreatedToken = components['schemas']['CreateTokenResponse'];

/** How long a new token lasts: a number of days, or until it is revoked. */
export const expiryChoices = [
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: 'A year' },
  { value: 'never', label: 'Until revoked' },
] as const;
export type ExpiryChoice = (typeof expiryChoices)[number]['value'];

export function expiresAtFor(choice: ExpiryChoice, now = Date.now()): string | null {
  return choice === 'never' ? null : new Date(now + Number(choice) * 86_400_000).toISOString();
}

/**
 * The settings page's personal access tokens: the list, creating one (whose token is kept here only until the page
 * forgets it: the API never shows it again), revoking one, and revoking all of them (offered after a password change).
 */
export function useAccessTokens() {
  const loading = useRequest();
  const creating = useRequest();
  const revoking = useRequest();
  const tokens = ref<TokenRow[]>([]);
  const created = ref<CreatedToken | null>(null);
  const errors = ref<Record<string, string>>({});
  const message = ref<string | null>(null);

  async function load() {
    const outcome = await loading.send((signal) => api.GET('/api/account/tokens', { signal }));
    if (!outcome) return;
    if (outcome.ok) tokens.value = outcome.data;
    else message.value = failureMessage(outcome, 'Your access tokens could not be loaded.');
  }

  async function create(form: { name: string; scope: 'read' | 'write'; expiry: ExpiryChoice }) {
    message.value = null;
    errors.value = form.name.trim() ? {} : { name: 'Give the token a name, to tell it apart later.' };
    if (errors.value.name) return false;
    const body = { name: form.name.trim(), scope: form.scope, expiresAt: expiresAtFor(form.expiry) };
    const outcome = await creating.send((signal) => api.POST('/api/account/tokens', { body, signal }));
    if (!outcome) return false;
    if (!outcome.ok) {
      errors.value = fieldErrors(outcome.problem);
      if (!Object.keys(errors.value).length) message.value = failureMessage(outcome, 'The token could not be created.');
      return false;
    }
    created.value = outcome.data;
    await load();
    return true;
  }

  async function revoke(id: string) {
    message.value = null;
    const outcome = await revoking.send((signal) => api.DELETE('/api/account/tokens/{id}', { params: { path: { id } }, signal }));
    if (!outcome) return false;
    // Someone else revoked it first (another tab): it is gone all the same.
    if (!outcome.ok && outcome.response?.status !== 404) {
      message.value = failureMessage(outcome, 'The token could not be revoked.');
      return false;
    }
    tokens.value = tokens.value.filter((t) => t.id !== id);
    if (created.value?.id === id) created.value = null;
    return true;
  }

  async function revokeAll() {
    for (const token of [...tokens.value]) if (!(await revoke(token.id))) return false;
    return true;
  }

  return { tokens, created, errors, message, busy: creating.busy, revokingBusy: revoking.busy, load, create, revoke, revokeAll };
}
