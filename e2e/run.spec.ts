import { expect, test } from './fixtures/weftTest.js';

test('Run shows record counts on connections and rows in the results grid', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('sorted-numbers'));
  await app.runButton().click();

  await expect(app.canvas.countOn('t1', 'Output', 't2', 'Input')).toHaveAttribute('data-records', '250');
  await expect(app.canvas.countOn('t2', 'Output', 't3', 'Input')).toHaveAttribute('data-records', '250');
  for (const id of ['t1', 't2', 't3']) await app.canvas.expectStatus(app.canvas.tool(id), 'ok');

  // the browse tool keeps the whole stream: the grid holds every row, sorted descending
  await app.canvas.select(app.canvas.tool('t3'));
  await expect.poll(() => app.results.totalRows()).toBe(250);
  await expect(app.results.dataRows().first()).toContainText('250');

  // the sort tool's output preview
  await app.canvas.select(app.canvas.tool('t2'));
  await expect(app.results.grid()).toBeVisible();
  await expect(app.results.count()).toContainText('250');

  // Messages: the run's total, then each tool's records and time, named "Sort (t2)"
  await expect(app.messages.getByTestId('messages.run')).toContainText(/Run finished in [\d.]+ m?s: 3 tools ok/);
  await expect(app.messages.locator('[data-tool-id="t2"][data-level="info"]')).toContainText(/250 records in [\d.]+ m?s/);
  await expect(app.messages.locator('[data-tool-id="t2"] .message-tool')).toHaveText(/^[A-Z].* \(t2\)$/);

  // the run history opens a past run: New empties the canvas, Open brings back the workflow and its counts
  await app.button('New').click();
  await expect(app.canvas.tools()).toHaveCount(0);
  await app.page.getByRole('tab', { name: 'Run history' }).click();
  await app.page.getByRole('region', { name: 'Run history' }).getByRole('button', { name: /^Open the run of/ }).first().click();
  await expect(app.canvas.countOn('t2', 'Output', 't3', 'Input')).toHaveAttribute('data-records', '250');
  await app.canvas.expectStatus(app.canvas.tool('t3'), 'ok');
  await expect(app.messages.getByTestId('messages.run')).toContainText('(run of ');
});

test('a failing tool shows its error and the other branch its counts', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('two-branches'));
  await app.runButton().click();

  const failing = app.canvas.tool('t2');
  await app.canvas.expectStatus(failing, 'error');
  await expect(app.messages.getByText('n = 6 is above the limit 5')).toBeVisible();
  await app.canvas.expectStatus(app.canvas.tool('t3'), /cancelled|pending/);

  await app.canvas.expectStatus(app.canvas.tool('t4'), 'ok');
  await app.canvas.expectStatus(app.canvas.tool('t5'), 'ok');
  await expect(app.canvas.countOn('t1', 'Output', 't4', 'Input')).toHaveAttribute('data-records', '10');
  await expect(app.canvas.countOn('t4', 'Output', 't5', 'Input')).toHaveAttribute('data-records', '10');
});

test('Cancel stops a long run', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('slow-numbers'));
  await expect(app.cancelButton()).toBeDisabled();
  await app.runButton().click();
  const source = app.canvas.tool('t1');
  await app.canvas.expectStatus(source, 'running');
  await expect(app.runButton()).toBeDisabled();

  const started = Date.now();
  await app.cancelButton().click();
  await app.canvas.expectStatus(source, 'cancelled', 10_000);
  expect(Date.now() - started).toBeLessThan(10_000);
  await expect(app.runButton()).toBeEnabled();
  await expect(app.cancelButton()).toBeDisabled();
  await expect(app.messages.getByTestId('messages.run')).toContainText(/^Warning\s*Run cancelled after/);
});
