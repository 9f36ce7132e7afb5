/**
 * The @rjsf uiSchema for a tool's configSchema: `"x-weft-widget": "field" | "formula" | "file"`
 * picks Weft's own widgets; `"x-weft-anchor"` narrows a field picker to one input anchor.
 */
import type { UiSchema } from '@rjsf/utils';

export const WEFT_WIDGETS = ['field', 'formula', 'file'] as const;
type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function uiFor(schema: JsonObject): UiSchema {
  const ui: UiSchema = {};
  const widget = schema['x-weft-widget'];
  if (typeof widget === 'string' && (WEFT_WIDGETS as readonly string[]).includes(widget)) {
    ui['ui:widget'] = widget;
    if (typeof schema['x-weft-anchor'] === 'string') ui['ui:options'] = { anchor: schema['x-weft-anchor'] };
  }
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property)) continue;
      const child = uiFor(property);
      if (Object.keys(child).length > 0) ui[name] = child;
    }
  }
  if (isObject(schema.items)) {
    const child = uiFor(schema.items);
    if (Object.keys(child).length > 0) ui.items = child;
  }
  return ui;
}

export function uiSchemaFor(configSchema: Record<string, unknown>): UiSchema {
  return {
    ...uiFor(configSchema),
    'ui:submitButtonOptions': { norender: true },
  };
}
