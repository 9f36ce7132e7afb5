/** The DateTime tool's conversion of one packet's values; counts failures for the end-of-run warning. */
import type { RecordValue } from '../../shared/sdk/index.js';
import { formatDate, formatDateTime, formatTime, parseAnyTime } from '../formula-language/dateTime.js';
import type { DateTimePlan } from './dateTimeConfig.js';

const quote = (text: string) => JSON.stringify(text.length > 60 ? `${text.slice(0, 60)}…` : text);

export class DateTimeConverter {
  private rowsBefore = 0;
  private failed = 0;
  private firstFailure = '';
  private readonly write: (t: number) => string;

  constructor(private readonly plan: DateTimePlan) {
    const type = plan.output.type;
    this.write = plan.config.mode === 'format' ? (t) => plan.format.format(t)
      : type === 'date' ? formatDate : type === 'time' ? formatTime : formatDateTime;
  }

  run(values: ArrayLike<RecordValue>): RecordValue[] {
    const { plan } = this;
    const read = plan.config.mode === 'parse' ? (s: string) => plan.format.parse(s) : parseAnyTime;
    const out: RecordValue[] = new Array(values.length);
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      if (value === null) { out[i] = null; continue; }
      const t = read(String(value));
      if (t === null) {
        out[i] = null;
        if (this.failed++ === 0) this.firstFailure = `row ${this.rowsBefore + i + 1}: ${quote(String(value))}`;
      } else out[i] = this.write(t);
    }
    this.rowsBefore += values.length;
    return out;
  }

  warnings(): string[] {
    if (this.failed === 0) return [];
    const what = this.plan.config.mode === 'parse' ? `do not fit the format ${JSON.stringify(this.plan.config.format)}` : 'are not a date, time or datetime';
    return [`${this.failed} value(s) of "${this.plan.source.name}" ${what} and became null (first: ${this.firstFailure})`];
  }
}
