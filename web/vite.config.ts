import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * The staff console: built into web/dist (never committed) and served by the API process at `/`. `npm run
 * web:dev` serves it with hot reload, passing /api and /docs to an API already running on API_PORT.
 */
const apiPort = process.env.API_PORT ?? '3000';
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: {
      '/api': `http://127.0.0.1:${apiPort}`,
      '/docs': `http://127.0.0.1:${apiPort}`,
    },
  },
});
