import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const build = path.join(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), 'build');

function pngSize(file: string): [number, number] {
  const data = fs.readFileSync(file);
  expect(data.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [data.readUInt32BE(16), data.readUInt32BE(20)];
}

it('the packaged icons exist in every size and format electron-builder reads (npm run icons makes them)', () => {
  expect(pngSize(path.join(build, 'icon.png'))).toEqual([1024, 1024]);
  for (const size of [16, 32, 48, 128, 256, 512]) expect(pngSize(path.join(build, 'icons', `${size}x${size}.png`))).toEqual([size, size]);
  const ico = fs.readFileSync(path.join(build, 'icon.ico'));
  expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
  expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(4);
  const icns = fs.readFileSync(path.join(build, 'icon.icns'));
  expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
  expect(icns.readUInt32BE(4)).toBe(icns.length);
});
