import type { Kysely } from 'kysely';
import { dueText } from '../../shared/followUps/due';
import type { ReminderDigest } from '../../shared/reminders/schemas';
import { count } from '../../shared/text/count';
import { upcomingBirthdays, upcomingImportantDates } from '../contacts/upcomingDates';
import { yearsText } from '../../shared/contacts/importantDates';
import { daysUntilText } from '../../shared/contacts/birthday';
import type { UpcomingBirthday, UpcomingImportantDate } from '../../shared/journal/views';
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
 * that fall today, and those `daysAhead` days away; and the job changes of the last week the user
 * has not been in touch about. Null when there is none of these, so nothing is shown.
 */
export async function reminderDigest(
  db: Kysely<Database>,
  today: string,
  now: Date,
  daysAhead = 0,
): Promise<ReminderDigest | null> {
  const [due, reconnect, allBirthdays, allDates, moves] = await Promise.all([
    listFollowUps(db, { status: 'open', dueBy: today, limit: NAMED }),
    reconnectQueue(db, now, NAMED),
    upcomingBirthdays(db, today, daysAhead),
    upcomingImportantDates(db, today, daysAhead),
    recentJobChanges(db, now, { days: NEW_JOB_DAYS, limit: NAMED }),
  ]);
  // A day is named on the day, and once before it when asked: not every morning in between.
  const birthdays = allBirthdays.filter((b) => b.daysUntil === 0);
  const dates = allDates.filter((d) => d.daysUntil === 0);
  const ahead = daysAhead === 0 ? [] : dayLines(allBirthdays, allDates, daysAhead);
  const newJobs = moves.waiting;
  const quiet = due.total === 0 && reconnect.total === 0 && birthdays.length === 0 && dates.length === 0;
  if (quiet && ahead.length === 0 && newJobs === 0) return null;
  const lines = due.items.map((f) => `${dueText(f.dueOn, today).text}: ${f.text} (${f.contactName})`);
  const unnamed = due.total - due.items.length;
  if (unnamed > 0) lines.push(`and ${count(unnamed, 'more follow-up')}`);
  if (reconnect.total > 0) {
    const others = reconnect.total - reconnect.items.length;
    const names = reconnect.items.map((r) => r.displayName).join(', ');
    lines.push(`Time to catch up with ${names}${others > 0 ? ` and ${count(others, 'other')}` : ''}`);
  }
  lines.push(...dayLines(birthdays, dates, 0), ...ahead);
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
    ahead.length > 0 ? `${ahead.length} coming up` : null,
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
    comingUp: ahead.length,
    newJobs,
  };
}

/**
 * The birthdays and dates `daysUntil` days away: "Birthday today: Ana Souza (turns 41)",
 * "Work anniversary in 7 days: Bo Chen (7 years)".
 */
function dayLines(
  birthdays: UpcomingBirthday[],
  dates: UpcomingImportantDate[],
  daysUntil: number,
): string[] {
  const when = daysUntilText(daysUntil);
  return [
    ...birthdays
      .filter((b) => b.daysUntil === daysUntil)
      .map((b) => `Birthday ${when}: ${b.displayName}${b.turns === null ? '' : ` (turns ${b.turns})`}`),
    ...dates
      .filter((d) => d.daysUntil === daysUntil)
      .map((d) => {
        const years = yearsText(d.years);
        return `${d.label} ${when}: ${d.displayName}${years === null ? '' : ` (${years})`}`;
      }),
  ];
}
