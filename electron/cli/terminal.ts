/** Where the command writes: stdout for results (only JSON with --json), stderr for errors and progress. */
export interface Terminal {
  out(text: string): void;
  err(text: string): void;
  /** true when stderr is a terminal: live progress lines are drawn there */
  readonly live: boolean;
  readonly colour: boolean;
}

export function processTerminal(): Terminal {
  const live = process.stderr.isTTY === true && process.env.TERM !== 'dumb';
  return {
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
    live,
    colour: live && process.env.NO_COLOR === undefined,
  };
}
