import { Handle, Position } from '@xyflow/react';
import type { KeyboardEvent } from 'react';
import type { AnchorSpec } from '../../shared/manifest.js';
import { dropPickedAnchor, pressAnchor } from '../app/keyboardConnect.js';
import { useKeyboardConnectStore } from '../store/keyboardConnectStore.js';

/** The anchors of one side of a tool node: inputs on the left, outputs on the right; Enter on them connects (app/keyboardConnect). */
export function AnchorList({ anchors, direction, toolId }: { anchors: AnchorSpec[]; direction: 'in' | 'out'; toolId: string }) {
  const picked = useKeyboardConnectStore((state) => (direction === 'out' && state.picked?.tool === toolId ? state.picked.anchor : null));
  const onKeyDown = (event: KeyboardEvent, anchor: string) => {
    if (event.key === 'Enter' || event.key === ' ') pressAnchor(toolId, anchor, direction);
    else if (event.key === 'Escape') dropPickedAnchor();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <ul className={`anchor-list anchor-list-${direction}`}>
      {anchors.map((anchor) => (
        <li key={anchor.name} className="anchor-row" title={anchorTitle(anchor, direction)}>
          <Handle
            type={direction === 'in' ? 'target' : 'source'}
            position={direction === 'in' ? Position.Left : Position.Right}
            id={anchor.name}
            className={`anchor-handle${anchor.optional ? ' anchor-optional' : ''}${picked === anchor.name ? ' anchor-picked' : ''}`}
            data-anchor={anchor.name}
            data-direction={direction}
            data-testid={`anchor.${toolId}.${direction}.${anchor.name}`}
            aria-label={`${direction === 'in' ? 'Input' : 'Output'} ${anchor.name} of ${toolId}`}
            role="button"
            tabIndex={0}
            aria-pressed={direction === 'out' ? picked === anchor.name : undefined}
            onKeyDown={(event) => onKeyDown(event, anchor.name)}
          />
          <span className="anchor-label">{anchor.name}</span>
        </li>
      ))}
    </ul>
  );
}

function anchorTitle(anchor: AnchorSpec, direction: 'in' | 'out'): string {
  const notes = [direction === 'in' ? 'input' : 'output'];
  if (anchor.optional) notes.push('optional');
  if (anchor.allowMultiple) notes.push('takes several connections');
  return `${anchor.name} (${notes.join(', ')}; Enter connects)`;
}
