import { expect, it } from 'vitest';
import { FUNCTIONS } from '../plugins/formula-language/functionTable.js';
import { formulaFunctionList } from './formulaFunctionList.js';

it('lists every function of the table once, with its signature, help and aliases, plus IIF', () => {
  const list = formulaFunctionList();
  expect(list.map((f) => f.name).sort()).toEqual([...FUNCTIONS.map((f) => f.name), 'IIF'].sort());
  for (const info of list) {
    expect(info.signature.startsWith(`${info.name}(`)).toBe(true);
    expect(info.description.length).toBeGreaterThan(0);
  }
  const withAlias = FUNCTIONS.find((f) => (f.aliases?.length ?? 0) > 0);
  if (withAlias) expect(list.find((f) => f.name === withAlias.name)!.aliases).toEqual(withAlias.aliases);
  const optional = FUNCTIONS.find((f) => f.params.some((p) => p.optional));
  if (optional) expect(list.find((f) => f.name === optional.name)!.signature).toMatch(/\[\w+\]/);
});
