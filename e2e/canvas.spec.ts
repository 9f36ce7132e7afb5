import { expect, test } from './fixtures/weftTest.js';

test('drag tools onto the canvas and connect them', async ({ app }) => {
  await app.open();
  await app.palette.dragToCanvas('Number Rows', { x: 150, y: 150 });
  await app.palette.search('record');
  await app.palette.dragToCanvas('Record ID', { x: 450, y: 150 });

  const source = app.canvas.toolsOf('e2e-tools/number-rows');
  const recordId = app.canvas.toolsOf('weft/record-id');
  await expect(source).toHaveCount(1);
  await expect(recordId).toHaveCount(1);
  await expect(app.canvas.anchor(recordId, 'in', 'Input')).toBeVisible();
  await expect(app.canvas.anchor(source, 'out', 'Output')).toBeVisible();

  await app.canvas.connect(source, 'Output', recordId, 'Input');
  await expect(app.canvas.connections()).toHaveCount(1);
  // connected and configured: update-only reports the tool ok before any run
  await app.canvas.expectStatus(recordId, 'ok');

  // an input takes one connection: a second drag onto it does not add another
  await app.canvas.connect(source, 'Output', recordId, 'Input');
  await expect(app.canvas.connections()).toHaveCount(1);
});

test('undo and redo every edit', async ({ app }) => {
  await app.open();
  await app.palette.addByDoubleClick('Sort');
  await app.palette.addByDoubleClick('Record ID');
  await expect(app.canvas.tools()).toHaveCount(2);

  await app.canvas.select(app.canvas.toolsOf('weft/sort'));
  await app.page.keyboard.press('Delete');
  await expect(app.canvas.tools()).toHaveCount(1);

  await app.page.keyboard.press('Control+z');
  await expect(app.canvas.toolsOf('weft/sort')).toHaveCount(1);
  await app.button('Undo').click();
  await expect(app.canvas.tools()).toHaveCount(1);
  await expect(app.canvas.toolsOf('weft/record-id')).toHaveCount(0);

  await app.page.keyboard.press('Control+Shift+z');
  await expect(app.canvas.tools()).toHaveCount(2);
  await app.button('Redo').click();
  await expect(app.canvas.toolsOf('weft/sort')).toHaveCount(0);
  await expect(app.canvas.tools()).toHaveCount(1);
});

test('copy and paste tools with their configuration', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('field-picker'));
  await expect(app.canvas.tools()).toHaveCount(3);
  await app.canvas.select(app.canvas.tool('t2'));
  await app.page.keyboard.press('Control+c');
  await app.page.keyboard.press('Control+v');
  const recordIds = app.canvas.toolsOf('weft/record-id');
  await expect(recordIds).toHaveCount(2);
  const pasted = app.canvas.region.locator('[data-plugin="weft/record-id"]:not([data-tool-id="t2"])');
  await expect(pasted).toHaveCount(1);
  await app.canvas.select(pasted);
  await expect(app.config.field('Field name')).toHaveValue('RecordID');

  await app.page.keyboard.press('Control+z');
  await expect(recordIds).toHaveCount(1);
});
