/// <reference types="vitest/config" />
// Builds the CLI to plain JavaScript for Node 20 (dist/cli/bin.js); dependencies stay external.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: 'src/cli/bin.ts',
    outDir: 'dist/cli',
    target: 'node20',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: { output: { entryFileNames: 'bin.js', format: 'es' } },
  },
});
