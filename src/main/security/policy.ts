/**
 * The Electron layer's security decisions as pure functions, so tests can try every
 * hostile URL without a window.
 */

/** The app's own pages: the built files, or the dev server when one is configured. */
export function isAppUrl(url: string | undefined | null, devServerUrl?: string): boolean {
  if (!url) return false;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  // A file URL with a host is a network share (UNC on Windows), never the app's own file.
  if (parsed.protocol === 'file:')
    return parsed.host === '' && parsed.pathname.endsWith('/renderer/index.html');
  if (devServerUrl) {
    try {
      return parsed.origin === new URL(devServerUrl).origin;
    } catch {
      return false;
    }
  }
  return false;
}

/** Navigation away from the app is never allowed; in-app hash routes do not navigate. */
export function isAllowedNavigation(target: string, current: string, devServerUrl?: string): boolean {
  if (!isAppUrl(target, devServerUrl)) return false;
  try {
    const a = new URL(target);
    const b = new URL(current);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

/** Only plain https pages and mailto addresses may be handed to the OS; anything else is refused. */
export function safeExternalUrl(raw: unknown): string | null {
  if (typeof raw !== 'string' || raw.length > 2048) return null;
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return null;
  }
  if (url.protocol === 'https:') {
    if (url.username || url.password || !url.hostname.includes('.')) return null;
    // A contact's page is a public site: never hand the browser an address on this machine
    // or the local network (IP literals, *.localhost), where a GET can poke a local service.
    if (/^[\d.]+$|^\[|(^|\.)localhost\.?$/i.test(url.hostname)) return null;
    return url.toString();
  }
  if (url.protocol === 'mailto:') {
    let address: string;
    try {
      address = decodeURIComponent(url.pathname);
    } catch {
      return null;
    }
    // Only the address goes out: headers such as ?attach= or ?body= could make a mail
    // client attach local files or send prepared text.
    return /^[^\s@/?#,;:<>"]+@[^\s@/?#,;:<>"]+\.[^\s@/?#,;:<>"]+$/.test(address)
      ? `mailto:${encodeURIComponent(address).replace(/%40/g, '@')}`
      : null;
  }
  return null;
}

/**
 * Requests the renderer may make: its own files, devtools, data and blob URLs it created.
 * With `appFileRoot` (the renderer folder as a `file:` URL ending in '/'), only files under
 * it load, so a page cannot read the rest of the disk.
 */
export function isAllowedRequest(url: string, devServerUrl?: string, appFileRoot?: string): boolean {
  if (url.startsWith('devtools://') || url.startsWith('data:') || url.startsWith('blob:')) return true;
  if (url.startsWith('file:')) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      return false;
    }
    if (parsed.host !== '') return false;
    // Without case: Windows may spell the drive letter either way; the URL parser has already
    // resolved any '..' that could climb out of the folder.
    return appFileRoot === undefined || parsed.href.toLowerCase().startsWith(appFileRoot.toLowerCase());
  }
  if (devServerUrl) {
    try {
      const origin = new URL(devServerUrl).origin;
      const parsed = new URL(url);
      return parsed.origin === origin || (parsed.protocol === 'ws:' && parsed.host === new URL(origin).host);
    } catch {
      return false;
    }
  }
  return false;
}

export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
