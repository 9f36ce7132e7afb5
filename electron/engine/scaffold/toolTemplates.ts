/** The plugin class and manifest entry each `--tool-type` starts from (a small, working example). */
export const SCAFFOLD_TOOL_TYPES = ['input', 'output', 'single-input-single-output', 'multiple-inputs', 'multiple-outputs'] as const;
export type ScaffoldToolType = (typeof SCAFFOLD_TOOL_TYPES)[number];

export interface ToolTemplate {
  id: string;
  className: string;
  name: string;
  description: string;
  inputs: string[];
  outputs: string[];
  configSchema: Record<string, unknown>;
  defaultConfig: Record<string, unknown>;
  /** the class source; `__CONFIG__` stands for the generated config module (`./<id>.config.js`) */
  source: string;
  /**
   * the generated test's assertions (JavaScript) on `update` and `full`, the results of `runTool`
   * in update-only and in a full run, fed by `ROWS` (name, value: a, 1 / b, 2 / c, 3) on every input
   */
  checks: { update: string; full: string };
}

const IMPORTS = `import type { InputConnection, Metadata, Plugin, Provider, RecordRow } from '@weft/sdk';
import type { Config } from '__CONFIG__';
`;

export const TOOL_TEMPLATES: Record<ScaffoldToolType, ToolTemplate> = {
  input: {
    id: 'generate-rows', className: 'GenerateRows', name: 'Generate Rows',
    description: 'Produces `count` numbered rows.',
    inputs: [], outputs: ['Output'],
    configSchema: { type: 'object', properties: { count: { type: 'integer', minimum: 0 } }, required: ['count'] },
    defaultConfig: { count: 3 },
    checks: {
      update: "assert.deepEqual(update.metadata.Output.fields.map((f) => f.name), ['id', 'label']);",
      full: "assert.deepEqual(full.rows.Output, [{ id: 1, label: 'row 1' }, { id: 2, label: 'row 2' }, { id: 3, label: 'row 3' }]);",
    },
    source: `${IMPORTS}
const METADATA: Metadata = { fields: [{ name: 'id', type: 'int32' }, { name: 'label', type: 'v_string', size: 50 }] };

export default class GenerateRows implements Plugin {
  constructor(private readonly provider: Provider<Config>) {
    // open outputs in the constructor: an update-only run learns the fields from here
    provider.getOutputAnchor('Output').open(METADATA);
  }

  async onComplete(): Promise<void> {
    const count = this.provider.toolConfig.count;
    const rows = Array.from({ length: count }, (_, i) => ({ id: i + 1, label: \`row \${i + 1}\` }));
    await this.provider.getOutputAnchor('Output').write(rows);
  }
}
`,
  },
  output: {
    id: 'write-summary', className: 'WriteSummary', name: 'Write Summary',
    description: 'Counts the rows it receives and stores the count as a run result (summary.json).',
    inputs: ['Input'], outputs: [],
    configSchema: { type: 'object', properties: { fileName: { type: 'string', minLength: 1 } } },
    defaultConfig: { fileName: 'summary.json' },
    checks: {
      update: "assert.deepEqual(update.messages, []);",
      full: "assert.match(full.messages[0].text, /^3 records summarized in /);",
    },
    source: `${IMPORTS}
export default class WriteSummary implements Plugin {
  private records = 0;

  constructor(private readonly provider: Provider<Config>) {}

  onRecordPacket(connection: InputConnection): void {
    this.records += connection.read().length;
  }

  async onComplete(): Promise<void> {
    const fileName = this.provider.toolConfig.fileName;
    const file = await this.provider.results.store(fileName, JSON.stringify({ records: this.records }), 'application/json');
    this.provider.io.info(\`\${this.records} records summarized in \${file}\`);
  }
}
`,
  },
  'single-input-single-output': {
    id: 'add-note', className: 'AddNote', name: 'Add Note',
    description: 'Passes every row through and adds a text field with a fixed value.',
    inputs: ['Input'], outputs: ['Output'],
    configSchema: { type: 'object', properties: { fieldName: { type: 'string', minLength: 1 }, value: { type: 'string' } }, required: ['fieldName'] },
    defaultConfig: { fieldName: 'Note', value: 'hello' },
    checks: {
      update: "assert.deepEqual(update.metadata.Output.fields.map((f) => f.name), ['name', 'value', 'Note']);",
      full: "assert.deepEqual(full.rows.Output.map((row) => `${row.name} ${row.Note}`), ['a hello', 'b hello', 'c hello']);",
    },
    source: `${IMPORTS}
export default class AddNote implements Plugin {
  private metadata: Metadata | null = null;

  constructor(private readonly provider: Provider<Config>) {}

  onInputConnectionOpened(connection: InputConnection): void {
    const fieldName = this.provider.toolConfig.fieldName;
    this.metadata = { fields: [...connection.metadata.fields, { name: fieldName, type: 'v_string', size: 255 }] };
    this.provider.getOutputAnchor('Output').open(this.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    const { fieldName, value } = this.provider.toolConfig;
    const rows = [...connection.read().rows()].map((row) => ({ ...row, [fieldName]: value }));
    await this.provider.getOutputAnchor('Output').write(rows);
  }
}
`,
  },
  'multiple-inputs': {
    id: 'count-inputs', className: 'CountInputs', name: 'Count Inputs',
    description: 'Outputs one row per input anchor with the number of rows it received.',
    inputs: ['Left', 'Right'], outputs: ['Output'],
    configSchema: { type: 'object' },
    defaultConfig: {},
    checks: {
      update: "assert.deepEqual(update.metadata.Output.fields.map((f) => f.name), ['anchor', 'records']);",
      full: "assert.deepEqual(full.rows.Output, [{ anchor: 'Left', records: 3n }, { anchor: 'Right', records: 3n }]);",
    },
    source: `${IMPORTS}
const METADATA: Metadata = { fields: [{ name: 'anchor', type: 'v_string', size: 50 }, { name: 'records', type: 'int64' }] };

export default class CountInputs implements Plugin {
  private readonly counts = new Map<string, number>([['Left', 0], ['Right', 0]]);

  constructor(private readonly provider: Provider<Config>) {
    provider.getOutputAnchor('Output').open(METADATA);
  }

  onRecordPacket(connection: InputConnection): void {
    this.counts.set(connection.anchor, (this.counts.get(connection.anchor) ?? 0) + connection.read().length);
  }

  async onComplete(): Promise<void> {
    const rows = [...this.counts].map(([anchor, records]) => ({ anchor, records: BigInt(records) }));
    await this.provider.getOutputAnchor('Output').write(rows);
  }
}
`,
  },
  'multiple-outputs': {
    id: 'split-alternate', className: 'SplitAlternate', name: 'Split Alternate',
    description: 'Sends the 1st, 3rd, 5th… row to Odd and the 2nd, 4th… row to Even.',
    inputs: ['Input'], outputs: ['Odd', 'Even'],
    configSchema: { type: 'object' },
    defaultConfig: {},
    checks: {
      update: "assert.deepEqual(update.metadata.Even, update.metadata.Odd);",
      full: "assert.deepEqual([full.rows.Odd.map((r) => r.name), full.rows.Even.map((r) => r.name)], [['a', 'c'], ['b']]);",
    },
    source: `${IMPORTS}
export default class SplitAlternate implements Plugin {
  private seen = 0;

  constructor(private readonly provider: Provider<Config>) {}

  onInputConnectionOpened(connection: InputConnection): void {
    this.provider.getOutputAnchor('Odd').open(connection.metadata);
    this.provider.getOutputAnchor('Even').open(connection.metadata);
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    const odd: RecordRow[] = [];
    const even: RecordRow[] = [];
    for (const row of connection.read().rows()) (this.seen++ % 2 === 0 ? odd : even).push(row);
    if (odd.length > 0) await this.provider.getOutputAnchor('Odd').write(odd);
    if (even.length > 0) await this.provider.getOutputAnchor('Even').write(even);
  }
}
`,
  },
};
