import type { DragEvent } from 'react';
import type { ToolDescriptor } from '../../shared/manifest.js';
import { addToolAtViewCenter, TOOL_DRAG_TYPE } from '../app/canvasCommands.js';
import { removeVirtualTool } from '../app/pluginCommands.js';
import { ToolIcon } from '../canvas/ToolIcon.js';
import { startPageStore } from '../start/startPageStore.js';
import { dialogStore } from '../store/dialogStore.js';

function onDragStart(event: DragEvent, tool: ToolDescriptor) {
  event.dataTransfer.setData(TOOL_DRAG_TYPE, tool.id);
  event.dataTransfer.setData('text/plain', tool.name);
  event.dataTransfer.effectAllowed = 'copy';
  // the start page covers the canvas: the drop goes to the canvas under it
  startPageStore.getState().hideStartPage();
}

function confirmRemove(tool: ToolDescriptor) {
  dialogStore.getState().openDialog({
    kind: 'confirm', title: 'Delete tool?', confirmLabel: 'Delete',
    message: `Delete the saved tool "${tool.name}" (${tool.id})? Workflows that use it will show it as missing.`,
    onConfirm: () => { void removeVirtualTool(tool.id); },
  });
}

/** One tool of the palette: a click selects it (Palette shows its description), Enter or a double-click adds it. */
export function PaletteEntry({ tool, selected, onSelect }: { tool: ToolDescriptor; selected: boolean; onSelect: (toolId: string) => void }) {
  const add = () => addToolAtViewCenter(tool);
  return (
    <li className="palette-entry">
      <button type="button" className={`palette-tool${selected ? ' is-selected' : ''}`} draggable data-testid={`palette.tool.${tool.id}`}
        data-tool-source={tool.source} aria-label={tool.name} aria-pressed={selected}
        title={`${tool.description || tool.name}\n${tool.id} · ${tool.packageDisplayName} ${tool.version}\nDrag onto the canvas, or press Enter or double-click to add`}
        onDragStart={(event) => onDragStart(event, tool)} onClick={() => onSelect(tool.id)} onDoubleClick={add}
        onKeyDown={(event) => { if (event.key === 'Enter') { event.preventDefault(); add(); } }}>
        <ToolIcon iconSvg={tool.iconSvg} name={tool.name} category={tool.category} size={20} />
        <span className="palette-tool-name">{tool.name}</span>
        {tool.source !== 'builtin' && <span className={`source-tag source-${tool.source}`}>{tool.source}</span>}
      </button>
      {tool.source === 'virtual' && (
        <button type="button" className="icon-button palette-delete" aria-label={`Delete ${tool.name}`} title="Delete this saved tool"
          onClick={() => confirmRemove(tool)}>×</button>
      )}
    </li>
  );
}
