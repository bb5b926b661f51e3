import { ref } from 'vue';
import type { Problem } from '@/api/client';

/** What the generated client resolves to. */
export interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** How a request ended: the API's data, or a failure (its problem, or `response: null` when no answer came). */
export type Outcome<T> =
  | { ok: true; data: T; response: Response }
  | { ok: false; problem: Problem | undefined; response: Response | null };

export type Failure = Extract<Outcome<unknown>, { ok: false }>;

/** A refused token: the client has ended the session and the app is on its way to sign-in, so there is nothing to show. */
const sessionRefusals = new Set<Problem['code'] | undefined>(['auth_required', 'invalid_token', 'token_expired', 'token_revoked']);

/**
 * Sends one API call and says how it ended. `null` means there is nothing to show: the call was aborted (a newer one
 * superseded it) or the session has ended.
 */
export async function request<T>(call: () => Promise<Answer<T>>, signal?: AbortSignal): Promise<Outcome<T> | null> {
  try {
    const { data, error, response } = await call();
    if (signal?.aborted) return null;
    if (response.ok) return { ok: true, data: data as T, response };
    const problem = problemOf(error);
    return sessionRefusals.has(problem?.code) ? null : { ok: false, problem, response };
  } catch {
    return signal?.aborted ? null : { ok: false, problem: undefined, response: null };
  }
}

/** The problem an answer carries. A proxy's error page arrives as text: only a JSON body is a problem. */
export function problemOf(error: unknown): Problem | undefined {
  return typeof error === 'object' && error !== null ? (error as Problem) : undefined;
}

/**
 * One kind of API call a composable makes, `busy` while it runs. Only the latest call counts: sending again aborts the
 * one under way, whose answer (or error) is then never seen.
 */
export function useRequest() {
  const busy = ref(false);
  let latest: AbortController | null = null;

  async function send<T>(call: (signal: AbortSignal) => Promise<Answer<T>>): Promise<Outcome<T> | null> {
    latest?.abort();
    const controller = (latest = new AbortController());
    busy.value = true;
    try {
      return await request(() => call(controller.signal), controller.signal);
    } finally {
      if (latest === controller) {
        latest = null;
        busy.value = false;
      }
    }
  }

  return { busy, send };
}

/** Explains a failed fetch (no answer at all) in words. */
export const networkErrorMessage = 'Cannot reach the server. Check your connection and try again.';

/** A failure in words: the API's own when it gave some, `fallback` when it gave none, or that no answer came. */
export function failureMessage({ problem, response }: Failure, fallback: string): string {
  return response ? problem?.detail?.trim() || fallback : networkErrorMessage;
}

/** Field name (camelCase, as in the request) → the API's first message for it. */
export function fieldErrors(problem: Problem | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { name, reason } of problem?.errors ?? []) if (name && reason) result[camel(name)] ??= reason;
  return result;
}

function camel(name: string) {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
