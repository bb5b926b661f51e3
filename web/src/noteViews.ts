import type { LocationQuery, RouteLocationNormalizedLoaded, RouteLocationRaw } from 'vue-router';
import type { paths } from '@/api/schema';

/** The list's views, as the API names them. */
export type NoteView = NonNullable<NonNullable<paths['/api/notes']['get']['parameters']['query']>['view']>;

/** What the notes page shows, read from the URL: `/notes`, `/archive` or `/trash`, filtered by `?tag=`. */
export interface Shown {
  view: NoteView;
  tag: string | null;
}

/** Each view's route: its URL is its name, so reload and Back show the same notes. */
export const viewRoutes = {
  active: { name: 'notes', path: '/notes', title: 'Notes' },
  archived: { name: 'archive', path: '/archive', title: 'Archive' },
  trash: { name: 'trash', path: '/trash', title: 'Trash' },
} as const satisfies Record<NoteView, { name: string; path: string; title: string }>;

export const views = Object.keys(viewRoutes) as NoteView[];

export function shownBy(route: Pick<RouteLocationNormalizedLoaded, 'meta' | 'query'>): Shown {
  const tag = route.query.tag;
  return { view: route.meta.view ?? 'active', tag: typeof tag === 'string' && tag !== '' ? tag : null };
}

/** Where a view (with a tag, or none) lives; a fresh start: no search, first page. */
export function locationOf({ view, tag }: Shown): RouteLocationRaw {
  return { name: viewRoutes[view].name, query: tag ? { tag } : {} };
}

/** Whether `tag` is `ancestor` or nested below it (`work/clients` is within `work`), as the API's tag filter counts it. */
export function isWithin(tag: string, ancestor: string): boolean {
  return tag === ancestor || tag.startsWith(`${ancestor}/`);
}

/** The name `tag` takes when `from` is renamed to `to` (its children follow), or null when the rename leaves it alone. */
export function renamedTag(tag: string, from: string, to: string): string | null {
  return isWithin(tag, from) ? to + tag.slice(from.length) : null;
}

/** The URL's query with the search replaced (or dropped) and back on the first page; the view and its tag stay. */
export function withSearch(query: LocationQuery, search: string): LocationQuery {
  const { q: _, page: __, ...rest } = query;
  return search ? { ...rest, q: search } : rest;
}
