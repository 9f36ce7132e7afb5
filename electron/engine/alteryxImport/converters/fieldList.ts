/** The `<Field field="…"/>` (or `name="…"`) lists many Alteryx tools write. */
import type { XmlElement } from '../xmlTree.js';

export function fieldNames(list: XmlElement | undefined): string[] {
  return (list?.children('Field') ?? []).map((f) => f.attr('field') ?? f.attr('name') ?? f.text().trim()).filter((name) => name !== '');
}

/** a number written as text or as `value="…"`; undefined when absent or not a number */
export function numberAt(configuration: XmlElement | undefined, path: string): number | undefined {
  const text = configuration?.value(path)?.trim();
  if (text === undefined || text === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
