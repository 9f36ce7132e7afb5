// Compares the reshape outputs of Weft and DuckDB: the same (region, month) rows, in the same order,
// with sums equal within 1e-9 relative.
import fs from 'node:fs';

const rowsOf = (file) => {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  const names = header.split(',');
  return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [names[i], cell])));
};
const close = (a, b) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** returns { match: boolean, detail: string } */
export function compareReshape(reference, other) {
  const a = rowsOf(reference);
  const b = rowsOf(other);
  if (a.length !== b.length) return { match: false, detail: `${a.length} rows vs ${b.length}` };
  for (let i = 0; i < a.length; i += 1) {
    const x = a[i];
    const y = b[i];
    const same = x.region === y.region && x.month === y.month
      && close(Number(x.amount), Number(y.amount)) && close(Number(x.delta), Number(y.delta));
    if (!same) return { match: false, detail: `row ${i + 1}: ${JSON.stringify(x)} vs ${JSON.stringify(y)}` };
  }
  return { match: true, detail: `${a.length} rows match` };
}
