/**
 * A calendar whose events name no one (no organiser, no attendee) has no meetings with anyone to
 * import. Most often it is an export made with too little detail: Outlook's "Save Calendar"
 * writes "Availability only" unless told otherwise, each event titled with its free/busy state.
 */
export type Peopleless = 'availability' | 'no_people';

/**
 * The titles an availability-only export gives its events: Outlook's free/busy states, in the
 * language of the Outlook that saved it (English, German, French, Spanish, Italian, Dutch).
 */
const AVAILABILITY_TITLES = new Set([
  'busy',
  'free',
  'tentative',
  'out of office',
  'working elsewhere',
  'away',
  'gebucht',
  'beschäftigt',
  'frei',
  'mit vorbehalt',
  'abwesend',
  'außer haus',
  'an anderem ort tätig',
  'occupé',
  'occupé(e)',
  'disponible',
  'libre',
  'provisoire',
  'absent',
  'absent(e)',
  'travail ailleurs',
  'ocupado',
  'provisional',
  'fuera de la oficina',
  'trabajando en otro lugar',
  'occupato',
  'libero',
  'per conferma',
  'fuori sede',
  'bezet',
  'vrij',
  'voorlopig',
  'afwezig',
  'elders aan het werk',
]);

/** Share of titles that must be free/busy states for the export to be taken as availability only. */
const AVAILABILITY_SHARE = 0.8;

/**
 * Whether a calendar's events name no one at all, and whether they look like an availability-only
 * export; null when any event names someone (or there are none).
 */
export function peopleless(
  events: Iterable<{ title: string; people: readonly unknown[] }>,
): Peopleless | null {
  let total = 0;
  let availability = 0;
  for (const e of events) {
    if (e.people.length > 0) return null;
    total++;
    if (AVAILABILITY_TITLES.has(e.title.trim().toLowerCase())) availability++;
  }
  if (total === 0) return null;
  return availability >= AVAILABILITY_SHARE * total ? 'availability' : 'no_people';
}

/** What the preview says of such a calendar, and what to do about it. */
export function peoplelessAdvice(kind: Peopleless): string {
  return kind === 'availability'
    ? 'Its events hold only times marked “Busy” or “Tentative”, with no titles or people: an availability-only export. In Outlook, save it again with File → Save Calendar → More Options, Detail “Full details” and Date Range “Whole calendar”.'
    : 'None of its events names an organiser or an attendee, so it holds no meetings with anyone. A personal calendar has none; Outlook writes them only with File → Save Calendar → More Options, Detail “Full details”.';
}
