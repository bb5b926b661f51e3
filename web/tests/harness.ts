import { mount } from '@vue/test-utils';
import { vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Note, Problem } from '@/api/client';
import { viewRoutes, type NoteView } from '@/noteViews';

type Answer = Response | (() => Promise<Response>);

/**
 * Stands in for the API: answers the app's requests in order and keeps them for the test to
 * inspect. Undo with `vi.unstubAllGlobals()`.
 */
export function fakeServer(...answers: Answer[]) {
  const requests: Request[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      requests.push(request);
      const next = answers.shift();
      if (!next) throw new Error(`No answer left for ${request.method} ${request.url}`);
      return typeof next === 'function' ? next() : next;
    }),
  );
  return requests;
}

/** A problem answer as the API shapes every refusal; `headers` adds to its Content-Type. */
export function problem(
  status: number,
  code: Problem['code'],
  detail = 'Refused.',
  { errors = [], headers = {} }: { errors?: Problem['errors']; headers?: Record<string, string> } = {},
  extra: Record<string, unknown> = {},
) {
  const body: Problem = { type: 'https://www.rfc-editor.org/rfc/rfc9110', title: 'Refused', status, detail, instance: '/api/test', traceId: '00-0-0-00', code, errors };
  return Response.json({ ...body, ...extra }, { status, headers: { 'Content-Type': 'application/problem+json', ...headers } });
}

/** A 412 as the API answers a stale If-Match: with the note as it is now. */
export function versionConflict(current: Note) {
  return problem(412, 'version_conflict', 'The note has changed since you read it.', {}, { current });
}

/** A note as the API answers it, with its `ETag`. */
export function noteAnswer(value: Note, etag = `"${value.version}"`, status = 200) {
  return Response.json(value, { status, headers: { ETag: etag } });
}

export function note(id: string, title: string, version = 1): Note {
  return {
    id, title, description: '', pinned: false, tags: [], archived: false, trashedAt: null, purgeAt: null,
    createdAt: '2026-03-01T12:00:00Z', updatedAt: '2026-03-01T12:00:00Z', version,
  };
}

/** Runs a composable inside a component on the notes pages' routes (`/notes`, `/archive`, `/trash`) at `url`, as the notes page does. */
export async function mountComposable<T>(use: () => T, url = '/notes') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: Object.entries(viewRoutes).map(([view, { name, path, title }]) => ({
      path,
      name,
      component: { render: () => null },
      meta: { title, view: view as NoteView },
    })),
  });
  await router.push(url);
  let result!: T;
  const wrapper = mount(
    defineComponent({
      setup() {
        result = use();
        return () => null;
      },
    }),
    { global: { plugins: [router] } },
  );
  return { result, router, wrapper };
}
