/**
 * The JSON Schema of `weft-plugin.json` itself (docs/sdk.md): unknown keys are errors,
 * names have the form `[a-z0-9][a-z0-9-]*`, and validation fills in the documented defaults.
 */
import { createRequire } from 'node:module';
import type { PluginManifest } from '../../../shared/manifest.js';
import type { ValidateFunction } from 'ajv/dist/2020.js';
import { manifestAjv } from './configSchemas.js';

const NAME = '^[a-z0-9][a-z0-9-]*$';

const anchor = {
  type: 'object',
  additionalProperties: false,
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1 },
    optional: { type: 'boolean', default: false },
    allowMultiple: { type: 'boolean', default: false },
  },
};

const tool = {
  type: 'object',
  additionalProperties: false,
  required: ['id', 'name', 'entry', 'inputs', 'outputs'],
  properties: {
    id: { type: 'string', pattern: NAME },
    name: { type: 'string', minLength: 1 },
    category: { type: 'string', minLength: 1, default: 'Other' },
    description: { type: 'string', default: '' },
    icon: { type: 'string', minLength: 1 },
    entry: { type: 'string', minLength: 1 },
    inputs: { type: 'array', items: anchor },
    outputs: { type: 'array', items: anchor },
    configSchema: { type: 'object', default: { type: 'object' } },
    defaultConfig: { type: 'object', default: {} },
    cacheable: { type: 'boolean', default: true },
  },
};

export const manifestSchema = {
  type: 'object',
  additionalProperties: false,
  required: ['name', 'version', 'tools'],
  properties: {
    name: { type: 'string', pattern: NAME },
    version: { type: 'string', minLength: 1 },
    displayName: { type: 'string', minLength: 1 },
    sdk: { type: 'string', minLength: 1, default: '*' },
    author: { type: 'string' },
    license: { type: 'string' },
    homepage: { type: 'string' },
    tools: { type: 'array', minItems: 1, items: tool },
  },
};

/** a manifest after validation: every default filled in */
export interface FilledManifest extends PluginManifest {
  displayName: string;
  sdk: string;
  tools: Array<PluginManifest['tools'][number] & {
    category: string;
    description: string;
    configSchema: Record<string, unknown>;
    defaultConfig: Record<string, unknown>;
    cacheable: boolean;
    inputs: Array<{ name: string; optional: boolean; allowMultiple: boolean }>;
    outputs: Array<{ name: string; optional: boolean; allowMultiple: boolean }>;
  }>;
}

let compiled: ValidateFunction | null = null;
/** compiled on first use: the built-in package's manifest was checked when it was built */
function validate(value: unknown): boolean {
  compiled ??= manifestAjv().compile(manifestSchema);
  return compiled(value);
}

/** `tools/0/entry` → `tools[0].entry` */
export function dottedPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((out, part) => (/^\d+$/.test(part) ? `${out}[${part}]` : out ? `${out}.${part}` : part), '');
}

/** validates and fills a parsed manifest in place; returns the first problem as "path: message" or null */
export function manifestProblem(value: unknown): string | null {
  if (validate(value)) return null;
  const error = compiled?.errors?.[0];
  if (!error) return 'invalid manifest';
  const at = dottedPath(error.instancePath);
  let message = error.message ?? 'is invalid';
  if (error.keyword === 'additionalProperties') {
    message = `unknown key ${JSON.stringify((error.params as { additionalProperty: string }).additionalProperty)}`;
  } else if (error.keyword === 'pattern') {
    message = `${JSON.stringify(readPointer(value, error.instancePath))} must match [a-z0-9][a-z0-9-]*`;
  } else if (error.keyword === 'required') {
    message = `missing required key ${JSON.stringify((error.params as { missingProperty: string }).missingProperty)}`;
  }
  return at ? `${at}: ${message}` : message;
}

function readPointer(value: unknown, pointer: string): unknown {
  let current = value;
  for (const part of pointer.split('/').slice(1)) {
    current = (current as Record<string, unknown> | undefined)?.[part];
  }
  return current;
}

/** null when this Weft's SDK version satisfies the manifest's `sdk` range (npm semver rules) */
export function sdkRangeProblem(range: string, sdkVersion: string): string | null {
  // loaded on first need, like Ajv (configSchemas.ts): the built-in package does not need it at start
  const semver = createRequire(import.meta.url)('semver') as typeof import('semver');
  if (semver.validRange(range) === null) return `sdk: cannot read the range ${JSON.stringify(range)}`;
  return semver.satisfies(sdkVersion, range) ? null : `sdk: requires SDK ${range}, this Weft offers ${sdkVersion}`;
}
