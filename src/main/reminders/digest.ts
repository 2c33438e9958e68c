import type { Kysely } from 'kysely';
import { dueText } from '../../shared/followUps/due';
import type { ReminderDigest } from '../../shared/reminders/schemas';
import { count } from '../../shared/text/count';
import { upcomingBirthdays, upcomingImportantDates } from '../contacts/upcomingDates';
import { yearsText } from '../../shared/contacts/importantDates';
import { recentJobChanges } from '../contacts/recentJobChanges';
import type { Database } from '../db/schema';
import { listFollowUps } from '../followUps/repository';
import { reconnectQueue } from '../reconnect/queue';

/** Follow-ups and people named one by one; the rest are counted, so the notification stays a glance. */
const NAMED = 3;

/** A new job is news for a week: after that, a congratulation is late, and the dashboard still lists it. */
const NEW_JOB_DAYS = 7;

/**
 * The morning reminder for `today` (the user's local day, `now` in it): follow-ups due by today,
 * most overdue first; the people most overdue for a catch-up; the birthdays and important dates
 * that fall today; and
 * the job changes of the last week the user has not been in touch about.
 * Null when there is none of these, so nothing is shown.
 */
export async function reminderDigest(
  db: Kysely<Database>,
  today: string,
  now: Date,
): Promise<ReminderDigest | null> {
  const [due, reconnect, birthdays, dates, moves] = await Promise.all([
    listFollowUps(db, { status: 'open', dueBy: today, limit: NAMED }),
    reconnectQueue(db, now, NAMED),
    upcomingBirthdays(db, today, 0),
    upcomingImportantDates(db, today, 0),
    recentJobChanges(db, now, { days: NEW_JOB_DAYS, limit: NAMED }),
  ]);
  const newJobs = moves.waiting;
  const quiet = due.total === 0 && reconnect.total === 0 && birthdays.length === 0 && dates.length === 0;
  if (quiet && newJobs === 0) return null;
  const lines = due.items.map((f) => `${dueText(f.dueOn, today).text}: ${f.text} (${f.contactName})`);
  const unnamed = due.total - due.items.length;
  if (unnamed > 0) lines.push(`and ${count(unnamed, 'more follow-up')}`);
  if (reconnect.total > 0) {
    const others = reconnect.total - reconnect.items.length;
    const names = reconnect.items.map((r) => r.displayName).join(', ');
    lines.push(`Time to catch up with ${names}${others > 0 ? ` and ${count(others, 'other')}` : ''}`);
  }
  for (const b of birthdays) {
    lines.push(`Birthday today: ${b.displayName}${b.turns === null ? '' : ` (turns ${b.turns})`}`);
  }
  for (const d of dates) {
    const years = yearsText(d.years);
    lines.push(`${d.label} today: ${d.displayName}${years === null ? '' : ` (${years})`}`);
  }
  // Those not yet congratulated come first, so the ones named are among them.
  const named = moves.items.slice(0, newJobs);
  if (newJobs === 1) lines.push(`New job: ${named[0].displayName} (${named[0].title})`);
  else if (newJobs > 1) {
    const others = newJobs - named.length;
    const names = named.map((m) => m.displayName).join(', ');
    lines.push(`New jobs: ${names}${others > 0 ? ` and ${count(others, 'other')}` : ''}`);
  }
  const title = [
    due.total > 0 ? `${count(due.total, 'follow-up')} due` : null,
    reconnect.total > 0 ? `${count(reconnect.total, 'catch-up')} overdue` : null,
    birthdays.length > 0 ? `${count(birthdays.length, 'birthday')} today` : null,
    dates.length > 0 ? `${count(dates.length, 'important date')} today` : null,
    newJobs > 0 ? count(newJobs, 'new job') : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  return {
    title,
    lines,
    followUpsDue: due.total,
    reconnectDue: reconnect.total,
    birthdaysToday: birthdays.length,
    importantDatesToday: dates.length,
    newJobs,
  };
}
