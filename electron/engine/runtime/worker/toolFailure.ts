/**
 * The failure state of the tool a worker hosts. The first failure wins: it is reported once, and
 * the lifecycle driver makes no further calls on the plugin.
 */
import { capText } from '../messageLimits.js';

export interface Failure {
  phase: string;
  message: string;
  stack?: string;
}

export class ToolFailure extends Error {
  constructor(readonly failure: Failure) {
    super(failure.message);
  }
}

export class FailureState {
  current: Failure | null = null;

  constructor(private readonly report: (failure: Failure) => void) {}

  get failed(): boolean {
    return this.current !== null;
  }

  fail(failure: Failure): void {
    if (this.current) return;
    // a plugin's error text can be any size: cut it here, before it is cloned to the host
    this.current = { ...failure, message: capText(failure.message), ...(failure.stack !== undefined && { stack: capText(failure.stack) }) };
    this.report(this.current);
  }

  /** records a contract violation (e.g. write before open) and throws it into the plugin's call */
  violation(phase: string, message: string): never {
    const failure = { phase, message };
    this.fail(failure);
    throw new ToolFailure(failure);
  }

  fromError(phase: string, error: unknown): void {
    if (error instanceof ToolFailure) return this.fail(error.failure);
    if (error instanceof Error) return this.fail({ phase, message: `${phase}: ${error.message}`, stack: error.stack });
    this.fail({ phase, message: `${phase}: ${describeThrown(error)}` });
  }
}

/** a thrown value that is not an Error: JSON for plain data (not "[object Object]"), else String() */
export function describeThrown(value: unknown): string {
  if (typeof value === 'object' && value !== null) {
    try {
      const json = JSON.stringify(value);
      if (json !== undefined && json !== '{}') return json;
    } catch {
      // circular or a BigInt inside: fall back to String()
    }
  }
  try {
    return String(value);
  } catch {
    return Object.prototype.toString.call(value);
  }
}
