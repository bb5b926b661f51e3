import { api } from '@/api/client';
import type { Credentials } from '@/components/CredentialsForm.vue';
import { failureMessage, fieldErrors, request, type Failure } from '@/composables/useRequest';
import { session } from '@/session';

export interface Refusal {
  message: string | null;
  fields: Partial<Record<keyof Credentials, string>>;
  /** The password was right, and two-step sign-in is on: send it again with a code. */
  needsCode?: boolean;
}

// Both calls are sent without a token, so no answer to them ends a session: `request` always has an outcome.

/**
 * Signs in (with a two-step code when there is one) and starts the session; on refusal, says why in the API's words (a
 * throttled sign-in's wait included).
 */
export async function signIn(credentials: Credentials, code?: string): Promise<Refusal | null> {
  const outcome = (await request(() => api.POST('/api/auth/login', { body: { ...credentials, code } })))!;
  if (!outcome.ok && outcome.problem?.code === 'two_factor_required') return { message: null, fields: {}, needsCode: true };
  if (!outcome.ok) return refusal(outcome, 'The username or password is incorrect.');
  session.start(outcome.data);
  return null;
}

/** Creates the account, then signs straight in with it. */
export async function register(credentials: Credentials): Promise<Refusal | null> {
  const outcome = (await request(() => api.POST('/api/auth/register', { body: credentials })))!;
  if (outcome.ok) return signIn(credentials);
  if (outcome.problem?.code === 'username_taken')
    return { message: null, fields: { username: failureMessage(outcome, 'That username is already taken.') } };
  return refusal(outcome, 'The account could not be created.');
}

/** Field messages beside their fields; any other refusal above the form. */
function refusal(failure: Failure, fallback: string): Refusal {
  const fields = failure.problem?.code === 'validation_failed' ? fieldErrors(failure.problem) : {};
  return { message: Object.keys(fields).length ? null : failureMessage(failure, fallback), fields };
}
