/** The command's exit codes (docs/cli.md) and the report of an invalid command line or file. */
import { invalidJson } from './summaryJson.js';
import type { Terminal } from './terminal.js';

export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_INVALID = 2;

/** exit 2: prints the messages on stderr, and with --json also `{ status: "invalid", errors }` on stdout */
export function reportInvalid(terminal: Terminal, json: boolean, messages: string[]): number {
  for (const message of messages) terminal.err(`weft: ${message}\n`);
  if (json) terminal.out(`${JSON.stringify(invalidJson(messages), null, 2)}\n`);
  return EXIT_INVALID;
}
