import fs from 'node:fs';
import path from 'node:path';
import { expect, readWorkflow, test } from './fixtures/weftTest.js';

const alteryxFixtures = path.resolve('electron/engine/alteryxImport/fixtures');

test('Open converts an Alteryx workflow, shows the report in Messages, and Save writes the .weft.json', async ({ app, workDir }) => {
  const yxmd = path.join(workDir, 'unsupported-tools.yxmd');
  fs.copyFileSync(path.join(alteryxFixtures, 'unsupported-tools.yxmd'), yxmd);
  await app.open();
  await app.button('Open').click();
  await app.choosePath(yxmd, 'Open');

  await expect(app.canvas.tools()).toHaveCount(4);
  await expect(app.title()).toContainText('unsupported-tools.weft.json');
  await expect(app.title()).toContainText('•');
  // the import's messages, beside the update-only run's "missing plugin" errors of the same tools
  const imported = app.messages.locator('button.message', { hasText: '(import)' });
  await expect(imported).toHaveCount(2);
  await expect(imported.and(app.messages.locator('[data-tool-id="2"][data-level="error"]'))).toContainText('AlteryxBasePluginsGui.FuzzyMatch.FuzzyMatch has no Weft converter');
  await expect(imported.and(app.messages.locator('[data-tool-id="3"]'))).toContainText('the macro Scoring.yxmc is not supported');

  const target = path.join(workDir, 'unsupported-tools.weft.json');
  expect(fs.existsSync(target)).toBe(false);
  await app.page.keyboard.press('Control+s');
  await expect.poll(() => fs.existsSync(target)).toBe(true);
  const saved = readWorkflow(target);
  expect(saved.tools.map((tool) => [tool.id, tool.plugin])).toEqual([
    ['1', 'weft/text-input'], ['2', 'alteryx/fuzzy-match'], ['3', 'alteryx/macro-scoring'], ['4', 'weft/browse'],
  ]);
});
