/**
 * The Auto Field tool: string fields get the narrowest type their values fit (fieldProfile.ts).
 * The types are known only after the last row, so every packet is held (as it arrived, its text
 * profiled on the way in) until the run completes; update-only shows the input fields and says
 * that the types come at run time. Only the retyped columns are rebuilt; the others keep their
 * Arrow buffers.
 */
import type { Table } from 'apache-arrow';
import type { Field, InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { singleBatch, withColumns } from '../common/ioArrowTake.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { findField, readColumn, tableOf } from '../common/transformColumns.js';
import { isStringType } from '../common/transformTypes.js';
import { FieldProfile } from './fieldProfile.js';

interface AutoFieldConfig { fields: string[]; unknownFields: boolean; excludedFields: string[] }

function readConfig(raw: Record<string, unknown>): AutoFieldConfig {
  const list = (v: unknown): string[] => (Array.isArray(v) ? (v as string[]) : []);
  return { fields: list(raw.fields), unknownFields: raw.unknownFields !== false, excludedFields: list(raw.excludedFields) };
}

/** a text value as a value of `field` (the type chosen for it); empty text is null except for text types */
function typedValue(text: string | null, field: Field): RecordValue {
  if (text === null) return null;
  if (isStringType(field.type)) return text;
  if (text === '') return null;
  switch (field.type) {
    case 'bool': return text.toLowerCase() === 'true';
    case 'int64': return BigInt(text);
    case 'byte': case 'int16': case 'int32': case 'double': return Number(text);
    case 'datetime': return text.length === 10 ? `${text} 00:00:00` : text;
    default: return text;
  }
}

export default class AutoField implements Plugin {
  private input: Metadata | null = null;
  private profiles = new Map<string, FieldProfile>();
  private readonly held: Table[] = [];

  constructor(private readonly provider: Provider) {}

  onInputConnectionOpened(connection: InputConnection): void {
    const config = readConfig(this.provider.toolConfig);
    const input = connection.metadata;
    const chosen = new Set<string>();
    for (const name of config.fields) {
      const field = findField(input, name);
      if (!field) this.provider.io.warn(`field "${name}" is not in the input`);
      else if (!isStringType(field.type)) this.provider.io.warn(`field "${field.name}" is ${field.type}, not text: it keeps its type`);
      else chosen.add(field.name);
    }
    if (config.unknownFields) {
      const named = new Set([...config.fields, ...config.excludedFields].map((n) => n.toLowerCase()));
      for (const f of input.fields) if (isStringType(f.type) && !named.has(f.name.toLowerCase())) chosen.add(f.name);
    }
    this.input = input;
    this.profiles = new Map([...chosen].map((name) => [name, new FieldProfile()]));
    if (this.provider.environment.updateOnly) {
      this.provider.getOutputAnchor('Output').open(input);
      if (chosen.size > 0) this.provider.io.info(`the types of ${chosen.size} text field(s) are chosen from the data: they are known when the tool runs`);
    }
  }

  onRecordPacket(connection: InputConnection): void {
    const table = tableOf(connection.read());
    if (table.numRows === 0) return;
    for (const [name, profile] of this.profiles) {
      const values = readColumn(table, name);
      for (let i = 0; i < values.length; i++) {
        const v = values[i];
        if (typeof v === 'string') profile.add(v);
      }
    }
    this.held.push(table);
  }

  async onComplete(): Promise<void> {
    if (!this.input) return;
    const fields = this.input.fields.map((f) => this.profiles.get(f.name)?.field(f) ?? f);
    const output: Metadata = { fields };
    const anchor = this.provider.getOutputAnchor('Output');
    anchor.open(output);
    const retyped = fields.filter((f, i) => f.type !== this.input!.fields[i].type || f.size !== this.input!.fields[i].size);
    for (const table of this.held.splice(0)) {
      if (retyped.length === 0) { await anchor.write(new ArrowRecordPacket(output, table)); continue; }
      const columns: Record<string, RecordValue[]> = {};
      for (const field of retyped) columns[field.name] = Array.from(readColumn(table, field.name) as ArrayLike<RecordValue>, (v) => typedValue(v as string | null, field));
      const made = tableOf(this.provider.records.fromColumns({ fields: retyped }, columns));
      const replace = retyped.map((field, i) => ({ field: made.schema.fields[i], data: made.batches[0].data.children[i] }));
      await anchor.write(new ArrowRecordPacket(output, withColumns(singleBatch(table), replace)));
    }
  }
}
