/**
 * The OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service on Linux desktops)
 * through @napi-rs/keyring, for connection passwords. `null` where there is none to reach (a
 * headless Linux machine, CI) or when WEFT_KEYCHAIN=off: callers then keep the password in the
 * data folder's private connections file and say so.
 */
import { createRequire } from 'node:module';

export interface OsKeychain {
  get(account: string): string | null;
  set(account: string, secret: string): void;
  delete(account: string): void;
}

const SERVICE = 'weft';

interface KeyringEntry {
  getPassword(): string | null | undefined;
  setPassword(secret: string): void;
  deletePassword(): boolean;
}
type KeyringModule = { Entry: new (service: string, account: string) => KeyringEntry };

let probed: OsKeychain | null | undefined;

export function openOsKeychain(): OsKeychain | null {
  if (process.env.WEFT_KEYCHAIN === 'off') return null;
  if (probed !== undefined) return probed;
  probed = null;
  try {
    // loaded lazily: a native module, needed only when connections are used
    const require = createRequire(import.meta.url);
    const { Entry } = require('@napi-rs/keyring') as KeyringModule;
    const probe = new Entry(SERVICE, 'weft-keychain-probe');
    probe.setPassword('probe');
    probe.deletePassword();
    probed = {
      get: (account) => new Entry(SERVICE, account).getPassword() ?? null,
      set: (account, secret) => new Entry(SERVICE, account).setPassword(secret),
      delete: (account) => {
        try {
          new Entry(SERVICE, account).deletePassword();
        } catch {
          // already gone
        }
      },
    };
  } catch {
    probed = null;
  }
  return probed;
}
