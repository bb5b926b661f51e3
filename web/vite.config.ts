import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vitest/config';

// The API serves web/dist at `/` (same origin), so the app only ever calls relative `/api/...` URLs.
export default defineConfig({
  plugins: [vue()],
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
});
