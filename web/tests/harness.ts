import { mount } from '@vue/test-utils';
import { vi } from 'vitest';
import { defineComponent } from 'vue';
import { createMemoryHistory, createRouter } from 'vue-router';
import type { Note } from '@/api/client';

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

export function problem(status: number, detail?: string, errors?: Record<string, string[]>) {
  return Response.json({ status, title: 'Refused', detail, errors }, { status, headers: { 'Content-Type': 'application/problem+json' } });
}

export function note(id: string, title: string, version = 1): Note {
  return { id, title, description: '', createdAt: '2026-03-01T12:00:00Z', updatedAt: '2026-03-01T12:00:00Z', version };
}

/** Runs a composable inside a component on the notes route at `url`, as the notes page does. */
export async function mountComposable<T>(use: () => T, url = '/notes') {
  const router = createRouter({
    history: createMemoryHistory(),
    routes: [{ path: '/notes', component: { render: () => null } }],
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
