import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { readContactsFile } from '../../../src/main/interop/read';
import { decodeText } from '../../../src/main/interop/decode';
import { normalizeDate, canonicalLinkedIn } from '../../../src/main/interop/incoming';
import { fixture } from './fixtures';

const byName = (r: ReturnType<typeof readContactsFile>, name: string) => {
  const c = r.contacts.find((x) => x.displayName === name);
  if (!c) throw new Error(`${name} not found in ${r.contacts.map((x) => x.displayName).join(', ')}`);
  return c;
};

describe('LinkedIn Connections.csv', () => {
  it('skips the notes preamble and reads every column', () => {
    const r = readContactsFile('Connections.csv', fixture('linkedin-Connections.csv'));
    expect(r.format).toBe('linkedin');
    expect(r.contacts).toHaveLength(7);
    expect(byName(r, 'Ana Souza')).toMatchObject({
      givenName: 'Ana',
      familyName: 'Souza',
      organisation: 'Northwind Traders',
      title: 'Staff Engineer',
      emails: [{ email: 'ana.souza@northwind.example', label: null }],
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/ana-souza-7b2a1' }],
      connectedOn: '2019-03-14',
    });
    expect(byName(r, 'Kwame Mensah').organisation).toBe('Contoso, Ltd.');
    expect(byName(r, 'Mei Lin').title).toBe('Director, Product');
    expect(byName(r, 'Søren Ødegård').links[0].url).toBe(
      'https://www.linkedin.com/in/s%C3%B8ren-%C3%B8deg%C3%A5rd',
    );
    expect(byName(r, 'Lena Fischer').organisation).toBeNull();
    // A member who left LinkedIn: a URL and a date, no name.
    expect(r.skipped).toEqual([expect.objectContaining({ row: 7, reason: 'no_name' })]);
  });

  it('reads Connections.csv out of the whole export zip', () => {
    const r = readContactsFile(
      'Basic_LinkedInDataExport.zip',
      fixture('linkedin-Basic_LinkedInDataExport.zip'),
    );
    expect(r.format).toBe('linkedin');
    expect(r.contacts).toHaveLength(7);
  });

  it('refuses a zip without contacts and a zip bomb by its declared size', () => {
    expect(() => readContactsFile('x.zip', zipSync({ 'a.txt': strToU8('hi') }))).toThrow(
      /no Connections.csv/,
    );
    // A small zip whose directory claims 300 MB: refused before inflating a byte.
    const big = Buffer.from(zipSync({ 'Connections.csv': strToU8('First Name,Last Name\n') }));
    big.writeUInt32LE(300 * 1024 * 1024, 22);
    big.writeUInt32LE(300 * 1024 * 1024, big.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 24);
    expect(() => readContactsFile('bomb.zip', new Uint8Array(big))).toThrow(/larger than 256 MB/);
  });

  it('normalises dates and profile addresses', () => {
    expect(normalizeDate('14 Mar 2019')).toBe('2019-03-14');
    expect(normalizeDate('1 Sept 24')).toBe('2024-09-01');
    expect(normalizeDate('4/17/1979')).toBe('1979-04-17');
    expect(normalizeDate('--0415')).toBe('--04-15');
    expect(normalizeDate('19851102')).toBe('1985-11-02');
    expect(normalizeDate('2023-02-30')).toBeNull();
    expect(normalizeDate('0/0/00')).toBeNull();
    expect(canonicalLinkedIn('linkedin.com/in/AnaSouza/?trk=x')).toBe('https://www.linkedin.com/in/anasouza');
    expect(canonicalLinkedIn('https://uk.linkedin.com/in/ana')).toBe('https://www.linkedin.com/in/ana');
  });
});

describe('Google Contacts CSV', () => {
  it('reads numbered emails, phones and websites, labels as tags, quoted newlines in notes', () => {
    const r = readContactsFile('contacts.csv', fixture('google-contacts.csv'));
    expect(r.format).toBe('google');
    const ana = byName(r, 'Ana Souza');
    expect(ana).toMatchObject({
      organisation: 'Northwind Traders',
      title: 'Staff Engineer',
      birthday: '1988-07-21',
      notes: 'Met at QCon London.\nMentors two juniors.',
      tags: ['Conference'],
    });
    expect(ana.emails.map((e) => [e.email, e.label])).toEqual([
      ['ana.souza@northwind.example', 'Work'],
      ['ana@souza.example', 'Home'],
    ]);
    const grace = byName(r, 'Grace Hopper');
    expect(grace.birthday).toBe('--12-09');
    expect(grace.phones.map((p) => p.phone)).toEqual(['+1 202-555-0143', '+1 202-555-0199']);
    expect(grace.tags).toEqual(['Mentors', 'Navy']);
    expect(byName(r, 'Rahul K. Verma').links).toEqual([
      { kind: 'website', url: 'https://rahulverma.example/blog' },
    ]);
    // The empty row is skipped; the bad email, phone and birthday are row warnings.
    expect(r.skipped.map((s) => s.reason)).toEqual(['empty']);
    const chen = r.warnings.filter((w) => w.row === 5).map((w) => w.message);
    expect(chen.join('\n')).toMatch(/not-an-email.*not an email/);
    expect(chen.join('\n')).toMatch(/call me maybe.*not a phone/);
    expect(chen.join('\n')).toMatch(/not a date/);
  });

  it('reads the legacy Google layout', () => {
    const r = readContactsFile('google.csv', fixture('google-contacts-legacy.csv'));
    expect(r.format).toBe('google');
    expect(r.contacts[0]).toMatchObject({
      displayName: 'Fatima Al-Sayed',
      organisation: 'Adatum Corporation',
      title: 'SVP Engineering',
      tags: ['My Contacts', 'Sponsors'],
      links: [{ kind: 'x', url: 'https://twitter.com/fatima_builds' }],
    });
  });
});

describe('Outlook CSV in three encodings', () => {
  for (const [file, encoding] of [
    ['outlook-contacts.csv', 'utf-8'],
    ['outlook-contacts-1252.csv', 'windows-1252'],
    ['outlook-contacts-utf16.csv', 'utf-16le'],
  ] as const) {
    it(`detects ${encoding} and reads accents, job title and categories (${file})`, () => {
      const r = readContactsFile(file, fixture(file));
      expect(r.format).toBe('outlook');
      expect(r.encoding).toBe(encoding);
      expect(r.contacts.map((c) => c.displayName)).toEqual([
        'Hélène Dubois',
        'Jürgen Müller',
        'Zoë Ó Briain',
      ]);
      expect(byName(r, 'Hélène Dubois')).toMatchObject({
        organisation: 'Fabrikam Société',
        title: 'Directrice financière',
        birthday: '1979-04-17',
        tags: ['Finance', 'Mentors'],
        phones: [{ phone: '+33 6 12 34 56 78', label: 'mobile' }],
      });
      expect(byName(r, 'Jürgen Müller').birthday).toBeNull();
      expect(byName(r, 'Jürgen Müller').links[0].url).toBe('https://www.mueller.example');
      expect(byName(r, 'Zoë Ó Briain').notes).toBe('Line one\nLine two, with comma');
      expect(r.warnings).toEqual([]);
    });
  }

  it('detects UTF-16 without a byte-order mark', () => {
    const text = 'First Name,Last Name,E-mail Address\r\nÅsa,Berg,asa@example.org\r\n';
    expect(decodeText(new Uint8Array(Buffer.from(text, 'utf16le')))).toEqual({ text, encoding: 'utf-16le' });
  });
});

describe('vCard', () => {
  it("keeps a birthday's day and month when the year is a stand-in: Apple's omitted year, or 0000", () => {
    const card = (name: string, bday: string) =>
      `BEGIN:VCARD\r\nVERSION:3.0\r\nFN:${name}\r\nN:${name};;;;\r\n${bday}\r\nEND:VCARD\r\n`;
    const r = readContactsFile(
      'omit.vcf',
      strToU8(
        card('Ada', 'BDAY;X-APPLE-OMIT-YEAR=1604:1604-03-15') +
          card('Bo', 'BDAY:0000-07-01') +
          card('Cy', 'BDAY:1604-03-15') +
          card('Di', 'BDAY:1990-02-29') +
          // A plausible stand-in year is only known to be one by Apple's parameter.
          card('Ed', 'BDAY;X-APPLE-OMIT-YEAR=1900:1900-05-04'),
      ),
    );
    expect(['Ada', 'Bo', 'Cy', 'Di', 'Ed'].map((n) => byName(r, n).birthday)).toEqual([
      '--03-15',
      '--07-01',
      '--03-15',
      null,
      '--05-04',
    ]);
    expect(r.warnings.map((w) => w.message)).toEqual(['The birthday "1990-02-29" is not a date; left out.']);
  });

  it('reads Apple vCard 3.0 with a binary photo, grouped URL and categories', () => {
    const r = readContactsFile('apple.vcf', fixture('apple-3.0.vcf'));
    expect(r.format).toBe('vcard');
    const chidi = byName(r, 'Chidi Okafor');
    expect(chidi).toMatchObject({
      givenName: 'Chidi',
      familyName: 'Okafor',
      organisation: 'Adventure Works',
      title: 'Research Lead',
      birthday: '1985-11-02',
      notes: 'Introduced by Ana at the Lisbon offsite.\nFollow up on the ML reading group.',
      tags: ['Research', 'Mentors'],
      links: [{ kind: 'linkedin', url: 'https://www.linkedin.com/in/chidiokafor' }],
    });
    expect(chidi.emails.map((e) => [e.email, e.label])).toEqual([
      ['chidi.okafor@adventure-works.example', 'work'],
      ['chidi@okafor.example', 'home'],
    ]);
    expect(chidi.photo?.mime).toBe('image/png');
    expect(
      Buffer.from(chidi.photo?.base64 ?? '', 'base64')
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
    expect(byName(r, 'Yuki Nakamura').organisation).toBe('Contoso, Ltd.');
  });

  it('reads vCard 4.0 with a data: URI photo, tel: URIs, year-less birthdays', () => {
    const r = readContactsFile('contacts.vcf', fixture('contacts-4.0.vcf'));
    const isabel = byName(r, 'Isabel Ferreira');
    expect(isabel).toMatchObject({
      birthday: '--04-15',
      tags: ['Sponsors', 'Lisbon'],
      title: 'Head of Data',
    });
    expect(isabel.phones).toEqual([{ phone: '+351-91-555-0123', label: 'cell' }]);
    expect(isabel.photo?.mime).toBe('image/png');
    expect(byName(r, 'Omar Haddad').links).toEqual([{ kind: 'x', url: 'https://x.com/omarhaddad' }]);
    expect(r.contacts.length + r.skipped.length).toBe(3);
  });
});
