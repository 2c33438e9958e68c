import { anyOf } from './kind';

/** Words that name an absence in any title, in the languages exports most often come in. */
const ABSENCE = anyOf([
  'out of (?:the )?office',
  'ooo',
  'ooto',
  'oof',
  'pto',
  'vacation',
  'annual leave',
  '(?:sick|parental|maternity|paternity|compassionate) leave',
  'on leave',
  'sick(?: day)?',
  'off sick',
  'days? off',
  'urlaub',
  'abwesend',
  'abwesenheit',
  'krank',
  'congés?',
  'vacances',
  'vacaciones',
  'ausente',
  'ferie',
  'vakantie',
  'verlof',
  'afwezig',
  'ziek',
  'férias',
  'de folga',
]);
/**
 * Words that name an absence only on a whole-day event: "Holiday party" at 18:00 is a party. A
 * team's "away day" is an offsite, not an absence.
 */
const WHOLE_DAY_ABSENCE = anyOf([
  'holidays?',
  'bank holiday',
  'public holiday',
  'feiertag',
  'jour férié',
  'feriado',
  'festivo',
  'feestdag',
  'away(?![\\s-]*days?(?![\\p{L}\\p{N}]))',
]);
/** A timed absence is most of a working day: "OOO sync" for half an hour is a meeting. */
const MIN_TIMED_ABSENCE_MS = 4 * 60 * 60 * 1000;

/**
 * Whether an event is an out-of-office notice rather than a meeting: "Ana – vacation" or "OOO"
 * sent to the team so their calendars show it. Its attendees were told, not met, and counting it
 * would make everyone on the team look close to Ana. Known by its title, on an event that takes
 * a whole day (or most of one).
 */
export function isAbsenceNotice(event: { title: string; allDay: boolean; lengthMs: number | null }): boolean {
  if (event.allDay) return ABSENCE.test(event.title) || WHOLE_DAY_ABSENCE.test(event.title);
  return event.lengthMs !== null && event.lengthMs >= MIN_TIMED_ABSENCE_MS && ABSENCE.test(event.title);
}
