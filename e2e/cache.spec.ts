import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/weftTest.js';

const ROWS = 100_000;

test('Run after an edit re-runs only the edited tool; any anchor pages through all its rows, sorts and shows a profile', async ({ app, workDir }) => {
  const lines = ['id,region,amount'];
  for (let i = 1; i <= ROWS; i++) lines.push(`${i},${['north', 'south', 'east', 'west'][i % 4]},${(i * 37) % 1000}`);
  fs.writeFileSync(path.join(workDir, 'orders.csv'), `${lines.join('\n')}\n`);
  const workflowFile = path.join(workDir, 'cache.weft.json');
  fs.writeFileSync(workflowFile, JSON.stringify({
    format: 'weft-workflow', version: 1,
    tools: [
      { id: 'input', plugin: 'weft/input-data', config: { path: 'orders.csv' }, position: { x: 0, y: 0 } },
      { id: 'calc', plugin: 'weft/formula', config: { formulas: [{ field: 'twice', type: 'int32', expression: '[amount] * 2' }] }, position: { x: 260, y: 0 } },
      { id: 'number', plugin: 'weft/record-id', config: { fieldName: 'n' }, position: { x: 520, y: 0 } },
    ],
    connections: [
      { from: { tool: 'input', anchor: 'Output' }, to: { tool: 'calc', anchor: 'Input' } },
      { from: { tool: 'calc', anchor: 'Output' }, to: { tool: 'number', anchor: 'Input' } },
    ],
  }));
  await app.open(workflowFile);
  await app.runButton().click();
  for (const id of ['input', 'calc', 'number']) await app.canvas.expectStatus(app.canvas.tool(id), 'ok', 30_000);
  await expect(app.canvas.tool('calc').getByTestId('tool.cached')).toHaveCount(0);

  // edit the last tool, Run: the two untouched tools come from the cache
  await app.canvas.select(app.canvas.tool('number'));
  await app.config.field('Field name').fill('row');
  await app.runButton().click();
  await expect(app.canvas.tool('number').getByTestId('tool.status')).toHaveText('ok', { timeout: 30_000 });
  await expect(app.canvas.tool('input').getByTestId('tool.cached')).toBeVisible();
  await expect(app.canvas.tool('calc').getByTestId('tool.cached')).toBeVisible();
  await expect(app.canvas.tool('number').getByTestId('tool.cached')).toHaveCount(0);

  // the Formula's output: all 100k rows, paged as the grid scrolls
  await app.canvas.select(app.canvas.tool('calc'));
  await expect(app.results.count()).toHaveText(`${ROWS.toLocaleString()} records · all rows`);
  expect(await app.results.totalRows()).toBe(ROWS);
  const scroller = app.results.region.locator('.preview-scroller');
  await scroller.evaluate((element) => { element.scrollTop = element.scrollHeight; });
  const last = app.results.grid().getByRole('row').filter({ has: app.page.getByRole('gridcell', { name: String(ROWS), exact: true }) }).first();
  await expect(last).toBeVisible();
  await expect(last.getByRole('gridcell').nth(1)).toHaveText(String(ROWS));

  // sort by a column: the largest first
  await scroller.evaluate((element) => { element.scrollTop = 0; });
  const twice = app.results.grid().getByRole('columnheader', { name: 'twice' });
  await twice.click();
  await expect(twice).toHaveAttribute('aria-sort', 'ascending');
  await twice.click();
  await expect(twice).toHaveAttribute('aria-sort', 'descending');
  await expect(app.results.grid().getByRole('row').nth(1).getByRole('gridcell').nth(4)).toHaveText('1998');

  // the profile: nulls, distinct values, a histogram for numbers and the top values for text
  const profile = app.results.region.getByTestId('results.profile');
  await expect(profile).toBeVisible({ timeout: 30_000 });
  await expect(profile.getByRole('listitem', { name: 'amount' })).toContainText('distinct 1,000');
  await expect(profile.getByRole('img', { name: 'Histogram of amount' })).toBeVisible();
  await expect(profile.getByRole('listitem', { name: 'region' }).getByRole('list', { name: 'Most frequent values' })).toContainText('north');
  await app.page.screenshot({ path: test.info().outputPath('cache-results.png') });
});
