import type { AnchorRef, Connection } from '../../shared/workflow.js';

/** A stable id for a connection, used as the React Flow edge id and as a run-state key. */
export function connectionKey(connection: Pick<Connection, 'from' | 'to'>): string {
  return `${connection.from.tool}:${connection.from.anchor}->${connection.to.tool}:${connection.to.anchor}`;
}

/** The run-state key of one anchor of one tool. */
export function anchorKey(ref: AnchorRef): string {
  return `${ref.tool}\u0000${ref.anchor}`;
}
