import { useMemo, useState } from 'react';
import type { ToolDescriptor } from '../../shared/manifest.js';
import { addToolAtViewCenter } from '../app/canvasCommands.js';
import { groupTools } from '../model/paletteGroups.js';
import { useCatalogStore } from '../store/catalogStore.js';
import { PaletteEntry } from './PaletteEntry.js';

const selectTools = (state: { tools: ToolDescriptor[] }) => state.tools;
const selectError = (state: { error: string | null }) => state.error;
const selectLoaded = (state: { loaded: boolean }) => state.loaded;

export function Palette() {
  const tools = useCatalogStore(selectTools);
  const error = useCatalogStore(selectError);
  const loaded = useCatalogStore(selectLoaded);
  const [query, setQuery] = useState('');
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const groups = useMemo(() => groupTools(tools, query), [tools, query]);
  const selected = tools.find((tool) => tool.id === selectedId);
  return (
    <section className="panel palette" role="region" aria-label="Tools">
      <header className="panel-header"><h2>Tools</h2><span className="muted">{tools.length}</span></header>
      <div className="palette-search">
        <input type="search" aria-label="Search tools" placeholder="Search tools" value={query} onChange={(event) => setQuery(event.target.value)} />
      </div>
      <div className="palette-groups">
        {error && <p className="error-text">{error}</p>}
        {!loaded && !error && <p className="muted pad">Loading tools…</p>}
        {loaded && groups.length === 0 && <p className="muted pad">No tool matches “{query}”.</p>}
        {groups.map(([category, list]) => (
          <div key={category} className="palette-group" role="group" aria-label={category}>
            <h3 className="palette-category">{category}</h3>
            <ul>{list.map((tool) => <PaletteEntry key={tool.id} tool={tool} selected={tool.id === selectedId} onSelect={setSelectedId} />)}</ul>
          </div>
        ))}
      </div>
      {/* always there, of a fixed height: a click never moves the entries (a double-click's second click lands where the first did) */}
      <div className="palette-detail" role="note" aria-label="About the selected tool" data-testid="palette.detail">
        {selected ? (
          <>
            <div className="palette-detail-head">
              <strong>{selected.name}</strong>
              <button type="button" className="link-button" onClick={() => addToolAtViewCenter(selected)}>Add to the canvas</button>
            </div>
            <p className="small">{selected.description || 'No description.'}</p>
          </>
        ) : <p className="small muted">Click a tool to see what it does; double-click it, press Enter or drag it onto the canvas to add it.</p>}
      </div>
    </section>
  );
}
