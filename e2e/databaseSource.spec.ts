import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/weftTest.js';

// A connection stored in the suite's data folder (as `weft connections add` writes it), on a port
// where nothing listens: the test sees the app list it, hand it to the tool, and show the refusal.
function storeConnection(): void {
  const home = path.join(path.dirname(process.env.WEFT_E2E_WORK!), 'home');
  const connection = { name: 'warehouse', kind: 'postgresql', host: '127.0.0.1', port: 1, database: 'sales', user: 'ana', ssl: false, passwordIn: 'file', password: 'pw' };
  fs.writeFileSync(path.join(home, 'connections.json'), JSON.stringify({ connections: [connection] }), { mode: 0o600 });
}

test('Input Data from a database: the connection picker lists the stored connections, and update-only reports what the server said', async ({ app, workDir }) => {
  storeConnection();
  const file = path.join(workDir, 'db.weft.json');
  fs.writeFileSync(file, JSON.stringify({
    format: 'weft-workflow', version: 1, connections: [],
    tools: [{ id: 't1', plugin: 'weft/input-data', position: { x: 100, y: 100 }, config: { source: 'database', table: 'public.sales' } }],
  }));
  await app.open(file);
  await app.canvas.select(app.canvas.tool('t1'));
  await expect(app.config.field('File')).toHaveCount(0);
  await expect(app.config.field('Delimiter (CSV)')).toHaveCount(0);
  const picker = app.config.field('Connection (database)');
  await expect.poll(() => app.config.pickerOptions(picker)).toContain('warehouse');
  await picker.selectOption('warehouse');
  await expect(app.messages).toContainText('connection "warehouse" (127.0.0.1:1/sales)', { timeout: 20_000 });
  await app.page.screenshot({ path: test.info().outputPath('database-source.png') });
});
