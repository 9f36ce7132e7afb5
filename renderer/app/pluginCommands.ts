/** Installing, loading and removing plugin packages; the palette follows through onPluginsChanged. */
import { getWeftApi } from '../api/index.js';
import { errorText } from '../model/errorText.js';
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

/** asks for consent (InstallPluginDialog names the package, version and folder) before installing */
export function installPluginFrom(dir: string): void {
  dialogStore.getState().openDialog({ kind: 'install-consent', dir });
}

/** installs after consent; a failure is thrown to the dialog, which stays open to show it */
export async function installConsented(dir: string, force: boolean): Promise<void> {
  installed(await getWeftApi().installPlugin(dir, force), 'Installed');
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
