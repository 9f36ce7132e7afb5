import { useMemo } from 'react';
import type { ToolDescriptor } from '../../shared/manifest.js';
import { removePluginPackage, removeVirtualTool } from '../app/pluginCommands.js';
import { useCatalogStore } from '../store/catalogStore.js';
import { dialogStore } from '../store/dialogStore.js';
import { Dialog } from './Dialog.js';

interface PackageRow {
  name: string;
  displayName: string;
  version: string;
  source: ToolDescriptor['source'];
  tools: ToolDescriptor[];
}

const selectTools = (state: { tools: ToolDescriptor[] }) => state.tools;

function packagesOf(tools: ToolDescriptor[]): PackageRow[] {
  const rows = new Map<string, PackageRow>();
  for (const tool of tools) {
    if (tool.source === 'virtual') continue;
    const key = `${tool.package}\u0000${tool.source}`;
    const row = rows.get(key) ?? { name: tool.package, displayName: tool.packageDisplayName, version: tool.version, source: tool.source, tools: [] };
    row.tools.push(tool);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.name.localeCompare(b.name));
}

function confirm(title: string, message: string, onConfirm: () => void) {
  dialogStore.getState().openDialog({ kind: 'confirm', title, message, confirmLabel: 'Remove', onConfirm });
}

export function ManagePluginsDialog() {
  const tools = useCatalogStore(selectTools);
  const packages = useMemo(() => packagesOf(tools), [tools]);
  const virtualTools = useMemo(() => tools.filter((tool) => tool.source === 'virtual'), [tools]);
  return (
    <Dialog title="Manage plugins" wide>
      <table className="plugin-table" aria-label="Plugin packages">
        <thead><tr><th>Package</th><th>Version</th><th>Source</th><th>Tools</th><th /></tr></thead>
        <tbody>
          {packages.map((row) => (
            <tr key={`${row.name}-${row.source}`}>
              <td>{row.displayName}<div className="muted small">{row.name}</div></td>
              <td>{row.version}</td>
              <td>{row.source}</td>
              <td className="small">{row.tools.map((tool) => tool.name).join(', ')}</td>
              <td>{row.source === 'installed' && (
                <button type="button" aria-label={`Remove ${row.name}`} onClick={() => confirm('Remove plugin?',
                  `Remove the package ${row.name} with its saved tools, state and blobs?`, () => void removePluginPackage(row.name))}>Remove</button>
              )}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {virtualTools.length > 0 && (
        <>
          <h3 className="dialog-subtitle">Saved tools</h3>
          <ul className="virtual-list">
            {virtualTools.map((tool) => (
              <li key={tool.id}>
                <span>{tool.name} <span className="muted small">{tool.id} · from {tool.parent}</span></span>
                <button type="button" aria-label={`Remove ${tool.name}`} onClick={() => confirm('Delete saved tool?', `Delete ${tool.name} (${tool.id})?`, () => void removeVirtualTool(tool.id))}>Remove</button>
              </li>
            ))}
          </ul>
        </>
      )}
    </Dialog>
  );
}
