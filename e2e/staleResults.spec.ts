import { expect, test } from './fixtures/weftTest.js';

test('an edit after a run clears the counts and rows it made stale; statuses come from update-only', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('sorted-numbers'));
  await app.runButton().click();
  const upstream = app.canvas.countOn('t1', 'Output', 't2', 'Input');
  const downstream = app.canvas.countOn('t2', 'Output', 't3', 'Input');
  await expect(upstream).toHaveAttribute('data-records', '250');
  await expect(downstream).toHaveAttribute('data-records', '250');

  // sort ascending instead: the sort tool and the browse after it are stale, the source is not
  await app.canvas.select(app.canvas.tool('t2'));
  await app.config.field('Order').selectOption('asc');
  await expect(downstream).toHaveCount(0);
  await expect(upstream).toHaveAttribute('data-records', '250');
  for (const id of ['t1', 't2', 't3']) await app.canvas.expectStatus(app.canvas.tool(id), 'ok');
  await app.canvas.select(app.canvas.tool('t3'));
  await expect(app.results.count()).toHaveText('Run the workflow to see records.');
  await expect(app.results.grid()).toHaveCount(0);

  // the next run speaks for every tool again: the browse grid starts at the smallest number
  await app.runButton().click();
  await expect(downstream).toHaveAttribute('data-records', '250');
  await expect.poll(() => app.results.totalRows()).toBe(250);
  await expect(app.results.dataRows().first().getByRole('gridcell').nth(1)).toHaveText('1');

  // deleting the sort tool leaves the browse without input: an update-only error, not "cancelled"
  await app.canvas.select(app.canvas.tool('t2'));
  await app.page.keyboard.press('Delete');
  await expect(app.canvas.tool('t2')).toHaveCount(0);
  await app.canvas.expectStatus(app.canvas.tool('t3'), /error|not-configured|pending/);
  await app.canvas.expectStatus(app.canvas.tool('t1'), 'ok');
  await expect(app.canvas.recordCounts()).toHaveCount(0);
});
