// Seeded generator of the benchmark CSV (issue 6): id, category (50 values), region (8),
// amount double, qty int 1–100, ts ISO date-time, flag bool. Same seed and rows → same bytes.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const categories = Array.from({ length: 50 }, (_, i) => `category_${String(i).padStart(2, '0')}`);
const regions = ['North', 'South', 'East', 'West', 'Central', 'Coastal', 'Mountain', 'Island'];
const pad = (n) => String(n).padStart(2, '0');

export async function generateCsv(file, rows, seed = 42) {
  if (fs.existsSync(file) && fs.existsSync(`${file}.done`)) return file;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // the same seeded generator as the tools' (compiled to dist/ by npm install's build)
  const { seededRandom } = await import(pathToFileURL(path.resolve(import.meta.dirname, '../dist/plugins/common/seededRandom.js')).href);
  const random = seededRandom(seed);
  const out = fs.createWriteStream(file);
  const write = (text) => new Promise((resolve) => (out.write(text) ? resolve() : out.once('drain', resolve)));
  await write('id,category,region,amount,qty,ts,flag\n');
  const base = Date.UTC(2026, 0, 1);
  let chunk = [];
  for (let i = 1; i <= rows; i += 1) {
    const category = categories[Math.floor(random() * categories.length)];
    const region = regions[Math.floor(random() * regions.length)];
    const amount = (Math.floor(random() * 100000) / 100).toFixed(2);
    const qty = 1 + Math.floor(random() * 100);
    const d = new Date(base + Math.floor(random() * 365 * 86400) * 1000);
    const ts = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
    const flag = random() < 0.5 ? 'true' : 'false';
    chunk.push(`${i},${category},${region},${amount},${qty},${ts},${flag}`);
    if (chunk.length === 50_000) {
      await write(chunk.join('\n') + '\n');
      chunk = [];
    }
  }
  if (chunk.length > 0) await write(chunk.join('\n') + '\n');
  await new Promise((resolve, reject) => out.end((error) => (error ? reject(error) : resolve())));
  fs.writeFileSync(`${file}.done`, '');
  return file;
}
