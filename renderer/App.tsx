import { useEffect, type CSSProperties } from 'react';
import { connectHost } from './app/connectHost.js';
import { Canvas } from './canvas/Canvas.js';
import { DialogHost } from './dialogs/DialogHost.js';
import { useClipboardEvents } from './hooks/useClipboardEvents.js';
import { useKeyboardActions } from './hooks/useKeyboardActions.js';
import { NoticeBar } from './layout/NoticeBar.js';
import { ResizeHandle } from './layout/ResizeHandle.js';
import { ConfigPane } from './panels/ConfigPane.js';
import { SidePanel } from './panels/messages/SidePanel.js';
import { Palette } from './panels/Palette.js';
import { ResultsPanel } from './panels/results/ResultsPanel.js';
import { useSettingsStore, type SettingsState } from './store/settingsStore.js';
import { Toolbar } from './toolbar/Toolbar.js';

const selectLayout = (state: SettingsState) => state.panels;
const selectHidden = (state: SettingsState) => state.hidden;
const selectTheme = (state: SettingsState) => state.theme;

/** Left palette, centre canvas, right configuration; results and messages along the bottom. */
export function App() {
  const panels = useSettingsStore(selectLayout);
  const hidden = useSettingsStore(selectHidden);
  const theme = useSettingsStore(selectTheme);
  useEffect(() => connectHost(), []);
  useEffect(() => { document.documentElement.dataset.theme = theme; }, [theme]);
  useKeyboardActions();
  useClipboardEvents();
  const style = {
    '--palette-width': `${hidden.palette ? 0 : panels.palette}px`,
    '--config-width': `${hidden.config ? 0 : panels.config}px`,
    '--bottom-height': `${hidden.bottom ? 0 : panels.bottom}px`,
  } as CSSProperties;
  return (
    <div className="app" style={style}>
      <Toolbar />
      <main className="workspace">
        <div className="workspace-row">
          {!hidden.palette && <Palette />}
          {!hidden.palette && <ResizeHandle panel="palette" orientation="vertical" sign={1} label="Resize tools panel" />}
          <Canvas />
          {!hidden.config && <ResizeHandle panel="config" orientation="vertical" sign={-1} label="Resize configuration panel" />}
          {!hidden.config && <ConfigPane />}
        </div>
        {!hidden.bottom && <ResizeHandle panel="bottom" orientation="horizontal" sign={-1} label="Resize results panel" />}
        {!hidden.bottom && (
          <div className="bottom-dock">
            <ResultsPanel />
            <SidePanel />
          </div>
        )}
      </main>
      <NoticeBar />
      <DialogHost />
    </div>
  );
}
