// `npm run icons`: renders build/icon.svg into the icons electron-builder packs: build/icon.png
// (1024 px), build/icons/<size>x<size>.png for Linux, build/icon.ico (Windows) and build/icon.icns
// (macOS). Run it after editing the SVG and commit the results (packaging needs no renderer).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';
import png2icons from 'png2icons';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = path.join(root, 'build');
const svg = fs.readFileSync(path.join(buildDir, 'icon.svg'));

function render(size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size } }).render().asPng();
}

const master = render(1024);
fs.writeFileSync(path.join(buildDir, 'icon.png'), master);
fs.mkdirSync(path.join(buildDir, 'icons'), { recursive: true });
for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
  fs.writeFileSync(path.join(buildDir, 'icons', `${size}x${size}.png`), render(size));
}
const ico = png2icons.createICO(master, png2icons.BICUBIC2, 0, false, true);
const icns = png2icons.createICNS(master, png2icons.BICUBIC2, 0);
if (!ico || !icns) throw new Error('build/icon.svg: png2icons could not make the .ico or .icns from the 1024 px render');
fs.writeFileSync(path.join(buildDir, 'icon.ico'), ico);
fs.writeFileSync(path.join(buildDir, 'icon.icns'), icns);
console.log(`icons: build/icon.png, build/icons/*.png, build/icon.ico (${ico.length} B), build/icon.icns (${icns.length} B)`);
