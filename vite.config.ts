import { defineConfig } from 'vite';

/** The trainer UI: sources in `trainer-ui/`, built into `dist/ui/` (served by the mock server at `/`). */
const api = 'http://127.0.0.1:8080';

export default defineConfig({
  root: 'trainer-ui',
  base: '/',
  publicDir: false,
  build: {
    outDir: '../dist/ui',
    emptyOutDir: true,
    target: 'es2022',
    assetsDir: 'assets',
    sourcemap: false,
  },
  server: {
    host: '127.0.0.1',
    port: 5173,
    proxy: {
      '/api': api,
      '/ksz': api,
      '/t/': api,
      '/__admin': api,
    },
  },
});
