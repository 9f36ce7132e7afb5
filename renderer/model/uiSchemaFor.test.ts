// eslint-disable-next-line no-restricted-imports -- the test (in Node) reads the built-in tools' manifests
import fs from 'node:fs';
// eslint-disable-next-line no-restricted-imports -- as above
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { hideInapplicable, uiSchemaFor } from './uiSchemaFor.js';

const pluginsDir = path.resolve(import.meta.dirname, '..', '..', 'plugins');
function builtInSchema(tool: string): Record<string, unknown> {
  const manifest = JSON.parse(fs.readFileSync(path.join(pluginsDir, tool, 'tool.json'), 'utf8')) as { configSchema: Record<string, unknown> };
  return manifest.configSchema;
}

describe('uiSchemaFor', () => {
  it('maps x-weft-widget in properties and array items to widgets, and hides the submit button', () => {
    const ui = uiSchemaFor({
      type: 'object',
      properties: {
        expression: { type: 'string', 'x-weft-widget': 'formula' },
        path: { type: 'string', 'x-weft-widget': 'file' },
        keys: { type: 'array', items: { type: 'object', properties: { field: { type: 'string', 'x-weft-widget': 'field', 'x-weft-anchor': 'Left' } } } },
        plain: { type: 'string' },
        odd: { type: 'string', 'x-weft-widget': 'colour' },
      },
    });
    expect(ui).toEqual({
      expression: { 'ui:widget': 'formula' },
      path: { 'ui:widget': 'file' },
      keys: { items: { field: { 'ui:widget': 'field', 'ui:options': { anchor: 'Left' } } } },
      'ui:submitButtonOptions': { norender: true },
    });
  });

  it('makes an array of field names one multi-field picker, whether the array, its items or both are annotated', () => {
    const ui = uiSchemaFor({
      type: 'object',
      properties: {
        both: { type: 'array', 'x-weft-widget': 'field', items: { type: 'string', 'x-weft-widget': 'field' } },
        onArray: { type: 'array', 'x-weft-widget': 'field', 'x-weft-anchor': 'Right', items: { type: 'string' } },
        onItems: { type: 'array', items: { type: 'string', 'x-weft-widget': 'field', 'x-weft-anchor': 'Left' } },
        numbers: { type: 'array', 'x-weft-widget': 'field', items: { type: 'number' } },
      },
    });
    expect(ui.both).toEqual({ 'ui:widget': 'fields' });
    expect(ui.onArray).toEqual({ 'ui:widget': 'fields', 'ui:options': { anchor: 'Right' } });
    expect(ui.onItems).toEqual({ 'ui:widget': 'fields', 'ui:options': { anchor: 'Left' } });
    expect(ui.numbers).toBeUndefined();
  });

  it('passes an anchor on an array of objects down to the pickers of its items', () => {
    const ui = uiSchemaFor({
      type: 'object',
      properties: {
        pairs: { type: 'array', 'x-weft-anchor': 'Right', items: { type: 'object', properties: { field: { type: 'string', 'x-weft-widget': 'field' } } } },
      },
    });
    expect(ui.pairs).toEqual({ items: { field: { 'ui:widget': 'field', 'ui:options': { anchor: 'Right' } } } });
  });

  it('gives every built-in tool a picker where its schema names upstream fields', () => {
    expect(uiSchemaFor(builtInSchema('summarize'))).toMatchObject({
      groupBy: { 'ui:widget': 'fields' }, aggregations: { items: { field: { 'ui:widget': 'field' } } },
    });
    expect(uiSchemaFor(builtInSchema('join'))).toMatchObject({
      keys: { items: { left: { 'ui:widget': 'field', 'ui:options': { anchor: 'Left' } }, right: { 'ui:widget': 'field', 'ui:options': { anchor: 'Right' } } } },
    });
    expect(uiSchemaFor(builtInSchema('sort'))).toMatchObject({ keys: { items: { field: { 'ui:widget': 'field' } } } });
    expect(uiSchemaFor(builtInSchema('select'))).toMatchObject({ fields: { items: { field: { 'ui:widget': 'field' } } } });
    expect(uiSchemaFor(builtInSchema('formula'))).toMatchObject({ formulas: { items: { field: { 'ui:widget': 'field' }, expression: { 'ui:widget': 'formula' } } } });
    expect(uiSchemaFor(builtInSchema('unique'))).toMatchObject({ fields: { 'ui:widget': 'fields' } });
    expect(uiSchemaFor(builtInSchema('sample'))).toMatchObject({ groupBy: { 'ui:widget': 'fields' } });
    expect(uiSchemaFor(builtInSchema('filter'))).toMatchObject({ expression: { 'ui:widget': 'formula' } });
    expect(uiSchemaFor(builtInSchema('input-data'))).toMatchObject({ path: { 'ui:widget': 'file' } });
    expect(uiSchemaFor(builtInSchema('output-data'))).toMatchObject({ path: { 'ui:widget': 'file' } });
  });

  it('"x-weft-file-mode": "save" makes a file widget ask for a file to write; Output Data writes, Input Data reads', () => {
    expect(uiSchemaFor({ type: 'object', properties: { out: { type: 'string', 'x-weft-widget': 'file', 'x-weft-file-mode': 'save' } } }).out)
      .toEqual({ 'ui:widget': 'file', 'ui:options': { fileMode: 'save' } });
    expect(uiSchemaFor({ type: 'object', properties: { out: { type: 'string', 'x-weft-widget': 'file', 'x-weft-file-mode': 'other' } } }).out)
      .toEqual({ 'ui:widget': 'file' });
    expect(uiSchemaFor(builtInSchema('output-data')).path).toEqual({ 'ui:widget': 'file', 'ui:options': expect.objectContaining({ fileMode: 'save' }) });
    expect(uiSchemaFor(builtInSchema('input-data')).path).toEqual({ 'ui:widget': 'file', 'ui:options': { fileTypes: expect.any(Array) } });
  });

  it('"x-weft-file-types" lists the types a file dialog offers; Input Data offers its formats', () => {
    expect(uiSchemaFor({ type: 'object', properties: { in: { type: 'string', 'x-weft-widget': 'file', 'x-weft-file-types': ['csv'] } } }).in)
      .toEqual({ 'ui:widget': 'file', 'ui:options': { fileTypes: ['csv'] } });
    expect(uiSchemaFor({ type: 'object', properties: { in: { type: 'string', 'x-weft-widget': 'file', 'x-weft-file-types': 'csv' } } }).in)
      .toEqual({ 'ui:widget': 'file' });
    expect(uiSchemaFor(builtInSchema('input-data')).path['ui:options'].fileTypes).toEqual(['csv', 'tsv', 'json', 'ndjson', 'parquet', 'xlsx', 'arrow']);
  });
});

describe('hideInapplicable', () => {
  it("hides Input Data's file settings for a database source and its database settings for a file", () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(pluginsDir, 'input-data', 'tool.json'), 'utf8')) as { configSchema: Record<string, unknown> };
    const ui = uiSchemaFor(manifest.configSchema);
    const hidden = (config: Record<string, unknown>) => Object.entries(hideInapplicable(ui, manifest.configSchema, config))
      .filter(([, v]) => (v as Record<string, unknown>)?.['ui:widget'] === 'hidden').map(([k]) => k);
    expect(hidden({ source: 'database' })).toEqual(['path', 'format', 'delimiter', 'quote', 'hasHeader', 'encoding', 'skipRows', 'sheet', 'fileNameField', 'fileNameValue']);
    expect(hidden({ source: 'file' })).toEqual(['connection', 'table', 'query']);
  });
});
