import type { TempStore } from '../../support/store';
import { dispatch } from '../../../src/main/ipc/dispatch';
import type { HandlerContext } from '../../../src/main/ipc/context';
import type { Channel, ChannelInput, ChannelOutput } from '../../../src/shared/ipc/contract';
import type { ErrorPayload } from '../../../src/shared/ipc/envelope';

/** Calls a channel through the real dispatch (validation included) and unwraps the envelope. */
export async function call<C extends Channel>(
  ctx: HandlerContext,
  channel: C,
  input: ChannelInput<C>,
): Promise<ChannelOutput<C>> {
  const r = await dispatch(channel, input, ctx);
  if (!r.ok) throw Object.assign(new Error(r.error.message), { payload: r.error });
  return r.value as ChannelOutput<C>;
}

export async function refused(ctx: HandlerContext, channel: Channel, input: unknown): Promise<ErrorPayload> {
  const r = await dispatch(channel, input, ctx);
  if (r.ok) throw new Error(`${channel} accepted ${JSON.stringify(input)}`);
  return r.error;
}

/** Direct inserts, so these tests do not depend on the journal's own services. */
export function seeder(t: TempStore) {
  const db = t.store.sqlite;
  const created = '2020-01-01T00:00:00.000Z';
  return {
    contact(
      name: string,
      opts: {
        circles?: string[];
        tags?: string[];
        organisation?: string;
        location?: string;
        createdAt?: string;
      } = {},
    ): number {
      const id = Number(
        db
          .prepare(
            'INSERT INTO contacts (display_name, organisation, location, created_at, updated_at) VALUES (?, ?, ?, ?, ?)',
          )
          .run(
            name,
            opts.organisation ?? null,
            opts.location ?? null,
            opts.createdAt ?? created,
            opts.createdAt ?? created,
          ).lastInsertRowid,
      );
      for (const c of opts.circles ?? []) db.prepare('INSERT INTO contact_circles VALUES (?, ?)').run(id, c);
      for (const tag of opts.tags ?? []) {
        db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)').run(tag);
        const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(tag);
        db.prepare('INSERT INTO contact_tags VALUES (?, ?)').run(id, tagId);
      }
      return id;
    },
    interaction(
      kind: string,
      startsAt: string,
      people: number[],
      opts: { title?: string; notes?: string; tags?: string[]; minutes?: number; initiatedBy?: string } = {},
    ): number {
      const allDay = startsAt.length === 10 ? 1 : 0;
      const id = Number(
        db
          .prepare(
            `INSERT INTO interactions (kind, title, notes, starts_at, all_day, duration_minutes, initiated_by, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(
            kind,
            opts.title ?? kind,
            opts.notes ?? '',
            startsAt,
            allDay,
            opts.minutes ?? null,
            opts.initiatedBy ?? 'unknown',
            created,
            created,
          ).lastInsertRowid,
      );
      for (const p of people) {
        db.prepare(
          'INSERT INTO interaction_participants (interaction_id, contact_id, starts_at) VALUES (?, ?, ?)',
        ).run(id, p, startsAt);
      }
      for (const tag of opts.tags ?? []) {
        db.prepare('INSERT OR IGNORE INTO tags (name) VALUES (?)').run(tag);
        const tagId = db.prepare('SELECT id FROM tags WHERE name = ?').pluck().get(tag);
        db.prepare('INSERT INTO interaction_tags VALUES (?, ?)').run(id, tagId);
      }
      return id;
    },
    count(table: string): number {
      return db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number;
    },
  };
}
