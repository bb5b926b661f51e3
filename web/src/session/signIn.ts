import { api, fieldErrors, networkErrorMessage, problemMessage, type Problem } from '@/api/client';
import type { Credentials } from '@/components/CredentialsForm.vue';
import { session } from '@/session';

export interface Refusal {
  message: string | null;
  fields: Partial<Record<keyof Credentials, string>>;
}

/** Signs in and starts the session; on refusal, says why in the API's words. */
export async function signIn(credentials: Credentials): Promise<Refusal | null> {
  try {
    const { data, error, response } = await api.POST('/api/auth/login', { body: credentials });
    if (data) {
      session.start(data);
      return null;
    }
    const problem = error as Problem | undefined;
    if (response.status === 429) {
      return { message: tooManyAttempts(problem, response.headers.get('Retry-After')), fields: {} };
    }
    if (response.status === 400) return { message: null, fields: fieldErrors(problem) };
    return { message: problemMessage(problem, 'The username or password is incorrect.'), fields: {} };
  } catch {
    return { message: networkErrorMessage, fields: {} };
  }
}

/** Creates the account, then signs straight in with it. */
export async function register(credentials: Credentials): Promise<Refusal | null> {
  try {
    const { data, error, response } = await api.POST('/api/auth/register', { body: credentials });
    if (!data) {
      const problem = error as Problem | undefined;
      if (response.status === 409)
        return { message: null, fields: { username: problemMessage(problem, 'That username is already taken.') } };
      const fields = fieldErrors(problem);
      const message = Object.keys(fields).length ? null : problemMessage(problem, 'The account could not be created.');
      return { message, fields };
    }
  } catch {
    return { message: networkErrorMessage, fields: {} };
  }
  return signIn(credentials);
}

/** The wait comes from Retry-After, in words a person reads at a glance ("15 minutes", not "899 seconds"). */
export function tooManyAttempts(problem: Problem | undefined, retryAfter: string | null): string {
  const seconds = Number(retryAfter);
  if (retryAfter === null || !Number.isFinite(seconds) || seconds <= 0)
    return problemMessage(problem, 'Too many failed sign-in attempts. Try again later.');
  return `Too many failed sign-in attempts. Try again in ${waitTime(seconds)}.`;
}

function waitTime(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? '1 second' : `${Math.ceil(seconds)} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
