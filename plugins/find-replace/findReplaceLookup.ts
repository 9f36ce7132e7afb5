/**
 * The lookup of Find Replace: the Replace input's find values, matched against a text either as
 * the entire text, at its beginning or anywhere in it (optionally as whole words), case-insensitively if asked. When
 * several find values fit, the earliest position wins, and at one position the earliest Replace row.
 */

export interface LookupOptions {
  entireField: boolean;
  /** only a find at the start of the text counts */
  beginningOnly: boolean;
  caseInsensitive: boolean;
  matchWholeWord: boolean;
}

export interface Found {
  /** the Replace row */
  row: number;
  start: number;
  end: number;
}

/** lower case one UTF-16 unit at a time, so positions in the folded text are positions in the text */
function fold(text: string, caseInsensitive: boolean): string {
  if (!caseInsensitive) return text;
  const lower = text.toLowerCase();
  if (lower.length === text.length) return lower;
  let out = '';
  for (const unit of text) {
    const l = unit.toLowerCase();
    out += l.length === unit.length ? l : unit;
  }
  return out;
}

const WORD = /[\p{L}\p{N}_]/u;

export class FindLookup {
  private readonly exact = new Map<string, number>();
  /** find values by their first UTF-16 unit, in Replace-row order */
  private readonly byFirst = new Map<string, { value: string; row: number }[]>();

  constructor(values: ArrayLike<unknown>, private readonly options: LookupOptions) {
    for (let row = 0; row < values.length; row++) {
      const v = values[row];
      if (v === null || v === undefined || v === '') continue;
      const folded = fold(String(v), options.caseInsensitive);
      if (options.entireField) {
        if (!this.exact.has(folded)) this.exact.set(folded, row);
      } else {
        const list = this.byFirst.get(folded[0]) ?? [];
        if (!list.some((e) => e.value === folded)) list.push({ value: folded, row });
        this.byFirst.set(folded[0], list);
      }
    }
  }

  /** the finds in `text` from `from` on, left to right, without overlaps; at most `limit` */
  find(text: string, limit: number): Found[] {
    const folded = fold(text, this.options.caseInsensitive);
    if (this.options.entireField) {
      const row = this.exact.get(folded);
      return row === undefined ? [] : [{ row, start: 0, end: text.length }];
    }
    const out: Found[] = [];
    if (this.options.beginningOnly) {
      const hit = folded.length > 0 ? this.at(folded, 0) : null;
      return hit ? [hit] : [];
    }
    for (let i = 0; i < folded.length && out.length < limit;) {
      const hit = this.at(folded, i);
      if (hit) { out.push(hit); i = hit.end; } else i++;
    }
    return out;
  }

  private at(folded: string, i: number): Found | null {
    for (const { value, row } of this.byFirst.get(folded[i]) ?? []) {
      if (!folded.startsWith(value, i)) continue;
      const end = i + value.length;
      if (this.options.matchWholeWord && ((i > 0 && WORD.test(folded[i - 1])) || (end < folded.length && WORD.test(folded[end])))) continue;
      return { row, start: i, end };
    }
    return null;
  }
}
