import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import { withRetries } from '@/composables/retry';
import { useRequest } from '@/composables/useRequest';
import { fakeServer, note, noteAnswer, problem } from './harness';

const addNote = (signal: AbortSignal) =>
  api.POST('/api/notes', { params: { header: { 'Idempotency-Key': 'k1' } }, body: { title: 'Groceries', description: '' }, signal });

describe('retries', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    vi.unstubAllGlobals();
  });

  it('stop when a newer request supersedes the one waiting to try again', async () => {
    const requests = fakeServer(problem(503, 'database_unavailable'), noteAnswer(note('n2', 'Newer'), '"1"', 201));
    const onRetry = vi.fn();
    const { busy, send } = useRequest();
    const superseded = send(withRetries(addNote, onRetry));
    await vi.advanceTimersByTimeAsync(100);
    expect(onRetry).toHaveBeenCalledWith(1);

    expect(await send(addNote)).toMatchObject({ ok: true, data: { id: 'n2' } });
    await vi.runAllTimersAsync();
    expect(await superseded).toBeNull();
    expect(requests).toHaveLength(2);
    expect(onRetry).toHaveBeenCalledTimes(1);
    expect(busy.value).toBe(false);
  });

  it('stop when the request under way is aborted, which is no network error', async () => {
    // As fetch does: an aborted request rejects.
    const requests: Request[] = fakeServer(
      () => new Promise<Response>((_, reject) => requests[0]!.signal.addEventListener('abort', () => reject(new DOMException('Aborted', 'AbortError')))),
    );
    const onRetry = vi.fn();
    const controller = new AbortController();
    const sending = withRetries(addNote, onRetry)(controller.signal);
    await vi.advanceTimersByTimeAsync(0);
    controller.abort();

    await expect(sending).rejects.toThrow();
    await vi.runAllTimersAsync();
    expect(requests).toHaveLength(1);
    expect(onRetry).not.toHaveBeenCalled();
  });
});
