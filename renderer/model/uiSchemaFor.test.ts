import { describe, expect, it } from 'vitest';
import { uiSchemaFor } from './uiSchemaFor.js';

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
});
