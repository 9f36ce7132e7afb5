import { expect, test } from './fixtures/weftTest.js';

test('editing a config changes the downstream field picker before any run', async ({ app, sampleWorkflow }) => {
  await app.open(sampleWorkflow('field-picker'));
  const sort = app.canvas.tool('t3');
  await app.canvas.select(sort);
  const picker = app.config.fieldPickers().first();
  await expect.poll(() => app.config.pickerOptions(picker)).toEqual(expect.arrayContaining(['RecordID', 'n', 'parity']));

  await app.canvas.select(app.canvas.tool('t2'));
  await app.config.fill('Field name', 'RowNumber');

  await app.canvas.select(sort);
  await expect.poll(() => app.config.pickerOptions(app.config.fieldPickers().first()))
    .toEqual(expect.arrayContaining(['n', 'parity', 'RowNumber']));
  await expect(app.canvas.recordCounts()).toHaveCount(0);
});

test('an invalid formula marks its tool before any run', async ({ app }) => {
  await app.open();
  await app.palette.dragToCanvas('Number Rows', { x: 150, y: 200 });
  await app.palette.dragToCanvas('Filter', { x: 450, y: 200 });
  const filter = app.canvas.toolsOf('weft/filter');
  await app.canvas.connect(app.canvas.toolsOf('e2e-tools/number-rows'), 'Output', filter, 'Input');

  await app.canvas.select(filter);
  await app.config.typeFormula(app.config.formula(), '[n] > ');
  await app.canvas.expectStatus(filter, 'error');
  await expect(app.config.formulaError()).toBeVisible();

  await app.config.typeFormula(app.config.formula(), '[n] > 5');
  await app.canvas.expectStatus(filter, 'ok');
  await expect(app.config.formulaError()).toBeHidden();
  await expect(app.canvas.recordCounts()).toHaveCount(0);
});
