/**
 * Text Input: a small table typed in the config pane.
 * Config: `{ fields: [{ name, type }], rows: [[v1, v2, …], …] }` — each row lists its values in
 * field order (JSON strings, numbers, booleans or null); each value is converted to its field's
 * type (int64 from a string keeps every digit, dates as `YYYY-MM-DD`…). A value that does not
 * convert is an error naming its row and field.
 */
import type { Field, Plugin, Provider } from '../../shared/sdk/index.js';
import { isFieldType } from '../../shared/metadata.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { batchFromColumns, convertValue } from '../common/ioValues.js';

export interface TextInputConfig {
  fields: { name: string; type: string }[];
  rows: unknown[][];
}

export default class TextInput implements Plugin {
  private readonly provider: Provider;
  private readonly fields: Field[] = [];
  private readonly ok: boolean = false;

  constructor(provider: Provider) {
    this.provider = provider;
    const config = provider.toolConfig as unknown as TextInputConfig;
    const problems: string[] = [];
    const seen = new Set<string>();
    (config.fields ?? []).forEach((f, i) => {
      if (!f.name) problems.push(`fields[${i}]: the name is empty`);
      else if (seen.has(f.name.toLowerCase())) problems.push(`fields[${i}]: the name "${f.name}" is used twice`);
      if (!isFieldType(f.type)) problems.push(`fields[${i}] ("${f.name}"): unknown type "${f.type}"`);
      seen.add(f.name.toLowerCase());
      this.fields.push({ name: f.name, type: isFieldType(f.type) ? f.type : 'v_wstring' });
    });
    (config.rows ?? []).forEach((row, r) => {
      if (row.length > this.fields.length) problems.push(`rows[${r}]: ${row.length} values for ${this.fields.length} field(s)`);
      this.fields.forEach((f, c) => {
        if (convertValue(row[c], f.type) === undefined) problems.push(`rows[${r}], field "${f.name}": ${JSON.stringify(row[c])} is not a ${f.type}`);
      });
    });
    if (problems.length > 0) {
      provider.io.error(problems.slice(0, 5).join('; '));
      return;
    }
    this.ok = true;
    provider.getOutputAnchor('Output').open({ fields: this.fields });
  }

  async onComplete(): Promise<void> {
    if (!this.ok) return;
    const rows = (this.provider.toolConfig as unknown as TextInputConfig).rows ?? [];
    if (rows.length === 0) return;
    const columns = this.fields.map((_f, c) => rows.map((row) => row[c] ?? null));
    const metadata = { fields: this.fields };
    await this.provider.getOutputAnchor('Output').write(ArrowRecordPacket.fromBatch(metadata, batchFromColumns(this.fields, columns, rows.length)));
  }
}
