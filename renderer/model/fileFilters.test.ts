import { describe, expect, it } from 'vitest';
import type { DirectoryEntry } from '../../shared/weftApi.js';
import { filterLabel, matchesExtensions, toolFileFilters, visibleEntries, WORKFLOW_FILE_FILTERS } from './fileFilters.js';

const entry = (name: string, kind: DirectoryEntry['kind'] = 'file'): DirectoryEntry => ({ name, path: `/d/${name}`, kind });

describe('in-app file dialog filters', () => {
  it('matches multi-part extensions case-insensitively', () => {
    expect(matchesExtensions('sales.weft.json', ['weft.json', 'yxmd'])).toBe(true);
    expect(matchesExtensions('OLD.YXMD', ['weft.json', 'yxmd'])).toBe(true);
    expect(matchesExtensions('data.json', ['weft.json', 'yxmd'])).toBe(false);
    expect(matchesExtensions('yxmd', ['yxmd'])).toBe(false);
    expect(matchesExtensions('anything', null)).toBe(true);
  });

  it('keeps folders, drops dot-files unless asked, and files outside the filter', () => {
    const entries = [entry('.git', 'directory'), entry('data', 'directory'), entry('.env'), entry('a.csv'), entry('notes.txt'), entry('flow.weft.json')];
    expect(visibleEntries(entries, false, ['csv']).map((e) => e.name)).toEqual(['data', 'a.csv']);
    expect(visibleEntries(entries, true, ['csv']).map((e) => e.name)).toEqual(['.git', 'data', 'a.csv']);
    expect(visibleEntries(entries, false, null).map((e) => e.name)).toEqual(['data', 'a.csv', 'notes.txt', 'flow.weft.json']);
    expect(visibleEntries(entries, false, WORKFLOW_FILE_FILTERS[0]!.extensions).map((e) => e.name)).toEqual(['data', 'flow.weft.json']);
  });

  it("a tool's file types become one filter; none give none", () => {
    expect(toolFileFilters(['.CSV', 'parquet', ''])).toEqual([{ name: 'Supported files', extensions: ['csv', 'parquet'] }]);
    expect(toolFileFilters(undefined)).toEqual([]);
    expect(toolFileFilters([])).toEqual([]);
    expect(filterLabel({ name: 'Workflows', extensions: ['weft.json', 'yxmd'] })).toBe('Workflows (.weft.json, .yxmd)');
  });
});
