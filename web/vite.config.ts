import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';
import { precompress } from './build/precompress';
import { preloadRoute } from './build/preload-route';

// The API serves web/dist at `/` (same origin), so the app only ever calls relative `/api/...` URLs.
export default defineConfig(({ command }) => ({
  // The sign-in page's chunks are fetched with the entry script (build/preload-route.ts): /login paints one round trip sooner.
  plugins: [vue(), preloadRoute('src/pages/LoginPage.vue'), precompress()],
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Under `Content-Security-Policy: default-src 'self'` nothing may be inlined as a data: URL script.
    assetsInlineLimit: 0,
    // zxcvbn's English word lists make one chunk of about 1.2 MB, loaded only once a new password is typed.
    chunkSizeWarningLimit: 1300,
    // dist/.vite/manifest.json: the chunks each page needs, for the first-load budget (scripts/first-load-budget.mjs).
    // The API never serves it: the file provider hides dot-folders.
    manifest: true,
  },
  server: {
    proxy: {
      '/api': 'http://127.0.0.1:5080',
      '/openapi': 'http://127.0.0.1:5080',
      '/healthz': 'http://127.0.0.1:5080',
    },
  },
  test: {
    include: ['tests/**/*.spec.ts'],
    environment: 'happy-dom',
    restoreMocks: true,
  },
  // Every component uses <script setup>: the production bundle leaves out Vue's Options API and its devtools hooks (4.5 KB
  // less script to parse and run before /login paints). Unit tests keep the default runtime, as @vue/test-utils needs.
  define: command === 'build'
    ? { __VUE_OPTIONS_API__: 'false', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' }
    : {},
}));
