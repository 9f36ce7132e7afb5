/**
 * The @rjsf uiSchema for a tool's configSchema: `"x-weft-widget": "field" | "formula" | "file" | "connection"`
 * picks Weft's own widgets; `"x-weft-anchor": "<input anchor>"` narrows a field picker to the
 * fields of that input anchor; `"x-weft-file-mode": "save"` beside `"file"` makes Browse… ask
 * for a file to write (which may not exist yet) instead of an existing one; `"x-weft-file-types":
 * ["csv", ...]` beside `"file"` lists the file types its dialog offers (with an "All files" choice). An array of strings annotated as fields (on the array, on its
 * `items`, or both) is one multi-field picker (`fields`); annotations nested in arrays of
 * objects (`keys[].field`) apply to each item's property.
 */
import type { UiSchema } from '@rjsf/utils';

export const WEFT_WIDGETS = ['field', 'formula', 'file', 'connection'] as const;
/** the widget names registered with the form: Weft's widgets plus the multi-field picker */
export type WeftWidgetName = (typeof WEFT_WIDGETS)[number] | 'fields';
type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function weftWidgetOf(schema: JsonObject): (typeof WEFT_WIDGETS)[number] | undefined {
  const widget = schema['x-weft-widget'];
  return typeof widget === 'string' && (WEFT_WIDGETS as readonly string[]).includes(widget) ? widget as (typeof WEFT_WIDGETS)[number] : undefined;
}

function anchorOf(...schemas: JsonObject[]): string | undefined {
  for (const schema of schemas) {
    const anchor = schema['x-weft-anchor'];
    if (typeof anchor === 'string' && anchor !== '') return anchor;
  }
  return undefined;
}

function isStringSchema(schema: JsonObject): boolean {
  return schema.type === 'string' || (Array.isArray(schema.type) && schema.type.includes('string') && !schema.type.includes('object') && !schema.type.includes('array'));
}

/** `{ type: array, items: { type: string } }` with a field annotation on the array or its items */
function isFieldList(schema: JsonObject): boolean {
  if (!isObject(schema.items) || !isStringSchema(schema.items)) return false;
  return weftWidgetOf(schema) === 'field' || weftWidgetOf(schema.items) === 'field';
}

/** what Browse… of a file widget asks for: an existing file (`open`) or a file to write (`save`) */
export type FileMode = 'open' | 'save';

function fileModeOf(schema: JsonObject): FileMode {
  return schema['x-weft-file-mode'] === 'save' ? 'save' : 'open';
}

function fileTypesOf(schema: JsonObject): string[] | undefined {
  const types = schema['x-weft-file-types'];
  return Array.isArray(types) && types.every((type) => typeof type === 'string') && types.length > 0 ? types as string[] : undefined;
}

function withWidget(widget: WeftWidgetName, anchor: string | undefined, fileMode?: FileMode, fileTypes?: string[]): UiSchema {
  const options: Record<string, string | string[]> = {};
  if (anchor !== undefined) options.anchor = anchor;
  if (fileMode === 'save') options.fileMode = fileMode;
  if (fileTypes) options.fileTypes = fileTypes;
  return Object.keys(options).length === 0 ? { 'ui:widget': widget } : { 'ui:widget': widget, 'ui:options': options };
}

/** `inherited`: an `x-weft-anchor` of an enclosing object or array, for the pickers inside it */
function uiFor(schema: JsonObject, inherited?: string): UiSchema {
  const anchor = anchorOf(schema) ?? inherited;
  if (isFieldList(schema)) return withWidget('fields', anchorOf(schema.items as JsonObject) ?? anchor);
  const ui: UiSchema = {};
  const widget = weftWidgetOf(schema);
  if (widget !== undefined && schema.type !== 'array' && schema.type !== 'object') Object.assign(ui, widget === 'file' ? withWidget(widget, anchor, fileModeOf(schema), fileTypesOf(schema)) : withWidget(widget, anchor));
  if (isObject(schema.properties)) {
    for (const [name, property] of Object.entries(schema.properties)) {
      if (!isObject(property)) continue;
      const child = uiFor(property, anchor);
      if (Object.keys(child).length > 0) ui[name] = child;
    }
  }
  if (isObject(schema.items)) {
    const child = uiFor(schema.items, anchor);
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

/**
 * Hides the top-level properties whose `"x-weft-when": { sibling: value }` does not hold for the
 * current config (Input Data's file settings for a database source, and the other way round).
 */
export function hideInapplicable(ui: UiSchema, configSchema: Record<string, unknown>, config: Record<string, unknown>): UiSchema {
  const properties = configSchema.properties;
  if (!isObject(properties)) return ui;
  let out = ui;
  for (const [name, property] of Object.entries(properties)) {
    const when = isObject(property) ? property['x-weft-when'] : undefined;
    if (!isObject(when) || Object.entries(when).every(([key, value]) => config[key] === value)) continue;
    if (out === ui) out = { ...ui };
    out[name] = { ...(isObject(ui[name]) ? ui[name] : {}), 'ui:widget': 'hidden' };
  }
  return out;
}
