/**
 * What the desktop app remembers between sessions (electron-store, in the user data folder):
 * recent workflow files, window bounds, panel sizes and theme. Only electron/main touches it.
 */
import Store from 'electron-store';
import { DEFAULT_UI_SETTINGS, type UiSettings } from '../../shared/apiBridge.js';

export interface WindowBounds {
  x?: number;
  y?: number;
  width: number;
  height: number;
  maximized: boolean;
}

interface SettingsShape {
  recentFiles: string[];
  windowBounds: WindowBounds;
  ui: UiSettings;
}

const MAX_RECENT = 10;

export interface AppSettings {
  recentFiles(): string[];
  addRecentFile(file: string): void;
  clearRecentFiles(): void;
  windowBounds(): WindowBounds;
  setWindowBounds(bounds: WindowBounds): void;
  uiSettings(): UiSettings;
  setUiSettings(settings: Partial<UiSettings>): void;
}

export function openAppSettings(): AppSettings {
  const store = new Store<SettingsShape>({
    name: 'app-settings',
    clearInvalidConfig: true,
    defaults: {
      recentFiles: [],
      windowBounds: { width: 1280, height: 800, maximized: false },
      ui: DEFAULT_UI_SETTINGS,
    },
  });
  return {
    recentFiles: () => store.get('recentFiles').filter((file) => typeof file === 'string'),
    addRecentFile(file) {
      const rest = store.get('recentFiles').filter((existing) => existing !== file);
      store.set('recentFiles', [file, ...rest].slice(0, MAX_RECENT));
    },
    clearRecentFiles: () => store.set('recentFiles', []),
    windowBounds: () => store.get('windowBounds'),
    setWindowBounds: (bounds) => store.set('windowBounds', bounds),
    // the renderer's recent workflows are the Open Recent menu's list: one list, kept here
    uiSettings: () => ({ ...DEFAULT_UI_SETTINGS, ...store.get('ui'), recentWorkflows: store.get('recentFiles').filter((file) => typeof file === 'string') }),
    setUiSettings(settings) {
      const { recentWorkflows, ...rest } = settings;
      if (recentWorkflows) store.set('recentFiles', recentWorkflows.slice(0, MAX_RECENT));
      const current = store.get('ui');
      store.set('ui', {
        ...current,
        ...rest,
        panelSizes: { ...current.panelSizes, ...rest.panelSizes },
      });
    },
  };
}
