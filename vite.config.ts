/// <reference types="vitest/config" />
// The browser app's build: index.html + src/ui → dist/app (the CLI builds with vite.cli.config.ts).
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  build: { outDir: 'dist/app', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  worker: { format: 'es' },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173, strictPort: false },
});
