/**
 * The RegEx tool's work on one packet: the values of the written fields (and, for tokenize to rows
 * and match as a filter, which input rows go out). Keeps the counts behind the end-of-run warnings;
 * holds no rows between packets.
 */
import type { RecordValue } from '../../shared/sdk/index.js';
import { convertValue } from '../common/transformTypes.js';
import type { RegexPlan } from './regexConfig.js';
import { RegexLimitError, STEP_LIMIT } from './regexEngine.js';

export interface PacketResult {
  /** output field name → values, one per output row */
  computed: Record<string, RecordValue[]>;
  /** input row of each output row, when rows are dropped or repeated; null when one to one */
  rows: Int32Array | null;
}

/** a fault that stops the run (Alteryx's "Error" handling), naming the row */
export class RegexRowError extends Error {}

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

export class RegexRunner {
  /** rows read before the current packet, to name rows in messages */
  private rowsBefore = 0;
  private extraRows = 0;
  private firstExtra = '';
  private readonly conversionLost = new Map<string, { count: number; first: string }>();
  private limitRows = 0;
  private firstLimit = '';

  constructor(private readonly plan: RegexPlan) {}

  run(values: ArrayLike<RecordValue>): PacketResult {
    const result = this.compute(values);
    this.rowsBefore += values.length;
    return result;
  }

  private compute(values: ArrayLike<RecordValue>): PacketResult {
    const { config } = this.plan;
    switch (config.method) {
      case 'replace': return { computed: { [this.plan.source.name]: this.replace(values) }, rows: null };
      case 'parse': return { computed: this.parse(values), rows: null };
      case 'match': return this.match(values);
      case 'tokenize': return config.tokenizeTo === 'rows' ? this.tokenRows(values) : { computed: this.tokenColumns(values), rows: null };
    }
  }

  /** `match(text)`, or `fallback` (counted) when a backtracking pattern passes its step limit on this row */
  private guarded<T>(text: string, i: number, match: (text: string) => T, fallback: T): T {
    try {
      return match(text);
    } catch (error) {
      if (!(error instanceof RegexLimitError)) throw error;
      if (this.limitRows++ === 0) this.firstLimit = `row ${this.rowsBefore + i + 1}: ${quote(text)}`;
      return fallback;
    }
  }

  private replace(values: ArrayLike<RecordValue>): RecordValue[] {
    const { pattern, replacement, config } = this.plan;
    const out: RecordValue[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const text = values[i];
      if (text === null) { out[i] = null; continue; }
      const s = String(text);
      const spans = this.guarded(s, i, pattern.findAll, null);
      if (spans === null) { out[i] = null; continue; }
      let result = '';
      let at = 0;
      for (const span of spans) {
        if (config.copyUnmatched) result += s.slice(at, span.start);
        result += replacement!.render(span);
        at = span.end;
      }
      if (config.copyUnmatched) result += s.slice(at);
      out[i] = result;
    }
    return out;
  }

  private parse(values: ArrayLike<RecordValue>): Record<string, RecordValue[]> {
    const { pattern, written } = this.plan;
    const columns = written.map(() => new Array<RecordValue>(values.length).fill(null));
    for (let i = 0; i < values.length; i++) {
      const text = values[i];
      if (text === null) continue;
      const span = this.guarded(String(text), i, pattern.findFirst, null);
      if (!span) continue;
      written.forEach((field, g) => {
        const group = span.groups[g + 1];
        if (group === null || group === undefined) return;
        const converted = convertValue(group, 'v_wstring', field.type);
        columns[g][i] = converted.value;
        if (converted.lost) this.noteLost(field.name, group, i);
      });
    }
    return Object.fromEntries(written.map((f, g) => [f.name, columns[g]]));
  }

  private match(values: ArrayLike<RecordValue>): PacketResult {
    const { pattern, config } = this.plan;
    // null: the step limit stopped the match on that row (a null field; filtered out)
    const matched: (boolean | null)[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const text = values[i];
      matched[i] = text !== null && this.guarded(String(text), i, pattern.fullMatch, null);
      if (matched[i] === false && config.errorIfNotMatched) {
        throw new RegexRowError(`row ${this.rowsBefore + i + 1}: ${text === null ? 'null' : quote(String(text))} in "${this.plan.source.name}" does not match the expression`);
      }
    }
    if (config.matchOutput === 'field') return { computed: { [config.matchField]: matched }, rows: null };
    const rows: number[] = [];
    matched.forEach((m, i) => { if (m) rows.push(i); });
    return { computed: {}, rows: Int32Array.from(rows) };
  }

  private tokensOf(text: string, i: number): string[] {
    const { pattern } = this.plan;
    // with marked groups only the first group's text is the token, as Alteryx documents
    return this.guarded(text, i, pattern.findAll, []).map((span) => (pattern.groupCount > 0 ? span.groups[1] ?? '' : span.groups[0] ?? ''));
  }

  private tokenColumns(values: ArrayLike<RecordValue>): Record<string, RecordValue[]> {
    const { written, config } = this.plan;
    const n = written.length;
    const columns = written.map(() => new Array<RecordValue>(values.length).fill(null));
    for (let i = 0; i < values.length; i++) {
      const text = values[i];
      if (text === null) continue;
      const tokens = this.tokensOf(String(text), i);
      if (tokens.length > n) this.noteExtra(String(text), i, config.extraColumns === 'error');
      for (let c = 0; c < Math.min(n, tokens.length); c++) columns[c][i] = tokens[c];
    }
    return Object.fromEntries(written.map((f, c) => [f.name, columns[c]]));
  }

  private tokenRows(values: ArrayLike<RecordValue>): PacketResult {
    const rows: number[] = [];
    const out: RecordValue[] = [];
    for (let i = 0; i < values.length; i++) {
      const text = values[i];
      const tokens = text === null ? [] : this.tokensOf(String(text), i);
      // a record without tokens stays, with a null value, so no record disappears unnoticed
      if (tokens.length === 0) { rows.push(i); out.push(null); continue; }
      for (const token of tokens) { rows.push(i); out.push(token); }
    }
    return { computed: { [this.plan.source.name]: out }, rows: Int32Array.from(rows) };
  }

  private noteExtra(text: string, i: number, fail: boolean): void {
    const where = `row ${this.rowsBefore + i + 1}: ${quote(text)} has too many parts for ${this.plan.written.length} output field(s)`;
    if (fail) throw new RegexRowError(where);
    if (this.extraRows++ === 0) this.firstExtra = where;
  }

  private noteLost(field: string, text: string, i: number): void {
    const entry = this.conversionLost.get(field) ?? { count: 0, first: `row ${this.rowsBefore + i + 1}: ${quote(text)}` };
    entry.count++;
    this.conversionLost.set(field, entry);
  }

  /** the warnings of the run so far */
  warnings(): string[] {
    const out: string[] = [];
    if (this.extraRows > 0 && this.plan.config.extraColumns === 'dropWithWarning') {
      out.push(`${this.extraRows} row(s) had more parts than output fields; the extra parts were dropped (first: ${this.firstExtra})`);
    }
    if (this.limitRows > 0) {
      out.push(`${this.limitRows} row(s) needed more than ${STEP_LIMIT.toLocaleString('en-US')} backtracking steps (a backreference or lookaround over long text); their result is null (first: ${this.firstLimit})`);
    }
    for (const [field, { count, first }] of this.conversionLost) {
      const type = this.plan.written.find((f) => f.name === field)?.type;
      out.push(`${count} value(s) parsed into "${field}" are not a valid ${type} and became null (first: ${first})`);
    }
    return out;
  }
}
