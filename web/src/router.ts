import { createRouter, createWebHistory, type RouteLocationRaw } from 'vue-router';
import { viewRoutes, type NoteView } from '@/noteViews';
import { session } from '@/session';

declare module 'vue-router' {
  interface RouteMeta {
    requiresAuth?: boolean;
    guestOnly?: boolean;
    title: string;
    /** The notes page's view on this route. */
    view?: NoteView;
  }
}

export const router = createRouter({
  history: createWebHistory(),
  routes: [
    { path: '/', redirect: '/notes' },
    { path: '/login', name: 'login', component: () => import('@/pages/LoginPage.vue'), meta: { guestOnly: true, title: 'Sign in' } },
    { path: '/register', name: 'register', component: () => import('@/pages/RegisterPage.vue'), meta: { guestOnly: true, title: 'Create account' } },
    // One page for the three views: moving between them keeps the page (and its navigation), and only the list changes.
    ...Object.entries(viewRoutes).map(([view, { name, path, title }]) => ({
      path,
      name,
      component: () => import('@/pages/NotesPage.vue'),
      meta: { requiresAuth: true, title, view: view as NoteView },
    })),
    // A note shared by a link: for anyone, signed in or not.
    { path: '/s/:token', name: 'shared', component: () => import('@/pages/SharedNotePage.vue'), meta: { title: 'Shared note' } },
    { path: '/settings', name: 'settings', component: () => import('@/pages/SettingsPage.vue'), meta: { requiresAuth: true, title: 'Settings' } },
    { path: '/:pathMatch(.*)*', redirect: '/notes' },
  ],
});

router.beforeEach((to) => {
  if (to.meta.requiresAuth && !session.signedIn.value) return { name: 'login', query: { redirect: to.fullPath } };
  if (to.meta.guestOnly && session.signedIn.value) return safeRedirect(to.query.redirect);
  return true;
});

router.afterEach((to) => {
  document.title = `${to.meta.title} · NotesSlices`;
});

/** Only same-app paths: `//elsewhere` or `https://…` never leave the app after sign-in. */
export function safeRedirect(target: unknown): RouteLocationRaw {
  if (typeof target === 'string' && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\'))
    return target;
  return { name: 'notes' };
}

/** When the session ends while on a signed-in page, go to sign-in, and come back here afterwards. */
session.onEnd((reason) => {
  const here = router.currentRoute.value;
  if (!here.meta.requiresAuth) return;
  const returnHere = reason === 'expired' || reason === 'revoked';
  void router.replace({ name: 'login', query: returnHere ? { redirect: here.fullPath } : {} });
});
