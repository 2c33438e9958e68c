import type { Kysely } from 'kysely';
import { dueText } from '../../shared/followUps/due';
import type { ReminderDigest } from '../../shared/reminders/schemas';
import { count } from '../../shared/text/count';
import { upcomingBirthdays } from '../contacts/birthdays';
import type { Database } from '../db/schema';
import { listFollowUps } from '../followUps/repository';

/** Follow-ups named one by one; the rest are counted, so the notification stays a glance. */
const NAMED_FOLLOW_UPS = 3;

/**
 * The morning reminder for `today` (the user's local day): follow-ups due by today, most overdue
 * first, and the birthdays that fall today. Null when there is neither, so nothing is shown.
 */
export async function reminderDigest(db: Kysely<Database>, today: string): Promise<ReminderDigest | null> {
  const [due, birthdays] = await Promise.all([
    listFollowUps(db, { status: 'open', dueBy: today, limit: NAMED_FOLLOW_UPS }),
    upcomingBirthdays(db, today, 0),
  ]);
  if (due.total === 0 && birthdays.length === 0) return null;
  const lines = due.items.map((f) => `${dueText(f.dueOn, today).text}: ${f.text} (${f.contactName})`);
  const unnamed = due.total - due.items.length;
  if (unnamed > 0) lines.push(`and ${count(unnamed, 'more follow-up')}`);
  for (const b of birthdays) {
    lines.push(`Birthday today: ${b.displayName}${b.turns === null ? '' : ` (turns ${b.turns})`}`);
  }
  const title = [
    due.total > 0 ? `${count(due.total, 'follow-up')} due` : null,
    birthdays.length > 0 ? `${count(birthdays.length, 'birthday')} today` : null,
  ]
    .filter((part) => part !== null)
    .join(' · ');
  return { title, lines, followUpsDue: due.total, birthdaysToday: birthdays.length };
}
