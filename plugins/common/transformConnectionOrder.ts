/** The order of the connections of a multi-connection anchor (Union, Join Multiple). */

/** connection names #1, #2, … in numeric order; other names after, alphabetically */
export function compareConnectionNames(a: string, b: string): number {
  const x = /^#(\d+)$/.exec(a);
  const y = /^#(\d+)$/.exec(b);
  if (x && y) return Number(x[1]) - Number(y[1]);
  if (x) return -1;
  if (y) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
