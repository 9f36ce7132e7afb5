import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, test } from './fixtures/weftTest.js';

const examples = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'examples');

test('the results grid sizes columns to their data, shows there is more to the right, and resizes a column', async ({ app, workDir }) => {
  fs.copyFileSync(path.join(examples, 'sales.csv'), path.join(workDir, 'sales.csv'));
  const workflowFile = path.join(workDir, 'read-sales.weft.json');
  fs.writeFileSync(workflowFile, JSON.stringify({
    format: 'weft-workflow', version: 1,
    tools: [{ id: 'input', plugin: 'weft/input-data', config: { path: 'sales.csv', format: 'csv' }, position: { x: 0, y: 0 } }],
    connections: [],
  }));
  await app.open(workflowFile);
  await app.runButton().click();
  await app.canvas.expectStatus(app.canvas.tool('input'), 'ok');
  await app.canvas.select(app.canvas.tool('input'));
  const grid = app.results.grid();
  await expect(grid).toBeVisible();
  const header = (name: string) => grid.getByRole('columnheader', { name, exact: true });
  const widthOf = async (name: string) => (await header(name).boundingBox())!.width;

  // a short number column is narrower than a date-time one, and no value of the first rows is cut
  expect(await widthOf('qty')).toBeLessThan(await widthOf('ts'));
  const cut = await grid.getByRole('gridcell').evaluateAll((cells) => cells.filter((cell) => cell.scrollWidth > cell.clientWidth).map((cell) => cell.textContent));
  expect(cut).toEqual([]);

  // squeeze the grid so it cannot show every column: a shade marks the right edge until scrolled there
  await app.page.setViewportSize({ width: 900, height: 800 });
  const frame = app.results.region.locator('.preview-frame');
  const scroller = frame.locator('.preview-scroller');
  await expect(frame).toHaveClass(/has-more-right/);
  await expect(frame).not.toHaveClass(/has-more-left/);
  await scroller.evaluate((element) => { element.scrollLeft = element.scrollWidth; });
  await expect(frame).toHaveClass(/has-more-left/);
  await expect(frame).not.toHaveClass(/has-more-right/);
  const last = (await header('flag').boundingBox())!;
  const visible = (await scroller.boundingBox())!;
  expect(last.x + last.width).toBeLessThanOrEqual(visible.x + visible.width);
  // the row numbers stay in view while scrolled sideways
  const index = (await grid.getByRole('columnheader', { name: '#' }).boundingBox())!;
  expect(Math.abs(index.x - visible.x)).toBeLessThan(2);

  // drag the right edge of a header to widen its column; double-click fits it again
  await scroller.evaluate((element) => { element.scrollLeft = 0; });
  const before = await widthOf('region');
  const grip = grid.getByRole('separator', { name: 'Resize column region' });
  const box = (await grip.boundingBox())!;
  await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.page.mouse.down();
  await app.page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2, { steps: 4 });
  await app.page.mouse.up();
  await expect.poll(() => widthOf('region')).toBeCloseTo(before + 80, 0);
  await grip.dblclick();
  await expect.poll(() => widthOf('region')).toBeCloseTo(before, 0);
});
