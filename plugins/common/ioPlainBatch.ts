/**
 * Record batches with every dictionary column decoded to plain Utf8: IPC files and Parquet
 * writers take one schema for the whole stream, while packets carry their own dictionaries.
 */
import { Data, Field as ArrowField, RecordBatch, Schema, Type, Utf8, vectorFromArray } from 'apache-arrow';
import { batchOf } from './ioValues.js';

export function plainBatch(batch: RecordBatch): RecordBatch {
  if (!batch.schema.fields.some((f) => f.type.typeId === Type.Dictionary)) return batch;
  const fields: ArrowField[] = [];
  const children: Data[] = [];
  batch.schema.fields.forEach((f, i) => {
    const vector = batch.getChildAt(i)!;
    if (f.type.typeId !== Type.Dictionary) {
      fields.push(f);
      children.push(vector.data[0]);
      return;
    }
    const values = new Array<string | null>(vector.length);
    for (let r = 0; r < vector.length; r++) values[r] = vector.get(r) as string | null;
    const data = vectorFromArray(values, new Utf8()).data[0];
    fields.push(new ArrowField(f.name, data.type, true, f.metadata));
    children.push(data);
  });
  return batchOf(new Schema(fields), children, batch.numRows);
}
