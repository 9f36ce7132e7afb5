/** Find Replace's work on one Find packet, once the whole Replace input is known. */
import type { Table } from 'apache-arrow';
import type { RecordValue } from '../../shared/sdk/index.js';
import { concatColumns, readColumn } from '../common/transformColumns.js';
import { valueToText } from '../common/transformTypes.js';
import type { FindReplacePlan } from './findReplaceConfig.js';
import { FindLookup } from './findReplaceLookup.js';

export class FindReplacer {
  private readonly lookup: FindLookup;
  /** Replace input columns by field name, all its rows */
  private readonly replaceColumns = new Map<string, ArrayLike<RecordValue>>();
  matchedRows = 0;

  constructor(private readonly plan: FindReplacePlan, replaceTables: Table[]) {
    const column = (name: string) => concatColumns(replaceTables.map((t) => readColumn(t, name))) as ArrayLike<RecordValue>;
    const { config } = plan;
    const wanted = [plan.findValue, ...(plan.replaceValue ? [plan.replaceValue] : []), ...plan.appended];
    for (const field of wanted) if (!this.replaceColumns.has(field.name)) this.replaceColumns.set(field.name, replaceTables.length ? column(field.name) : []);
    const values = this.replaceColumns.get(plan.findValue.name)!;
    const texts = Array.from(values, (v) => valueToText(v, plan.findValue.type));
    this.lookup = new FindLookup(texts, { entireField: config.findMode === 'entireField', beginningOnly: config.findMode === 'beginning', caseInsensitive: config.caseInsensitive, matchWholeWord: config.matchWholeWord });
  }

  /** the computed output columns of one Find packet */
  run(table: Table): Record<string, RecordValue[]> {
    const { plan } = this;
    const values = readColumn(table, plan.target.name);
    return plan.config.action === 'replace' ? { [plan.target.name]: this.replace(values as RecordValue[]) } : this.append(values as RecordValue[]);
  }

  private replace(values: RecordValue[]): RecordValue[] {
    const { plan } = this;
    const replacements = this.replaceColumns.get(plan.replaceValue!.name)!;
    const entire = plan.config.findMode === 'entireField';
    const limit = plan.config.replaceMultiple ? Infinity : 1;
    return values.map((value) => {
      if (value === null) return null;
      const text = String(value);
      const found = this.lookup.find(text, limit);
      if (found.length === 0) return value;
      this.matchedRows++;
      const textOf = (row: number) => valueToText(replacements[row], plan.replaceValue!.type);
      if (entire) return textOf(found[0].row);
      let out = '';
      let at = 0;
      for (const f of found) { out += text.slice(at, f.start) + (textOf(f.row) ?? ''); at = f.end; }
      return out + text.slice(at);
    });
  }

  private append(values: RecordValue[]): Record<string, RecordValue[]> {
    const { plan } = this;
    const rows = values.map((value) => {
      if (value === null) return -1;
      const found = this.lookup.find(String(value), 1);
      if (found.length > 0) this.matchedRows++;
      return found.length > 0 ? found[0].row : -1;
    });
    return Object.fromEntries(plan.appended.map((field) => {
      const source = this.replaceColumns.get(field.name)!;
      return [field.name, rows.map((r) => (r < 0 ? null : source[r]))];
    }));
  }
}
