/** Validation of the names plugins pass to the stores: nothing a plugin sends may leave its folder. */
import { PACKAGE_NAME_PATTERN } from '../../../shared/manifest.js';

export const MAX_KEY_LENGTH = 200;

/** state and blob keys: strings of 1–200 characters, no NUL; returns an error message or null */
export function keyProblem(key: unknown): string | null {
  if (typeof key !== 'string') return 'a key must be a string';
  if (key.length < 1 || key.length > MAX_KEY_LENGTH) return `a key must have 1–${MAX_KEY_LENGTH} characters (got ${key.length})`;
  if (key.includes('\0')) return 'a key must not contain NUL';
  return null;
}

export function assertKey(key: unknown, store: string): asserts key is string {
  const problem = keyProblem(key);
  if (problem) throw new Error(`${store}: ${problem}`);
}

export function assertPackageName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !PACKAGE_NAME_PATTERN.test(name)) {
    throw new Error(`invalid package name ${JSON.stringify(name)}: expected [a-z0-9][a-z0-9-]*`);
  }
}
