import type { InteractionKind } from './kinds';

/** What "coffee with Ana, 45 min, yesterday, talked about the promo" means. */
export interface QuickLog {
  kind: InteractionKind;
  title: string;
  /** Names after "with", split on commas, "and" and "&": resolved to contacts by the caller. */
  names: string[];
  minutes: number | null;
  /** Local calendar day. */
  date: string;
  /** Local `HH:MM` when a time was given. */
  time: string | null;
  notes: string;
}

const kindWords: Array<[RegExp, InteractionKind]> = [
  [/\b(coffee|lunch|dinner|breakfast|meal|drinks?|tea|brunch)\b/i, 'coffee'],
  [/\b(video|zoom|teams|meet|hangout|facetime)\b/i, 'video'],
  [/\b(call|called|phone|rang)\b/i, 'call'],
  [/\b(e-?mail(ed)?)\b/i, 'email'],
  [/\b(message|messaged|text|texted|chat|slack|whatsapp|dm)\b/i, 'message'],
  [/\b(conference|event|offsite|all-hands|party|meetup)\b/i, 'event'],
  [/\b(project|pairing|workshop)\b/i, 'project'],
  [/\b(note)\b/i, 'note'],
  [/\b(meeting|met|1:1|one-on-one|catch-?up|visit)\b/i, 'meeting'],
];

const weekdays = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function localDate(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

function daysBefore(now: Date, days: number): string {
  const d = new Date(now.getFullYear(), now.getMonth(), now.getDate() - days, 12);
  return localDate(d);
}

function parseMinutes(part: string): number | null {
  const hours = /^(\d+(?:[.,]\d+)?)\s*(h|hr|hrs|hour|hours)$/i.exec(part);
  if (hours) return Math.round(Number(hours[1].replace(',', '.')) * 60);
  const minutes = /^(\d+)\s*(m|min|mins|minute|minutes)$/i.exec(part);
  if (minutes) return Number(minutes[1]);
  const both = /^(\d+)\s*h\s*(\d+)\s*(m|min)?$/i.exec(part);
  if (both) return Number(both[1]) * 60 + Number(both[2]);
  return null;
}

function parseDate(part: string, now: Date): string | null {
  const p = part.toLowerCase();
  if (p === 'today' || p === 'now') return localDate(now);
  if (p === 'yesterday') return daysBefore(now, 1);
  const ago = /^(\d+)\s*(day|days|week|weeks)\s+ago$/.exec(p);
  if (ago) return daysBefore(now, Number(ago[1]) * (ago[2].startsWith('week') ? 7 : 1));
  const weekday = /^(last\s+|on\s+)?(sunday|monday|tuesday|wednesday|thursday|friday|saturday)$/.exec(p);
  if (weekday) {
    const back = (now.getDay() - weekdays.indexOf(weekday[2]) + 7) % 7 || 7;
    return daysBefore(now, back);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(p)) return p;
  return null;
}

function parseTime(part: string): string | null {
  const m = /^(at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$/i.exec(part);
  if (!m || (!m[3] && !m[4] && !m[1])) return null;
  let hour = Number(m[2]);
  const minute = m[3] ? Number(m[3]) : 0;
  const half = m[4]?.toLowerCase();
  if (half === 'pm' && hour < 12) hour += 12;
  if (half === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return null;
  return `${pad(hour)}:${pad(minute)}`;
}

function splitNames(text: string): string[] {
  return text
    .split(/\s*(?:,|&|\band\b)\s*/i)
    .map((n) => n.trim().replace(/^@/, ''))
    .filter((n) => n.length > 0);
}

/**
 * Reads a one-line log. The first comma-separated part says what and with whom; the
 * others may be a duration, a day, a time; whatever is left becomes the notes.
 */
export function parseQuickLog(text: string, now: Date): QuickLog {
  const parts = text
    .split(',')
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  const head = parts.shift() ?? '';
  let minutes: number | null = null;
  let date: string | null = null;
  let time: string | null = null;
  const names: string[] = [];
  const rest: string[] = [];

  const withMatch = /^(.*?)\s+with\s+(.+)$/i.exec(head);
  const what = withMatch ? withMatch[1].trim() : head;
  if (withMatch) names.push(...splitNames(withMatch[2]));

  for (const part of parts) {
    const m: number | null = minutes === null ? parseMinutes(part) : null;
    if (m !== null) {
      minutes = m;
      continue;
    }
    const d: string | null = date === null ? parseDate(part, now) : null;
    if (d !== null) {
      date = d;
      continue;
    }
    const t: string | null = time === null ? parseTime(part) : null;
    if (t !== null) {
      time = t;
      continue;
    }
    // Names may run on past the first comma: "coffee with Ana, Bruno, 45 min".
    if (rest.length === 0 && names.length > 0 && /^[\p{Lu}@]/u.test(part) && part.split(/\s+/).length <= 3) {
      names.push(...splitNames(part));
      continue;
    }
    rest.push(part);
  }

  const kind = kindWords.find(([pattern]) => pattern.test(what))?.[1] ?? 'meeting';
  const title = head.length > 0 ? head[0].toUpperCase() + head.slice(1) : '';
  return { kind, title, names, minutes, date: date ?? localDate(now), time, notes: rest.join(', ') };
}

/**
 * Where a quick log sits in time: at the given local time; else, for today, ending now;
 * else as an all-day entry on that day.
 */
export function quickLogMoment(log: QuickLog, now: Date): { startsAt: string; allDay: boolean } {
  if (log.time !== null) {
    const [y, mo, d] = log.date.split('-').map(Number);
    const [h, mi] = log.time.split(':').map(Number);
    return { startsAt: new Date(y, mo - 1, d, h, mi).toISOString(), allDay: false };
  }
  if (log.date === localDate(now)) {
    return { startsAt: new Date(now.getTime() - (log.minutes ?? 0) * 60_000).toISOString(), allDay: false };
  }
  return { startsAt: log.date, allDay: true };
}
