import { expect, it } from 'vitest';
import { browseResultFileName, browseResultToolId } from './browseResult.js';

it('names a browse result and reads the tool id back from its path', () => {
  expect(browseResultFileName('t7')).toBe('browse-t7.arrow');
  expect(browseResultToolId('/data/runs/r1/t7/browse-t7.arrow')).toBe('t7');
  expect(browseResultToolId('C:\\runs\\r1\\t7\\browse-t7.arrow')).toBe('t7');
  expect(browseResultToolId('/data/runs/r1/t7/report.csv')).toBeNull();
});
