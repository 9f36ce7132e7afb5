import { expect, test } from './fixtures/weftTest.js';
import type { WeftApp } from './fixtures/WeftApp.js';

/** Number Rows (fields n, parity) into a Filter, the Filter selected */
async function filterAfterNumbers(app: WeftApp) {
  await app.open();
  await app.palette.dragToCanvas('Number Rows', { x: 150, y: 200 });
  await app.palette.dragToCanvas('Filter', { x: 450, y: 200 });
  const filter = app.canvas.toolsOf('weft/filter');
  await app.canvas.connect(app.canvas.toolsOf('e2e-tools/number-rows'), 'Output', filter, 'Input');
  await app.canvas.select(filter);
  return filter;
}

test('the Condition editor completes fields and functions in an ARIA listbox and colours the formula', async ({ app, page }) => {
  await filterAfterNumbers(app);
  const editor = app.config.region.getByRole('textbox', { name: 'Condition' });
  await expect(editor).toBeVisible();
  await app.config.typeFormula(editor, '');
  await page.keyboard.type('[pa');
  const listbox = page.getByRole('listbox');
  const parity = listbox.getByRole('option', { name: /\[parity\]/ });
  await expect(parity).toBeVisible();
  // a click accepts the option even if an update-only run re-opens the list between look and key press
  await parity.click();
  await expect(editor).toHaveText('[parity]');
  await page.keyboard.type(' = "odd" AND Lef');
  const left = listbox.getByRole('option', { name: /^Left/ });
  await expect(left).toBeVisible();
  await expect(left).toContainText('(String, Length)');
  await page.keyboard.press('Enter');
  await page.keyboard.type('"abc", 2) = "ab"');
  await expect(editor).toHaveText('[parity] = "odd" AND Left("abc", 2) = "ab"');
  await expect(editor.locator('.fx-field')).toHaveText('[parity]');
  await expect(editor.locator('.fx-keyword')).toHaveText('AND');
  await expect(editor.locator('.fx-function')).toHaveText('Left');
  await expect(editor.locator('.fx-string').nth(1)).toHaveText('"abc"');
  await app.canvas.expectStatus(app.canvas.toolsOf('weft/filter'), 'ok');
});

test('an error is underlined at its place with the message, and a signature hint follows the cursor', async ({ app, page }) => {
  test.slow(); // types two formulas key by key
  const filter = await filterAfterNumbers(app);
  const editor = app.config.region.getByRole('textbox', { name: 'Condition' });
  await app.config.typeFormula(editor, '[n] > 1 AND [nope] = 2');
  await app.canvas.expectStatus(filter, 'error');
  await expect(app.config.formulaError()).toContainText('line 1, column 13');
  await expect(editor.locator('.cm-lintRange-error')).toHaveText('[nope]');
  await expect(editor).toHaveAttribute('aria-invalid', 'true');

  await app.config.typeFormula(editor, 'Left([n], 2)');
  await page.keyboard.press('ArrowLeft');
  const hint = app.config.region.getByTestId('config.formula.hint');
  await expect(hint).toContainText('Left(String, Length)');
  await expect(hint.locator('strong')).toHaveText('Length');
});

test('fields and functions are inserted by click, and the function reference opens in the app', async ({ app, page }) => {
  const filter = await filterAfterNumbers(app);
  const editor = app.config.region.getByRole('textbox', { name: 'Condition' });
  await app.config.typeFormula(editor, '');
  await app.config.region.getByRole('button', { name: 'Insert field n', exact: true }).click();
  await page.keyboard.type(' > ');
  await app.config.region.getByRole('button', { name: 'Insert function Length', exact: true }).click();
  await page.keyboard.type('"ab"');
  await expect(editor).toHaveText('[n] > Length("ab")');
  await app.canvas.expectStatus(filter, 'ok');

  await app.config.region.getByRole('searchbox', { name: 'Find a field or function' }).fill('upp');
  await expect(app.config.region.getByRole('button', { name: /^Insert function/ })).toHaveText(['Upper']);

  await app.config.region.getByRole('button', { name: 'Function reference' }).click();
  const help = page.getByRole('dialog', { name: 'Formula functions' });
  await expect(help).toBeVisible();
  await expect(help.getByText('Left(String, Length)')).toBeVisible();
  await help.getByRole('searchbox', { name: 'Find a function' }).fill('regex_match');
  await expect(help.getByRole('region')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
});

test('each formula of the Formula tool is its own editor named "Formula", with its own error', async ({ app }) => {
  await app.open();
  await app.palette.dragToCanvas('Number Rows', { x: 150, y: 200 });
  await app.palette.dragToCanvas('Formula', { x: 450, y: 200 });
  const formula = app.canvas.toolsOf('weft/formula');
  await app.canvas.connect(app.canvas.toolsOf('e2e-tools/number-rows'), 'Output', formula, 'Input');
  await app.canvas.select(formula);
  const editors = app.config.region.getByRole('textbox', { name: 'Formula' });
  await expect(editors).toHaveCount(1);
  await app.config.region.getByLabel('Output field', { exact: true }).first().selectOption('n');
  await app.config.typeFormula(editors.first(), '[n] * 2');
  await app.canvas.expectStatus(formula, 'ok');
  await app.config.typeFormula(editors.first(), '[n] * ');
  await app.canvas.expectStatus(formula, 'error');
  await expect(editors.first().locator('.cm-lintRange-error')).toBeVisible();
});
