// eslint-disable-next-line no-restricted-imports -- the test (in Node) reads the built-in tools' manifests
import fs from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- as above
import path from 'node:path';
import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { formBaseline, isConfigEdit } from './configEdit.js';
import { cspSafeValidator } from './formValidator.js';

const summarize = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, '../../plugins/summarize/tool.json'), 'utf8')) as { configSchema: RJSFSchema }).configSchema;
const stored = {
  groupBy: ['category', 'region'],
  aggregations: [{ action: 'count', outputName: 'Count' }, { action: 'sum', field: 'total', outputName: 'Sum_total' }],
};

describe('isConfigEdit', () => {
  it('does not count the schema defaults the form fills in as an edit', () => {
    const filled = formBaseline(cspSafeValidator, summarize, stored);
    expect(filled).not.toEqual(stored); // the form adds separator defaults
    expect(isConfigEdit(cspSafeValidator, summarize, stored, filled)).toBe(false);
    expect(isConfigEdit(cspSafeValidator, summarize, stored, structuredClone(stored))).toBe(false);
  });

  it('counts a changed value, with or without the filled defaults', () => {
    const filled = formBaseline(cspSafeValidator, summarize, stored);
    expect(isConfigEdit(cspSafeValidator, summarize, stored, { ...filled, groupBy: ['category'] })).toBe(true);
    expect(isConfigEdit(cspSafeValidator, summarize, stored, { ...stored, aggregations: [] })).toBe(true);
  });
});
