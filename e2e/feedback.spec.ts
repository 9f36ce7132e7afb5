import { expect, test } from './fixtures/weftTest.js';

test('a freshly added tool is "not configured" (grey), in plain words, on the canvas, in Messages and in its settings', async ({ app }) => {
  await app.open();
  await app.palette.addByDoubleClick('Filter');
  const filter = app.canvas.tool('t1');
  await app.canvas.expectStatus(filter, 'not-configured');
  await expect(filter.locator('.tool-node-problem')).toHaveText('Connect its input');

  const setup = app.messages.locator('[data-tool-id="t1"][data-level="setup"]');
  await expect(setup.filter({ hasText: 'Connect its input' })).toHaveCount(1);
  await expect(setup.filter({ hasText: 'Write the condition' })).toHaveCount(1);
  await expect(setup.first().locator('.message-tool')).toHaveText('Filter (t1)');
  // the engine's own words for the same problems are not listed beside them
  await expect(app.messages.locator('[data-tool-id="t1"][data-level="error"]')).toHaveCount(0);

  await app.canvas.select(filter);
  const condition = app.config.region.locator('.has-error');
  await expect(condition).toContainText('Write the condition');
});
