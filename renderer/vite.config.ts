import react from '@vitejs/plugin-react';
// eslint-disable-next-line no-restricted-imports -- this build config runs in Node, not in the renderer
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

// The renderer is loaded from file:// by Electron and from the browser-mode server: relative base.
export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
});
