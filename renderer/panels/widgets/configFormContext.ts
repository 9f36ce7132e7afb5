import type { DatabaseConnectionSummary } from '../../../shared/databaseConnection.js';
import type { Field } from '../../../shared/metadata.js';
import type { FileMode } from '../../model/uiSchemaFor.js';

/** What Weft's widgets need besides their value: passed to @rjsf as `formContext`. */
export interface ConfigFormContext {
  toolId: string;
  /** fields arriving at each input anchor, from update-only metadata */
  inputFields: Record<string, Field[]>;
  /** the tool's latest error messages (a formula's parse error) */
  toolErrors: string[];
  /** asks the user for a file path (native picker or the in-app dialog): an existing file, or one to write */
  /** `fileTypes`: the extensions the dialog offers first (from `"x-weft-file-types"`) */
  browseFile(initialPath: string, mode: FileMode, onPick: (path: string) => void, fileTypes?: string[]): void;
  /** the app's named database connections, for `"x-weft-widget": "connection"` */
  listConnections(): Promise<DatabaseConnectionSummary[]>;
}

export function fieldsFor(context: ConfigFormContext, anchor: string | undefined): Field[] {
  const lists = anchor ? [context.inputFields[anchor] ?? []] : Object.values(context.inputFields);
  const seen = new Set<string>();
  const fields: Field[] = [];
  for (const field of lists.flat()) {
    if (seen.has(field.name.toLowerCase())) continue;
    seen.add(field.name.toLowerCase());
    fields.push(field);
  }
  return fields;
}
