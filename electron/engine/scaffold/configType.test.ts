import { describe, expect, it } from 'vitest';
import { configTypeSource } from './configType.js';

describe('configTypeSource', () => {
  it('types each property; required keys and keys with a default are not optional', () => {
    const schema = {
      type: 'object',
      properties: {
        field: { type: 'string', title: 'Field to total' },
        limit: { type: 'integer' },
        mode: { enum: ['sum', 'mean'] },
        keys: { type: 'array', items: { type: 'object', properties: { name: { type: 'string' }, 'sort-order': { type: 'string' } }, required: ['name'] } },
        flag: { type: ['boolean', 'null'] },
      },
      required: ['field'],
    };
    expect(configTypeSource(schema, { mode: 'sum' })).toBe(`export interface Config {
  /** Field to total */
  field: string;
  limit?: number;
  mode: "sum" | "mean";
  keys?: Array<{
    name: string;
    "sort-order"?: string;
  }>;
  flag?: boolean | null;
}
`);
  });

  it('an open object schema is an index signature', () => {
    expect(configTypeSource({ type: 'object' })).toBe('export interface Config {\n  [key: string]: unknown;\n}\n');
  });
});
