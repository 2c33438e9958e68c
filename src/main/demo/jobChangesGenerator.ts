import { jobChangeEntry, type Role } from '../../shared/contacts/jobChange';
import type { Store } from '../db/open';
import type { DemoNetwork } from './generator';
import { mulberry32 } from './random';

export interface DemoJobChange {
  /** Index into `network.people`: they work at their stored organisation now. */
  person: number;
  /** Where they were before. */
  from: string;
  daysAgo: number;
}

/** When the demo's moves were recorded: two lately, one a month ago, one too long ago to be news. */
const recordedDaysAgo = [2, 9, 33, 120];

/**
 * A few people outside the user's company who moved there from another, as a LinkedIn
 * re-import records it, so the dashboard's New jobs and the timelines show moves.
 */
export function generateJobChanges(network: DemoNetwork): DemoJobChange[] {
  const random = mulberry32(network.seed ^ 0x70b5);
  const outside = network.people.filter(
    (p) => !p.archived && p.organisationIndex !== network.self.organisationIndex,
  );
  return random.sample(outside, Math.min(recordedDaysAgo.length, outside.length)).map((p, k) => {
    const others = network.organisations.filter((_, i) => i !== p.organisationIndex);
    return { person: p.index, from: random.pick(others).name, daysAgo: recordedDaysAgo[k] };
  });
}

/** A move as the timeline records it: who, what it says, when (UTC ISO), and the role it ended. */
export interface JobChangeRow {
  contactId: number;
  title: string;
  notes: string;
  at: string;
  previous: Role;
}

/** Writes moves on their timelines, as news (they are mentioned, not met), in one transaction. */
export function writeJobChanges(store: Store, moves: JobChangeRow[]): void {
  const insert = store.sqlite.prepare(
    `INSERT INTO interactions (kind, title, notes, starts_at, initiated_by, source, created_at, updated_at)
     VALUES ('job_change', ?, ?, ?, 'unknown', 'linkedin', ?, ?)`,
  );
  const mention = store.sqlite.prepare(
    `INSERT INTO interaction_participants (interaction_id, contact_id, role, starts_at) VALUES (?, ?, 'mentioned', ?)`,
  );
  const previousRole = store.sqlite.prepare(
    `INSERT INTO previous_roles (interaction_id, organisation, title) VALUES (?, ?, ?)`,
  );
  store.sqlite.transaction(() => {
    for (const m of moves) {
      const id = insert.run(m.title, m.notes, m.at, m.at, m.at).lastInsertRowid;
      mention.run(id, m.contactId, m.at);
      previousRole.run(id, m.previous.organisation ?? null, m.previous.title ?? null);
    }
  })();
}

/** The demo's moves, dated back from `now`. */
export function writeDemoJobChanges(
  store: Store,
  network: DemoNetwork,
  contactIds: number[],
  now = new Date(),
): number {
  const moves = generateJobChanges(network);
  writeJobChanges(
    store,
    moves.map((move) => {
      const previous = { organisation: move.from, title: network.people[move.person].title };
      return {
        contactId: contactIds[move.person],
        ...jobChangeEntry(previous, network.people[move.person]),
        at: new Date(now.getTime() - move.daysAgo * 86_400_000).toISOString(),
        previous,
      };
    }),
  );
  return moves.length;
}
