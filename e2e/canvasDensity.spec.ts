import type { Locator } from '@playwright/test';
import { expect, salesWorkflow, test } from './fixtures/weftTest.js';

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box) => inner.x >= outer.x && inner.y >= outer.y
  && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

async function boxes(locator: Locator): Promise<Box[]> {
  const found: Box[] = [];
  for (const item of await locator.all()) {
    const box = await item.boundingBox();
    if (box) found.push(box);
  }
  return found;
}

test('compact cards: after auto-layout the whole flow is in view at 1280×800, counts clear of titles, no minimap over it', async ({ app, sampleWorkflow, workDir }) => {
  await app.open(salesWorkflow(sampleWorkflow, workDir));
  await app.runButton().click();
  await expect(app.canvas.recordCounts()).toHaveCount(5);
  await app.button('Auto-layout').click();
  await expect(async () => {
    const canvas = (await app.canvas.region.boundingBox())!;
    const tools = await boxes(app.canvas.tools());
    expect(tools).toHaveLength(6);
    for (const tool of tools) expect(inside(tool, canvas)).toBe(true);
    // readable: not shrunk below 80 % of the compact card (120 px)
    for (const tool of tools) expect(tool.width).toBeGreaterThanOrEqual(96);
    const titles = await boxes(app.canvas.region.locator('.tool-node-header'));
    for (const count of await boxes(app.canvas.recordCounts())) {
      for (const title of titles) expect(overlaps(count, title)).toBe(false);
    }
  }).toPass({ timeout: 30_000 }); // elkjs (1.4 MB) loads on first use
  // everything is in view: the minimap would only cover tools
  await expect(app.canvas.region.getByRole('img', { name: 'Minimap' })).toHaveCount(0);
});

test('right-click menus on a tool, a connection and the canvas', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('readme-sales'));
  await app.canvas.tool('rejected').locator('.tool-node-header').click({ button: 'right' });
  const menu = app.page.getByRole('menu', { name: 'Tool rejected' });
  await expect(menu.getByRole('menuitem', { name: 'Configure' })).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Delete' }).click();
  await expect(app.canvas.tool('rejected')).toHaveCount(0);
  await expect(app.canvas.connections()).toHaveCount(4);

  const canvasBox = (await app.canvas.region.boundingBox())!;
  await app.page.mouse.click(canvasBox.x + 20, canvasBox.y + canvasBox.height - 60, { button: 'right' });
  await app.page.getByRole('menu', { name: 'Canvas' }).getByRole('menuitem', { name: 'Add a note here' }).click();
  await expect(app.canvas.region.locator('.canvas-note')).toHaveCount(1);

  await app.page.keyboard.press('Escape');
  await app.canvas.tool('sort').locator('.tool-node-header').click({ button: 'right' });
  await app.page.keyboard.press('Escape');
  await expect(app.page.getByRole('menu')).toHaveCount(0);
});

test('connect with the keyboard: Enter on an output, then Enter on an input', async ({ app }) => {
  await app.open();
  await app.palette.addByDoubleClick('Text Input');
  await app.palette.addByDoubleClick('Sort');
  await expect(app.canvas.tools()).toHaveCount(2);
  const output = app.page.getByRole('button', { name: 'Output Output of t1' });
  await output.focus();
  await app.page.keyboard.press('Enter');
  await expect(output).toHaveAttribute('aria-pressed', 'true');
  await app.page.getByRole('button', { name: 'Input Input of t2' }).focus();
  await app.page.keyboard.press('Enter');
  await expect(app.canvas.connections()).toHaveCount(1);
  await expect(output).toHaveAttribute('aria-pressed', 'false');
});
