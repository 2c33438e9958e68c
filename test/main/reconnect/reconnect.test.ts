import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jpeg } from '../../support/photo';
import { tempStore, type TempStore } from '../../support/store';
import { addContact, call } from '../journal/call';
import { mentionMarkdown } from '../../../src/shared/journal/mentions';

let t: TempStore;
let now = new Date('2026-06-01T12:00:00.000Z');
beforeEach(async () => {
  now = new Date('2026-06-01T12:00:00.000Z');
  t = await tempStore(() => now);
});
afterEach(async () => {
  await t.cleanup();
});

const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

async function logWith(contactId: number, days: number, kind: 'coffee' | 'email' = 'coffee') {
  return call(t.ctx, 'journal:create', { kind, startsAt: daysAgo(days), participants: [{ contactId }] });
}

/** Contacts created long ago, so "never contacted" counts from then. */
async function oldContact(
  name: string,
  circles: Array<'mentor' | 'sponsor' | 'colleague' | 'friend' | 'other'>,
) {
  const saved = now;
  now = new Date('2025-01-01T00:00:00.000Z');
  const id = await addContact(t.ctx, name, { circles });
  now = saved;
  return id;
}

describe('keep in touch', () => {
  it('queues contacts past their circle cadence, most overdue first', async () => {
    const mentor = await oldContact('Mentor', ['mentor']); // 30 days
    const sponsor = await oldContact('Sponsor', ['sponsor']); // 60 days
    const colleague = await oldContact('Colleague', ['colleague']); // 90 days
    const fresh = await oldContact('Fresh', ['mentor']);
    await oldContact('Other', ['other']); // no cadence
    await logWith(mentor, 45); // 1.5
    await logWith(sponsor, 150); // 2.5
    await logWith(colleague, 100); // 1.11
    await logWith(fresh, 5); // 0.17: not due
    const queue = await call(t.ctx, 'reconnect:list', {});
    expect(queue.items.map((i) => [i.displayName, Math.round(i.overdueRatio * 100) / 100])).toEqual([
      ['Sponsor', 2.5],
      ['Mentor', 1.5],
      ['Colleague', 1.11],
    ]);
    expect(queue.items[0].lastContactAt).toBe(daysAgo(150));
    // Each names its photo's version, for the dashboard to draw their face.
    expect(queue.items.map((i) => i.photo)).toEqual([null, null, null]);
    await call(t.ctx, 'contacts:setPhoto', {
      id: mentor,
      mime: 'image/jpeg',
      base64: jpeg.toString('base64'),
    });
    const withPhoto = await call(t.ctx, 'reconnect:list', {});
    expect(withPhoto.items.map((i) => i.photo)).toEqual([null, now.toISOString(), null]);
  });

  it('logging anything (even an email) resets the clock; a mention does not', async () => {
    const ana = await oldContact('Ana', ['mentor']);
    const bruno = await oldContact('Bruno', ['friend']);
    await logWith(ana, 40);
    expect((await call(t.ctx, 'reconnect:list', {})).items.map((i) => i.contactId)).toContain(ana);
    await call(t.ctx, 'journal:create', {
      kind: 'note',
      startsAt: daysAgo(1),
      notes: `Heard ${mentionMarkdown(ana, 'Ana')} is moving teams`,
      participants: [{ contactId: bruno }],
    });
    expect((await call(t.ctx, 'reconnect:list', {})).items.map((i) => i.contactId)).toContain(ana);
    await logWith(ana, 0, 'email');
    expect((await call(t.ctx, 'reconnect:list', {})).items.map((i) => i.contactId)).not.toContain(ana);

    // A meeting written by a calendar import (raw rows, another source) counts the same way.
    const carol = await oldContact('Carol', ['sponsor']);
    expect((await call(t.ctx, 'reconnect:list', {})).items.map((i) => i.contactId)).toContain(carol);
    const { sqlite } = t.store;
    const id = sqlite
      .prepare(
        `INSERT INTO interactions (kind, title, starts_at, source, source_key, created_at, updated_at)
         VALUES ('video', 'Quarterly review', ?, 'ics', 'cal:uid-1', ?, ?)`,
      )
      .run(daysAgo(3), daysAgo(3), daysAgo(3)).lastInsertRowid;
    sqlite
      .prepare(
        `INSERT INTO interaction_participants (interaction_id, contact_id, role, starts_at) VALUES (?, ?, 'attendee', ?)`,
      )
      .run(id, carol, daysAgo(3));
    expect((await call(t.ctx, 'reconnect:list', {})).items.map((i) => i.contactId)).not.toContain(carol);
    expect((await call(t.ctx, 'reconnect:status', { contactId: carol })).lastContactAt).toBe(daysAgo(3));
  });

  it('honours per-contact overrides, "none", changed circle defaults, and future entries do not count', async () => {
    const ana = await oldContact('Ana', ['colleague']);
    await logWith(ana, 40);
    expect((await call(t.ctx, 'reconnect:list', {})).total).toBe(0);
    let status = await call(t.ctx, 'reconnect:setContactCadence', { contactId: ana, cadence: 14 });
    expect(status).toMatchObject({ cadenceDays: 14, cadenceSource: 'contact' });
    expect((await call(t.ctx, 'reconnect:list', {})).items[0].overdueRatio).toBeCloseTo(40 / 14);
    status = await call(t.ctx, 'reconnect:setContactCadence', { contactId: ana, cadence: 'none' });
    expect(status).toMatchObject({ cadenceDays: null, cadenceSource: 'none', overdueRatio: null });
    expect((await call(t.ctx, 'reconnect:list', {})).total).toBe(0);
    await call(t.ctx, 'reconnect:setContactCadence', { contactId: ana, cadence: 'default' });
    const defaults = await call(t.ctx, 'reconnect:getDefaults', {});
    expect(defaults).toMatchObject({ mentor: 30, sponsor: 60, colleague: 90 });
    await call(t.ctx, 'reconnect:setDefaults', { defaults: { ...defaults, colleague: 30 } });
    expect((await call(t.ctx, 'reconnect:list', {})).items.map((i) => i.contactId)).toEqual([ana]);
    await call(t.ctx, 'journal:create', {
      kind: 'coffee',
      startsAt: daysAgo(-3),
      participants: [{ contactId: ana }],
    });
    expect((await call(t.ctx, 'reconnect:status', { contactId: ana })).lastContactAt).toBe(daysAgo(40));
  });

  it('snoozes a contact for a week, then it comes back', async () => {
    const ana = await oldContact('Ana', ['mentor']);
    await logWith(ana, 60);
    const status = await call(t.ctx, 'reconnect:snooze', { contactId: ana, days: 7 });
    expect(status.snoozedUntil).toBe(new Date(now.getTime() + 7 * 86_400_000).toISOString());
    expect((await call(t.ctx, 'reconnect:list', {})).total).toBe(0);
    now = new Date(now.getTime() + 8 * 86_400_000);
    expect((await call(t.ctx, 'reconnect:list', {})).items.map((i) => i.contactId)).toEqual([ana]);
  });

  it('a contact never contacted is measured from when they were added', async () => {
    await addContact(t.ctx, 'Brand new', { circles: ['mentor'] });
    expect((await call(t.ctx, 'reconnect:list', {})).total).toBe(0);
    await oldContact('Old', ['mentor']);
    const queue = await call(t.ctx, 'reconnect:list', {});
    expect(queue.items.map((i) => [i.displayName, i.lastContactAt])).toEqual([['Old', null]]);
  });
});

describe('dashboard', () => {
  it('returns the queue, recent entries, contacts per circle and a year of daily counts', async () => {
    const ana = await oldContact('Ana', ['mentor', 'colleague']);
    await oldContact('Bruno', []);
    await logWith(ana, 40);
    await logWith(ana, 40);
    await logWith(ana, 400); // outside the year
    await call(t.ctx, 'journal:create', {
      kind: 'note',
      startsAt: daysAgo(2).slice(0, 10),
      allDay: true,
      notes: 'x',
    });
    const d = await call(t.ctx, 'dashboard:get', {});
    expect(d.reconnect.map((r) => r.contactId)).toEqual([ana]);
    expect(d.recent).toHaveLength(4);
    expect(d.circles.find((c) => c.circle === 'mentor')?.count).toBe(1);
    expect(d.circles.find((c) => c.circle === 'colleague')?.count).toBe(1);
    expect(d.uncategorised).toBe(1);
    expect(d.activity).toEqual([
      { date: daysAgo(40).slice(0, 10), count: 2 },
      { date: daysAgo(2).slice(0, 10), count: 1 },
    ]);
    expect(d.activityTo).toBe('2026-06-01');
    expect(d.activityFrom).toBe('2025-06-02');
  });

  it("counts activity in the viewer's days", async () => {
    await call(t.ctx, 'journal:create', { kind: 'call', startsAt: '2026-05-20T23:30:00.000Z' });
    await call(t.ctx, 'journal:create', { kind: 'call', startsAt: '2026-05-20T10:00:00.000Z' });
    expect((await call(t.ctx, 'dashboard:get', {})).activity).toEqual([{ date: '2026-05-20', count: 2 }]);
    expect((await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: 120 })).activity).toEqual([
      { date: '2026-05-20', count: 1 },
      { date: '2026-05-21', count: 1 },
    ]);
    expect((await call(t.ctx, 'dashboard:get', { tzOffsetMinutes: -330 })).activity).toEqual([
      { date: '2026-05-20', count: 2 },
    ]);
  });
});
