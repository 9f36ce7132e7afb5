import { describe, expect, it } from 'vitest';
import { canChoose, parentOf, pathAfterOpening, pathIn, startFolder, startPath } from './dialogPaths.js';

describe('in-app file dialog paths', () => {
  it('saving keeps the typed file name when entering another folder', () => {
    expect(pathIn('/data/out', '/home/me/summary.csv', 'save-file', 'workflow.weft.json')).toBe('/data/out/summary.csv');
    expect(pathIn('/data/out', '/home/me/', 'save-file', 'workflow.weft.json')).toBe('/data/out/workflow.weft.json');
    expect(pathIn('/data/out', '', 'save-file', '')).toBe('/data/out/');
    expect(pathIn('/data/out', '/home/me/a.csv', 'open-file', '')).toBe('/home/me/a.csv');
    expect(pathIn('/data/out', '/home/me', 'folder', '')).toBe('/data/out');
  });

  it('a save dialog without a default name starts at the folder and waits for a name', () => {
    expect(startPath('/work', 'save-file', '')).toBe('/work/');
    expect(canChoose('/work/', 'save-file')).toBe(false);
    expect(canChoose('/work/new-file.csv', 'save-file')).toBe(true);
    expect(startPath('/work', 'save-file', 'workflow.weft.json')).toBe('/work/workflow.weft.json');
    expect(startPath('/work', 'open-file', '')).toBe('');
    expect(canChoose('  ', 'open-file')).toBe(false);
    expect(canChoose('/work', 'folder')).toBe(true);
    expect(canChoose('C:\\data\\', 'save-file')).toBe(false);
  });

  it('parentOf takes either separator', () => {
    expect(parentOf('/a/b/c.csv')).toBe('/a/b');
    expect(parentOf('C:\\a\\b.csv')).toBe('C:\\a');
    expect(parentOf('c.csv')).toBeNull();
  });
});

describe('where the in-app file dialog starts and what Enter on a folder leaves in the path', () => {
  it("starts in the given path's folder, else the last-used one, else the workflow's, else home", () => {
    expect(startFolder('/data/in/a.csv', '/last', '/wf/flow.weft.json')).toBe('/data/in');
    expect(startFolder(null, '/last', '/wf/flow.weft.json')).toBe('/last');
    expect(startFolder('', null, '/wf/flow.weft.json')).toBe('/wf');
    expect(startFolder(null, null, null)).toBeNull();
  });

  it('leaves the opened folder ready for a name', () => {
    expect(pathAfterOpening('/data', 'open-file', 'x')).toBe('/data/');
    expect(pathAfterOpening('/data', 'save-file', 'workflow.weft.json')).toBe('/data/workflow.weft.json');
    expect(pathAfterOpening('/', 'save-file', '')).toBe('/');
    expect(pathAfterOpening('/data', 'folder', '')).toBe('/data');
  });
});
