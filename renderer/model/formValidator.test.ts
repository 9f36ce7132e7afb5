import { Ajv } from 'ajv';
import type { RJSFSchema } from '@rjsf/utils';
import { afterEach, describe, expect, it } from 'vitest';
import { cspSafeValidator, validateConfig } from './formValidator.js';

const schema: RJSFSchema = {
  type: 'object',
  properties: {
    field: { type: 'string', title: 'Field', minLength: 1 },
    count: { type: 'integer', minimum: 1 },
    mode: { enum: ['first', 'last'] },
  },
  required: ['field'],
};

const realFunction = globalThis.Function;
afterEach(() => { globalThis.Function = realFunction; });

/** What a Content-Security-Policy without 'unsafe-eval' does to code generation. */
function forbidCodeGeneration(): void {
  globalThis.Function = new Proxy(realFunction, {
    construct() { throw new EvalError('Refused to evaluate a string as JavaScript (CSP)'); },
    apply() { throw new EvalError('Refused to evaluate a string as JavaScript (CSP)'); },
  });
}

describe('CSP-safe config validation', () => {
  it('reports leaf errors with the property they belong to', () => {
    expect(validateConfig(schema, { field: 'a', count: 2, mode: 'first' })).toEqual([]);
    const errors = validateConfig(schema, { count: 0, mode: 'middle' });
    expect(errors.map((error) => [error.name, error.property])).toEqual(expect.arrayContaining([
      ['required', '.field'], ['minimum', '.count'], ['enum', '.mode'],
    ]));
    const { errorSchema } = cspSafeValidator.validateFormData({ field: 'x', count: 0 }, schema);
    expect(errorSchema.count?.__errors?.[0]).toMatch(/1/);
  });

  it('works where code generation is forbidden (where Ajv cannot compile)', () => {
    forbidCodeGeneration();
    expect(() => new Ajv({ logger: false }).compile({ type: 'object', properties: { a: { type: 'number' } } })).toThrow(/CSP/);
    const fresh: RJSFSchema = { type: 'object', properties: { n: { type: 'number', maximum: 3 } } };
    expect(validateConfig(fresh, { n: 5 }).map((error) => error.property)).toEqual(['.n']);
    expect(cspSafeValidator.isValid(fresh, { n: 2 }, fresh)).toBe(true);
  });
});
