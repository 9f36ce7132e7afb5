/**
 * Watches a data folder for changes made by other processes (a `weft plugins install|remove` in a
 * terminal, a `weft run` whose tool creates a virtual tool) so an open app's registry sees them at
 * once: the `plugins/` folder (a package renamed in or out) and `virtual-plugins.json` (replaced by
 * rename on every write). Only names directly in those folders are watched, nothing recursive:
 * installs are staged in `.staging/` and renamed into `plugins/` whole, so no half-copied package
 * is ever visible. Events are debounced and reported as what needs a rescan; the watchers never
 * keep the process alive.
 */
import fs, { type FSWatcher } from 'node:fs';
import path from 'node:path';
import { VIRTUAL_PLUGINS_FILE } from '../stores/virtualPluginStore.js';
import { PLUGINS_DIR } from './packageFolders.js';

export const DATA_FOLDER_DEBOUNCE_MS = 30;

export interface DataFolderDirty {
  /** a package folder appeared, disappeared or was replaced under `plugins/` */
  packages: boolean;
  /** `virtual-plugins.json` was replaced */
  virtual: boolean;
}

export interface DataFolderWatchEvents {
  changed(dirty: DataFolderDirty): void;
  /** the watch could not be set up or broke; the registry keeps working without it */
  problem(message: string): void;
}

export class DataFolderWatch {
  private folderWatcher: FSWatcher | null = null;
  private pluginsWatcher: FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private dirty: DataFolderDirty = { packages: false, virtual: false };
  private disposed = false;

  constructor(
    readonly dataDir: string,
    private readonly events: DataFolderWatchEvents,
  ) {}

  private get pluginsDir(): string {
    return path.join(this.dataDir, PLUGINS_DIR);
  }

  /** creates the data folder and `plugins/` when missing (so there is something to watch) and watches both */
  start(): void {
    try {
      fs.mkdirSync(this.pluginsDir, { recursive: true });
      this.folderWatcher = this.open(this.dataDir, (name) => {
        if (name === null || name === VIRTUAL_PLUGINS_FILE) this.mark({ virtual: true });
        if (name === null || name === PLUGINS_DIR) {
          // `plugins/` itself was created or removed: watch the folder now there
          this.watchPlugins();
          this.mark({ packages: true });
        }
      });
      this.watchPlugins();
    } catch (error) {
      this.events.problem(`the data folder ${this.dataDir} is not watched (changes by other processes are seen after a restart): ${(error as Error).message}`);
    }
  }

  private watchPlugins(): void {
    this.pluginsWatcher?.close();
    this.pluginsWatcher = null;
    if (!fs.existsSync(this.pluginsDir)) return;
    this.pluginsWatcher = this.open(this.pluginsDir, () => this.mark({ packages: true }));
  }

  private open(dir: string, onName: (name: string | null) => void): FSWatcher {
    const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
      if (!this.disposed) onName(name === null ? null : String(name));
    });
    watcher.on('error', (error) => {
      watcher.close();
      if (this.disposed) return;
      if (watcher === this.pluginsWatcher) {
        // e.g. `plugins/` was deleted: the data folder's watcher re-opens it when it comes back
        this.pluginsWatcher = null;
        this.mark({ packages: true });
        return;
      }
      this.events.problem(`watching ${dir} stopped: ${error.message}`);
    });
    return watcher;
  }

  private mark(dirty: Partial<DataFolderDirty>): void {
    this.dirty = { packages: this.dirty.packages || dirty.packages === true, virtual: this.dirty.virtual || dirty.virtual === true };
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      const report = this.dirty;
      this.dirty = { packages: false, virtual: false };
      if (!this.disposed) this.events.changed(report);
    }, DATA_FOLDER_DEBOUNCE_MS);
    this.timer.unref();
  }

  dispose(): void {
    this.disposed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.folderWatcher?.close();
    this.pluginsWatcher?.close();
    this.folderWatcher = null;
    this.pluginsWatcher = null;
  }
}
