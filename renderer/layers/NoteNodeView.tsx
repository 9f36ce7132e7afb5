import { NodeResizer, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import Markdown from 'react-markdown';
import { NAMED_COLORS } from '../../shared/workflow.js';
import { useWorkflowStore, workflowStore } from '../store/workflowStore.js';
import { layerColorStyle } from './layerColors.js';

export type NoteFlowNode = Node<{ noteId: string }, 'note'>;

/** A text note on the canvas: its markdown rendered (no raw HTML), in its colour; resizable when selected. */
function NoteNodeViewInner({ data, selected }: NodeProps<NoteFlowNode>) {
  const note = useWorkflowStore((state) => state.workflow.notes?.find((candidate) => candidate.id === data.noteId));
  if (!note) return null;
  const named = (NAMED_COLORS as readonly string[]).includes(note.color);
  return (
    <>
      <NodeResizer isVisible={selected} minWidth={80} minHeight={40}
        onResizeEnd={(_event, box) => workflowStore.getState().updateNote(note.id, {
          position: { x: Math.round(box.x), y: Math.round(box.y) }, size: { width: Math.round(box.width), height: Math.round(box.height) },
        })} />
      <div className={`canvas-note${named ? ` layer-${note.color}` : ''}${selected ? ' is-selected' : ''}`} style={layerColorStyle(note.color)}
        data-note-id={note.id} data-testid={`canvas.note.${note.id}`} role="note" aria-label={`Note ${note.id}`}>
        {note.text.trim() === '' ? <span className="muted">Empty note: select it and write in the Configuration pane.</span>
          : <Markdown skipHtml>{note.text}</Markdown>}
      </div>
    </>
  );
}

export const NoteNodeView = memo(NoteNodeViewInner);
