import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '@/api/client';
import { failureMessage, fieldErrors, networkErrorMessage, useRequest } from '@/composables/useRequest';
import { fakeServer, note, noteAnswer, problem } from './harness';

const getNote = (signal: AbortSignal) => api.GET('/api/notes/{id}', { params: { path: { id: 'n1' } }, signal });

/** An answer the test gives when it chooses. */
function later() {
  let answer!: (response: Response) => void;
  const pending = () => new Promise<Response>((resolve) => (answer = resolve));
  return { pending, answer: (response: Response) => answer(response) };
}

describe('request helper', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is busy while the request is under way, and hands over the data with the answer', async () => {
    const first = later();
    fakeServer(first.pending);
    const { busy, send } = useRequest();

    const sending = send(getNote);
    expect(busy.value).toBe(true);
    await flushPromises();
    first.answer(noteAnswer(note('n1', 'Groceries'), '"7"'));
    const outcome = await sending;

    expect(busy.value).toBe(false);
    expect(outcome).toMatchObject({ ok: true, data: { title: 'Groceries' } });
    expect(outcome?.ok && outcome.response.headers.get('ETag')).toBe('"7"');
  });

  it("hands over the API's problem, whose code the caller branches on and whose detail it shows", async () => {
    fakeServer(problem(503, 'database_unavailable', 'The database is unavailable. Try again shortly.'));
    const outcome = await useRequest().send(getNote);

    expect(outcome).toMatchObject({ ok: false, problem: { code: 'database_unavailable' } });
    expect(outcome?.ok === false && failureMessage(outcome, 'Fallback.')).toBe('The database is unavailable. Try again shortly.');
  });

  it('falls back to its own words when the problem has none', async () => {
    fakeServer(new Response('<html>Bad gateway</html>', { status: 502 }));
    const outcome = await useRequest().send(getNote);

    expect(outcome).toMatchObject({ ok: false, problem: undefined });
    expect(outcome?.ok === false && failureMessage(outcome, 'The note could not be loaded.')).toBe('The note could not be loaded.');
  });

  it('tells an unreachable server from a refusal, and is no longer busy', async () => {
    fakeServer(() => Promise.reject(new TypeError('Failed to fetch')));
    const { busy, send } = useRequest();
    const outcome = await send(getNote);

    expect(outcome).toEqual({ ok: false, problem: undefined, response: null });
    expect(outcome?.ok === false && failureMessage(outcome, 'Fallback.')).toBe(networkErrorMessage);
    expect(busy.value).toBe(false);
  });

  it('aborts a request a newer one supersedes, and never hands over its answer', async () => {
    const first = later();
    const requests = fakeServer(first.pending, noteAnswer(note('n1', 'Newer')));
    const { busy, send } = useRequest();

    const superseded = send(getNote);
    await flushPromises();
    const latest = send(getNote);
    expect(requests[0]!.signal.aborted).toBe(true);
    expect(await latest).toMatchObject({ ok: true, data: { title: 'Newer' } });
    expect(busy.value).toBe(false);

    first.answer(noteAnswer(note('n1', 'Older')));
    expect(await superseded).toBeNull();
    expect(busy.value).toBe(false);
  });

  it('stays busy until the latest request ends, whatever became of the superseded one', async () => {
    const first = later();
    const second = later();
    fakeServer(first.pending, second.pending);
    const { busy, send } = useRequest();

    const superseded = send(getNote);
    await flushPromises();
    const latest = send(getNote);
    await flushPromises();
    first.answer(problem(500, 'internal_error'));
    expect(await superseded).toBeNull();
    expect(busy.value).toBe(true);

    second.answer(noteAnswer(note('n1', 'Latest')));
    await latest;
    expect(busy.value).toBe(false);
  });

  it.each(['auth_required', 'invalid_token', 'token_expired', 'token_revoked'] as const)(
    'has nothing to show after %s: the session has ended and the app is on its way to sign-in',
    async (code) => {
      fakeServer(problem(401, code));
      expect(await useRequest().send(getNote)).toBeNull();
    },
  );

  it('reads the field errors of a validation problem, by the request’s field names', () => {
    const errors = [
      { name: 'Title', reason: 'Title is required.' },
      { name: 'Title', reason: 'A second reason.' },
      { name: 'description', reason: 'Too long.' },
    ];
    expect(fieldErrors({ ...problemBody(), errors })).toEqual({ title: 'Title is required.', description: 'Too long.' });
  });
});

function problemBody() {
  return { type: 'about:blank', title: 'Refused', status: 400, instance: '/api/notes', traceId: '00-0-0-00', code: 'validation_failed' as const, errors: [] };
}
