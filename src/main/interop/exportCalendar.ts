import type BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';
import ICAL from 'ical.js';
import { dayCelebrated, parseBirthday, type BirthdayParts } from '../../shared/contacts/birthday';
import { labelKey } from '../../shared/contacts/labels';

/** A yearly day to put in the calendar: someone's birthday or one of their important dates. */
interface YearlyDay {
  contactId: number;
  displayName: string;
  /** Null for the birthday. */
  label: string | null;
  date: string;
}

function yearlyDays(sqlite: BetterSqlite3.Database): YearlyDay[] {
  return sqlite
    .prepare(
      `SELECT id AS contactId, display_name AS displayName, NULL AS label, birthday AS date
         FROM contacts WHERE birthday IS NOT NULL AND archived = 0
       UNION ALL
       SELECT c.id, c.display_name, d.label, d.date
         FROM contact_important_dates d JOIN contacts c ON c.id = d.contact_id WHERE c.archived = 0
       ORDER BY 2, 1, 3`,
    )
    .all() as YearlyDay[];
}

/**
 * The same event each time the calendar is exported, so a calendar app that imports it again
 * updates the day rather than adding it twice: the contact and the date's name, not its row.
 */
function uidOf(day: YearlyDay): string {
  if (day.label === null) return `birthday-${day.contactId}@rapport.invalid`;
  const name = createHash('sha256').update(labelKey(day.label)).digest('hex').slice(0, 16);
  return `date-${day.contactId}-${name}@rapport.invalid`;
}

/**
 * When the yearly event starts: the date itself when its year is known, else this year. A 29
 * February repeats on February's last day, as the dashboard keeps it on the 28th in other years.
 */
function firstDay(parts: BirthdayParts, thisYear: number): { start: ICAL.Time; rule: string } {
  const year = parts.year ?? thisYear;
  const start = ICAL.Time.fromData({
    year,
    month: parts.month,
    day: dayCelebrated(parts, year),
    isDate: true,
  });
  const leapDay = parts.month === 2 && parts.day === 29;
  return { start, rule: leapDay ? 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=-1' : 'FREQ=YEARLY' };
}

function eventOf(day: YearlyDay, parts: BirthdayParts, now: Date): ICAL.Component {
  const event = new ICAL.Component('vevent');
  const { start, rule } = firstDay(parts, now.getUTCFullYear());
  const end = start.clone();
  end.adjust(1, 0, 0, 0);
  const title = day.label === null ? `${day.displayName}’s birthday` : `${day.displayName}: ${day.label}`;
  event.addPropertyWithValue('uid', uidOf(day));
  event.addPropertyWithValue('dtstamp', ICAL.Time.fromJSDate(now, true));
  event.addPropertyWithValue('dtstart', start);
  event.addPropertyWithValue('dtend', end);
  event.addPropertyWithValue('rrule', ICAL.Recur.fromString(rule));
  event.addPropertyWithValue('summary', title);
  if (parts.year !== null) {
    event.addPropertyWithValue('description', `${day.label === null ? 'Born' : 'Since'} ${parts.year}`);
  }
  event.addPropertyWithValue('categories', day.label ?? 'Birthday');
  // A day to remember is not a meeting: it leaves the user free.
  event.addPropertyWithValue('transp', 'TRANSPARENT');
  const alarm = new ICAL.Component('valarm');
  alarm.addPropertyWithValue('action', 'DISPLAY');
  alarm.addPropertyWithValue('description', title);
  // Nine in the morning of the day, as the app's own reminder.
  alarm.addPropertyWithValue('trigger', ICAL.Duration.fromString('PT9H'));
  event.addSubcomponent(alarm);
  return event;
}

/**
 * Everyone's birthdays and important dates (archived contacts left out) as a calendar of yearly
 * all-day events, for the user's calendar app to show and remind of. Returns the text and how many
 * contacts it names.
 */
export function datesCalendar(sqlite: BetterSqlite3.Database, now: Date): { text: string; contacts: number } {
  const calendar = new ICAL.Component(['vcalendar', [], []]);
  calendar.addPropertyWithValue('version', '2.0');
  calendar.addPropertyWithValue('prodid', '-//Rapport//Birthdays and dates//EN');
  calendar.addPropertyWithValue('calscale', 'GREGORIAN');
  calendar.addPropertyWithValue('x-wr-calname', 'Rapport: birthdays and dates');
  const contacts = new Set<number>();
  for (const day of yearlyDays(sqlite)) {
    const parts = parseBirthday(day.date);
    // A stored value that is no real day (an old import's) has no place in a calendar.
    if (!parts) continue;
    calendar.addSubcomponent(eventOf(day, parts, now));
    contacts.add(day.contactId);
  }
  return { text: `${calendar.toString()}\r\n`, contacts: contacts.size };
}
