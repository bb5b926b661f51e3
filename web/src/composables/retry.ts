import { problemOf, type Answer } from '@/composables/useRequest';

/** The waits before each retry; there are as many retries as waits. */
export const retryDelaysMs = [500, 1_000, 2_000];
/** A longer `Retry-After` (the API sends 5 s with a 503) is waited only this long, so a dialog is never held for long. */
const maxRetryAfterMs = 5_000;

/**
 * Sends `call` again after a failure that may pass (no answer, a 503, the first attempt with the same idempotency key
 * still running), a few times with growing waits, calling `onRetry` before each. Only a call that is safe to repeat
 * belongs here (an add with an `Idempotency-Key`). An abort ends the waiting at once; what the last try gave is handed on.
 */
export function withRetries<T>(call: (signal: AbortSignal) => Promise<Answer<T>>, onRetry: (retry: number) => void) {
  return async (signal: AbortSignal): Promise<Answer<T>> => {
    for (let retry = 1; retry <= retryDelaysMs.length; retry++) {
      // No answer at all (but not an abort) is worth another try: the add may never have arrived.
      const answer = await call(signal).catch((error: unknown) => {
        if (signal.aborted) throw error;
        return null;
      });
      if (answer && !mayPass(answer)) return answer;
      onRetry(retry);
      await pause(Math.max(retryDelaysMs[retry - 1]!, answer ? retryAfterMs(answer.response) : 0), signal);
    }
    return call(signal);
  };
}

function mayPass({ error, response }: Answer<unknown>): boolean {
  return response.status === 503 || problemOf(error)?.code === 'idempotency_key_in_progress';
}

/** `Retry-After` in seconds (the API sends no dates), capped; 0 without one. */
function retryAfterMs(response: Response): number {
  const seconds = Number(response.headers.get('Retry-After'));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1_000, maxRetryAfterMs) : 0;
}

/** Resolves after `ms`, or rejects as soon as `signal` aborts. */
function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const aborted = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', aborted);
      resolve();
    }, ms);
    if (signal.aborted) aborted();
    else signal.addEventListener('abort', aborted, { once: true });
  });
}
