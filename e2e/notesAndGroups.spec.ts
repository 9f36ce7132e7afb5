import { WeftApp } from './fixtures/WeftApp.js';
import { expect, readWorkflow, test } from './fixtures/weftTest.js';

test('a container around tools: name, disable (its tools do not run), collapse, undo, saved as version 2', async ({ app, sampleWorkflow, page, context }) => {
  test.slow();
  const file = sampleWorkflow('field-picker');
  await app.open(file);
  const [numbers, recordId, sort] = ['t1', 't2', 't3'].map((id) => app.canvas.tool(id));
  await app.canvas.select(recordId!);
  await sort!.locator('.tool-node-header').click({ modifiers: ['ControlOrMeta'] });
  await app.button('Container').click();
  const group = app.canvas.region.getByTestId('canvas.group.g1');
  await expect(group).toBeVisible();

  await app.config.region.getByLabel('Name', { exact: true }).fill('Clean input');
  await expect(group).toContainText('Clean input');
  await app.config.region.getByLabel(/^Disabled/).check();
  await app.canvas.expectStatus(recordId!, 'disabled');
  await app.canvas.expectStatus(sort!, 'disabled');
  await expect(group).toHaveAttribute('data-disabled', 'true');

  await app.runButton().click();
  await app.canvas.expectStatus(numbers!, 'ok', 30_000);
  await expect(app.canvas.recordCounts()).toHaveCount(0);
  await app.canvas.expectStatus(recordId!, 'disabled');

  await group.getByRole('button', { name: 'Collapse Clean input' }).click();
  await expect(recordId!).toBeHidden();
  await expect(group).toHaveAttribute('data-collapsed', 'true');
  await group.getByRole('button', { name: 'Expand Clean input' }).click();
  await expect(recordId!).toBeVisible();

  await page.keyboard.press('Control+s');
  await expect(app.title()).not.toContainText('•');
  const saved = readWorkflow(file);
  expect(saved.version).toBe(2);
  expect(saved.groups).toEqual([expect.objectContaining({ id: 'g1', name: 'Clean input', disabled: true, collapsed: false })]);
  expect(saved.tools.map((tool) => tool.group)).toEqual([undefined, 'g1', 'g1']);

  // reopened, the container is still there and still disabled
  await page.close();
  const again = new WeftApp(await context.newPage(), process.env.WEFT_E2E_URL!);
  await again.open(file);
  await expect(again.canvas.region.getByTestId('canvas.group.g1')).toContainText('Clean input');
  await again.canvas.expectStatus(again.canvas.tool('t2'), 'disabled');

  // a copied container takes its tools along: the paste is a second, disabled "Clean input" with two tools
  await again.canvas.region.getByTestId('canvas.group.g1').locator('.canvas-group-title').click();
  await again.page.keyboard.press('Control+c');
  await again.page.keyboard.press('Control+v');
  const copy = again.canvas.region.getByTestId('canvas.group.g2');
  await expect(copy).toContainText('Clean input');
  await expect(copy).toHaveAttribute('data-disabled', 'true');
  await expect(again.canvas.tools()).toHaveCount(5);
  await again.canvas.expectStatus(again.canvas.tool('t5'), 'disabled');
});

test('notes: markdown on the canvas, colour, undo and delete', async ({ app, page }) => {
  await app.open();
  await app.button('Note').click();
  const note = app.canvas.region.getByTestId('canvas.note.n1');
  await expect(note).toBeVisible();
  await app.config.region.getByLabel('Text (Markdown)').fill('**Read me** first\n\n- one\n- two');
  await expect(note.locator('strong')).toHaveText('Read me');
  await expect(note.getByRole('listitem')).toHaveCount(2);
  await app.config.region.getByLabel('Colour').selectOption('green');
  await expect(note).toHaveClass(/layer-green/);

  await note.click();
  await page.keyboard.press('Delete');
  await expect(note).toHaveCount(0);
  await app.button('Undo').click();
  await expect(app.canvas.region.getByTestId('canvas.note.n1')).toBeVisible();
});
