import { Handle, Position } from '@xyflow/react';
import type { AnchorSpec } from '../../shared/manifest.js';

/** The anchors of one side of a tool node: inputs on the left, outputs on the right. */
export function AnchorList({ anchors, direction, toolId }: { anchors: AnchorSpec[]; direction: 'in' | 'out'; toolId: string }) {
  return (
    <ul className={`anchor-list anchor-list-${direction}`}>
      {anchors.map((anchor) => (
        <li key={anchor.name} className="anchor-row" title={anchorTitle(anchor, direction)}>
          <Handle
            type={direction === 'in' ? 'target' : 'source'}
            position={direction === 'in' ? Position.Left : Position.Right}
            id={anchor.name}
            className={`anchor-handle${anchor.optional ? ' anchor-optional' : ''}`}
            data-anchor={anchor.name}
            data-direction={direction}
            data-testid={`anchor.${toolId}.${direction}.${anchor.name}`}
            aria-label={`${direction === 'in' ? 'Input' : 'Output'} ${anchor.name}`}
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
  return `${anchor.name} (${notes.join(', ')})`;
}
