import { api, type Note } from '@/api/client';
import { request } from '@/composables/useRequest';

export interface Content {
  title: string;
  description: string;
}

const pageSize = 100;

/**
 * The title and description a note had at `version`, from its history. Only a change of title or description keeps
 * a revision, so a version with none (replaced by, say, a pin) had the content of the next revision kept after it,
 * or the note's current content when there is none. Null when the history cannot say (pruned, or no answer): the
 * merge then lets the user settle every difference.
 */
export async function contentAt(noteId: string, version: number, current: Note): Promise<Content | null> {
  if (version >= current.version) return current;
  const path = { id: noteId, version };
  const exact = await request(() => api.GET('/api/notes/{id}/revisions/{version}', { params: { path } }));
  if (exact?.ok) return exact.data;
  if (exact?.problem?.code !== 'not_found') return null;

  // Newest first, back to a revision older than `version`: the oldest one after it on the way is its content.
  let later: number | null = null;
  let reachedOlder = false;
  let total = 0;
  for (let page = 1; !reachedOlder && (page - 1) * pageSize < Math.max(total, 1); page++) {
    const listed = await request(() =>
      api.GET('/api/notes/{id}/revisions', { params: { path: { id: noteId }, query: { page, pageSize } } }),
    );
    if (!listed?.ok) return null;
    total = listed.data.total;
    for (const item of listed.data.items) {
      if (item.version > version) later = item.version;
      else reachedOlder = true;
    }
    if (listed.data.items.length === 0) break;
  }
  if (total === 0) return current;
  // A history that does not reach back past `version` may have been pruned of the revision that held it.
  if (!reachedOlder) return null;
  if (later === null) return current;
  const kept = await request(() => api.GET('/api/notes/{id}/revisions/{version}', { params: { path: { id: noteId, version: later } } }));
  return kept?.ok ? kept.data : null;
}
