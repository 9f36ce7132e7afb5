import type { RJSFSchema } from '@rjsf/utils';
import { describe, expect, it } from 'vitest';
import { configProblems } from './formValidator.js';

const sort: Record<string, unknown> = {
  type: 'object',
  properties: {
    keys: {
      type: 'array', title: 'Sort keys',
      items: { type: 'object', required: ['field'], properties: { field: { type: 'string', title: 'Field', 'x-weft-widget': 'field' } } },
    },
  },
};
const join: Record<string, unknown> = {
  type: 'object',
  properties: { keys: { type: 'array', title: 'Join keys', minItems: 1, items: { type: 'object', properties: { left: { type: 'string' } } } } },
};
const input: Record<string, unknown> = {
  type: 'object', required: ['expression'],
  properties: {
    path: { type: 'string', title: 'File', 'x-weft-widget': 'file' },
    out: { type: 'string', title: 'Target', 'x-weft-widget': 'file', 'x-weft-file-mode': 'save' },
    expression: { type: 'string', title: 'Condition', 'x-weft-widget': 'formula' },
    name: { type: 'string', title: 'Output field', minLength: 1 },
  },
};

const problems = (schema: Record<string, unknown>, config: unknown) => configProblems(schema as RJSFSchema, config).map((p) => [p.property, p.message]);

describe('config problems in plain language', () => {
  it('names a missing setting by its title and list row, on the setting itself', () => {
    expect(problems(sort, { keys: [{ field: 'a' }, {}] })).toEqual([['.keys.1.field', 'Sort keys, row 2: choose the field']]);
    expect(problems(join, { keys: [] })).toEqual([['.keys', 'Add at least one row to join keys']]);
  });

  it('asks for an empty file or formula, which the schema lets through', () => {
    expect(problems(input, { path: '', out: ' ', expression: '', name: 'x' })).toEqual([
      ['.path', 'Choose a file to read'], ['.out', 'Choose a file to write'], ['.expression', 'Write the condition'],
    ]);
    expect(problems(input, { name: '' })).toEqual([['.expression', 'Write the condition'], ['.name', 'Fill in the output field']]);
    expect(problems(input, { path: 'a.csv', expression: '[x] > 1', name: 'n' })).toEqual([]);
  });
});

describe('settings that apply only to one choice ("x-weft-when")', () => {
  const source: Record<string, unknown> = {
    type: 'object',
    properties: {
      source: { type: 'string', enum: ['file', 'database'] },
      path: { type: 'string', title: 'File', 'x-weft-widget': 'file', 'x-weft-when': { source: 'file' } },
      connection: { type: 'string', title: 'Connection', 'x-weft-widget': 'connection', 'x-weft-when': { source: 'database' } },
    },
  };
  it('asks for the file of a file source and for the connection of a database source, never both', () => {
    const texts = (config: Record<string, unknown>) => configProblems(source as RJSFSchema, config).map((p) => p.message);
    expect(texts({ source: 'file', path: '', connection: '' })).toEqual(['Choose a file to read']);
    expect(texts({ source: 'database', path: '', connection: '' })).toEqual(['Choose the connection']);
    expect(texts({ source: 'database', path: '', connection: 'warehouse' })).toEqual([]);
  });
});
