/// <reference types="vitest/config" />
// The browser app's build (the app itself arrives with the browser issue).
import { defineConfig } from 'vite';

export default defineConfig({
  server: { host: '127.0.0.1', strictPort: true },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
});
