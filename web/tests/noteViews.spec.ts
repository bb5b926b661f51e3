import { describe, expect, it } from 'vitest';
import { isWithin, locationOf, renamedTag, shownBy, withSearch } from '@/noteViews';
import { router } from '@/router';

describe('what the URL shows', () => {
  it.each([
    ['/notes', { view: 'active', tag: null }],
    ['/notes?tag=work', { view: 'active', tag: 'work' }],
    ['/notes?tag=work/clients&q=plan&page=2', { view: 'active', tag: 'work/clients' }],
    ['/archive', { view: 'archived', tag: null }],
    ['/trash', { view: 'trash', tag: null }],
    ['/notes?tag=', { view: 'active', tag: null }],
  ])('%s shows %j', (url, shown) => {
    expect(shownBy(router.resolve(url))).toEqual(shown);
  });

  it.each([
    [{ view: 'active', tag: null }, '/notes'],
    [{ view: 'active', tag: 'work' }, '/notes?tag=work'],
    [{ view: 'archived', tag: null }, '/archive'],
    [{ view: 'trash', tag: null }, '/trash'],
  ] as const)('%j lives at %s, and reads back the same', (shown, url) => {
    const resolved = router.resolve(locationOf(shown));
    expect(resolved.fullPath).toBe(url);
    expect(shownBy(resolved)).toEqual(shown);
  });

  it('titles each view for the browser tab', () => {
    expect(['/notes', '/archive', '/trash'].map((url) => router.resolve(url).meta.title)).toEqual(['Notes', 'Archive', 'Trash']);
  });

  it('keeps the tag when the search changes, and goes back to the first page', () => {
    expect(withSearch({ tag: 'work', q: 'old', page: '3' }, 'new')).toEqual({ tag: 'work', q: 'new' });
    expect(withSearch({ tag: 'work', q: 'old' }, '')).toEqual({ tag: 'work' });
  });
});

describe('tags nested with /', () => {
  it('counts a tag and those below it, never a mere prefix', () => {
    expect(isWithin('work', 'work')).toBe(true);
    expect(isWithin('work/clients', 'work')).toBe(true);
    expect(isWithin('workshop', 'work')).toBe(false);
  });

  it('renames a tag and the tags below it, and leaves the rest alone', () => {
    expect(renamedTag('work', 'work', 'job')).toBe('job');
    expect(renamedTag('work/clients', 'work', 'job')).toBe('job/clients');
    expect(renamedTag('workshop', 'work', 'job')).toBeNull();
    expect(renamedTag('home', 'work', 'job')).toBeNull();
  });
});
