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
