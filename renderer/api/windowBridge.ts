import type { WeftBridge } from '../../shared/apiBridge.js';

declare global {
  interface Window {
    /** set by the Electron preload; absent in browser mode */
    weft?: WeftBridge;
  }
}

/** the Electron preload's bridge, or undefined in browser mode (and outside a browser) */
export function windowBridge(): WeftBridge | undefined {
  return typeof window === 'undefined' ? undefined : window.weft;
}
