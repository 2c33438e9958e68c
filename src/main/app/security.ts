import { shell, type Session, type WebContents } from 'electron';
import {
  contentSecurityPolicy,
  isAllowedNavigation,
  isAllowedRequest,
  safeExternalUrl,
} from '../security/policy';

/** No request leaves the app: only its own files (or the dev server) load; no permissions. */
export function hardenSession(session: Session, devServerUrl?: string, appFileRoot?: string): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAllowedRequest(details.url, devServerUrl, appFileRoot) });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] },
    });
  });
  session.setPermissionRequestHandler((_webContents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Navigation and new windows are refused; safe links open in the user's browser or mail app. */
export function hardenContents(contents: WebContents, devServerUrl?: string): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAllowedNavigation(url, contents.getURL(), devServerUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAllowedNavigation(url, contents.getURL(), devServerUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    const external = safeExternalUrl(url);
    if (external) void shell.openExternal(external);
    return { action: 'deny' };
  });
}
