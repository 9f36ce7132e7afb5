/**
 * The Dynamic Rename tool (see tool.json). Only names change, so packets go out with their column
 * buffers untouched. Names known from metadata (formula, prefix/suffix, Right metadata) are exact in
 * update-only; names from data (first row, Right rows) are known at run time only: update-only
 * shows the input fields and says so.
 */
import type { Table } from 'apache-arrow';
import type { InputConnection, Metadata, Plugin, Provider, RecordValue } from '../../shared/sdk/index.js';
import { takeTable } from '../common/ioArrowTake.js';
import { ArrowRecordPacket } from '../../shared/sdk/recordPacket.js';
import { findField, readColumn, tableOf } from '../common/transformColumns.js';
import { valueToText } from '../common/transformTypes.js';
import { affixName, fieldsToRename, readConfig, renamedMetadata, type DynamicRenameConfig } from './dynamicRenamePlan.js';
import { renamedTable } from './renamedTable.js';
import { namesByFormula } from './renameFormula.js';

const FROM_DATA = new Set(['firstRow', 'rightInputRows']);

export default class DynamicRename implements Plugin {
  private readonly config: DynamicRenameConfig;
  private input: Metadata | null = null;
  private right: Metadata | null = null;
  private output: Metadata | null = null;
  private failed = false;
  private readonly held: Table[] = [];
  private readonly rightRows: Table[] = [];

  constructor(private readonly provider: Provider) {
    this.config = readConfig(provider.toolConfig);
  }

  private get usesRight(): boolean {
    return this.config.mode === 'rightInputMetadata' || this.config.mode === 'rightInputRows';
  }

  private fail(message: string): void {
    this.failed = true;
    this.provider.io.error(message);
  }

  onInputConnectionOpened(connection: InputConnection): void {
    if (connection.anchor === 'Right') this.right = connection.metadata; else this.input = connection.metadata;
    if (!this.input || this.failed) return;
    if (this.usesRight && this.provider.getInputAnchor('Right').connections.length === 0) { this.fail(`mode ${this.config.mode} needs the Right input connected`); return; }
    if (this.usesRight && !this.right) return;
    if (this.config.mode === 'rightInputRows') {
      for (const name of [this.config.oldNameField, this.config.newNameField]) {
        if (!name) { this.fail('choose the Right fields holding the old and the new names'); return; }
        if (!findField(this.right!, name)) { this.fail(`field "${name}" is not in the Right input`); return; }
      }
    }
    if (FROM_DATA.has(this.config.mode)) {
      if (!this.provider.environment.updateOnly) return;
      this.provider.getOutputAnchor('Output').open(this.input);
      this.provider.io.info(`the new names come from the ${this.config.mode === 'firstRow' ? 'first row of data' : 'rows of the Right input'}: they are known when the tool runs`);
      return;
    }
    this.openWith(this.staticNames());
  }

  /** old → new names known from metadata alone, or an error */
  private staticNames(): Map<string, string> | { error: string } {
    const warnings: string[] = [];
    const fields = fieldsToRename(this.config, this.input!, warnings);
    for (const warning of warnings) this.provider.io.warn(warning);
    if (this.config.mode === 'formula') return namesByFormula(this.config.expression, fields);
    if (this.config.mode === 'rightInputMetadata') {
      const names = this.right!.fields.map((f) => f.name);
      if (names.length < fields.length) this.provider.io.warn(`the Right input has ${names.length} field(s) for ${fields.length} field(s) to rename: the last ${fields.length - names.length} keep their names`);
      return new Map(fields.slice(0, names.length).map((f, i) => [f.name, names[i]]));
    }
    return new Map(fields.map((f) => [f.name, affixName(this.config.mode, this.config.text, f.name)]));
  }

  private openWith(renames: Map<string, string> | { error: string }): boolean {
    const metadata = 'error' in renames ? renames : renamedMetadata(this.input!, renames);
    if ('error' in metadata) { this.fail(metadata.error); return false; }
    this.output = metadata;
    this.provider.getOutputAnchor('Output').open(metadata);
    return true;
  }

  async onRecordPacket(connection: InputConnection): Promise<void> {
    const table = tableOf(connection.read());
    if (this.failed || table.numRows === 0) return;
    if (connection.anchor === 'Right') {
      if (this.config.mode === 'rightInputRows') this.rightRows.push(table);
      return;
    }
    if (this.output) { await this.write(table); return; }
    if (this.config.mode !== 'firstRow') { this.held.push(table); return; }
    if (!this.openWith(this.firstRowNames(table))) return;
    const rest = Int32Array.from({ length: table.numRows - 1 }, (_, i) => i + 1);
    if (rest.length > 0) await this.write(takeTable(table, rest));
  }

  private firstRowNames(table: Table): Map<string, string> {
    const warnings: string[] = [];
    const renames = new Map<string, string>();
    for (const field of fieldsToRename(this.config, this.input!, warnings)) {
      const text = valueToText(readColumn(table, field.name)[0] as RecordValue, field.type);
      if (text === null || text.trim() === '') warnings.push(`the first row of "${field.name}" is ${text === null ? 'null' : 'empty'}: the field keeps its name`);
      else renames.set(field.name, text);
    }
    for (const warning of warnings) this.provider.io.warn(warning);
    return renames;
  }

  private rightRowNames(): Map<string, string> {
    const fields = fieldsToRename(this.config, this.input!, []);
    const exact = new Map<string, string>();
    const anyCase = new Map<string, string>();
    for (const table of this.rightRows) {
      const olds = readColumn(table, findField(this.right!, this.config.oldNameField)!.name);
      const news = readColumn(table, findField(this.right!, this.config.newNameField)!.name);
      for (let i = 0; i < table.numRows; i++) {
        if (olds[i] === null || news[i] === null) continue;
        const old = String(olds[i]);
        if (!exact.has(old)) exact.set(old, String(news[i]));
        if (!anyCase.has(old.toLowerCase())) anyCase.set(old.toLowerCase(), String(news[i]));
      }
    }
    const renames = new Map<string, string>();
    for (const f of fields) {
      const name = exact.get(f.name) ?? anyCase.get(f.name.toLowerCase());
      if (name !== undefined) renames.set(f.name, name);
    }
    return renames;
  }

  private async write(table: Table): Promise<void> {
    const packet = new ArrowRecordPacket(this.output!, renamedTable(table, this.input!, this.output!));
    await this.provider.getOutputAnchor('Output').write(packet);
  }

  async onComplete(): Promise<void> {
    if (this.failed || !this.input) return;
    if (!this.output) {
      if (this.config.mode === 'rightInputRows' && this.right) this.openWith(this.rightRowNames());
      else if (this.config.mode === 'firstRow') {
        this.provider.io.warn('the input has no rows: the field names stay as they are');
        this.openWith(new Map());
      }
    }
    if (!this.output) return;
    for (const table of this.held.splice(0)) await this.write(table);
  }
}
