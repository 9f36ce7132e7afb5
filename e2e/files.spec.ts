import fs from 'node:fs';
import path from 'node:path';
import { WeftApp } from './fixtures/WeftApp.js';
import { expect, readWorkflow, test } from './fixtures/weftTest.js';

test('save, close and reopen a workflow', async ({ app, workDir, page, context }) => {
  const file = path.join(workDir, 'built-here.weft.json');
  await app.open();
  await app.palette.addByDoubleClick('Number Rows');
  await app.palette.addByDoubleClick('Record ID');
  await app.canvas.select(app.canvas.toolsOf('weft/record-id'));
  await app.config.fill('Field name', 'Row');
  await expect(app.title()).toContainText('•');

  await app.page.keyboard.press('Control+s');
  await app.choosePath(file, 'Save');
  await expect(app.title()).toHaveText('built-here.weft.json');
  await expect.poll(() => fs.existsSync(file)).toBe(true);
  const saved = readWorkflow(file);
  expect(saved.tools.map((tool) => tool.plugin).sort()).toEqual(['e2e-tools/number-rows', 'weft/record-id']);
  expect(saved.tools.find((tool) => tool.plugin === 'weft/record-id')?.config).toMatchObject({ fieldName: 'Row' });

  await page.close();
  const again = await context.newPage();
  const reopened = new WeftApp(again, process.env.WEFT_E2E_URL!);
  await reopened.open();
  await reopened.button('Open').click();
  await reopened.choosePath(file, 'Open');
  await expect(reopened.canvas.tools()).toHaveCount(2);
  await expect(reopened.title()).toHaveText('built-here.weft.json');
  await reopened.canvas.select(reopened.canvas.toolsOf('weft/record-id'));
  await expect(reopened.config.field('Field name')).toHaveValue('Row');
});

test("Output Data's Browse… names a new file to write, and the run writes it", async ({ app, workDir }) => {
  const workflowFile = path.join(workDir, 'write-numbers.weft.json');
  fs.writeFileSync(workflowFile, JSON.stringify({
    format: 'weft-workflow', version: 1,
    tools: [
      { id: 't1', plugin: 'e2e-tools/number-rows', config: { count: 12 }, position: { x: 0, y: 0 } },
      { id: 't2', plugin: 'weft/output-data', config: { path: 'old.csv', format: 'csv', ifExists: 'overwrite' }, position: { x: 280, y: 0 } },
    ],
    connections: [{ from: { tool: 't1', anchor: 'Output' }, to: { tool: 't2', anchor: 'Input' } }],
  }));
  await app.open(workflowFile);
  await app.canvas.select(app.canvas.tool('t2'));
  await app.config.region.getByRole('button', { name: 'Browse…' }).click();

  // a save dialog: it starts in the workflow's folder with the current name, and takes a new one
  const dialog = app.dialog();
  await expect(dialog.getByRole('heading', { name: 'Save to file' })).toBeVisible();
  await expect(dialog.getByLabel('Path')).toHaveValue(path.join(workDir, 'old.csv'));
  const target = path.join(workDir, 'brand-new.csv');
  expect(fs.existsSync(target)).toBe(false);
  await app.choosePath(target, 'Choose');
  await expect(app.config.field('File')).toHaveValue(/brand-new\.csv$/);

  await app.runButton().click();
  await expect(app.canvas.countOn('t1', 'Output', 't2', 'Input')).toHaveAttribute('data-records', '12');
  await expect.poll(() => fs.existsSync(target)).toBe(true);
  expect(fs.readFileSync(target, 'utf8').trim().split('\n')).toHaveLength(13);
  expect(fs.existsSync(path.join(workDir, 'old.csv'))).toBe(false);
});
