export * from './plugin.js';
export { BasePlugin } from './basePlugin.js';
