// Modules the renderer build (vite.config.ts) makes.
declare module 'virtual:weft-formula-functions' {
  import type { FormulaFunctionInfo } from '../../shared/formulaFunctionInfo.js';
  const functions: FormulaFunctionInfo[];
  export default functions;
}

// a CSS file as text (Vite's `?inline`), adopted as a constructed style sheet
declare module '*.css?inline' {
  const css: string;
  export default css;
}
