export { getWeftApi, isBrowserMode, onConnectionChange, setWeftApi } from './getWeftApi.js';
export { getHostShell, type HostShell } from './hostShell.js';
export { WeftApiError } from './weftApiError.js';
export type { ConnectionState } from './webSocketApi.js';
export type { MenuCommand, MenuCommandName, PathRequest, DocumentState, UiSettings } from '../../shared/apiBridge.js';
