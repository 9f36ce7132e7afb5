/**
 * Locks down every web page the app creates: no navigation away from the renderer, no new
 * windows, no permission grants, no <webview>, no remote content.
 */
import { app, BrowserWindow, dialog, session, shell, type WebContents } from 'electron';
import { isAppUrl } from './appProtocol.js';
import { externalLinkDecision } from './externalLinkPolicy.js';

export function hardenWebContents(): void {
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (!isAppUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      // links open in the user's browser, never inside the app
      void openExternalLink(contents, url);
      return { action: 'deny' };
    });
  });
}

/** documentation on the allow-list opens at once, another https link after the user agrees */
async function openExternalLink(contents: WebContents, url: string): Promise<void> {
  const decision = externalLinkDecision(url);
  if (decision === 'refuse') return;
  if (decision === 'confirm') {
    const owner = BrowserWindow.fromWebContents(contents);
    const options = {
      type: 'question' as const,
      buttons: ['Open in browser', 'Cancel'],
      defaultId: 1,
      cancelId: 1,
      message: 'Open this link in your browser?',
      detail: url,
    };
    const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
    if (response !== 0) return;
  }
  await shell.openExternal(url);
}

export function denyPermissions(): void {
  const defaultSession = session.defaultSession;
  defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  defaultSession.setPermissionCheckHandler(() => false);
  defaultSession.webRequest.onBeforeRequest((details, callback) => {
    // only our own scheme, devtools and in-page data/blob URLs: nothing from the network or disk
    const allowed = /^(app|devtools|data|blob|chrome-extension):/.test(details.url);
    callback({ cancel: !allowed });
  });
}
