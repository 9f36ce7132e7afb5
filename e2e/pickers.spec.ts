import { expect, test } from './fixtures/weftTest.js';

test('a list of field names shows its current fields and offers the upstream ones', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('pickers'));
  await expect(app.title()).toHaveText('pickers.weft.json');
  const summarize = app.canvas.tool('t3');
  await app.canvas.select(summarize);
  const groupBy = app.config.field('Group by');
  await expect(app.config.region.getByRole('list', { name: 'Group by: chosen fields' }).getByRole('listitem')).toHaveText(['parity×', 'n×']);
  await expect.poll(() => app.config.pickerOptions(groupBy)).toContain('RecordID');
  expect(await app.config.pickerOptions(groupBy)).not.toContain('parity');

  await groupBy.selectOption('RecordID');
  await expect(app.config.region.getByRole('list', { name: 'Group by: chosen fields' }).getByRole('listitem')).toHaveCount(3);
  await expect(app.title()).toContainText('•');
  await app.config.region.getByRole('button', { name: 'Remove n' }).click();
  await expect(app.config.region.getByRole('list', { name: 'Group by: chosen fields' }).getByRole('listitem')).toHaveText(['parity×', 'RecordID×']);
});

test('selecting tools of an opened workflow leaves it saved', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('pickers'));
  for (const id of ['t1', 't2', 't3', 't4', 't5']) {
    await app.canvas.select(app.canvas.tool(id));
    await expect(app.config.region.getByRole('textbox', { name: 'Annotation' })).toBeVisible();
  }
  await app.page.waitForTimeout(500);
  await expect(app.title()).toHaveText('pickers.weft.json');
});

test("join key pickers offer only their own input's fields", async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('pickers'));
  await app.canvas.select(app.canvas.tool('t5'));
  const left = app.config.field('Left field');
  const right = app.config.field('Right field');
  await expect.poll(() => app.config.pickerOptions(left)).toEqual(expect.arrayContaining(['n', 'parity', 'RecordID']));
  await expect.poll(() => app.config.pickerOptions(right)).toEqual(expect.arrayContaining(['id', 'label']));
  expect(await app.config.pickerOptions(left)).not.toContain('id');
  expect(await app.config.pickerOptions(right)).not.toContain('RecordID');
  await expect(left).toHaveValue('RecordID');
  await expect(right).toHaveValue('id');
});

test('the minimap shows only when part of the flow is out of view, folds away and comes back', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('pickers'));
  const minimap = app.canvas.region.locator('.react-flow__minimap');
  // all of the flow is in view: a minimap would only cover tools
  await expect(app.canvas.tools().first()).toBeVisible();
  await expect(minimap).toHaveCount(0);
  for (let i = 0; i < 4; i++) await app.canvas.region.getByRole('button', { name: 'Zoom In' }).click();
  await expect(minimap).toBeVisible();
  await app.canvas.region.getByRole('button', { name: 'Hide minimap' }).click();
  await expect(minimap).toHaveCount(0);
  await app.canvas.region.getByRole('button', { name: 'Show minimap' }).click();
  await expect(minimap).toBeVisible();
});

test('a tool added by double-click is in view and clear of the minimap', async ({ app }) => {
  await app.open();
  const names = ['Number Rows', 'Record ID', 'Filter', 'Sort', 'Browse', 'Select', 'Unique', 'Sample', 'Union'];
  for (const [index, name] of names.entries()) {
    await app.palette.addByDoubleClick(name);
    const added = app.canvas.tool(`t${index + 1}`);
    await expect(added).toBeVisible();
    await app.page.waitForTimeout(350); // the pan to the new tool
    const canvas = (await app.canvas.region.boundingBox())!;
    const box = (await added.boundingBox())!;
    expect(box.y + box.height, `${name} below the canvas`).toBeLessThanOrEqual(canvas.y + canvas.height);
    expect(box.y, `${name} above the canvas`).toBeGreaterThanOrEqual(canvas.y);
    // the minimap shows only while part of the flow is out of view
    const minimapShown = await app.canvas.region.locator('.react-flow__minimap').count() > 0;
    const minimap = minimapShown ? await app.canvas.region.locator('.react-flow__minimap').boundingBox() : null;
    if (minimap) {
      const overlaps = box.x < minimap.x + minimap.width && box.x + box.width > minimap.x && box.y < minimap.y + minimap.height && box.y + box.height > minimap.y;
      expect(overlaps, `${name} under the minimap`).toBe(false);
    }
  }
});
