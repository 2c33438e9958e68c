import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  contentSecurityPolicy,
  isAllowedNavigation,
  isAllowedRequest,
  isAppUrl,
  safeExternalUrl,
} from '../../../src/main/security/policy';

const appUrl = 'file:///opt/Rapport/resources/app.asar/out/renderer/index.html';
const appRoot = 'file:///opt/Rapport/resources/app.asar/out/renderer/';
const dev = 'http://localhost:5173';

/** URLs an attacker (or an imported file's text) could put in front of the app. */
const hostile = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'javascript://example.com/%0Aalert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  'file:///etc/passwd',
  'file:///C:/Windows/System32/calc.exe',
  'file://attacker.example/share/renderer/index.html',
  'file:///tmp/evil/renderer/index.html.exe',
  'http://example.com',
  'http://localhost:5173/',
  'ftp://example.com/file',
  'https://user:pass@example.com/',
  'https://example.com@evil.example/',
  'https://localhost/',
  'https://127.0.0.1./',
  'https://192.168.1.1/admin',
  'https://[::1]/',
  'https://app.localhost/',
  'https://0x7f.1/',
  'https://раураӏ.com/',
  'https://evil.example\u202e/moc.elgoog',
  'ms-msdt:/id PCWDiagnostic',
  'search-ms:query=calc',
  'smb://attacker.example/share',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'about:blank',
  'blob:https://evil.example/0d5c',
  'mailto:',
  'mailto:not-an-address',
  'mailto:a@b.example?attach=/etc/passwd',
  'mailto:%E0%A4%A',
  'mailto:a@b.example,c@d.example',
  '',
  '   ',
  'not a url',
  '//evil.example/path',
];

describe('isAppUrl', () => {
  it('accepts the built page and the dev server only', () => {
    expect(isAppUrl(appUrl)).toBe(true);
    expect(isAppUrl(`${appUrl}#/contacts/3`)).toBe(true);
    expect(isAppUrl('http://localhost:5173/#/contacts', dev)).toBe(true);
    expect(isAppUrl('http://localhost:5173/', undefined)).toBe(false);
    expect(isAppUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isAppUrl(undefined)).toBe(false);
    expect(isAppUrl(null)).toBe(false);
  });

  it.each(hostile)('refuses %j', (url) => {
    expect(isAppUrl(url)).toBe(false);
  });
});

describe('isAllowedNavigation', () => {
  it('allows only staying on the app page (hash routes)', () => {
    expect(isAllowedNavigation(`${appUrl}#/goals`, appUrl)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/#/x', 'http://localhost:5173/', dev)).toBe(true);
    expect(isAllowedNavigation('http://localhost:5173/other', 'http://localhost:5173/', dev)).toBe(false);
  });

  it.each(hostile)('refuses navigating to %j', (url) => {
    expect(isAllowedNavigation(url, appUrl)).toBe(false);
    if (!url.startsWith(dev)) expect(isAllowedNavigation(url, 'http://localhost:5173/', dev)).toBe(false);
  });

  it('refuses every generated URL that is not the app page', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withFragments: true, withQueryParameters: true }), fc.string()),
        (url) => {
          expect(isAllowedNavigation(url, appUrl)).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('safeExternalUrl', () => {
  it('passes plain https pages and mail addresses', () => {
    expect(safeExternalUrl('https://www.linkedin.com/in/ana')).toBe('https://www.linkedin.com/in/ana');
    expect(safeExternalUrl(' https://example.com/a?b=c#d ')).toBe('https://example.com/a?b=c#d');
    expect(safeExternalUrl('mailto:ana@example.com')).toBe('mailto:ana@example.com');
    // Unicode hosts go out in their punycode form, so the address bar shows what they are.
    expect(safeExternalUrl('https://раураӏ.com/')).toBe('https://xn--80aa0cbo65f.com/');
  });

  it('drops mail headers that could attach files or prefill text', () => {
    expect(safeExternalUrl('mailto:a@b.example?attach=/etc/passwd')).toBe('mailto:a@b.example');
  });

  it.each(hostile.filter((u) => !u.startsWith('https://раураӏ') && !u.startsWith('mailto:a@b.example?')))(
    'refuses %j',
    (url) => {
      expect(safeExternalUrl(url)).toBeNull();
    },
  );

  it.each([undefined, null, 42, {}, ['https://example.com'], `https://example.com/${'a'.repeat(3000)}`])(
    'refuses the non-URL or oversized %#',
    (value) => {
      expect(safeExternalUrl(value)).toBeNull();
    },
  );

  it('never throws and only ever answers https: or mailto:', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          fc.string().map((s) => `mailto:${s}`),
          fc.string().map((s) => `https://${s}`),
          fc.string({ unit: 'grapheme' }).map((s) => `https://${s}.example/`),
          fc.anything(),
        ),
        (raw) => {
          const out = safeExternalUrl(raw);
          if (out !== null) {
            const parsed = new URL(out);
            expect(['https:', 'mailto:']).toContain(parsed.protocol);
            expect(parsed.username + parsed.password).toBe('');
            if (parsed.protocol === 'mailto:') expect(parsed.search).toBe('');
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('isAllowedRequest', () => {
  it('lets the app load its own files, devtools, data and blob URLs', () => {
    expect(isAllowedRequest(`${appRoot}index.html`, undefined, appRoot)).toBe(true);
    expect(isAllowedRequest(`${appRoot}assets/index-abc.js`, undefined, appRoot)).toBe(true);
    expect(isAllowedRequest('data:image/png;base64,AAAA', undefined, appRoot)).toBe(true);
    expect(isAllowedRequest('blob:file:///0d5c', undefined, appRoot)).toBe(true);
    expect(isAllowedRequest('http://localhost:5173/src/main.tsx', dev)).toBe(true);
    expect(isAllowedRequest('ws://localhost:5173/', dev)).toBe(true);
  });

  it.each([
    'https://example.com/track.gif',
    'http://example.com/',
    'wss://evil.example/',
    'ws://localhost:9999/',
    'http://localhost:5174/',
    'file:///etc/passwd',
    `${appRoot}../../../../../etc/passwd`,
    `${appRoot}%2e%2e/%2e%2e/secret`,
    'file://attacker.example/share/x.js',
    'ftp://example.com/',
  ])('blocks %j', (url) => {
    expect(isAllowedRequest(url, dev, appRoot)).toBe(false);
  });

  it('blocks every generated web URL when no dev server runs', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https', 'ws', 'wss', 'ftp'] }), (url) => {
        expect(isAllowedRequest(url, undefined, appRoot)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

describe('content security policy', () => {
  const directives = (policy: string) =>
    new Map(
      policy
        .split(';')
        .map((d) => d.trim())
        .filter(Boolean)
        .map((d) => {
          const [name, ...sources] = d.split(/\s+/);
          return [name, sources.sort().join(' ')] as const;
        }),
    );
  // A <meta> CSP cannot carry frame-ancestors (browsers ignore it there); the header carries it.
  const headerOnly = new Set(['frame-ancestors', 'report-uri', 'sandbox']);

  it('is strict: self only, no eval, no inline script, no objects, no network', () => {
    const policy = directives(contentSecurityPolicy);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self'");
    expect(policy.get('connect-src')).toBe("'self'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.get('worker-src')).toBe("'self' blob:");
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|\*|https?:/);
  });

  it('is the same in the renderer page as in the response header', () => {
    const html = readFileSync('src/renderer/index.html', 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'index.html has a CSP meta tag').not.toBeNull();
    const header = directives(contentSecurityPolicy);
    for (const name of headerOnly) header.delete(name);
    expect(directives(meta?.[1] ?? '')).toEqual(header);
  });
});
