import {
  interactionKindLabels,
  interactionSourceLabels,
  type InteractionKind,
} from '../../../../shared/journal/kinds';

/** "Tue 10 Mar 2026, 09:00" in the user's zone; all-day entries show the day only. */
export function formatWhen(startsAt: string, allDay: boolean): string {
  if (allDay) {
    const [y, m, d] = startsAt.split('-').map(Number);
    return new Date(y, m - 1, d).toLocaleDateString(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
    });
  }
  return new Date(startsAt).toLocaleString(undefined, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** The month an entry falls in, as the timeline's group heading ("March 2026"). */
export function monthOf(startsAt: string, allDay: boolean): string {
  const d = allDay ? new Date(`${startsAt}T12:00:00`) : new Date(startsAt);
  return d.toLocaleDateString(undefined, { month: 'long', year: 'numeric' });
}

/** Where an entry came from, as its badge and the journal's filter say. */
export function sourceLabel(source: string): string {
  return (interactionSourceLabels as Record<string, string>)[source] ?? source;
}

export function kindLabel(kind: InteractionKind): string {
  return interactionKindLabels[kind];
}

export function durationLabel(minutes: number | null): string | null {
  if (minutes === null || minutes === 0) return null;
  if (minutes < 60) return `${minutes} min`;
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

/** A `datetime-local` input's value for an ISO instant, in the user's zone. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Back from a `datetime-local` value (local wall time) to an ISO instant. */
export function fromLocalInput(value: string): string {
  return new Date(value).toISOString();
}

/** The title a row shows: its own, else what it was and with whom. */
export function displayTitle(entry: {
  title: string;
  kind: InteractionKind;
  participants: Array<{ displayName: string }>;
}): string {
  if (entry.title) return entry.title;
  const names = entry.participants.map((p) => p.displayName);
  return names.length > 0
    ? `${kindLabel(entry.kind)} with ${names.slice(0, 3).join(', ')}`
    : kindLabel(entry.kind);
}
