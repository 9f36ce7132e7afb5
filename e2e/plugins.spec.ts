import { expect, pluginFixture, test } from './fixtures/weftTest.js';

test('install a plugin folder and use its tool without reloading', async ({ app }) => {
  await app.open();
  await expect(app.palette.entry('Double Rows')).toHaveCount(0);
  await app.pluginsMenu('Install from folder…');
  await app.choosePath(pluginFixture('e2e-install'), 'Install');

  await expect(app.palette.entry('Double Rows')).toBeVisible();
  await app.palette.dragToCanvas('Number Rows', { x: 150, y: 200 });
  await app.palette.dragToCanvas('Double Rows', { x: 450, y: 200 });
  const source = app.canvas.toolsOf('e2e-tools/number-rows');
  const doubled = app.canvas.toolsOf('e2e-install/double-rows');
  await app.canvas.connect(source, 'Output', doubled, 'Input');
  await app.canvas.expectStatus(doubled, 'ok');

  await app.runButton().click();
  await app.canvas.expectStatus(doubled, 'ok');
  await expect(app.canvas.recordCounts().first()).toHaveAttribute('data-records', '10');
  await app.canvas.select(doubled);
  await expect(app.results.count()).toContainText('20');
});

test('save a configured tool as a new tool and find it in the palette', async ({ app }) => {
  await app.open();
  await app.palette.addByDoubleClick('Record ID');
  const recordId = app.canvas.toolsOf('weft/record-id');
  await app.canvas.select(recordId);
  await app.config.fill('Field name', 'Serial');

  await app.button('Save as tool').click();
  const dialog = app.dialog();
  await dialog.getByLabel('Tool id').fill('e2e-serial');
  await dialog.getByLabel('Tool name').fill('E2E Serial');
  await dialog.getByRole('button', { name: 'Save tool' }).click();
  await expect(dialog).toBeHidden();

  await app.palette.search('E2E Serial');
  await expect(app.palette.entry('E2E Serial')).toBeVisible();
  await app.palette.addByDoubleClick('E2E Serial');
  await expect(app.canvas.toolsOf('weft/e2e-serial')).toHaveCount(1);
});
