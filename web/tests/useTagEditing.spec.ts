import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useTagEditing } from '@/composables/useTagEditing';
import { fakeServer, mountComposable, problem } from './harness';

async function mountEditing(url: string) {
  const announce = vi.fn();
  const onChanged = vi.fn(async () => {});
  const mounted = await mountComposable(() => useTagEditing({ announce, onChanged }), url);
  return { ...mounted, tags: mounted.result, announce, onChanged };
}

describe('renaming and deleting a tag', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('renames, and the tag in the URL follows, nested ones too', async () => {
    const requests = fakeServer(Response.json({ name: 'job', count: 3 }));
    const { tags, router, announce, onChanged } = await mountEditing('/notes?tag=work/clients&q=plan&page=2');
    tags.askRename('work');
    await tags.rename('Job');

    expect(requests[0]!.method).toBe('PUT');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/tags/work');
    expect(await requests[0]!.json()).toEqual({ name: 'Job' });
    expect(tags.renaming.value).toBeNull();
    expect(router.currentRoute.value.query).toEqual({ tag: 'job/clients', q: 'plan' });
    expect(announce).toHaveBeenCalledWith('Renamed the tag “work” to “job”');
    expect(onChanged).toHaveBeenCalled();
  });

  it('addresses a nested tag by its whole name', async () => {
    const requests = fakeServer(Response.json({ name: 'clients', count: 1 }));
    const { tags } = await mountEditing('/notes');
    tags.askRename('work/clients');
    await tags.rename('clients');
    expect(decodeURIComponent(new URL(requests[0]!.url).pathname)).toBe('/api/tags/work/clients');
  });

  it('leaves an unrelated tag in the URL alone', async () => {
    fakeServer(Response.json({ name: 'job', count: 3 }));
    const { tags, router } = await mountEditing('/notes?tag=workshop');
    tags.askRename('work');
    await tags.rename('job');
    expect(router.currentRoute.value.query).toEqual({ tag: 'workshop' });
  });

  it('shows the API’s refusal of the new name on the field, and stays open', async () => {
    fakeServer(problem(400, 'validation_failed', 'One or more errors occurred!', { errors: [{ name: 'name', reason: 'Tag "x".' }] }));
    const { tags, onChanged } = await mountEditing('/notes');
    tags.askRename('work');
    await tags.rename('x');
    expect(tags.renaming.value).toBe('work');
    expect(tags.renameFieldError.value).toBe('Tag "x".');
    expect(onChanged).not.toHaveBeenCalled();
  });

  it('closes and shows the tags as they are when the tag is gone already', async () => {
    fakeServer(problem(404, 'not_found'));
    const { tags, onChanged, announce } = await mountEditing('/notes');
    tags.askRename('work');
    await tags.rename('job');
    expect(tags.renaming.value).toBeNull();
    expect(announce).toHaveBeenCalledWith('The tag “work” no longer exists');
    expect(onChanged).toHaveBeenCalled();
  });

  it('deletes after asking, and a filter by it (or below it) shows all notes again', async () => {
    const requests = fakeServer(new Response(null, { status: 204 }));
    const { tags, router, announce } = await mountEditing('/notes?tag=work/clients&q=plan');
    tags.askDelete('work');
    expect(requests).toHaveLength(0);
    await tags.confirmDelete();
    await flushPromises();
    expect(requests[0]!.method).toBe('DELETE');
    expect(new URL(requests[0]!.url).pathname).toBe('/api/tags/work');
    expect(tags.deleting.value).toBeNull();
    expect(router.currentRoute.value.query).toEqual({ q: 'plan' });
    expect(announce).toHaveBeenCalledWith('Deleted the tag “work”');
  });

  it('keeps asking, with the reason, when the deletion is refused', async () => {
    fakeServer(problem(503, 'database_unavailable', 'The database is unavailable.'));
    const { tags } = await mountEditing('/notes');
    tags.askDelete('work');
    await tags.confirmDelete();
    expect(tags.deleting.value).toBe('work');
    expect(tags.deleteError.value).toBe('The database is unavailable.');
  });
});
