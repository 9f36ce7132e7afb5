import type { Connection } from './workflow.js';

/**
 * Names every connection: unnamed connections into one input anchor get `#1`, `#2`, … in file
 * order, skipping names already taken on that anchor (docs/workflow-format.md and docs/cli.md). Returns new objects.
 */
export function assignConnectionNames(connections: readonly Connection[]): Array<Connection & { name: string }> {
  const taken = new Map<string, Set<string>>();
  const anchorKey = (c: Connection) => `${c.to.tool}\u0000${c.to.anchor}`;
  for (const connection of connections) {
    if (typeof connection.name !== 'string' || connection.name === '') continue;
    const key = anchorKey(connection);
    if (!taken.has(key)) taken.set(key, new Set());
    taken.get(key)!.add(connection.name);
  }
  const counters = new Map<string, number>();
  return connections.map((connection) => {
    if (typeof connection.name === 'string' && connection.name !== '') return { ...connection, name: connection.name };
    const key = anchorKey(connection);
    const names = taken.get(key) ?? new Set<string>();
    taken.set(key, names);
    let n = counters.get(key) ?? 1;
    while (names.has(`#${n}`)) n += 1;
    const name = `#${n}`;
    names.add(name);
    counters.set(key, n + 1);
    return { ...connection, name };
  });
}
