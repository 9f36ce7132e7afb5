import react from '@vitejs/plugin-react';
// eslint-disable-next-line no-restricted-imports -- this build config runs in Node, not in the renderer
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { formulaFunctionList } from '../scripts/formulaFunctionList.js';

const root = fileURLToPath(new URL('.', import.meta.url));

const FORMULA_FUNCTIONS = 'virtual:weft-formula-functions';

/** the formula language's function list as data (the renderer may not import the language itself) */
function formulaFunctions(): Plugin {
  return {
    name: 'weft-formula-functions',
    resolveId: (id) => (id === FORMULA_FUNCTIONS ? `\0${FORMULA_FUNCTIONS}` : null),
    load: (id) => (id === `\0${FORMULA_FUNCTIONS}` ? `export default ${JSON.stringify(formulaFunctionList())};` : null),
  };
}

// The renderer is loaded from file:// by Electron and from the browser-mode server: relative base.
export default defineConfig({
  root,
  base: './',
  plugins: [react(), formulaFunctions()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 2500,
  },
});
