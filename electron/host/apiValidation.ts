/**
 * Validates the arguments of API commands against shared/apiSchemas.ts before a host hands them
 * to the engine (apiHost.ts, for the browser-mode server and the Electron main process alike); a
 * failure is a PlacedError naming the command and the argument path
 * (`saveWorkflow args[1].tools[0].plugin`). Here rather than in shared/: ajv compiles validators
 * to code with `new Function`, which the renderer's CSP forbids, and the renderer imports shared/.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { COMMAND_ARGS_SCHEMAS, REQUEST_MESSAGE_SCHEMA, SHELL_ARGS_SCHEMAS } from '../../shared/apiSchemas.js';
import type { PlacedError } from '../../shared/placedError.js';

export interface ArgsValidator<Command extends string> {
  /** null when `args` fit the command's schema, else where and why they do not */
  check(command: Command, args: unknown): PlacedError | null;
  has(command: string): command is Command;
}

/** `/1/tools/0/plugin` → `args[1].tools[0].plugin` */
function argumentPath(instancePath: string): string {
  let out = 'args';
  for (const part of instancePath.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    out += /^\d+$/.test(key) ? `[${key}]` : `.${key}`;
  }
  return out;
}

function describe(error: ErrorObject | undefined): { path: string; message: string } {
  if (!error) return { path: 'args', message: 'invalid' };
  const extra = error.keyword === 'additionalProperties'
    ? ` (${String((error.params as { additionalProperty?: string }).additionalProperty)})`
    : error.keyword === 'enum'
      ? ` (${((error.params as { allowedValues?: unknown[] }).allowedValues ?? []).join(', ')})`
      : '';
  return { path: argumentPath(error.instancePath), message: `${error.message ?? 'invalid'}${extra}` };
}

function compileAll<Command extends string>(schemas: Record<Command, Record<string, unknown>>): ArgsValidator<Command> {
  const ajv = new Ajv({ allErrors: false, strict: true });
  const validators = new Map<string, ValidateFunction>();
  for (const [command, schema] of Object.entries(schemas) as [Command, Record<string, unknown>][]) {
    validators.set(command, ajv.compile(schema));
  }
  return {
    has: (command: string): command is Command => validators.has(command),
    check(command, args) {
      const validate = validators.get(command);
      if (!validate) return { message: `unknown command "${command}"`, phase: 'validate' };
      if (validate(args)) return null;
      const { path, message } = describe(validate.errors?.[0]);
      return { message: `invalid arguments for ${command}: ${path} ${message}`, path: `${command} ${path}`, phase: 'validate' };
    },
  };
}

export function createCommandValidator() {
  return compileAll(COMMAND_ARGS_SCHEMAS);
}

export function createShellValidator() {
  return compileAll(SHELL_ARGS_SCHEMAS);
}

/** checks the envelope of a browser-mode request (`{ id, method, args }`) */
export function createRequestMessageValidator(): (message: unknown) => PlacedError | null {
  const validate = new Ajv({ strict: true }).compile(REQUEST_MESSAGE_SCHEMA);
  return (message) => {
    if (validate(message)) return null;
    const error = validate.errors?.[0];
    const where = error?.instancePath ? error.instancePath.slice(1) : 'message';
    const detail = describe(error).message;
    return { message: `invalid request: ${where} ${detail}`, phase: 'validate' };
  };
}
