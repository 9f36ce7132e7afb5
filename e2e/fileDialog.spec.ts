import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures/weftTest.js';

/** workDir/flow.weft.json with an Input Data tool, and a data folder with files of several kinds */
function layOut(workDir: string): string {
  const data = path.join(workDir, 'data');
  fs.mkdirSync(path.join(workDir, '.cache'), { recursive: true });
  fs.mkdirSync(data, { recursive: true });
  for (const name of ['sales.csv', 'notes.txt', '.secret.csv', 'old.yxmd', 'inner.weft.json']) fs.writeFileSync(path.join(data, name), 'n\n1\n');
  const workflowFile = path.join(workDir, 'flow.weft.json');
  fs.writeFileSync(workflowFile, JSON.stringify({
    format: 'weft-workflow', version: 1,
    tools: [{ id: 't1', plugin: 'weft/input-data', config: {}, position: { x: 0, y: 0 } }],
    connections: [],
  }));
  return workflowFile;
}

test("Input Data's file dialog: starts in the workflow's folder, Enter opens a folder, formats and hidden files filter the list", async ({ app, workDir }) => {
  await app.open(layOut(workDir));
  await app.canvas.select(app.canvas.tool('t1'));
  await app.config.region.getByRole('button', { name: 'Browse…' }).click();
  const dialog = app.dialog();
  const listing = dialog.getByLabel('Folder contents');
  await expect(listing.locator('.file-browser-path')).toHaveText(workDir);
  await expect(listing.getByRole('button', { name: 'data' })).toBeVisible();
  await expect(listing.getByRole('button', { name: '.cache' })).toHaveCount(0);
  await expect(dialog.getByLabel('File type')).toHaveValue('0');
  await expect(dialog.getByLabel('File type').locator('option')).toHaveText(['Supported files (.csv, .tsv, .json, .ndjson, .parquet, .xlsx, .arrow)', 'All files']);

  // a folder typed in the path and Enter: the dialog opens it instead of choosing it as the file
  const data = path.join(workDir, 'data');
  await dialog.getByLabel('Path').fill(data);
  await dialog.getByLabel('Path').press('Enter');
  await expect(dialog).toBeVisible();
  await expect(listing.locator('.file-browser-path')).toHaveText(data);
  await expect(dialog.getByLabel('Path')).toHaveValue(`${data}/`);
  await expect(listing.getByRole('button')).toHaveText(['↑', 'inner.weft.json', 'sales.csv']); // a .weft.json is JSON too

  await dialog.getByLabel('File type').selectOption({ label: 'All files' });
  await expect(listing.getByRole('button')).toHaveText(['↑', 'inner.weft.json', 'notes.txt', 'old.yxmd', 'sales.csv']);
  await dialog.getByLabel('Show hidden files').check();
  await expect(listing.getByRole('button')).toHaveText(['↑', '.secret.csv', 'inner.weft.json', 'notes.txt', 'old.yxmd', 'sales.csv']);

  // a file typed in the path and Enter chooses it
  await dialog.getByLabel('Path').fill(path.join(data, 'sales.csv'));
  await dialog.getByLabel('Path').press('Enter');
  await expect(dialog).toBeHidden();
  await expect(app.config.field('File')).toHaveValue(/data\/sales\.csv$/);
});

test('the Open dialog lists workflows and starts in the folder last chosen in', async ({ app, workDir }) => {
  await app.open(layOut(workDir));
  await app.canvas.select(app.canvas.tool('t1'));
  await app.config.region.getByRole('button', { name: 'Browse…' }).click();
  const data = path.join(workDir, 'data');
  await app.dialog().getByLabel('Folder contents').getByRole('button', { name: 'data' }).click();
  await app.dialog().getByLabel('Folder contents').getByRole('button', { name: 'sales.csv' }).dblclick();
  await expect(app.dialog()).toBeHidden();

  await app.open(); // a new, untitled window of the same browser: the last folder is remembered
  await app.button('Open').click();
  const listing = app.dialog().getByLabel('Folder contents');
  await expect(listing.locator('.file-browser-path')).toHaveText(data);
  await expect(app.dialog().getByLabel('File type').locator('option')).toHaveText(['Workflows (.weft.json, .yxmd)', 'All files']);
  await expect(listing.getByRole('button')).toHaveText(['↑', 'inner.weft.json', 'old.yxmd']);
});
