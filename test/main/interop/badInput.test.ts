import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../src/shared/ipc/envelope';
import { commitParsed } from '../../../src/main/interop/contactsImport';
import { readContactsFile } from '../../../src/main/interop/read';
import { tempStore, type TempStore } from '../../support/store';
import { fixture } from './fixtures';
import { linkedInCsv } from './generate';
import { seedNetwork } from './seed';

let t: TempStore;
beforeEach(async () => {
  t = await tempStore();
});
afterEach(async () => {
  await t.cleanup();
});

const bytes = (text: string) => new Uint8Array(Buffer.from(text, 'utf8'));
const request = () => ({
  circle: 'colleague' as const,
  now: new Date('2026-05-01T00:00:00Z'),
  dataDir: t.dir,
  backup: false,
});
const count = (table: string) =>
  t.store.sqlite.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;

function fileErrorCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(AppError);
    return ((error as AppError).details as { code: string }).code;
  }
  throw new Error('expected the file to be refused');
}

describe('bad input', () => {
  it('refuses empty, binary and header-less files with a specific error', () => {
    expect(fileErrorCode(() => readContactsFile('a.csv', new Uint8Array()))).toBe('UNREADABLE');
    expect(
      fileErrorCode(() => readContactsFile('a.csv', new Uint8Array([0, 1, 2, 3, 0, 0, 255, 0, 9]))),
    ).toBe('UNREADABLE');
    expect(fileErrorCode(() => readContactsFile('a.csv', bytes('Colour,Shape\nred,round\n')))).toBe(
      'MISSING_COLUMNS',
    );
    expect(fileErrorCode(() => readContactsFile('a.zip', bytes('PK\u0003\u0004garbage')))).toBe('ZIP');
    expect(fileErrorCode(() => readContactsFile('a.vcf', bytes('hello')))).toBe('UNKNOWN_FORMAT');
  });

  it('imports what it can from a truncated CSV and says which row was cut', async () => {
    const full = linkedInCsv(50);
    const cut = full.slice(0, full.lastIndexOf('"Contoso') + 5);
    const parsed = readContactsFile('Connections.csv', bytes(cut));
    const last = parsed.skipped.at(-1);
    expect(last).toMatchObject({ reason: 'broken' });
    expect(last?.message).toMatch(/never closed/);
    expect(parsed.contacts.length + parsed.skipped.length).toBeGreaterThan(40);
    const outcome = await commitParsed(t.store, parsed, request());
    expect(count('contacts')).toBe(outcome.created);
  });

  it('skips a vCard cut short and keeps the whole cards', () => {
    const text = Buffer.from(fixture('apple-3.0.vcf')).toString('utf8');
    const cut = text.slice(0, text.lastIndexOf('TITLE:Sales'));
    const parsed = readContactsFile('cut.vcf', bytes(cut));
    expect(parsed.contacts.map((c) => c.displayName)).toEqual(['Chidi Okafor']);
    expect(parsed.skipped).toEqual([expect.objectContaining({ row: 2, reason: 'broken' })]);
    expect(parsed.skipped[0].message).toMatch(/no END:VCARD/);
  });

  it('leaves out a 20 MB photo with a warning and imports the rest of the card', async () => {
    const photo = Buffer.alloc(20 * 1024 * 1024, 7).toString('base64');
    const folded = photo.match(/.{1,74}/g)?.join('\r\n ') ?? '';
    const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Big Photo\r\nEMAIL:big@example.org\r\nPHOTO;ENCODING=b;TYPE=JPEG:${folded}\r\nNOTE:after the photo\r\nEND:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Small\r\nEND:VCARD\r\n`;
    const parsed = readContactsFile('big.vcf', bytes(card));
    expect(parsed.contacts.map((c) => [c.displayName, c.notes, c.photo])).toEqual([
      ['Big Photo', 'after the photo', null],
      ['Small', null, null],
    ]);
    expect(parsed.warnings[0].message).toMatch(/photo of card 1 \(20\.\d MB\) is larger than 2 MB/);
    await commitParsed(t.store, parsed, request());
    expect(count('contacts')).toBe(2);
    expect(count('contact_photos')).toBe(0);
  });

  it('reads quoted newlines, missing cells and extra cells with per-row warnings', () => {
    const text =
      'First Name,Last Name,E-mail Address,Notes\n' +
      'Ana,Souza,ana@example.org,"line one\nline two, with ""quotes"""\n' +
      'Bo,Chen\n' +
      'Cy,Dee,cy@example.org,note,extra,cells\n';
    const parsed = readContactsFile('x.csv', bytes(text));
    expect(parsed.contacts.map((c) => c.displayName)).toEqual(['Ana Souza', 'Bo Chen', 'Cy Dee']);
    expect(parsed.contacts[0].notes).toBe('line one\nline two, with "quotes"');
    expect(parsed.warnings.map((w) => w.row)).toEqual([2, 3]);
  });

  it('imports a 100,000-row LinkedIn file in one transaction', async () => {
    const parsed = readContactsFile('Connections.csv', bytes(linkedInCsv(100_000)));
    expect(parsed.contacts).toHaveLength(100_000);
    const outcome = await commitParsed(t.store, parsed, request());
    expect(outcome.created).toBe(100_000);
    expect(count('contacts')).toBe(100_000);
  }, 600_000);

  it('a full disk gives a clear error and leaves the data unchanged', async () => {
    seedNetwork(t.store, 30, 2);
    t.store.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    const pages = t.store.sqlite.pragma('page_count', { simple: true }) as number;
    t.store.sqlite.pragma(`max_page_count = ${pages + 5}`);
    const parsed = readContactsFile('Connections.csv', bytes(linkedInCsv(10_000)));
    await expect(commitParsed(t.store, parsed, request())).rejects.toThrow(/disk is full.*nothing changed/);
    expect(count('contacts')).toBe(30);
    expect(count('imports')).toBe(0);
    expect(t.store.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
  });
});
