/**
 * The Weft data folder (the SDK contract (docs/sdk.md)): `$WEFT_HOME` when set, else the per-user app
 * data folder Electron would use as `userData` for the app name "Weft", so the app, `weft` and the
 * browser mode all see the same installed plugins, state, blobs, virtual plugins and runs.
 */
import os from 'node:os';
import path from 'node:path';

export const APP_NAME = 'Weft';

export function resolveDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const weftHome = env.WEFT_HOME?.trim();
  if (weftHome) return path.resolve(weftHome);
  if (platform === 'win32') {
    const appData = env.APPDATA?.trim() || path.join(home, 'AppData', 'Roaming');
    return path.join(appData, APP_NAME);
  }
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_NAME);
  const config = env.XDG_CONFIG_HOME?.trim() || path.join(home, '.config');
  return path.join(config, APP_NAME);
}
