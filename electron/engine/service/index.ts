export { createEngineHost, EngineStartError, weftPackageVersion, type EngineHost, type EngineHostOptions } from './engineHost.js';
export type { WeftSession } from './weftSession.js';
export { ArgumentError } from './argumentChecks.js';
