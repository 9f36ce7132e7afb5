/** Installing, loading and removing plugin packages; the palette follows through onPluginsChanged. */
import { getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';
import { installClashOf } from '../model/installClash.js';
import { catalogStore } from '../store/catalogStore.js';
import { dialogStore } from '../store/dialogStore.js';


export async function refreshCatalog(): Promise<void> {
  try {
    catalogStore.getState().setTools(await getWeftApi().listTools());
  } catch (error) {
    catalogStore.getState().setCatalogError(errorText(error));
  }
}

function installed(tools: { name: string }[], what: string): void {
  dialogStore.getState().showNotice(`${what}: ${tools.map((tool) => tool.name).join(', ') || 'no tools'}`);
  void refreshCatalog();
}

export async function installPluginFrom(dir: string, force = false): Promise<void> {
  try {
    installed(await getWeftApi().installPlugin(dir, force), 'Installed');
  } catch (error) {
    const message = errorText(error);
    const clash = force ? null : installClashOf(message);
    if (clash) {
      dialogStore.getState().openDialog({
        kind: 'confirm', title: 'Replace installed plugin?',
        message: `A plugin package named "${clash.packageName}" is already installed.\n\nReplace it with the one in ${dir}?`,
        confirmLabel: 'Replace', onConfirm: () => { void installPluginFrom(dir, true); },
      });
      return;
    }
    dialogStore.getState().showNotice(message, 'error');
  }
}

export async function loadPluginFolder(dir: string): Promise<void> {
  try {
    installed(await getWeftApi().loadPluginFolder(dir), 'Loaded for development');
  } catch (error) {
    dialogStore.getState().showNotice(errorText(error), 'error');
  }
}

export async function removePluginPackage(packageName: string): Promise<void> {
  try {
    await getWeftApi().removePlugin(packageName);
    dialogStore.getState().showNotice(`Removed ${packageName}`);
    void refreshCatalog();
  } catch (error) {
    dialogStore.getState().showNotice(errorText(error), 'error');
  }
}

export async function removeVirtualTool(fullId: string): Promise<void> {
  try {
    await getWeftApi().removeVirtualTool(fullId);
    dialogStore.getState().showNotice(`Removed ${fullId}`);
    void refreshCatalog();
  } catch (error) {
    dialogStore.getState().showNotice(errorText(error), 'error');
  }
}
