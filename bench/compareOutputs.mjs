// Compares the pipeline outputs of Weft, DuckDB and Arquero: same (category, region) groups with
// the same counts, sums and averages within 1e-9 relative.
import fs from 'node:fs';

function parseSimpleCsv(file) {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',').map((n) => n.replace(/^"|"$/g, ''));
  return lines.map((line) => {
    const cells = line.split(',').map((c) => c.replace(/^"|"$/g, ''));
    return Object.fromEntries(names.map((n, i) => [n, cells[i]]));
  });
}

const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

function byGroup(rows) {
  const map = new Map();
  for (const row of rows) {
    const count = Number(row.Count ?? row.count);
    const sum = Number(row.Sum_total);
    const avg = Number(row.Avg_amount);
    map.set(`${row.category}\u0000${row.region}`, { count, sum, avg });
  }
  return map;
}

/** returns { match: boolean, detail: string } */
export function compareOutputs(reference, other) {
  const a = byGroup(parseSimpleCsv(reference));
  const b = byGroup(parseSimpleCsv(other));
  if (a.size !== b.size) return { match: false, detail: `${a.size} groups vs ${b.size}` };
  for (const [key, x] of a) {
    const y = b.get(key);
    if (!y) return { match: false, detail: `group ${key} missing` };
    if (x.count !== y.count || !close(x.sum, y.sum) || !close(x.avg, y.avg)) {
      return { match: false, detail: `group ${key}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}` };
    }
  }
  const order = (rows) => rows.map((r) => `${r.category}/${r.region}`).join(',');
  if (order(parseSimpleCsv(reference)) !== order(parseSimpleCsv(other))) {
    return { match: false, detail: 'same groups, different order (sort by sum desc)' };
  }
  return { match: true, detail: `${a.size} groups` };
}
