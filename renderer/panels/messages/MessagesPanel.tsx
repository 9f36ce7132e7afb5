import { useMemo, useState } from 'react';
import { useSetupProblems } from '../../hooks/useSetupProblems.js';
import { messageItems, type MessageKind } from '../../model/messageList.js';
import { toolLabel } from '../../model/toolLabel.js';
import { useCatalogStore } from '../../store/catalogStore.js';
import { useRunStore } from '../../store/runStore.js';
import { selectionStore } from '../../store/selectionStore.js';
import { useWorkflowStore } from '../../store/workflowStore.js';

type KindFilter = 'all' | MessageKind;
const KIND_LABEL: Record<MessageKind, string> = { info: 'Info', warn: 'Warning', error: 'Error', setup: 'Not configured' };

/**
 * The latest run's outcome (records and time per tool), what keeps tools from running, and the
 * messages of the latest run and update-only pass; a click selects the tool.
 */
export function MessagesPanel() {
  const runMessages = useRunStore((state) => state.runMessages);
  const updateMessages = useRunStore((state) => state.updateMessages);
  const importMessages = useRunStore((state) => state.importMessages);
  const toolStatus = useRunStore((state) => state.toolStatus);
  const report = useRunStore((state) => state.report);
  const hostError = useRunStore((state) => state.hostError);
  const setup = useSetupProblems();
  const tools = useWorkflowStore((state) => state.workflow.tools);
  const byId = useCatalogStore((state) => state.byId);
  const [filter, setFilter] = useState<KindFilter>('all');
  const items = useMemo(() => messageItems({
    importMessages, runMessages, updateMessages, report, setup, ranTools: new Set(Object.keys(toolStatus)),
  }), [importMessages, runMessages, updateMessages, report, setup, toolStatus]);
  const shown = filter === 'all' ? items : items.filter((item) => item.kind === filter);
  const labelOf = (toolId: string) => {
    const tool = tools.find((candidate) => candidate.id === toolId);
    return toolLabel(toolId, tool, tool ? byId.get(tool.plugin) : undefined);
  };
  return (
    <section className="panel messages-panel" role="region" aria-label="Messages">
      <div className="messages-toolbar">
        <label className="small">Show{' '}
          <select aria-label="Message level" value={filter} onChange={(event) => setFilter(event.target.value as KindFilter)}>
            <option value="all">All</option><option value="error">Errors</option><option value="setup">Not configured</option>
            <option value="warn">Warnings</option><option value="info">Info</option>
          </select>
        </label>
        <span className="muted small">{shown.length} message{shown.length === 1 ? '' : 's'}</span>
      </div>
      {hostError && <p className="error-text pad">{hostError}</p>}
      <ul className="message-list">
        {shown.map((item) => (
          <li key={item.key}>
            {item.toolId === '' ? (
              <div className={`message message-${item.kind} message-run`} data-level={item.kind} data-testid="messages.run">
                <span className={`level-tag level-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
                <span className="message-text">{item.text}</span>
              </div>
            ) : (
              <button type="button" className={`message message-${item.kind}`} data-level={item.kind} data-tool-id={item.toolId}
                onClick={() => selectionStore.getState().selectTool(item.toolId)}>
                <span className={`level-tag level-${item.kind}`}>{KIND_LABEL[item.kind]}</span>
                <span className="message-tool">{labelOf(item.toolId)}</span>
                <span className="message-text">{item.text}</span>
                {item.origin && <span className="muted small">({item.origin})</span>}
              </button>
            )}
          </li>
        ))}
        {shown.length === 0 && !hostError && <li className="muted pad">No messages.</li>}
      </ul>
    </section>
  );
}
