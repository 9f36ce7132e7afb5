import { expect, test } from './fixtures/weftTest.js';

test('the start page opens an example and lists it as recent; New shows the empty-canvas hint', async ({ app }) => {
  await app.open();
  const start = app.page.getByRole('region', { name: 'Start' });
  await expect(start.getByRole('region', { name: 'How it works' })).toBeVisible();
  await start.getByRole('region', { name: 'Examples' }).getByRole('button', { name: 'Sales', exact: true }).click();
  await expect(app.canvas.tools().first()).toBeVisible();
  await expect(start).toBeHidden();
  await expect(app.title()).toHaveText('sales.weft.json');

  // a new window shows what was opened last under Recent
  await app.open();
  await expect(start.getByRole('region', { name: 'Recent workflows' }).getByRole('button', { name: 'sales.weft.json' })).toBeVisible();
  await start.getByRole('button', { name: 'New workflow' }).click();
  await expect(start).toBeHidden();
  await expect(app.page.getByTestId('canvas.hint')).toContainText('This workflow is empty');
});

test('a click on a palette entry selects it and shows what it does; Enter adds it', async ({ app }) => {
  await app.open();
  const filter = app.palette.entry('Filter');
  await filter.click();
  await expect(filter).toHaveAttribute('aria-pressed', 'true');
  await expect(app.page.getByTestId('palette.detail')).toContainText('true/false formula');
  await expect(app.canvas.tools()).toHaveCount(0);
  await filter.press('Enter');
  await expect(app.canvas.toolsOf('weft/filter')).toHaveCount(1);
  await expect(app.page.getByRole('region', { name: 'Start' })).toBeHidden();
  await expect(app.page.getByTestId('canvas.hint')).toBeHidden();
});
