import type { WeftApp } from './fixtures/WeftApp.js';
import { expect, pluginFixture, test } from './fixtures/weftTest.js';

/** the folder dialog of Install; the consent dialog takes its place */
async function pickFolderToInstall(app: WeftApp, folder: string): Promise<void> {
  const dialog = app.dialog();
  await expect(dialog.getByRole('heading', { name: 'Install plugin from folder' })).toBeVisible();
  await dialog.getByLabel('Path').fill(folder);
  await dialog.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(dialog.getByRole('heading', { name: 'Install plugin', exact: true })).toBeVisible();
}

test('install a plugin folder and use its tool without reloading', async ({ app }) => {
  await app.open();
  await expect(app.palette.entry('Double Rows')).toHaveCount(0);
  await app.pluginsMenu('Install from folder…');
  await pickFolderToInstall(app, pluginFixture('e2e-install'));
  // the consent names the package, its version and the folder it comes from
  const consent = app.dialog();
    const summary = consent.getByLabel('Plugin to install');
  await expect(summary).toContainText('E2E install test (e2e-install)');
  await expect(summary).toContainText('1.0.0');
  await expect(summary).toContainText(pluginFixture('e2e-install'));
  await expect(app.palette.entry('Double Rows')).toHaveCount(0);
  await consent.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(consent).toBeHidden();

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

test('an install that fails keeps its dialog open with the error; Cancel installs nothing', async ({ app }) => {
  await app.open();
  await app.pluginsMenu('Install from folder…');
  await pickFolderToInstall(app, pluginFixture('e2e-broken-install'));
  const consent = app.dialog();
  await expect(consent.getByLabel('Plugin to install')).toContainText('2.3.4');
  await consent.getByRole('button', { name: 'Install', exact: true }).click();
  await expect(consent.getByRole('alert')).toContainText('broken on purpose at import');
  await expect(consent).toBeVisible();
  await consent.getByRole('button', { name: 'Cancel' }).click();
  await expect(consent).toBeHidden();
  await expect(app.palette.entry('Broken On Import')).toHaveCount(0);
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
