/** The user's view settings (theme, panel sizes); the host shell keeps them across sessions. */
import { createStore, useStore } from 'zustand';

export type Theme = 'light' | 'dark';

export interface PanelSizes {
  palette: number;
  config: number;
  bottom: number;
}

/** the tab beside the results: messages or run history */
export type BottomTab = 'messages' | 'history';

export interface SettingsState {
  theme: Theme;
  panels: PanelSizes;
  /** panels the user has hidden (View menu); not kept across sessions */
  hidden: Partial<Record<keyof PanelSizes, boolean>>;
  bottomTab: BottomTab;
  /** the canvas minimap is shown (a button on the canvas folds it away) */
  minimap: boolean;
  /** workflow files opened or saved, newest first (kept by the host shell) */
  recentWorkflows: string[];
  /** tool cards on the canvas: compact (the default: a realistic workflow fits at 1280×800) or roomy */
  cardSize: CardSize;
}

export type CardSize = 'compact' | 'roomy';

export interface SettingsActions {
  toggleTheme(): void;
  applySettings(settings: Partial<Pick<SettingsState, 'theme' | 'panels' | 'recentWorkflows' | 'cardSize'>>): void;
  toggleCardSize(): void;
  noteRecentWorkflow(path: string): void;
  togglePanel(panel: keyof PanelSizes): void;
  showBottomTab(tab: BottomTab): void;
  setPanelSize(panel: keyof PanelSizes, size: number): void;
  toggleMinimap(): void;
}

export type SettingsStore = SettingsState & SettingsActions;

export const PANEL_LIMITS: Record<keyof PanelSizes, { min: number; max: number }> = {
  palette: { min: 160, max: 420 },
  config: { min: 240, max: 600 },
  bottom: { min: 120, max: 600 },
};

const MAX_RECENT = 10;

export function prefersDark(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    && window.matchMedia('(prefers-color-scheme: dark)').matches;
}

export const settingsStore = createStore<SettingsStore>()((set) => ({
  theme: prefersDark() ? 'dark' : 'light',
  // at 1280×800 the canvas keeps 774 px: a chain of five compact tools fits at a readable zoom
  panels: { palette: 196, config: 310, bottom: 250 },
  hidden: {},
  bottomTab: 'messages',
  minimap: true,
  recentWorkflows: [],
  cardSize: 'compact',
  toggleCardSize: () => set((state) => ({ cardSize: state.cardSize === 'compact' ? 'roomy' : 'compact' })),
  noteRecentWorkflow: (path) => set((state) => ({ recentWorkflows: [path, ...state.recentWorkflows.filter((known) => known !== path)].slice(0, MAX_RECENT) })),
  toggleMinimap: () => set((state) => ({ minimap: !state.minimap })),
  toggleTheme: () => set((state) => ({ theme: state.theme === 'dark' ? 'light' : 'dark' })),
  applySettings: (settings) => set((state) => ({ ...state, ...settings, panels: { ...state.panels, ...settings.panels } })),
  togglePanel: (panel) => set((state) => ({ hidden: { ...state.hidden, [panel]: !state.hidden[panel] } })),
  showBottomTab: (tab) => set((state) => ({ bottomTab: tab, hidden: { ...state.hidden, bottom: false } })),
  setPanelSize: (panel, size) => set((state) => {
    const { min, max } = PANEL_LIMITS[panel];
    return { panels: { ...state.panels, [panel]: Math.round(Math.min(max, Math.max(min, size))) } };
  }),
}));

export function useSettingsStore<T>(selector: (state: SettingsStore) => T): T {
  return useStore(settingsStore, selector);
}
