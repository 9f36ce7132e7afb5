/**
 * Fits a computed column to its field's size (see fitToField) and gathers the warnings: how many
 * rows were cut or became null, and the first of them, so a user can find it.
 */
import type { Field, RecordValue } from '../../shared/sdk/index.js';
import { fitToField, sizedType } from './transformFieldFit.js';

interface Tally {
  rows: number;
  first: string;
}

export class FieldFitWarnings {
  private truncated: Tally | null = null;
  private overflowed: Tally | null = null;

  constructor(private readonly field: Field) {}

  /** `values` fitted to the field; `rowName(i)` names value i's row (e.g. "row 12") in the warning */
  fit(values: ArrayLike<RecordValue>, rowName: (index: number) => string): ArrayLike<RecordValue> {
    const fitted = fitToField(values, this.field);
    if (fitted.truncated === 0 && fitted.overflowed === 0) return fitted.values;
    for (let i = 0; i < values.length; i++) {
      if (values[i] === null || values[i] === undefined) continue;
      // a fixeddecimal's values all become text: only a null there is a change worth naming
      const overflow = fitted.overflowed > 0 && fitted.values[i] === null;
      if (!overflow && (fitted.truncated === 0 || fitted.values[i] === values[i])) continue;
      if (overflow && this.overflowed === null) this.overflowed = { rows: 0, first: rowName(i) };
      if (!overflow && this.truncated === null) this.truncated = { rows: 0, first: rowName(i) };
    }
    if (this.truncated) this.truncated.rows += fitted.truncated;
    if (this.overflowed) this.overflowed.rows += fitted.overflowed;
    return fitted.values;
  }

  /** the warnings so far, one per kind */
  messages(): string[] {
    const where = (t: Tally) => (t.rows > 1 ? `${t.rows} rows, the first ${t.first}` : t.first);
    const out: string[] = [];
    const type = sizedType(this.field);
    if (this.truncated) out.push(`[${this.field.name}]: text longer than ${type} was truncated (${where(this.truncated)})`);
    if (this.overflowed) out.push(`[${this.field.name}]: a number does not fit ${type} and became null (${where(this.overflowed)})`);
    return out;
  }
}
