import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';

/** The folder of this file: Vite's root is client/ wherever the command is run from. */
const clientRoot = fileURLToPath(new URL('.', import.meta.url));

/** The GraphQL server during development (`npm start` / `node dist/server/src/main.js`). */
const apiTarget = 'http://localhost:4000';

export default defineConfig({
  root: clientRoot,
  plugins: [
    react(),
    // Installable and usable offline (docs/offline.md): a web manifest and a Workbox service worker
    // that precaches the app shell. Data never goes through the service worker's cache: /graphql and
    // /auth are network-only, and case pages are kept per user in IndexedDB by the app itself.
    VitePWA({
      registerType: 'autoUpdate',
      injectRegister: 'script',
      includeAssets: ['favicon.svg'],
      manifest: {
        name: 'Phối Hợp — Điều phối thi hành án dân sự',
        short_name: 'Phối Hợp',
        description: 'Nền tảng điều phối liên ngành trong thi hành án dân sự.',
        lang: 'vi',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#0b3d6e',
        icons: [
          { src: '/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        navigateFallback: '/index.html',
        navigateFallbackDenylist: [/^\/graphql/, /^\/auth\//, /^\/metrics/, /^\/readyz/, /^\/healthz/],
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  build: {
    // The server serves this folder on its own port (SERVE_CLIENT), see server/src/paths.ts.
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: {
      // HTTP requests and the graphql-ws WebSocket share the /graphql path, as on the server.
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      // The statistics files (Excel/CSV) come from the API server too.
      '/export': { target: apiTarget, changeOrigin: true },
    },
  },
  preview: {
    proxy: {
      '/graphql': { target: apiTarget, ws: true, changeOrigin: true },
      // The statistics files (Excel/CSV) come from the API server too.
      '/export': { target: apiTarget, changeOrigin: true },
    },
  },
});
