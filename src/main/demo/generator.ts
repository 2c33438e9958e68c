import type { Circle, ContactEmail, ContactLink, ContactPhone } from '../../shared/contacts/schemas';
import { formatBirthdayValue } from '../../shared/contacts/birthday';
import { normalizeEmail } from '../../shared/text/email';
import { normalizePhone } from '../contacts/repository';
import type { Store } from '../db/open';
import { mulberry32, type Random } from './random';
import {
  conferences,
  juniorTitles,
  midTitles,
  citiesByRegion,
  nameRegions,
  noteSnippets,
  orgKinds,
  orgStems,
  seniorTitles,
  tagNames,
  type NameRegion,
} from './vocabulary';

/**
 * How a person relates to the user. Later generators (the journal's years of meetings)
 * read this to decide who meets whom, how often and in which meetings.
 */
export type DemoRole =
  | 'teammate'
  | 'manager'
  | 'report'
  | 'coworker'
  | 'former-colleague'
  | 'mentor'
  | 'sponsor'
  | 'mentee'
  | 'peer'
  | 'friend'
  | 'acquaintance';

export interface DemoOrganisation {
  name: string;
  domain: string;
  industry: string;
}

export interface DemoPerson {
  /** Position in `people`; stable for a seed and size. */
  index: number;
  role: DemoRole;
  /** 0 (met once) to 1 (speaks to the user every week): how often a journal should show them. */
  closeness: number;
  /** The user's team at their current employer, for team meetings; null outside it. */
  team: string | null;
  organisationIndex: number;
  displayName: string;
  givenName: string;
  familyName: string;
  organisation: string;
  title: string;
  howWeMet: string;
  /** `index` of the person who introduced them to the user, when "how we met" says so. */
  introducerIndex: number | null;
  notes: string | undefined;
  cadenceDays: number | null;
  /** `YYYY-MM-DD` or year-less `--MM-DD`, for about two in five people. */
  birthday: string | null;
  /** "City, country" for most people: often their organisation's city, else one of their name's region. */
  location: string | null;
  /** A work anniversary for about one in six people. */
  importantDates: Array<{ label: string; date: string }>;
  archived: boolean;
  circles: Circle[];
  emails: ContactEmail[];
  phones: ContactPhone[];
  links: ContactLink[];
  tags: string[];
  createdAt: string;
}

export interface DemoNetwork {
  seed: number;
  /** The user, whose own addresses settings should know. */
  self: { displayName: string; email: string; organisationIndex: number };
  organisations: DemoOrganisation[];
  people: DemoPerson[];
}

export interface DemoOptions {
  seed?: number;
  /** How many contacts; about 300 makes a believable personal network, 10,000 a benchmark. */
  size?: number;
  /** The generated history ends here (creation dates fall in the three years before). */
  now?: Date;
}

export const defaultDemoSeed = 20_260_101;
export const defaultDemoSize = 300;
const teams = ['Platform', 'Payments', 'Growth', 'Data'] as const;

const roleCircles: Record<DemoRole, ReadonlyArray<readonly [Circle[], number]>> = {
  teammate: [
    [['colleague'], 8],
    [['colleague', 'friend'], 2],
  ],
  manager: [
    [['colleague'], 1],
    [['colleague', 'sponsor'], 2],
  ],
  report: [
    [['colleague'], 2],
    [['colleague', 'mentee'], 1],
  ],
  coworker: [
    [['colleague'], 9],
    [['colleague', 'peer'], 1],
  ],
  'former-colleague': [
    [['colleague'], 6],
    [['colleague', 'friend'], 1],
    [['colleague', 'mentor'], 1],
  ],
  mentor: [[['mentor'], 1]],
  sponsor: [
    [['sponsor'], 3],
    [['sponsor', 'mentor'], 1],
  ],
  mentee: [[['mentee'], 1]],
  peer: [[['peer'], 1]],
  friend: [
    [['friend'], 3],
    [['friend', 'peer'], 1],
  ],
  acquaintance: [[['other'], 1]],
};

/** ASCII for addresses and handles: 'Zoë Ångström' -> 'zoe', 'angstrom'. */
function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/Ł/g, 'L')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

function makeOrganisations(random: Random, count: number): DemoOrganisation[] {
  const regionsSuffix = ['', ' Europe', ' Asia', ' Americas', ' Africa'];
  const names = new Set<string>();
  const result: DemoOrganisation[] = [];
  while (result.length < count) {
    const kind = random.pick(orgKinds);
    const base = `${random.pick(orgStems)} ${kind.suffix}`;
    // Past the plain names, big networks get regional arms, then numbered ones.
    const attempt = names.has(base) ? `${base}${random.pick(regionsSuffix)}` : base;
    const name = names.has(attempt) ? `${base} ${result.length}` : attempt;
    if (names.has(name)) continue;
    names.add(name);
    result.push({ name, domain: `${slug(name)}.example`, industry: kind.industry });
  }
  return result;
}

function titleFor(random: Random, role: DemoRole): string {
  switch (role) {
    case 'mentor':
    case 'sponsor':
    case 'manager':
      return random.pick(seniorTitles);
    case 'mentee':
    case 'report':
      return random.pick(juniorTitles);
    default:
      return random.weighted([
        [random.pick(juniorTitles), 3],
        [random.pick(midTitles), 5],
        [random.pick(seniorTitles), 1],
      ]);
  }
}

function phoneFor(random: Random, region: NameRegion): string {
  const digits = () => String(random.int(100, 999));
  return `+${region.countryCode} ${random.int(10, 99)} ${digits()} ${random.int(1000, 9999)}`;
}

function isoDaysBefore(now: Date, days: number): string {
  return new Date(now.getTime() - days * 86_400_000).toISOString();
}

/**
 * A birthday for about two in five people, half of them with the year. It draws from a
 * generator of its own, so adding it left every other fact of the network as it was.
 */
function demoBirthday(seed: number, index: number, now: Date): string | null {
  const random = mulberry32((seed ^ 0x5eedb1d7) + index * 7919);
  if (!random.chance(0.4)) return null;
  const month = random.int(1, 12);
  const day = random.int(1, 28);
  const year = random.chance(0.5) ? now.getUTCFullYear() - random.int(24, 62) : null;
  return formatBirthdayValue({ year, month, day });
}

/**
 * The day about one in six people started at their organisation, 1 to 12 years ago: the dashboard
 * names it when it comes round. Like the birthday, from a generator of its own.
 */
function demoImportantDates(seed: number, index: number, now: Date): DemoPerson['importantDates'] {
  const random = mulberry32((seed ^ 0xa1717e) + index * 15_485_863);
  if (!random.chance(1 / 6)) return [];
  const year = now.getUTCFullYear() - random.int(1, 12);
  return [
    {
      label: 'Work anniversary',
      date: formatBirthdayValue({ year, month: random.int(1, 12), day: random.int(1, 28) }),
    },
  ];
}

/**
 * A location for about six in seven people: most of them in their organisation's city, the
 * others in a city of their name's region. Like the birthday, from generators of its own.
 */
function demoLocation(seed: number, index: number, organisationIndex: number, region: string): string | null {
  const random = mulberry32((seed ^ 0x10ca7e) + index * 104_729);
  if (!random.chance(6 / 7)) return null;
  const everywhere = Object.values(citiesByRegion).flat();
  const home = mulberry32((seed ^ 0x0f1ce) + organisationIndex * 7_907).pick(everywhere);
  return random.chance(0.6) ? home : random.pick(citiesByRegion[region] ?? everywhere);
}

/**
 * A believable professional network, the same for the same seed and size: most people
 * are colleagues (current and former employers), then mentors, sponsors, mentees, peers
 * and friends, with international names, titles, tags, addresses, phones and links.
 */
export function generateNetwork(options: DemoOptions = {}): DemoNetwork {
  const seed = options.seed ?? defaultDemoSeed;
  const size = Math.max(1, Math.floor(options.size ?? defaultDemoSize));
  const now = options.now ?? new Date('2026-01-01T09:00:00.000Z');
  const random = mulberry32(seed);

  const organisations = makeOrganisations(random, Math.max(5, Math.round(size / 10)));
  // The user works at the first organisation and used to work at the next two.
  const current = 0;
  const former = [1, 2];
  const usedEmails = new Set<string>();
  const uniqueEmail = (local: string, domain: string): string => {
    let email = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(email); n++) email = `${local}${n}@${domain}`;
    usedEmails.add(email);
    return email;
  };
  const selfEmail = uniqueEmail('me', organisations[current].domain);

  const people: DemoPerson[] = [];
  for (let index = 0; index < size; index++) {
    const role: DemoRole =
      index === 0
        ? 'manager'
        : random.weighted<DemoRole>([
            ['teammate', 10],
            ['report', 4],
            ['coworker', 26],
            ['former-colleague', 18],
            ['mentor', 5],
            ['sponsor', 3],
            ['mentee', 6],
            ['peer', 11],
            ['friend', 7],
            ['acquaintance', 10],
          ]);
    const organisationIndex =
      role === 'teammate' || role === 'manager' || role === 'report' || role === 'coworker'
        ? current
        : role === 'former-colleague'
          ? random.pick(former)
          : random.int(3, organisations.length - 1);
    const organisation = organisations[organisationIndex];
    const region = random.pick(nameRegions);
    const givenName = random.pick(region.given);
    const familyName = random.pick(region.family);
    const local = `${slug(givenName)}.${slug(familyName)}`;

    const emails: ContactEmail[] = [{ email: uniqueEmail(local, organisation.domain), label: 'work' }];
    if (random.chance(role === 'friend' || role === 'former-colleague' ? 0.6 : 0.2)) {
      emails.push({
        email: uniqueEmail(`${slug(givenName)}${slug(familyName)}`, 'mail.example'),
        label: 'personal',
      });
    }
    const phones: ContactPhone[] = random.chance(0.55)
      ? [{ phone: phoneFor(random, region), label: 'mobile' }]
      : [];
    const links: ContactLink[] = [];
    if (random.chance(0.8)) {
      links.push({
        kind: 'linkedin',
        url: `https://www.linkedin.com/in/${slug(givenName)}-${slug(familyName)}-${index}`,
      });
    }
    if (random.chance(0.15)) links.push({ kind: 'x', url: `https://x.com/${slug(givenName)}${index}` });
    if (random.chance(0.1)) links.push({ kind: 'website', url: `https://${local.replace('.', '')}.example` });

    const closeness =
      role === 'manager' || role === 'teammate'
        ? 0.7 + random.next() * 0.3
        : role === 'mentor' || role === 'sponsor' || role === 'report' || role === 'mentee'
          ? 0.4 + random.next() * 0.4
          : role === 'acquaintance'
            ? random.next() * 0.15
            : random.next() * 0.6;
    let howWeMet: string;
    let introducerIndex: number | null = null;
    if (organisationIndex === current) howWeMet = `Works with me at ${organisation.name}`;
    else if (role === 'former-colleague') howWeMet = `Worked together at ${organisation.name}`;
    else {
      // Drawn in the order the one expression of old drew them, so every seed gives the same people.
      const conference = `Met at ${random.pick(conferences)} ${random.int(2016, 2025)}`;
      const introducer = people.length > 0 ? random.pick(people) : null;
      const introduction = `Introduced by ${introducer ? introducer.displayName : 'a friend'}`;
      howWeMet = random.weighted([
        [conference, 4],
        [introduction, 3],
        ['University', 1],
        ['Open source project', 1],
      ]);
      if (howWeMet === introduction && introducer) introducerIndex = introducer.index;
    }
    people.push({
      index,
      role,
      closeness: Math.round(closeness * 100) / 100,
      team: organisationIndex === current && role !== 'coworker' ? random.pick(teams) : null,
      organisationIndex,
      displayName: `${givenName} ${familyName}`,
      givenName,
      familyName,
      organisation: organisation.name,
      title: titleFor(random, role),
      howWeMet,
      introducerIndex,
      notes: random.chance(0.25) ? random.pick(noteSnippets) : undefined,
      cadenceDays:
        role === 'mentor' || role === 'sponsor'
          ? random.pick([30, 60, 90])
          : role === 'manager' || role === 'mentee'
            ? 14
            : random.chance(0.15)
              ? random.pick([30, 90, 180])
              : null,
      birthday: demoBirthday(seed, index, now),
      location: demoLocation(seed, index, organisationIndex, region.region),
      importantDates: demoImportantDates(seed, index, now),
      archived: role === 'acquaintance' && random.chance(0.2),
      circles: [...random.weighted(roleCircles[role])],
      emails,
      phones,
      links,
      tags: random.sample(
        tagNames,
        random.weighted([
          [0, 3],
          [1, 4],
          [2, 2],
          [3, 1],
        ]),
      ),
      createdAt: isoDaysBefore(now, random.int(30, 3 * 365)),
    });
  }
  return {
    seed,
    self: { displayName: 'Me', email: selfEmail, organisationIndex: current },
    organisations,
    people,
  };
}

/**
 * Writes the network in one transaction with prepared statements (10,000 people go in
 * well under a second) and returns each person's contact id, in `people` order.
 */
export function writeNetwork(store: Store, network: DemoNetwork): number[] {
  const { sqlite } = store;
  const insertContact = sqlite.prepare(
    `INSERT INTO contacts (display_name, given_name, family_name, organisation, title, how_we_met, notes,
       cadence_days, birthday, location, archived, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertCircle = sqlite.prepare('INSERT INTO contact_circles (contact_id, circle) VALUES (?, ?)');
  const insertEmail = sqlite.prepare(
    'INSERT INTO contact_emails (contact_id, email, label, position) VALUES (?, ?, ?, ?)',
  );
  const insertPhone = sqlite.prepare(
    'INSERT INTO contact_phones (contact_id, phone, normalized, label, position) VALUES (?, ?, ?, ?, ?)',
  );
  const insertLink = sqlite.prepare(
    'INSERT INTO contact_links (contact_id, kind, url, position) VALUES (?, ?, ?, ?)',
  );
  const insertDate = sqlite.prepare(
    'INSERT INTO contact_important_dates (contact_id, label, date, position) VALUES (?, ?, ?, ?)',
  );
  const insertTag = sqlite.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const tagId = sqlite.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const insertContactTag = sqlite.prepare('INSERT INTO contact_tags (contact_id, tag_id) VALUES (?, ?)');
  const insertSelfEmail = sqlite.prepare('INSERT INTO self_emails (email) VALUES (?) ON CONFLICT DO NOTHING');

  const insertRelationship = sqlite.prepare(
    'INSERT INTO relationships (from_contact_id, to_contact_id, kind, created_at) VALUES (?, ?, ?, ?)',
  );

  return sqlite.transaction(() => {
    insertSelfEmail.run(normalizeEmail(network.self.email));
    const tagIds = new Map<string, number>();
    for (const name of new Set(network.people.flatMap((p) => p.tags))) {
      insertTag.run(name);
      tagIds.set(name, tagId.get(name) as number);
    }
    const ids = network.people.map((p) => {
      const id = Number(
        insertContact.run(
          p.displayName,
          p.givenName,
          p.familyName,
          p.organisation,
          p.title,
          p.howWeMet,
          p.notes ?? null,
          p.cadenceDays,
          p.birthday,
          p.location,
          p.archived ? 1 : 0,
          p.createdAt,
          p.createdAt,
        ).lastInsertRowid,
      );
      for (const circle of p.circles) insertCircle.run(id, circle);
      p.emails.forEach((e, i) => insertEmail.run(id, normalizeEmail(e.email), e.label, i));
      p.phones.forEach((ph, i) => insertPhone.run(id, ph.phone, normalizePhone(ph.phone), ph.label, i));
      p.links.forEach((l, i) => insertLink.run(id, l.kind, l.url, i));
      p.importantDates.forEach((d, i) => insertDate.run(id, d.label, d.date, i));
      for (const tag of p.tags) insertContactTag.run(id, tagIds.get(tag));
      return id;
    });
    // Who introduced whom (from "how we met"), and the user's teammates report to the user's manager.
    const manager = network.people.findIndex((p) => p.role === 'manager');
    network.people.forEach((p, i) => {
      if (p.introducerIndex !== null)
        insertRelationship.run(ids[i], ids[p.introducerIndex], 'introduced_by', p.createdAt);
      if (p.role === 'teammate' && manager >= 0)
        insertRelationship.run(ids[i], ids[manager], 'reports_to', p.createdAt);
    });
    return ids;
  })();
}
