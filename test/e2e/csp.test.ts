import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/security/policy';

/** Runs after `electron-vite build`: the page Electron loads carries the strict CSP. */
describe('the built renderer page', () => {
  it('carries the same Content-Security-Policy as the response header, less header-only directives', () => {
    const html = readFileSync('out/renderer/index.html', 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html);
    expect(meta, 'out/renderer/index.html has a CSP meta tag').not.toBeNull();
    const normalise = (policy: string) =>
      policy
        .split(';')
        .map((d) => d.trim().split(/\s+/).join(' '))
        .filter((d) => d && !d.startsWith('frame-ancestors'))
        .sort();
    expect(normalise(meta?.[1] ?? '')).toEqual(normalise(contentSecurityPolicy));
    // Every script the page loads is a file of its own: nothing inline for the CSP to allow.
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
  });
});
