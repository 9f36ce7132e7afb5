import { describe, expect, it } from 'vitest';
import { pathFromWorkflow } from './configPaths.js';

describe('pathFromWorkflow', () => {
  it('resolves a relative path against the workflow folder', () => {
    expect(pathFromWorkflow('sales.csv', '/work/examples/sales.weft.json')).toBe('/work/examples/sales.csv');
    expect(pathFromWorkflow('./data/../in/a.csv', '/work/examples/w.weft.json')).toBe('/work/examples/in/a.csv');
    expect(pathFromWorkflow('../a.csv', '/w.weft.json')).toBe('/a.csv');
    expect(pathFromWorkflow('a.csv', 'C:\\flows\\w.weft.json')).toBe('C:\\flows\\a.csv');
  });

  it('keeps absolute and empty paths, and relative ones of an unsaved workflow', () => {
    expect(pathFromWorkflow('/data/a.csv', '/work/w.weft.json')).toBe('/data/a.csv');
    expect(pathFromWorkflow('D:\\a.csv', '/work/w.weft.json')).toBe('D:\\a.csv');
    expect(pathFromWorkflow('', '/work/w.weft.json')).toBe('');
    expect(pathFromWorkflow('a.csv', null)).toBe('a.csv');
  });
});
