import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const fixturesDir = join(__dirname, '../../fixtures/contacts');
export const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(join(fixturesDir, name)));
