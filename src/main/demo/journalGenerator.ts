import type { InteractionKind, Initiator } from '../../shared/journal/kinds';
import type { Store } from '../db/open';
import type { DemoNetwork, DemoPerson } from './generator';
import { mulberry32, type Random } from './random';

/** One generated journal entry; participants are indexes into `network.people`. */
export interface DemoInteraction {
  kind: InteractionKind;
  title: string;
  notes: string;
  location: string | null;
  startsAt: string;
  allDay: boolean;
  durationMinutes: number | null;
  initiatedBy: Initiator;
  participants: number[];
  tags: string[];
}

export interface JournalOptions {
  seed?: number;
  /** The history ends here; the demo passes today so the dashboard looks lived in. */
  now?: Date;
  years?: number;
  /** Exactly this many entries (the benchmark asks for 200,000); by default, what the rhythm gives. */
  target?: number;
}

const topics = [
  'the Q3 roadmap',
  'the promotion packet',
  'hiring for the platform team',
  'the payments migration',
  'on-call load',
  'career growth and what staff engineer means here',
  'the reorganisation',
  'a conference talk proposal',
  'mentoring junior engineers',
  'the data warehouse costs',
  'moving to Lisbon',
  'the incident review',
  'open source contributions',
  'negotiating the offer',
  'the architecture review board',
  'onboarding new hires',
  'the observability budget',
  'a possible introduction to their VP',
  'writing a design doc for the search service',
  'side projects and burnout',
] as const;

const followUps = [
  'Follow up with the draft next week.',
  'Send them the article on platform teams.',
  'They offered to review my proposal.',
  'Agreed to meet again next month.',
  'Action: share the slide deck.',
  'Good energy; they seemed happier than last time.',
  'Ask about their new team next time.',
  'Promised an introduction to someone in data.',
] as const;

const places = [
  'Fabrica coffee',
  'the office kitchen',
  'Dishoom',
  'the park',
  'Room 4.02',
  'Zoom',
  null,
] as const;
const eventNames = [
  'All-hands',
  'Quarterly kickoff',
  'Engineering offsite',
  'Town hall',
  'Hackathon demo day',
] as const;
const tagPool = ['career', 'feedback', 'hiring', 'promotion', 'roadmap', 'intro', 'learning'] as const;

const dayMs = 86_400_000;

function notesFor(random: Random, person?: DemoPerson): string {
  const first = `Talked about ${random.pick(topics)}.`;
  const more = random.chance(0.5) ? ` Also ${random.pick(topics)}.` : '';
  const about = person && random.chance(0.2) ? ` ${person.givenName} mentioned ${random.pick(topics)}.` : '';
  return `${first}${more}${about} ${random.pick(followUps)}`;
}

/** A time on a weekday, in working hours, `daysBack` days before `now`. */
function workTime(random: Random, now: Date, daysBack: number, hour?: number): Date {
  const d = new Date(now.getTime() - daysBack * dayMs);
  const weekday = d.getUTCDay();
  if (weekday === 0) d.setUTCDate(d.getUTCDate() - 2);
  if (weekday === 6) d.setUTCDate(d.getUTCDate() - 1);
  d.setUTCHours(hour ?? random.int(8, 17), random.pick([0, 0, 15, 30, 30, 45]), 0, 0);
  // Later today has not happened yet.
  while (d.getTime() > now.getTime()) d.setUTCDate(d.getUTCDate() - 1);
  return d;
}

/** Weighted choice by closeness, by binary search over a cumulative table (fast at 10,000 people). */
function closenessPicker(people: DemoPerson[], random: Random): () => number {
  const cumulative: number[] = [];
  let total = 0;
  for (const p of people) {
    total += 0.02 + p.closeness ** 2;
    cumulative.push(total);
  }
  return () => {
    const roll = random.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] > roll) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
}

function sampleIndexes(random: Random, pool: number[], count: number): number[] {
  if (count >= pool.length) return [...pool];
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(pool[Math.floor(random.next() * pool.length)]);
  return [...chosen];
}

/**
 * Years of a believable journal for a generated network: weekly one-to-ones with the
 * manager, reports and closest teammates; weekly team meetings of 5 to 10; monthly
 * mentor coffees; quarterly sponsor check-ins; monthly company events of 40 or more;
 * messages, calls and coffees with everyone else by closeness; standalone notes.
 */
export function generateJournal(network: DemoNetwork, options: JournalOptions = {}): DemoInteraction[] {
  const random = mulberry32((options.seed ?? network.seed) ^ 0x5eed);
  const now = options.now ?? new Date();
  const days = Math.round((options.years ?? 3) * 365);
  const people = network.people.filter((p) => !p.archived);
  const out: DemoInteraction[] = [];
  const push = (entry: Omit<DemoInteraction, 'tags'> & { tags?: string[] }) =>
    out.push({ ...entry, tags: entry.tags ?? (random.chance(0.1) ? [random.pick(tagPool)] : []) });
  const at = (d: Date) => d.toISOString();

  const byRole = (role: DemoPerson['role']) => people.filter((p) => p.role === role);
  const oneToOnes = [
    ...byRole('manager'),
    ...byRole('report'),
    ...byRole('teammate')
      .sort((a, b) => b.closeness - a.closeness)
      .slice(0, 2),
  ].slice(0, 6);
  for (const p of oneToOnes) {
    const hour = random.int(9, 16);
    const offset = random.int(0, 6);
    for (let back = offset; back < days; back += 7) {
      if (random.chance(0.12)) continue; // holidays, cancellations
      push({
        kind: random.chance(0.3) ? 'video' : 'meeting',
        title: `1:1 ${p.givenName} / me`,
        notes: random.chance(0.6) ? notesFor(random, p) : '',
        location: random.chance(0.3) ? 'Zoom' : 'Room 4.02',
        startsAt: at(workTime(random, now, back, hour)),
        allDay: false,
        durationMinutes: 30,
        initiatedBy: p.role === 'report' ? 'them' : 'me',
        participants: [p.index],
      });
    }
  }

  const teams = new Map<string, number[]>();
  for (const p of people) if (p.team) teams.set(p.team, [...(teams.get(p.team) ?? []), p.index]);
  for (const [team, members] of teams) {
    if (members.length < 3) continue;
    for (let back = random.int(0, 6); back < days; back += 7) {
      if (random.chance(0.1)) continue;
      push({
        kind: 'meeting',
        title: `${team} team sync`,
        notes: random.chance(0.3) ? `Agenda: ${random.pick(topics)}; ${random.pick(topics)}.` : '',
        location: 'Room 4.02',
        startsAt: at(workTime(random, now, back, 10)),
        allDay: false,
        durationMinutes: random.pick([30, 45, 60]),
        initiatedBy: 'unknown',
        participants: sampleIndexes(random, members, random.int(5, 10)),
      });
    }
  }

  for (const p of [...byRole('mentor'), ...byRole('sponsor')]) {
    const every = p.role === 'mentor' ? (p.closeness > 0.5 ? 30 : 60) : 90;
    for (let back = random.int(0, every); back < days; back += every + random.int(-5, 5)) {
      push({
        kind: p.role === 'mentor' ? 'coffee' : random.pick(['meeting', 'video'] as const),
        title: p.role === 'mentor' ? `Coffee with ${p.givenName}` : `Check-in with ${p.givenName}`,
        notes: notesFor(random, p),
        location: p.role === 'mentor' ? random.pick(places) : null,
        startsAt: at(workTime(random, now, back)),
        allDay: false,
        durationMinutes: p.role === 'mentor' ? random.pick([45, 60]) : 30,
        initiatedBy: random.chance(0.7) ? 'me' : 'them',
        participants: [p.index],
        tags: random.chance(0.4) ? ['career'] : [],
      });
    }
  }

  const company = people
    .filter((p) => p.organisationIndex === network.self.organisationIndex)
    .map((p) => p.index);
  if (company.length >= 40) {
    for (let back = random.int(0, 29); back < days; back += 30) {
      push({
        kind: 'event',
        title: random.pick(eventNames),
        notes: random.chance(0.3) ? `Announcements about ${random.pick(topics)}.` : '',
        location: 'Main hall',
        startsAt: at(workTime(random, now, back, 16)),
        allDay: false,
        durationMinutes: 60,
        initiatedBy: 'unknown',
        participants: sampleIndexes(random, company, random.int(40, Math.min(200, company.length))),
      });
    }
  }

  for (let back = random.int(3, 20); back < days; back += random.int(10, 25)) {
    push({
      kind: 'note',
      title: random.pick(['Career thoughts', 'Reflection', 'Ideas', 'Weekly review']),
      notes: `Thinking about ${random.pick(topics)}. ${random.pick(followUps)}`,
      location: null,
      startsAt: at(workTime(random, now, back)).slice(0, 10),
      allDay: true,
      durationMinutes: null,
      initiatedBy: 'me',
      participants: [],
    });
  }

  // Everyone else, by closeness: as many as the rhythm gives, or up to the target.
  const pick = closenessPicker(people, random);
  const casual =
    options.target !== undefined ? Math.max(0, options.target - out.length) : Math.round(people.length * 6);
  for (let n = 0; n < casual; n++) {
    const p = people[pick()];
    const kind = random.weighted<InteractionKind>([
      ['message', 5],
      ['email', 3],
      ['call', 2],
      ['video', 2],
      ['coffee', 2],
      ['meeting', 1],
      ['project', 1],
    ]);
    const back = random.int(0, days - 1);
    const friendly = p.role === 'friend' || p.role === 'peer';
    push({
      kind,
      title:
        kind === 'message' || kind === 'email'
          ? random.chance(0.5)
            ? `Re: ${random.pick(topics)}`
            : ''
          : kind === 'project'
            ? `Pairing on ${random.pick(topics)}`
            : kind === 'meeting' || kind === 'video'
              ? `Catch-up with ${p.givenName}`
              : `${friendly ? 'Dinner' : 'Coffee'} with ${p.givenName}`,
      notes: random.chance(kind === 'message' ? 0.3 : 0.6) ? notesFor(random, p) : '',
      location: kind === 'coffee' ? random.pick(places) : null,
      startsAt: at(workTime(random, now, back)),
      allDay: false,
      durationMinutes: kind === 'message' || kind === 'email' ? null : random.pick([15, 30, 45, 60, 90]),
      initiatedBy: random.weighted<Initiator>([
        ['me', 5],
        ['them', 4],
        ['unknown', 1],
      ]),
      participants: [p.index],
    });
  }
  out.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  return options.target !== undefined ? out.slice(out.length - options.target) : out;
}

/** Writes generated entries in one transaction with prepared statements; returns how many. */
export function writeJournal(
  store: Store,
  contactIds: number[],
  entries: DemoInteraction[],
  now = new Date(),
): number {
  const { sqlite } = store;
  const insert = sqlite.prepare(
    `INSERT INTO interactions (kind, title, notes, location, starts_at, ends_at, all_day, duration_minutes,
       initiated_by, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const participant = sqlite.prepare(
    'INSERT INTO interaction_participants (interaction_id, contact_id, role, starts_at) VALUES (?, ?, ?, ?)',
  );
  const tag = sqlite.prepare('INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING');
  const tagId = sqlite.prepare('SELECT id FROM tags WHERE name = ?').pluck();
  const interactionTag = sqlite.prepare(
    'INSERT INTO interaction_tags (interaction_id, tag_id) VALUES (?, ?)',
  );
  const created = now.toISOString();
  return sqlite.transaction(() => {
    const tagIds = new Map<string, number>();
    for (const e of entries) {
      const endsAt =
        e.allDay || e.durationMinutes === null
          ? null
          : new Date(Date.parse(e.startsAt) + e.durationMinutes * 60_000).toISOString();
      const id = Number(
        insert.run(
          e.kind,
          e.title,
          e.notes,
          e.location,
          e.startsAt,
          endsAt,
          e.allDay ? 1 : 0,
          e.durationMinutes,
          e.initiatedBy,
          created,
          created,
        ).lastInsertRowid,
      );
      for (const index of e.participants) participant.run(id, contactIds[index], 'participant', e.startsAt);
      for (const name of e.tags) {
        if (!tagIds.has(name)) {
          tag.run(name);
          tagIds.set(name, tagId.get(name) as number);
        }
        interactionTag.run(id, tagIds.get(name));
      }
    }
    return entries.length;
  })();
}

/** The demo's one-line hook: a journal for the network just written. */
export function writeDemoJournal(store: Store, network: DemoNetwork, contactIds: number[]): number {
  return writeJournal(store, contactIds, generateJournal(network));
}
