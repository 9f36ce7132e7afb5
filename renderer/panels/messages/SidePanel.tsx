import { settingsStore, useSettingsStore, type BottomTab } from '../../store/settingsStore.js';
import { MessagesPanel } from './MessagesPanel.js';
import { RunHistory } from './RunHistory.js';

const selectTab = (state: { bottomTab: BottomTab }) => state.bottomTab;

/** The bottom-right tabs: messages (default) and run history. */
export function SidePanel() {
  const tab = useSettingsStore(selectTab);
  const setTab = (next: BottomTab) => settingsStore.getState().showBottomTab(next);
  return (
    <div className="side-panel">
      <div className="panel-header tabs" role="tablist" aria-label="Messages and history">
        <button type="button" role="tab" aria-selected={tab === 'messages'} onClick={() => setTab('messages')}>Messages</button>
        <button type="button" role="tab" aria-selected={tab === 'history'} onClick={() => setTab('history')}>Run history</button>
      </div>
      <div className="panel-body">{tab === 'messages' ? <MessagesPanel /> : <RunHistory />}</div>
    </div>
  );
}
