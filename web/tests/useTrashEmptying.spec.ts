import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTrashEmptying } from '@/composables/useTrashEmptying';
import { fakeServer, problem } from './harness';

describe('emptying the trash', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks first, then deletes every note in it for good and says how many', async () => {
    const requests = fakeServer(Response.json({ deleted: 3 }));
    const options = { announce: vi.fn(), onEmptied: vi.fn(async () => {}) };
    const t = useTrashEmptying(options);
    t.ask();
    expect(requests).toHaveLength(0);
    await t.confirm();
    expect(requests[0]!.method).toBe('DELETE');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/trash');
    expect(t.asking.value).toBe(false);
    expect(options.announce).toHaveBeenCalledWith('Emptied the trash: 3 notes deleted for good');
    expect(options.onEmptied).toHaveBeenCalled();
  });

  it('keeps asking, with the reason, when refused', async () => {
    fakeServer(problem(503, 'database_unavailable', 'The database is unavailable.'));
    const t = useTrashEmptying({ announce: vi.fn(), onEmptied: vi.fn(async () => {}) });
    t.ask();
    await t.confirm();
    expect(t.asking.value).toBe(true);
    expect(t.error.value).toBe('The database is unavailable.');
  });
});
