import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, salesWorkflow, test } from './fixtures/weftTest.js';

/** axe-core's serious and critical findings, one line each: rule, what it says, where */
async function seriousViolations(page: Page, rules?: string[]): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const results = await (rules ? builder.withRules(rules) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join(', ')})`);
}

test('the start page, a run workflow with a tool selected, and the dark theme have no serious accessibility violations', async ({ app, sampleWorkflow, workDir }) => {
  test.slow(); // a whole-page scan takes seconds on a loaded machine
  await app.open();
  await expect(app.page.getByRole('region', { name: 'Start' })).toBeVisible();
  expect(await seriousViolations(app.page), 'start page').toEqual([]);

  await app.open(salesWorkflow(sampleWorkflow, workDir));
  await app.runButton().click();
  await expect(app.canvas.recordCounts()).toHaveCount(5);
  await app.canvas.select(app.canvas.tool('filter'));
  await expect(app.results.grid()).toBeVisible();
  expect(await seriousViolations(app.page), 'workflow after a run, light').toEqual([]);

  // the dark theme changes colours only
  await app.page.getByRole('button', { name: 'Dark theme' }).click();
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await seriousViolations(app.page, ['color-contrast']), 'workflow after a run, dark').toEqual([]);
});
