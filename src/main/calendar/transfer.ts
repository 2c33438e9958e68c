import type { Occurrence, OccurrencePerson, ParsedCalendar } from '../../shared/calendar/types';

type PackedOccurrence = Omit<Occurrence, 'people' | 'declinedBy'> & {
  /** Indices into `persons`. */
  people: number[];
  /** Indices into `addresses`. */
  declinedBy: number[];
};

/**
 * A parsed file as the worker thread sends it back. Each occurrence's people are indices into
 * one table of distinct people: copying a 20,000-event history between threads as objects
 * means 130,000 person objects and costs about half a second, where the same people as number
 * arrays over a table of a few thousand cost a fifth of that.
 */
export interface PackedCalendar extends Omit<ParsedCalendar, 'occurrences'> {
  occurrences: PackedOccurrence[];
  persons: OccurrencePerson[];
  addresses: string[];
}

/** One index per distinct value, in first-seen order. */
class Table<T> {
  readonly values: T[] = [];
  private readonly index = new Map<string, number>();

  constructor(private readonly keyOf: (value: T) => string) {}

  add(value: T): number {
    const key = this.keyOf(value);
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.values.length;
      this.values.push(value);
      this.index.set(key, i);
    }
    return i;
  }
}

export function packCalendar(parsed: ParsedCalendar): PackedCalendar {
  const persons = new Table<OccurrencePerson>(
    (p) => `${p.email}\u0000${p.role}\u0000${p.response ?? '\u0001'}\u0000${p.name ?? '\u0001'}`,
  );
  const addresses = new Table<string>((email) => email);
  const occurrences = parsed.occurrences.map((o): PackedOccurrence => ({
    ...o,
    people: o.people.map((p) => persons.add(p)),
    declinedBy: o.declinedBy.map((email) => addresses.add(email)),
  }));
  return { ...parsed, occurrences, persons: persons.values, addresses: addresses.values };
}

/**
 * The parsed file again. Occurrences with the same person share one frozen object for them:
 * nothing after parsing changes a person, and freezing makes sure nothing starts to.
 */
export function unpackCalendar(packed: PackedCalendar): ParsedCalendar {
  const { persons, addresses, occurrences, ...rest } = packed;
  for (const person of persons) Object.freeze(person);
  return {
    ...rest,
    occurrences: occurrences.map((o): Occurrence => ({
      ...o,
      people: o.people.map((i) => persons[i]),
      declinedBy: o.declinedBy.map((i) => addresses[i]),
    })),
  };
}
