/**
 * Every WeftApi method receives data from a renderer or a WebSocket client, so it checks its
 * arguments first and throws an Error with a clear message on junk instead of failing deep inside.
 */
export class ArgumentError extends Error {
  constructor(method: string, message: string) {
    super(`${method}: ${message}`);
    this.name = 'ArgumentError';
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value.length > 60 ? `${value.slice(0, 60)}…` : value);
  return typeof value;
}

export function requireString(method: string, name: string, value: unknown): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw new ArgumentError(method, `${name} must be a non-empty string, got ${describe(value)}`);
  }
  if (value.includes('\u0000')) throw new ArgumentError(method, `${name} must not contain a NUL character`);
  return value;
}

export function optionalString(method: string, name: string, value: unknown): string | null {
  return value === null || value === undefined ? null : requireString(method, name, value);
}

export function requireBoolean(method: string, name: string, value: unknown): boolean {
  if (typeof value !== 'boolean') throw new ArgumentError(method, `${name} must be true or false, got ${describe(value)}`);
  return value;
}

export function requireCount(method: string, name: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
    throw new ArgumentError(method, `${name} must be a whole number from 0 to ${max}, got ${describe(value)}`);
  }
  return value;
}

export function requireNumber(method: string, name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new ArgumentError(method, `${name} must be a number of at least 0, got ${describe(value)}`);
  }
  return value;
}

export function requireObject(method: string, name: string, value: unknown): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ArgumentError(method, `${name} must be an object, got ${describe(value)}`);
  }
  return value as Record<string, unknown>;
}

export function requireFunction<T extends (...args: never[]) => unknown>(method: string, name: string, value: unknown): T {
  if (typeof value !== 'function') throw new ArgumentError(method, `${name} must be a function, got ${describe(value)}`);
  return value as T;
}
