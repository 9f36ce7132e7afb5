/**
 * Path checks for a plugin package: every file a manifest names must stay inside the package
 * folder (no `..`, no absolute path, no symlink leading out), and icons are read as sanitized SVG.
 */
import fs from 'node:fs/promises';
import path from 'node:path';

function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/**
 * Resolves a manifest path inside the package; throws a message (without the place) when it
 * leaves the folder or does not exist. `realDir` is the package folder with symlinks resolved.
 */
export async function resolveInside(realDir: string, relativePath: string, what: string): Promise<string> {
  if (path.isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath) || relativePath.startsWith('\\')) {
    throw new Error(`${what} ${JSON.stringify(relativePath)} is an absolute path; it must be relative to the package folder`);
  }
  const normalized = path.normalize(relativePath);
  if (normalized.split(/[\\/]/).includes('..')) {
    throw new Error(`${what} ${JSON.stringify(relativePath)} leaves the package folder`);
  }
  const full = path.join(realDir, normalized);
  let real: string;
  try {
    real = await fs.realpath(full);
  } catch {
    throw new Error(`${what} ${JSON.stringify(relativePath)} does not exist`);
  }
  if (!isInside(realDir, real)) {
    throw new Error(`${what} ${JSON.stringify(relativePath)} is a symlink pointing outside the package folder (to ${real})`);
  }
  const stat = await fs.stat(real);
  if (!stat.isFile()) throw new Error(`${what} ${JSON.stringify(relativePath)} is not a file`);
  return full;
}

/** the first symlink in the folder tree whose target lies outside the folder (or is dangling), or null */
export async function symlinkLeavingFolder(realDir: string, skip: string[] = []): Promise<{ link: string; target: string } | null> {
  const pending = [realDir];
  while (pending.length > 0) {
    const dir = pending.pop() as string;
    for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isSymbolicLink()) {
        const target = await fs.realpath(full).catch(() => null);
        if (!target || !isInside(realDir, target)) return { link: path.relative(realDir, full), target: target ?? '(missing)' };
      } else if (entry.isDirectory() && !skip.includes(entry.name)) {
        pending.push(full);
      }
    }
  }
  return null;
}

const MAX_ICON_BYTES = 256 * 1024;

/** SVG markup with scripts, event handlers, foreign objects and javascript: links removed; null when not an SVG */
export function sanitizeSvg(text: string): string | null {
  const body = text.replace(/^\uFEFF/, '').replace(/<\?xml[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<!DOCTYPE[\s\S]*?>/gi, '').trim();
  if (!/^<svg[\s>]/i.test(body) || !/<\/svg>\s*$/i.test(body)) return null;
  return body
    .replace(/<script[\s\S]*?<\/script\s*>/gi, '')
    .replace(/<script[^>]*\/>/gi, '')
    .replace(/<foreignObject[\s\S]*?<\/foreignObject\s*>/gi, '')
    .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/(href\s*=\s*)("\s*javascript:[^"]*"|'\s*javascript:[^']*')/gi, '$1"#"');
}

/** reads an icon file as sanitized SVG text; throws when it is not an SVG */
export async function readIconSvg(file: string, relativePath: string, what: string): Promise<string> {
  const stat = await fs.stat(file);
  if (stat.size > MAX_ICON_BYTES) throw new Error(`${what} ${JSON.stringify(relativePath)} is larger than ${MAX_ICON_BYTES / 1024} KB`);
  const svg = sanitizeSvg(await fs.readFile(file, 'utf8'));
  if (svg === null) throw new Error(`${what} ${JSON.stringify(relativePath)} is not an SVG image`);
  return svg;
}
