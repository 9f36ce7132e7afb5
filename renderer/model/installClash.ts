/**
 * The registry refuses to install a package whose name is already installed unless forced. Its
 * error carries no code (electron/engine/registry/pluginRegistry.ts throws a PackageError with
 * the text `a package named "NAME" is already installed (version V); use --force to replace it`),
 * so the clash is recognised from that text; the test pins the wording.
 */
const CLASH = /a package named "([^"]+)" is already installed/;

/** the installed package's name when `message` is the registry's name clash, else null */
export function installClashOf(message: string): { packageName: string } | null {
  const match = CLASH.exec(message);
  return match ? { packageName: match[1]! } : null;
}
