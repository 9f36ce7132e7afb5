import type { Group, Note } from '../../shared/workflow.js';
import { deleteSelection } from '../app/editCommands.js';
import { useWorkflowStore, workflowStore } from '../store/workflowStore.js';
import { COLOR_CHOICES } from './layerColors.js';

/** The configuration pane for a selected note or container (`note:n1`, `group:g1`). */
export function LayerSettings({ layerId }: { layerId: string }) {
  const isNote = layerId.startsWith('note:');
  const id = layerId.slice(layerId.indexOf(':') + 1);
  const note = useWorkflowStore((state) => (isNote ? state.workflow.notes?.find((n) => n.id === id) : undefined));
  const group = useWorkflowStore((state) => (isNote ? undefined : state.workflow.groups?.find((g) => g.id === id)));
  if (note) return <NoteSettings note={note} />;
  if (group) return <GroupSettings group={group} />;
  return null;
}

function ColorPicker({ value, onChange }: { value: string; onChange(color: string): void }) {
  const custom = !(COLOR_CHOICES as readonly string[]).includes(value);
  return (
    <label className="layer-field">
      <span>Colour</span>
      <select value={custom ? 'custom' : value} onChange={(event) => { if (event.target.value !== 'custom') onChange(event.target.value); }}>
        {COLOR_CHOICES.map((color) => <option key={color} value={color}>{color}</option>)}
        {custom && <option value="custom">{value}</option>}
      </select>
    </label>
  );
}

function NoteSettings({ note }: { note: Note }) {
  const update = (patch: Partial<Note>) => workflowStore.getState().updateNote(note.id, patch);
  return (
    <div className="layer-settings pad">
      <div className="tool-config-name">Note {note.id}</div>
      <label className="layer-field">
        <span>Text (Markdown)</span>
        <textarea rows={8} value={note.text} onChange={(event) => update({ text: event.target.value })}
          placeholder="**Bold**, *italic*, lists with -, links" />
      </label>
      <ColorPicker value={note.color} onChange={(color) => update({ color })} />
      <button type="button" onClick={deleteSelection}>Delete note</button>
    </div>
  );
}

function GroupSettings({ group }: { group: Group }) {
  const update = (patch: Partial<Group>) => workflowStore.getState().updateGroup(group.id, patch);
  return (
    <div className="layer-settings pad">
      <div className="tool-config-name">Container {group.id}</div>
      <label className="layer-field">
        <span>Name</span>
        <input type="text" value={group.name} onChange={(event) => update({ name: event.target.value })} />
      </label>
      <ColorPicker value={group.color} onChange={(color) => update({ color })} />
      <label className="layer-check">
        <input type="checkbox" checked={group.collapsed} onChange={(event) => update({ collapsed: event.target.checked })} />
        <span>Collapsed (its tools are hidden, they still run)</span>
      </label>
      <label className="layer-check">
        <input type="checkbox" checked={group.disabled} onChange={(event) => update({ disabled: event.target.checked })} />
        <span>Disabled (its tools do not run)</span>
      </label>
      <button type="button" onClick={deleteSelection}>Remove container (keep its tools)</button>
    </div>
  );
}
