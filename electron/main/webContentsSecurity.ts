/**
 * Locks down every web page the app creates: no navigation away from the renderer, no new
 * windows, no permission grants, no <webview>, no remote content.
 */
import { app, session, shell } from 'electron';
import { isAppUrl } from './appProtocol.js';

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
      // links to documentation open in the user's browser, never inside the app
      if (/^https:\/\//.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
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
