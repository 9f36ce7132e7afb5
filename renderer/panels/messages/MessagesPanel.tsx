import { useMemo, useState } from 'react';
import type { MessageLevel } from '../../../shared/runEvents.js';
import { selectionStore } from '../../store/selectionStore.js';
import { useRunStore } from '../../store/runStore.js';

type LevelFilter = 'all' | MessageLevel;
const LEVEL_LABEL: Record<MessageLevel, string> = { info: 'Info', warn: 'Warning', error: 'Error' };

/** Messages of the latest run and of the latest update-only pass; a click selects the tool. */
export function MessagesPanel() {
  const runMessages = useRunStore((state) => state.runMessages);
  const updateMessages = useRunStore((state) => state.updateMessages);
  const importMessages = useRunStore((state) => state.importMessages);
  /** tools the latest full run still speaks for (an edit since drops the tool and its downstream) */
  const ranTools = useRunStore((state) => state.toolStatus);
  const hostError = useRunStore((state) => state.hostError);
  const [filter, setFilter] = useState<LevelFilter>('all');
  const messages = useMemo(() => {
    const all = [...importMessages, ...runMessages, ...updateMessages.filter((m) => ranTools[m.toolId] === undefined || m.level !== 'info')];
    return filter === 'all' ? all : all.filter((message) => message.level === filter);
  }, [importMessages, runMessages, updateMessages, ranTools, filter]);
  return (
    <section className="panel messages-panel" role="region" aria-label="Messages">
      <div className="messages-toolbar">
        <label className="small">Show{' '}
          <select aria-label="Message level" value={filter} onChange={(event) => setFilter(event.target.value as LevelFilter)}>
            <option value="all">All</option><option value="error">Errors</option><option value="warn">Warnings</option><option value="info">Info</option>
          </select>
        </label>
        <span className="muted small">{messages.length} message{messages.length === 1 ? '' : 's'}</span>
      </div>
      {hostError && <p className="error-text pad">{hostError}</p>}
      <ul className="message-list">
        {messages.map((message) => (
          <li key={message.id}>
            <button type="button" className={`message message-${message.level}`} data-level={message.level} data-tool-id={message.toolId}
              onClick={() => selectionStore.getState().selectTool(message.toolId)}>
              <span className={`level-tag level-${message.level}`}>{LEVEL_LABEL[message.level]}</span>
              <span className="message-tool">{message.toolId}</span>
              <span className="message-text">{message.text}</span>
              {message.source === 'update' && <span className="muted small">(before run)</span>}
              {message.source === 'import' && <span className="muted small">(import)</span>}
            </button>
          </li>
        ))}
        {messages.length === 0 && !hostError && <li className="muted pad">No messages.</li>}
      </ul>
    </section>
  );
}
