// docs/formula.md carries the function reference generated from the table; this fails when they
// differ. Regenerate with: WEFT_WRITE_DOCS=1 npx vitest run plugins/formula-language/functionDocs.test.ts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { FUNCTIONS_END, FUNCTIONS_START, renderFunctionReference } from './functionDocs.js';
import { FUNCTIONS } from './functionTable.js';

const docsFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/formula.md');

it('docs/formula.md lists every function, as generated from the function table', () => {
  const text = fs.readFileSync(docsFile, 'utf8');
  const start = text.indexOf(FUNCTIONS_START);
  const end = text.indexOf(FUNCTIONS_END);
  expect(start, 'docs/formula.md has the functions:start marker').toBeGreaterThanOrEqual(0);
  expect(end).toBeGreaterThan(start);
  const generated = renderFunctionReference();
  const current = text.slice(start, end + FUNCTIONS_END.length);
  if (current !== generated && process.env.WEFT_WRITE_DOCS === '1') {
    fs.writeFileSync(docsFile, text.slice(0, start) + generated + text.slice(end + FUNCTIONS_END.length));
    return;
  }
  expect(current).toBe(generated);
  for (const spec of FUNCTIONS) expect(current).toContain(`\`${spec.name}(`);
});
