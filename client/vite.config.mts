import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The folder of this file: Vite's root is client/ wherever the command is run from. */
const clientRoot = fileURLToPath(new URL('.', import.meta.url));

/** The GraphQL server during development (`npm start` / `node dist/server/src/main.js`). */
const apiTarget = 'http://localhost:4000';

export default defineConfig({
  root: clientRoot,
  plugins: [react()],
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
